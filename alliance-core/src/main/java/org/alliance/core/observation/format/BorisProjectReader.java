package org.alliance.core.observation.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.alliance.core.observation.Code;
import org.alliance.core.observation.CodeSet;
import org.alliance.core.observation.CodingScheme;
import org.alliance.core.observation.Modality;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a BORIS project file ({@code .boris}, JSON). Format only: BORIS itself is GPL software.
 *
 * <p>The ethogram ({@code behaviors_conf}) becomes the coding scheme, one code set per behavioural category
 * (the BORIS key becomes the hotkey, the description the English description). Subjects become actors; an
 * event without a subject gets the actor {@value #NO_SUBJECT}. The modality is non-verbal when the
 * behaviour's category contains "non-verbal" or "nonverbal", verbal otherwise. Events are rows {@code [time_s,
 * subject, code, modifier, comment, …]}; point events give onset = offset; state events are paired per
 * (subject, code, modifier), and unpaired ones are reported (and closed at the end of the observation when
 * asked: the later of the last event and the media length).
 */
public final class BorisProjectReader {

    public static final String NO_SUBJECT = "no focal subject";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BorisProjectReader() {}

    /** The project: name, scheme, subjects and observations (sorted by id). */
    public record BorisProject(
            String name, CodingScheme scheme, List<String> subjects, List<BorisObservation> observations) {
        public BorisProject {
            subjects = List.copyOf(subjects);
            observations = List.copyOf(observations);
        }
    }

    public static BorisProject read(Path file, boolean closeUnpaired) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), closeUnpaired);
        } catch (NoSuchFileException e) {
            throw new ObservationFormatException(file + ": file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BorisProject read(InputStream in, String source, boolean closeUnpaired) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            var location = e.getLocation();
            throw new ObservationFormatException(source
                    + (location == null ? "" : ", line " + location.getLineNr() + ", column " + location.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.has("behaviors_conf") || !root.has("observations")) {
            throw new ObservationFormatException(
                    source + ": not a BORIS project (expected a JSON object with behaviors_conf and observations)");
        }
        Map<String, Modality> modalities = new HashMap<>();
        Set<String> stateCodes = new HashSet<>();
        CodingScheme scheme = scheme(root, source, modalities, stateCodes);
        List<String> subjects = new ArrayList<>();
        for (JsonNode subject : values(root.path("subjects_conf"))) {
            String name = subject.path("name").asString("").strip();
            if (!name.isEmpty()) {
                subjects.add(name);
            }
        }
        List<BorisObservation> observations = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> entries =
                new ArrayList<>(root.path("observations").properties());
        entries.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, JsonNode> entry : entries) {
            observations.add(observation(
                    source, entry.getKey(), entry.getValue(), scheme, modalities, stateCodes, closeUnpaired));
        }
        return new BorisProject(root.path("project_name").asString(""), scheme, subjects, observations);
    }

    private static CodingScheme scheme(
            JsonNode root, String source, Map<String, Modality> modalities, Set<String> stateCodes) {
        Map<String, List<Code>> byCategory = new LinkedHashMap<>();
        List<Map.Entry<String, JsonNode>> behaviours =
                new ArrayList<>(root.path("behaviors_conf").properties());
        behaviours.sort((a, b) -> compareIndex(a.getKey(), b.getKey()));
        Map<String, String> definedAt = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : behaviours) {
            JsonNode behaviour = entry.getValue();
            String code = behaviour.path("code").asString("").strip();
            if (code.isEmpty()) {
                throw new ObservationFormatException(source + ": behaviors_conf." + entry.getKey() + " has no code");
            }
            String earlier = definedAt.putIfAbsent(code, entry.getKey());
            if (earlier != null) {
                // Found by fuzzing: the scheme refused it with an IllegalArgumentException (exit 1, no place).
                throw new ObservationFormatException(
                        source + ": behaviors_conf." + entry.getKey() + " defines the code '" + code
                                + "' again (already behaviors_conf." + earlier + "); each behaviour code once");
            }
            String category = behaviour.path("category").asString("").strip();
            String description = behaviour.path("description").asString("").strip();
            Map<String, String> descriptions = description.isEmpty() ? Map.of() : Map.of("en", description);
            byCategory
                    .computeIfAbsent(category.isEmpty() ? "behaviors" : category, c -> new ArrayList<>())
                    .add(new Code(code, behaviour.path("key").asString("").strip(), descriptions));
            String c = category.toLowerCase(Locale.ROOT);
            modalities.put(
                    code,
                    c.contains("non-verbal") || c.contains("nonverbal") || c.contains("non verbal")
                            ? Modality.NON_VERBAL
                            : Modality.VERBAL);
            if (behaviour.path("type").asString("").toLowerCase(Locale.ROOT).startsWith("state")) {
                stateCodes.add(code);
            }
        }
        List<CodeSet> sets = new ArrayList<>();
        byCategory.forEach((category, codes) -> sets.add(new CodeSet(category, codes, false)));
        String name = root.path("project_name").asString("").strip();
        return new CodingScheme(name.isEmpty() ? "boris" : name, name.isEmpty() ? "BORIS ethogram" : name, "", sets);
    }

    private static int compareIndex(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static BorisObservation observation(
            String source,
            String id,
            JsonNode node,
            CodingScheme scheme,
            Map<String, Modality> modalities,
            Set<String> stateCodes,
            boolean closeUnpaired) {
        List<ImportNote> notes = new ArrayList<>();
        BorisStates states = new BorisStates(notes);
        long end = 0;
        int row = 0;
        List<String> unknown = new ArrayList<>();
        JsonNode eventList = node.path("events");
        if (!eventList.isMissingNode() && !eventList.isArray()) {
            // An object or a string here would otherwise be read as no events at all, without a word.
            throw new ObservationFormatException(source + ": observation \"" + id + "\": events is "
                    + eventList.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", expected an array of [time, subject, code, modifier, comment] rows");
        }
        for (JsonNode event : eventList) {
            String where = "observation \"" + id + "\", event " + row++;
            if (!event.isArray() || event.size() < 3) {
                notes.add(new ImportNote(where, "not an array [time, subject, code, modifier, comment]; skipped"));
                continue;
            }
            Double seconds = seconds(event.get(0));
            OptionalLong time = seconds == null ? OptionalLong.empty() : ObservationTime.millisOfSeconds(seconds);
            if (time.isEmpty()) {
                String shown = event.get(0).isNumber()
                        ? event.get(0).toString()
                        : event.get(0).asString("");
                String problem = seconds == null ? ObservationTime.NOT_SECONDS : ObservationTime.problem(seconds);
                notes.add(new ImportNote(where, "time '" + shown + "' " + problem + "; skipped"));
                continue;
            }
            long ms = time.getAsLong();
            end = Math.max(end, ms);
            String subject = event.get(1).asString("").strip();
            String actor = subject.isEmpty() ? NO_SUBJECT : subject;
            String code = event.get(2).asString("").strip();
            String modifier = event.size() > 3 ? event.get(3).asString("").strip() : "";
            String comment = withModifier(
                    modifier, event.size() > 4 ? event.get(4).asString("").strip() : "");
            if (code.isEmpty()) {
                notes.add(new ImportNote(where, "no behaviour code; skipped"));
                continue;
            }
            if (scheme.code(code).isEmpty() && !unknown.contains(code)) {
                unknown.add(code);
                notes.add(new ImportNote(
                        where, "behaviour '" + code + "' is not in the ethogram; kept as a point event"));
            }
            Modality modality = modalities.getOrDefault(code, Modality.VERBAL);
            if (stateCodes.contains(code)) {
                states.toggle(actor, modality, code, modifier, ms, comment, where);
            } else {
                states.point(actor, modality, code, ms, comment);
            }
        }
        for (JsonNode length : values(node.path("media_info").path("length"))) {
            Double seconds = seconds(length);
            OptionalLong media = seconds == null ? OptionalLong.empty() : ObservationTime.millisOfSeconds(seconds);
            if (media.isPresent()) {
                end = Math.max(end, media.getAsLong());
            } else if (seconds != null) {
                notes.add(new ImportNote(
                        "observation \"" + id + "\", media length",
                        "'" + length + "' " + ObservationTime.problem(seconds) + "; not used"));
            }
        }
        var events = states.finish(end, closeUnpaired);
        return new BorisObservation(
                id,
                node.path("date").asString(""),
                node.path("description").asString(""),
                new ObservationData(
                        events,
                        scheme.withKeys(events.stream().map(e -> e.code()).toList()),
                        notes));
    }

    /** BORIS modifiers have no place in our event model; they are kept at the start of the comment. */
    static String withModifier(String modifier, String comment) {
        if (modifier.isEmpty()) {
            return comment;
        }
        return "modifier: " + modifier + (comment.isEmpty() ? "" : "; " + comment);
    }

    private static @Nullable Double seconds(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isString()) {
            try {
                return Double.parseDouble(node.asString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static List<JsonNode> values(JsonNode object) {
        List<JsonNode> values = new ArrayList<>();
        if (object.isObject()) {
            object.properties().forEach(e -> values.add(e.getValue()));
        }
        return values;
    }
}
