package org.alliance.core.instrument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a local texts file ({@code format: alliance-instrument-texts/1}) for a skeleton instrument and checks it
 * against that instrument: the same id and version, known item ids, and a text for every item, because an
 * instrument with one untranslated item cannot be shown to a client in that language.
 */
public final class InstrumentTextsReader {

    public static final String FORMAT = "alliance-instrument-texts/1";
    private static final Set<String> KEYS = Set.of("format", "instrument", "version", "language", "title", "items");

    private InstrumentTextsReader() {}

    public static Result read(Path file, Instrument instrument) {
        String source = file.toString();
        try {
            return read(source, Files.readString(file, StandardCharsets.UTF_8), instrument);
        } catch (NoSuchFileException e) {
            return new Result(
                    source, Optional.empty(), List.of(new Problem(Problem.Severity.ERROR, "", 0, "file not found")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result read(String source, String text, Instrument instrument) {
        Optional<Problem> tooLarge = YamlDocument.sizeProblem(text);
        if (tooLarge.isPresent()) {
            return new Result(source, Optional.empty(), List.of(tooLarge.get()));
        }
        YamlDocument document;
        try {
            document = YamlDocument.parse(text);
        } catch (YamlDocument.SyntaxError e) {
            return new Result(
                    source,
                    Optional.empty(),
                    List.of(new Problem(Problem.Severity.ERROR, "", e.line(), "not valid YAML: " + e.getMessage())));
        }
        DefinitionChecker check = new DefinitionChecker(document);
        JsonNode root = document.root();
        if (root == null || !root.isObject()) {
            check.error("", "the file must be a YAML mapping that starts with 'format: " + FORMAT + "'");
            return new Result(source, Optional.empty(), check.problems());
        }
        check.onlyKeys(root, "", KEYS);
        Optional<String> format = check.text(root, "", "format", true);
        if (format.isPresent() && !format.get().equals(FORMAT)) {
            check.error("/format", "unsupported format '" + format.get() + "'; this version reads " + FORMAT);
        }
        Optional<String> id = check.id(root, "", "instrument", true);
        if (id.isPresent() && !id.get().equals(instrument.id())) {
            check.error("/instrument", "these texts are for '" + id.get() + "', not for '" + instrument.id() + "'");
        }
        Optional<String> version = check.text(root, "", "version", true);
        if (version.isPresent() && !version.get().equals(instrument.version())) {
            check.error(
                    "/version",
                    "these texts are for version " + version.get() + ", but the instrument is version "
                            + instrument.version());
        }
        Optional<Language> language = check.text(root, "", "language", true).flatMap(code -> {
            Optional<Language> found =
                    Language.fromCode(code).filter(l -> l.code().equals(code));
            if (found.isEmpty()) {
                check.error("/language", "unknown language '" + code + "'; use nl, en, nb or da");
            }
            return found;
        });
        Optional<String> title = check.text(root, "", "title", false);
        Map<String, String> items = new LinkedHashMap<>();
        JsonNode itemsNode = root.get("items");
        if (itemsNode == null || !itemsNode.isObject()) {
            check.error(itemsNode == null ? "" : "/items", "'items' must map every item id to its text");
        } else {
            for (String itemId : itemsNode.propertyNames()) {
                if (instrument.findItem(itemId).isEmpty()) {
                    check.error("/items/" + itemId, "the instrument has no item '" + itemId + "'");
                    continue;
                }
                boolean perProfessional = instrument.item(itemId).perProfessional();
                check.text(itemsNode, "/items", itemId, true).ifPresent(itemText -> {
                    if (perProfessional != itemText.contains(Item.PROFESSIONAL_PLACEHOLDER)) {
                        check.error(
                                "/items/" + itemId,
                                perProfessional
                                        ? "item '" + itemId + "' is asked per professional; its text must contain "
                                                + Item.PROFESSIONAL_PLACEHOLDER + " where the professional's name goes"
                                        : "item '" + itemId + "' is not asked per professional; its text must not"
                                                + " contain " + Item.PROFESSIONAL_PLACEHOLDER);
                    }
                    items.put(itemId, itemText);
                });
            }
            for (Item item : instrument.items()) {
                if (!itemsNode.has(item.id())) {
                    check.error(
                            "/items",
                            "no text for item '" + item.id()
                                    + "'; every item needs one before the instrument can be used in this language");
                }
            }
        }
        if (check.hasErrors() || language.isEmpty()) {
            return new Result(source, Optional.empty(), List.copyOf(check.problems()));
        }
        return new Result(
                source,
                Optional.of(new InstrumentTexts(instrument.id(), instrument.version(), language.get(), title, items)),
                List.copyOf(check.problems()));
    }

    /** The texts when there was no error, and every problem found. */
    public record Result(String source, Optional<InstrumentTexts> texts, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return texts.isPresent();
        }
    }
}
