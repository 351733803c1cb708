package org.alliance.core.instrument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads and validates an instrument definition ({@code format: alliance-instrument/1}, YAML or JSON; the
 * published JSON Schema is docs/schema/instrument.schema.json). Every problem is reported with its path and
 * line; an instrument is returned only when there is no error.
 */
public final class InstrumentReader {

    public static final String FORMAT = "alliance-instrument/1";

    private static final Set<String> TOP_KEYS = Set.of(
            "format",
            "id",
            "version",
            "title",
            "introduction",
            "perspective",
            "mirrors",
            "licence",
            "textsSuppliedLocally",
            "status",
            "responseFormats",
            "items",
            "scoring",
            "scales",
            "cutOffs");
    private static final Set<String> LICENCE_KEYS = Set.of("name", "copyright", "url");
    private static final Set<String> FORMAT_KEYS =
            Set.of("id", "type", "points", "min", "max", "minLabel", "maxLabel", "maxLength", "yesLabel", "noLabel");
    private static final Set<String> POINT_KEYS = Set.of("value", "label");
    private static final Set<String> ITEM_KEYS = Set.of("id", "text", "format", "reverse", "perProfessional");
    private static final Set<String> SCALE_KEYS = Set.of("id", "name", "items", "subscales", "scoring");
    private static final Set<String> SCORING_KEYS = Set.of("method", "minAnsweredShare");
    private static final Set<String> CUT_OFF_KEYS = Set.of("scale", "comparison", "value", "meaning");

    private InstrumentReader() {}

    /** Reads a definition file. A file that cannot be read at all is reported as a problem too. */
    public static Result read(Path file) {
        String source = file.toString();
        try {
            return read(source, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Result.failure(source, new Problem(Problem.Severity.ERROR, "", 0, "file not found"));
        } catch (java.nio.charset.MalformedInputException e) {
            return Result.failure(source, new Problem(Problem.Severity.ERROR, "", 0, "the file is not UTF-8 text"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads definition text; {@code source} names it in messages. */
    public static Result read(String source, String text) {
        Optional<Problem> tooLarge = YamlDocument.sizeProblem(text);
        if (tooLarge.isPresent()) {
            return Result.failure(source, tooLarge.get());
        }
        YamlDocument document;
        try {
            document = YamlDocument.parse(text);
        } catch (YamlDocument.SyntaxError e) {
            return Result.failure(
                    source, new Problem(Problem.Severity.ERROR, "", e.line(), "not valid YAML: " + e.getMessage()));
        }
        DefinitionChecker check = new DefinitionChecker(document);
        JsonNode root = document.root();
        if (root == null || !root.isObject()) {
            check.error("", "the file must be a YAML mapping that starts with 'format: " + FORMAT + "'");
            return new Result(source, Optional.empty(), check.problems());
        }
        Optional<Instrument> instrument = new Parse(check, root).instrument();
        return new Result(source, check.hasErrors() ? Optional.empty() : instrument, List.copyOf(check.problems()));
    }

    /** The outcome of reading one file: the instrument when there was no error, and every problem found. */
    public record Result(String source, Optional<Instrument> instrument, List<Problem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }

        static Result failure(String source, Problem problem) {
            return new Result(source, Optional.empty(), List.of(problem));
        }

        public boolean ok() {
            return instrument.isPresent();
        }

        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }

        /** The instrument, or an exception listing every error. */
        public Instrument orElseThrow() {
            return instrument.orElseThrow(() -> new IllegalArgumentException(String.join(
                    "\n",
                    errors().stream().map(problem -> problem.format(source)).toList())));
        }
    }

    /** One pass over one document. */
    private static final class Parse {
        private final DefinitionChecker check;
        private final JsonNode root;

        Parse(DefinitionChecker check, JsonNode root) {
            this.check = check;
            this.root = root;
        }

        Optional<Instrument> instrument() {
            check.onlyKeys(root, "", TOP_KEYS);
            Optional<String> format = check.text(root, "", "format", true);
            if (format.isPresent() && !format.get().equals(FORMAT)) {
                check.error("/format", "unsupported format '" + format.get() + "'; this version reads " + FORMAT);
            }
            Optional<String> id = check.id(root, "", "id", true);
            Optional<String> version = check.text(root, "", "version", true);
            if (root.has("version") && !root.get("version").isString()) {
                // The generic message already says "put it in quotes"; YAML reads 1.0 as a number.
            } else if (version.isPresent()
                    && !DefinitionChecker.VERSION.matcher(version.get()).matches()) {
                check.error("/version", "version '" + version.get() + "' must look like 1.0.0 (major.minor.patch)");
            }
            boolean skeleton = check.flag(root, "", "textsSuppliedLocally");
            LocalizedText title = check.localized(root, "", "title", true, true);
            LocalizedText introduction = check.localized(root, "", "introduction", false, true);
            Optional<Perspective> perspective = perspective();
            Optional<String> mirrors = check.id(root, "", "mirrors", false);
            if (mirrors.isPresent() && mirrors.equals(id)) {
                check.error("/mirrors", "an instrument cannot mirror itself");
            }
            Optional<Licence> licence = licence();
            boolean validated = status();
            Map<String, ResponseFormat> formats = responseFormats();
            List<Item> items = items(formats, skeleton);
            ScoringRule defaultRule =
                    root.has("scoring") ? scoring(root.get("scoring"), "/scoring") : ScoringRule.DEFAULT;
            List<Scale> scales = scales(items, formats, defaultRule);
            List<CutOff> cutOffs = cutOffs(scales, items, formats);
            if (check.hasErrors() || id.isEmpty() || version.isEmpty() || perspective.isEmpty() || licence.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Instrument(
                    id.get(),
                    version.get(),
                    title,
                    introduction,
                    perspective.get(),
                    mirrors,
                    licence.get(),
                    skeleton,
                    validated,
                    List.copyOf(formats.values()),
                    items,
                    scales,
                    cutOffs));
        }

        private Optional<Perspective> perspective() {
            Optional<String> code = check.text(root, "", "perspective", true);
            if (code.isEmpty()) {
                return Optional.empty();
            }
            Optional<Perspective> perspective = Perspective.fromCode(code.get());
            if (perspective.isEmpty()) {
                check.error(
                        "/perspective",
                        "unknown perspective '" + code.get()
                                + "'; use client, professional, network-member or observer");
            }
            return perspective;
        }

        private boolean status() {
            Optional<String> status = check.text(root, "", "status", false);
            if (status.isPresent() && !Set.of("validated", "unvalidated").contains(status.get())) {
                check.error("/status", "status must be 'validated' or 'unvalidated', not '" + status.get() + "'");
            }
            return status.map("validated"::equals).orElse(false);
        }

        private Optional<Licence> licence() {
            Optional<JsonNode> node = check.required(root, "", "licence");
            if (node.isEmpty()) {
                return Optional.empty();
            }
            if (!node.get().isObject()) {
                check.error("/licence", "'licence' must have name, copyright and optionally url");
                return Optional.empty();
            }
            check.onlyKeys(node.get(), "/licence", LICENCE_KEYS);
            Optional<String> name = check.text(node.get(), "/licence", "name", true);
            Optional<String> copyright = check.text(node.get(), "/licence", "copyright", true);
            Optional<String> url = check.text(node.get(), "/licence", "url", false);
            if (name.isEmpty() || copyright.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Licence(name.get(), copyright.get(), url));
        }

        private Map<String, ResponseFormat> responseFormats() {
            Map<String, ResponseFormat> formats = new LinkedHashMap<>();
            for (Element element : list("responseFormats", true)) {
                JsonNode node = element.node();
                String at = element.pointer();
                check.onlyKeys(node, at, FORMAT_KEYS);
                Optional<String> id = check.id(node, at, "id", true);
                Optional<String> type = check.text(node, at, "type", true);
                if (id.isEmpty() || type.isEmpty()) {
                    continue;
                }
                if (formats.containsKey(id.get())) {
                    check.error(at + "/id", "duplicate response format id '" + id.get() + "'");
                    continue;
                }
                Optional<ResponseFormat> format =
                        switch (type.get()) {
                            case "likert" -> likert(id.get(), node, at);
                            case "slider" -> slider(id.get(), node, at);
                            case "free-text" -> freeText(id.get(), node, at);
                            case "yes-no" ->
                                Optional.of(new ResponseFormat.YesNo(
                                        id.get(),
                                        check.localized(node, at, "yesLabel", false, true),
                                        check.localized(node, at, "noLabel", false, true)));
                            default -> {
                                check.error(
                                        at + "/type",
                                        "unknown response format type '" + type.get()
                                                + "'; use likert, slider, free-text or yes-no");
                                yield Optional.empty();
                            }
                        };
                format.ifPresent(f -> formats.put(f.id(), f));
            }
            return formats;
        }

        private Optional<ResponseFormat> likert(String id, JsonNode node, String at) {
            List<ResponseFormat.Point> points = new ArrayList<>();
            Set<Integer> values = new HashSet<>();
            JsonNode pointsNode = node.get("points");
            if (pointsNode == null || !pointsNode.isArray() || pointsNode.size() < 2) {
                check.error(at, "a likert format needs 'points': a list of at least 2 {value, label}");
                return Optional.empty();
            }
            for (int i = 0; i < pointsNode.size(); i++) {
                JsonNode point = pointsNode.get(i);
                String pointAt = at + "/points/" + i;
                check.onlyKeys(point, pointAt, POINT_KEYS);
                Optional<Integer> value = check.integer(point, pointAt, "value", true);
                LocalizedText label = check.localized(point, pointAt, "label", true, true);
                if (value.isPresent()) {
                    if (!values.add(value.get())) {
                        check.error(pointAt + "/value", "the value " + value.get() + " appears twice");
                    } else if (!points.isEmpty()
                            && value.get() < points.get(points.size() - 1).value()) {
                        check.error(pointAt + "/value", "points must be listed from the lowest value to the highest");
                    }
                    points.add(new ResponseFormat.Point(value.get(), label));
                }
            }
            return points.size() < 2 ? Optional.empty() : Optional.of(new ResponseFormat.Likert(id, points));
        }

        private Optional<ResponseFormat> slider(String id, JsonNode node, String at) {
            Optional<Integer> min = check.integer(node, at, "min", true);
            Optional<Integer> max = check.integer(node, at, "max", true);
            LocalizedText minLabel = check.localized(node, at, "minLabel", true, true);
            LocalizedText maxLabel = check.localized(node, at, "maxLabel", true, true);
            if (min.isEmpty() || max.isEmpty()) {
                return Optional.empty();
            }
            if (min.get() >= max.get()) {
                check.error(at + "/max", "max (" + max.get() + ") must be above min (" + min.get() + ")");
                return Optional.empty();
            }
            return Optional.of(new ResponseFormat.Slider(id, min.get(), max.get(), minLabel, maxLabel));
        }

        private Optional<ResponseFormat> freeText(String id, JsonNode node, String at) {
            int maxLength = check.integer(node, at, "maxLength", false).orElse(2000);
            if (maxLength < 1) {
                check.error(at + "/maxLength", "maxLength must be at least 1");
                return Optional.empty();
            }
            return Optional.of(new ResponseFormat.FreeText(id, maxLength));
        }

        private List<Item> items(Map<String, ResponseFormat> formats, boolean skeleton) {
            List<Item> items = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Element element : list("items", true)) {
                JsonNode node = element.node();
                String at = element.pointer();
                check.onlyKeys(node, at, ITEM_KEYS);
                Optional<String> id = check.id(node, at, "id", true);
                Optional<String> formatId = check.id(node, at, "format", true);
                boolean reverse = check.flag(node, at, "reverse");
                boolean perProfessional = check.flag(node, at, "perProfessional");
                LocalizedText text;
                if (skeleton) {
                    text = LocalizedText.NONE;
                    if (node.has("text")) {
                        check.error(
                                at + "/text",
                                "a skeleton (textsSuppliedLocally: true) must not contain item texts;"
                                        + " licensed texts are loaded locally, never shipped");
                    }
                } else {
                    text = check.localized(node, at, "text", true, true);
                    checkPlaceholder(node, at, id.orElse("?"), perProfessional);
                }
                if (id.isPresent() && !ids.add(id.get())) {
                    check.error(at + "/id", "duplicate item id '" + id.get() + "'");
                    continue;
                }
                if (formatId.isPresent() && !formats.containsKey(formatId.get())) {
                    check.error(
                            at + "/format",
                            "unknown response format '" + formatId.get() + "'; defined are: "
                                    + String.join(", ", formats.keySet()));
                    continue;
                }
                if (formatId.isPresent()
                        && reverse
                        && !formats.get(formatId.get()).numeric()) {
                    check.error(
                            at + "/reverse",
                            "item '" + id.orElse("?")
                                    + "' is free text and cannot be reverse-keyed; only numeric answers can be reversed");
                }
                if (id.isPresent() && formatId.isPresent()) {
                    items.add(new Item(id.get(), text, formatId.get(), reverse, perProfessional));
                }
            }
            return items;
        }

        /**
         * A per-professional item names the professional in every language (the app fills the name in); any other
         * item must not, or the client would read "{professional}" on screen.
         */
        private void checkPlaceholder(JsonNode node, String at, String itemId, boolean perProfessional) {
            JsonNode texts = node.get("text");
            if (texts == null || !texts.isObject()) {
                return;
            }
            for (Language language : Language.values()) {
                JsonNode text = texts.get(language.code());
                if (text == null || !text.isString()) {
                    continue;
                }
                boolean named = text.stringValue().contains(Item.PROFESSIONAL_PLACEHOLDER);
                if (perProfessional && !named) {
                    check.error(
                            at + "/text/" + language.code(),
                            "item '" + itemId + "' is asked per professional (perProfessional: true), so its "
                                    + language.code() + " text must contain " + Item.PROFESSIONAL_PLACEHOLDER
                                    + " where the professional's name goes");
                } else if (!perProfessional && named) {
                    check.error(
                            at + "/text/" + language.code(),
                            "item '" + itemId + "' contains " + Item.PROFESSIONAL_PLACEHOLDER
                                    + " but is not asked per professional; add 'perProfessional: true' or remove it");
                }
            }
        }

        private ScoringRule scoring(JsonNode node, String at) {
            if (!node.isObject()) {
                check.error(at, "'scoring' must have 'method' (mean or prorated-sum) and 'minAnsweredShare'");
                return ScoringRule.DEFAULT;
            }
            check.onlyKeys(node, at, SCORING_KEYS);
            ScoringRule.Method method = ScoringRule.Method.MEAN;
            Optional<String> methodName = check.text(node, at, "method", false);
            if (methodName.isPresent()) {
                switch (methodName.get()) {
                    case "mean" -> method = ScoringRule.Method.MEAN;
                    case "prorated-sum" -> method = ScoringRule.Method.PRORATED_SUM;
                    default ->
                        check.error(
                                at + "/method",
                                "unknown scoring method '" + methodName.get() + "'; use mean or prorated-sum");
                }
            }
            double share =
                    check.number(node, at, "minAnsweredShare", false).orElse(ScoringRule.DEFAULT.minAnsweredShare());
            if (!(share > 0 && share <= 1)) {
                check.error(
                        at + "/minAnsweredShare",
                        "minAnsweredShare must be above 0 and at most 1 (e.g. 0.75), not " + share);
                share = ScoringRule.DEFAULT.minAnsweredShare();
            }
            return new ScoringRule(method, share);
        }

        private List<Scale> scales(List<Item> items, Map<String, ResponseFormat> formats, ScoringRule defaultRule) {
            Map<String, Item> itemsById = new HashMap<>();
            items.forEach(item -> itemsById.put(item.id(), item));
            Map<String, Declared> declared = new LinkedHashMap<>();
            for (Element element : list("scales", true)) {
                JsonNode node = element.node();
                String at = element.pointer();
                check.onlyKeys(node, at, SCALE_KEYS);
                Optional<String> id = check.id(node, at, "id", true);
                LocalizedText name = check.localized(node, at, "name", true, true);
                List<String> scaleItems = check.textList(node, at, "items");
                List<String> subscales = check.textList(node, at, "subscales");
                ScoringRule rule = node.has("scoring") ? scoring(node.get("scoring"), at + "/scoring") : defaultRule;
                if (id.isEmpty()) {
                    continue;
                }
                if (declared.containsKey(id.get())) {
                    check.error(at + "/id", "duplicate scale id '" + id.get() + "'");
                    continue;
                }
                if (scaleItems.isEmpty() && subscales.isEmpty()) {
                    check.error(at, "scale '" + id.get() + "' lists no items and no subscales");
                }
                for (int i = 0; i < scaleItems.size(); i++) {
                    String itemId = scaleItems.get(i);
                    Item item = itemsById.get(itemId);
                    if (item == null) {
                        check.error(
                                at + "/items/" + i, "scale '" + id.get() + "' points to unknown item '" + itemId + "'");
                    } else if (!formats.get(item.format()).numeric()) {
                        check.error(
                                at + "/items/" + i,
                                "item '" + itemId + "' is free text and cannot be scored in scale '" + id.get() + "'");
                    }
                }
                declared.put(id.get(), new Declared(at, name, scaleItems, subscales, rule));
            }
            List<Scale> scales = new ArrayList<>();
            for (Map.Entry<String, Declared> entry : declared.entrySet()) {
                Set<String> resolved = new LinkedHashSet<>();
                if (resolve(entry.getKey(), declared, itemsById, resolved, new ArrayList<>())) {
                    Declared scale = entry.getValue();
                    // Free-text items were reported above; they never enter a score.
                    resolved.removeIf(itemId ->
                            !formats.get(itemsById.get(itemId).format()).numeric());
                    checkSameRange(entry.getKey(), scale.pointer(), resolved, itemsById, formats);
                    checkOneKind(entry.getKey(), scale.pointer(), resolved, itemsById);
                    if (!resolved.isEmpty()) {
                        scales.add(new Scale(
                                entry.getKey(), scale.name(), List.copyOf(resolved), scale.subscales(), scale.rule()));
                    }
                }
            }
            warnUnscored(items, formats, declared);
            return scales;
        }

        /** Collects the items of a scale and its subscales; reports unknown subscales and cycles. */
        private boolean resolve(
                String scaleId,
                Map<String, Declared> declared,
                Map<String, Item> itemsById,
                Set<String> into,
                List<String> trail) {
            Declared scale = declared.get(scaleId);
            if (trail.contains(scaleId)) {
                check.error(
                        declared.get(trail.get(0)).pointer() + "/subscales",
                        "subscales form a cycle: " + String.join(" → ", trail) + " → " + scaleId);
                return false;
            }
            trail.add(scaleId);
            for (int i = 0; i < scale.subscales().size(); i++) {
                String subscale = scale.subscales().get(i);
                if (!declared.containsKey(subscale)) {
                    if (trail.size() == 1) {
                        check.error(
                                scale.pointer() + "/subscales/" + i,
                                "scale '" + scaleId + "' points to unknown subscale '" + subscale + "'");
                    }
                    return false;
                }
                if (!resolve(subscale, declared, itemsById, into, trail)) {
                    return false;
                }
            }
            for (String itemId : scale.items()) {
                if (itemsById.containsKey(itemId) && !into.add(itemId) && trail.size() == 1) {
                    check.error(
                            scale.pointer() + "/items",
                            "item '" + itemId + "' is counted twice in scale '" + scaleId + "'");
                }
            }
            trail.remove(trail.size() - 1);
            return true;
        }

        private void checkSameRange(
                String scaleId,
                String pointer,
                Set<String> itemIds,
                Map<String, Item> itemsById,
                Map<String, ResponseFormat> formats) {
            Set<String> ranges = new LinkedHashSet<>();
            for (String itemId : itemIds) {
                ResponseFormat format = formats.get(itemsById.get(itemId).format());
                if (format.numeric()) {
                    ranges.add(CutOff.formatNumber(format.min()) + "–" + CutOff.formatNumber(format.max()));
                }
            }
            if (ranges.size() > 1) {
                check.warning(
                        pointer,
                        "scale '" + scaleId + "' mixes answer ranges (" + String.join(", ", ranges)
                                + "); its mean is hard to interpret");
            }
        }

        /** A scale is scored either once per professional or once for the meeting, never half and half. */
        private void checkOneKind(String scaleId, String pointer, Set<String> itemIds, Map<String, Item> itemsById) {
            long perProfessional = itemIds.stream()
                    .filter(itemId -> itemsById.get(itemId).perProfessional())
                    .count();
            if (perProfessional > 0 && perProfessional < itemIds.size()) {
                check.error(
                        pointer,
                        "scale '" + scaleId + "' mixes items asked per professional with items asked once;"
                                + " a per-professional scale is scored separately for each professional, so all its"
                                + " items must have 'perProfessional: true'");
            }
        }

        private void warnUnscored(
                List<Item> items, Map<String, ResponseFormat> formats, Map<String, Declared> declared) {
            Set<String> scored = new HashSet<>();
            declared.values().forEach(scale -> scored.addAll(scale.items()));
            List<Element> elements = list("items", false);
            for (int i = 0; i < items.size() && i < elements.size(); i++) {
                Item item = items.get(i);
                if (formats.get(item.format()).numeric() && !scored.contains(item.id())) {
                    check.warning(pointerOfItem(item.id(), elements), "item '" + item.id() + "' is in no scale");
                }
            }
        }

        private static String pointerOfItem(String itemId, List<Element> elements) {
            for (Element element : elements) {
                JsonNode id = element.node().get("id");
                if (id != null && id.isString() && id.stringValue().equals(itemId)) {
                    return element.pointer();
                }
            }
            return "/items";
        }

        private List<CutOff> cutOffs(List<Scale> scales, List<Item> items, Map<String, ResponseFormat> formats) {
            List<CutOff> cutOffs = new ArrayList<>();
            for (Element element : list("cutOffs", false)) {
                JsonNode node = element.node();
                String at = element.pointer();
                check.onlyKeys(node, at, CUT_OFF_KEYS);
                Optional<String> scaleId = check.id(node, at, "scale", true);
                Optional<String> comparisonName = check.text(node, at, "comparison", true);
                Optional<Double> value = check.number(node, at, "value", true);
                LocalizedText meaning = check.localized(node, at, "meaning", true, true);
                Optional<CutOff.Comparison> comparison = comparisonName.flatMap(name -> switch (name) {
                    case "below" -> Optional.of(CutOff.Comparison.BELOW);
                    case "at-or-below" -> Optional.of(CutOff.Comparison.AT_OR_BELOW);
                    default -> {
                        check.error(at + "/comparison", "unknown comparison '" + name + "'; use below or at-or-below");
                        yield Optional.empty();
                    }
                });
                Optional<Scale> scale = scaleId.flatMap(idValue ->
                        scales.stream().filter(s -> s.id().equals(idValue)).findFirst());
                if (scaleId.isPresent() && scale.isEmpty()) {
                    check.error(at + "/scale", "cut-off on unknown scale '" + scaleId.get() + "'");
                }
                if (scale.isPresent() && value.isPresent()) {
                    double[] range = scoreRange(scale.get(), items, formats);
                    if (value.get() < range[0] || value.get() > range[1]) {
                        check.error(
                                at + "/value",
                                "the cut-off " + CutOff.formatNumber(value.get())
                                        + " lies outside the possible scores of scale '"
                                        + scale.get().id() + "' ("
                                        + CutOff.formatNumber(range[0]) + " to " + CutOff.formatNumber(range[1]) + ")");
                    }
                }
                if (scale.isPresent() && comparison.isPresent() && value.isPresent()) {
                    cutOffs.add(new CutOff(scale.get().id(), comparison.get(), value.get(), meaning));
                }
            }
            return cutOffs;
        }

        /** Lowest and highest possible score of a scale under its scoring rule. */
        private static double[] scoreRange(Scale scale, List<Item> items, Map<String, ResponseFormat> formats) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (String itemId : scale.items()) {
                Item item = items.stream()
                        .filter(i -> i.id().equals(itemId))
                        .findFirst()
                        .orElseThrow();
                ResponseFormat format = formats.get(item.format());
                min = Math.min(min, format.min());
                max = Math.max(max, format.max());
            }
            if (scale.scoring().method() == ScoringRule.Method.PRORATED_SUM) {
                return new double[] {
                    min * scale.items().size(), max * scale.items().size()
                };
            }
            return new double[] {min, max};
        }

        private List<Element> list(String key, boolean required) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                if (required) {
                    check.error("", "'" + key + "' is required");
                }
                return List.of();
            }
            if (!node.isArray()) {
                check.error("/" + key, "'" + key + "' must be a list (each entry starting with '- ')");
                return List.of();
            }
            if (node.isEmpty() && required) {
                check.error("/" + key, "'" + key + "' is empty");
            }
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String pointer = "/" + key + "/" + i;
                if (!node.get(i).isObject()) {
                    check.error(pointer, "each entry of '" + key + "' must be a block of keys");
                } else {
                    elements.add(new Element(node.get(i), pointer));
                }
            }
            return elements;
        }
    }

    private record Element(JsonNode node, String pointer) {}

    private record Declared(
            String pointer, LocalizedText name, List<String> items, List<String> subscales, ScoringRule rule) {}
}
