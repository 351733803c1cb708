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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.alliance.core.observation.Code;
import org.alliance.core.observation.CodeSet;
import org.alliance.core.observation.CodingScheme;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;
import org.jspecify.annotations.Nullable;

/**
 * Reads ELAN annotation documents ({@code .eaf}) of format 2.7, 2.8 and 3.0 into events.
 *
 * <p>Lenient, and every repair is reported as an {@link ImportNote}: an empty or invalid DATE, duplicate time
 * slot or annotation ids (the first wins), annotations out of time order within a tier (sorted), reversed
 * times (swapped), references to missing time slots or annotations (skipped), annotations with an empty
 * value (skipped). Time slots without a TIME_VALUE (unaligned, inside subdivisions) get a time interpolated
 * linearly between the nearest aligned slots before and after them in TIME_ORDER, or inherit the one
 * aligned neighbour when there is only one. Reference annotations inherit the times of the annotation they
 * refer to (through chains). Both vocabulary formats are read: 2.7 {@code CV_ENTRY} (value as text, no id)
 * and 2.8/3.0 {@code CV_ENTRY_ML}/{@code CVE_VALUE}.
 *
 * <p>Parsing is XXE-safe: a document with a DOCTYPE is refused and no external entity or DTD is ever read.
 */
public final class ElanReader {

    private ElanReader() {}

    /** A tier as found in the file. */
    public record Tier(
            String id, String participant, String annotator, String linguisticType, String parent, int annotations) {}

    /** A vocabulary entry: its id (empty in 2.7), values and descriptions per language id. */
    public record VocabularyEntry(String id, Map<String, String> values, Map<String, String> descriptions) {
        public VocabularyEntry {
            // file order matters: the first value listed is the entry's value
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            descriptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
        }

        /** The value in the first language listed. */
        public String value() {
            return values.isEmpty() ? "" : values.values().iterator().next();
        }
    }

    /** A controlled vocabulary; {@code external} when it only points to an external resource. */
    public record Vocabulary(String id, List<VocabularyEntry> entries, boolean external) {
        public Vocabulary {
            entries = List.copyOf(entries);
        }
    }

    /**
     * @param format the FORMAT (or VERSION) attribute, e.g. {@code 3.0}
     * @param data the events of the mapped tiers, the scheme and the import notes
     */
    public record ElanDocument(
            String format, String author, List<Tier> tiers, List<Vocabulary> vocabularies, ObservationData data) {
        public ElanDocument {
            tiers = List.copyOf(tiers);
            vocabularies = List.copyOf(vocabularies);
        }
    }

    public static ElanDocument read(Path file, ElanMapping mapping) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), mapping);
        } catch (NoSuchFileException e) {
            throw new ObservationFormatException(file + ": file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ElanDocument read(InputStream in, String source, ElanMapping mapping) {
        Parsed parsed;
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(in);
            parsed = new Parser(xml, source).parse();
        } catch (XMLStreamException e) {
            var location = e.getLocation();
            String where = location == null ? "" : ", line " + location.getLineNumber();
            String message = e.getMessage();
            // StAX prefixes its own "ParseError at [row,col]:..." – keep only the explanation.
            int cut = message == null ? -1 : message.indexOf("Message: ");
            throw new ObservationFormatException(
                    source + where + ": not well-formed XML: " + (cut >= 0 ? message.substring(cut + 9) : message), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the stream the caller closes
                }
            }
        }
        return new Resolver(parsed, source, mapping).resolve();
    }

    static XMLInputFactory factory() {
        // The JDK's own implementation, whatever StAX library is on the class path: its security properties are known.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    // ---- parsing: the file as written ----

    private record Slot(String id, @Nullable Long value, int line) {}

    private record Annotation(
            String id,
            int line,
            @Nullable String slot1,
            @Nullable String slot2,
            @Nullable String reference,
            String cveRef,
            String value) {}

    private static final class TierData {
        final String id;
        final String participant;
        final String annotator;
        final String type;
        final String parent;
        final int line;
        final List<Annotation> annotations = new ArrayList<>();

        TierData(String id, String participant, String annotator, String type, String parent, int line) {
            this.id = id;
            this.participant = participant;
            this.annotator = annotator;
            this.type = type;
            this.parent = parent;
            this.line = line;
        }
    }

    private static final class Parsed {
        String format = "";
        String author = "";
        final List<Slot> slots = new ArrayList<>();
        final List<TierData> tiers = new ArrayList<>();
        final Map<String, String> typeVocabulary = new HashMap<>();
        final List<Vocabulary> vocabularies = new ArrayList<>();
        final Map<String, String> properties = new LinkedHashMap<>();
        final Map<String, String> languages = new HashMap<>();
        final List<ImportNote> notes = new ArrayList<>();
    }

    private static final class Parser {
        private final XMLStreamReader xml;
        private final String source;
        private final Parsed parsed = new Parsed();

        Parser(XMLStreamReader xml, String source) {
            this.xml = xml;
            this.source = source;
        }

        Parsed parse() throws XMLStreamException {
            boolean root = false;
            TierData tier = null;
            String annotationKind = null;
            Map<String, String> annotationAttributes = null;
            int annotationLine = 0;
            StringBuilder text = new StringBuilder();
            String vocabulary = null;
            List<VocabularyEntry> entries = null;
            boolean externalVocabulary = false;
            Map<String, String> entryValues = null;
            Map<String, String> entryDescriptions = null;
            String entryId = null;
            String valueLanguage = null;
            String propertyName = null;
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD ->
                        throw new ObservationFormatException(
                                source + ", line " + line() + ": DOCTYPE declarations are not allowed in ELAN files"
                                        + " (they could make the parser read other files)");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new ObservationFormatException(source + ", line " + line() + ": entity reference &"
                                + xml.getLocalName() + "; is not allowed");
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = xml.getLocalName();
                        text.setLength(0);
                        if (!root) {
                            if (!name.equals("ANNOTATION_DOCUMENT")) {
                                throw new ObservationFormatException(source + ", line " + line()
                                        + ": the root element is <" + name + ">, expected <ANNOTATION_DOCUMENT>"
                                        + " (is this an ELAN .eaf file?)");
                            }
                            root = true;
                            parsed.format = attribute("FORMAT", attribute("VERSION", ""));
                            parsed.author = attribute("AUTHOR", "");
                            String date = attribute("DATE", "");
                            if (date.isBlank()) {
                                note(
                                        "ANNOTATION_DOCUMENT",
                                        "DATE is empty (the schema requires a date and time); ignored");
                            } else if (!isDateTime(date.strip())) {
                                note("ANNOTATION_DOCUMENT", "DATE \"" + date + "\" is not an xsd:dateTime; ignored");
                            }
                            continue;
                        }
                        switch (name) {
                            case "HEADER" -> {
                                String units = attribute("TIME_UNITS", "milliseconds");
                                if (!units.equals("milliseconds")) {
                                    throw new ObservationFormatException(source + ", line " + line() + ": TIME_UNITS=\""
                                            + units + "\" is not supported; only milliseconds");
                                }
                            }
                            case "PROPERTY" -> propertyName = attribute("NAME", "");
                            case "TIME_SLOT" -> {
                                String id = attribute("TIME_SLOT_ID", "");
                                String value = attribute("TIME_VALUE", "");
                                Long time = null;
                                if (!value.isBlank()) {
                                    try {
                                        time = Long.parseLong(value.strip());
                                        if (time < 0) {
                                            note(
                                                    "line " + line(),
                                                    "time slot " + id + " has negative TIME_VALUE " + value
                                                            + "; treated as unaligned");
                                            time = null;
                                        } else if (!ObservationTime.isPlausibleMillis(time)) {
                                            note(
                                                    "line " + line(),
                                                    "time slot " + id + " has TIME_VALUE " + value
                                                            + " ms, later than 100 hours; treated as unaligned");
                                            time = null;
                                        }
                                    } catch (NumberFormatException e) {
                                        note(
                                                "line " + line(),
                                                "time slot " + id + " has TIME_VALUE \"" + value
                                                        + "\", not a whole number of ms; treated as unaligned");
                                    }
                                }
                                parsed.slots.add(new Slot(id, time, line()));
                            }
                            case "TIER" -> {
                                tier = new TierData(
                                        attribute("TIER_ID", ""),
                                        attribute("PARTICIPANT", "").strip(),
                                        attribute("ANNOTATOR", "").strip(),
                                        attribute("LINGUISTIC_TYPE_REF", ""),
                                        attribute("PARENT_REF", ""),
                                        line());
                                if (tier.id.isBlank()) {
                                    throw new ObservationFormatException(
                                            source + ", line " + line() + ": <TIER> without TIER_ID");
                                }
                                parsed.tiers.add(tier);
                            }
                            case "ALIGNABLE_ANNOTATION", "REF_ANNOTATION" -> {
                                annotationKind = name;
                                annotationLine = line();
                                annotationAttributes = new HashMap<>();
                                for (int i = 0; i < xml.getAttributeCount(); i++) {
                                    annotationAttributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
                                }
                            }
                            case "LINGUISTIC_TYPE" -> {
                                String cv = attribute("CONTROLLED_VOCABULARY_REF", "");
                                if (!cv.isBlank()) {
                                    parsed.typeVocabulary.put(attribute("LINGUISTIC_TYPE_ID", ""), cv);
                                }
                            }
                            case "LANGUAGE" ->
                                parsed.languages.put(attribute("LANG_ID", ""), attribute("LANG_LABEL", ""));
                            case "CONTROLLED_VOCABULARY" -> {
                                vocabulary = attribute("CV_ID", "");
                                entries = new ArrayList<>();
                                externalVocabulary = !attribute("EXT_REF", "").isBlank();
                            }
                            case "CV_ENTRY" -> { // 2.7: the value is the text, the description an attribute
                                entryId = attribute("CVE_ID", "");
                                entryDescriptions = new LinkedHashMap<>();
                                String description = attribute("DESCRIPTION", "");
                                if (!description.isBlank()) {
                                    entryDescriptions.put("", description);
                                }
                            }
                            case "CV_ENTRY_ML" -> {
                                entryId = attribute("CVE_ID", "");
                                entryValues = new LinkedHashMap<>();
                                entryDescriptions = new LinkedHashMap<>();
                            }
                            case "CVE_VALUE" -> {
                                valueLanguage = attribute("LANG_REF", "");
                                String description = attribute("DESCRIPTION", "");
                                if (entryDescriptions != null && !description.isBlank()) {
                                    entryDescriptions.put(valueLanguage, description);
                                }
                            }
                            default -> {
                                // other elements carry nothing we need
                            }
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = xml.getLocalName();
                        switch (name) {
                            case "PROPERTY" -> {
                                if (propertyName != null) {
                                    parsed.properties.put(
                                            propertyName, text.toString().strip());
                                }
                                propertyName = null;
                            }
                            case "ANNOTATION_VALUE" -> {
                                if (annotationAttributes != null) {
                                    annotationAttributes.put("#value", text.toString());
                                }
                            }
                            case "ALIGNABLE_ANNOTATION", "REF_ANNOTATION" -> {
                                if (tier == null || annotationAttributes == null) {
                                    throw new ObservationFormatException(
                                            source + ", line " + annotationLine + ": <" + name + "> outside a <TIER>");
                                }
                                Map<String, String> a = annotationAttributes;
                                boolean alignable = "ALIGNABLE_ANNOTATION".equals(annotationKind);
                                tier.annotations.add(new Annotation(
                                        a.getOrDefault("ANNOTATION_ID", ""),
                                        annotationLine,
                                        alignable ? a.get("TIME_SLOT_REF1") : null,
                                        alignable ? a.get("TIME_SLOT_REF2") : null,
                                        alignable ? null : a.get("ANNOTATION_REF"),
                                        a.getOrDefault("CVE_REF", ""),
                                        a.getOrDefault("#value", "")));
                                annotationAttributes = null;
                            }
                            case "TIER" -> tier = null;
                            case "CV_ENTRY" -> {
                                if (entries != null && entryDescriptions != null) {
                                    entries.add(new VocabularyEntry(
                                            entryId == null ? "" : entryId,
                                            Map.of("", text.toString().strip()),
                                            entryDescriptions));
                                }
                                entryDescriptions = null;
                            }
                            case "CVE_VALUE" -> {
                                if (entryValues != null && valueLanguage != null) {
                                    entryValues.putIfAbsent(
                                            valueLanguage, text.toString().strip());
                                }
                            }
                            case "CV_ENTRY_ML" -> {
                                if (entries != null && entryValues != null && entryDescriptions != null) {
                                    entries.add(new VocabularyEntry(
                                            entryId == null ? "" : entryId, entryValues, entryDescriptions));
                                }
                                entryValues = null;
                                entryDescriptions = null;
                            }
                            case "CONTROLLED_VOCABULARY" -> {
                                if (vocabulary != null && entries != null) {
                                    parsed.vocabularies.add(new Vocabulary(
                                            vocabulary, entries, externalVocabulary && entries.isEmpty()));
                                }
                                vocabulary = null;
                                entries = null;
                            }
                            default -> {
                                // nothing to finish
                            }
                        }
                        text.setLength(0);
                    }
                    default -> {
                        // comments, processing instructions
                    }
                }
            }
            if (!root) {
                throw new ObservationFormatException(source + ": empty document; expected <ANNOTATION_DOCUMENT>");
            }
            return parsed;
        }

        private String attribute(String name, String fallback) {
            String value = xml.getAttributeValue(null, name);
            return value == null ? fallback : value;
        }

        private int line() {
            return xml.getLocation().getLineNumber();
        }

        private void note(String where, String message) {
            parsed.notes.add(new ImportNote(where, message));
        }
    }

    // ---- resolving: times, references, tiers to events ----

    private static final class Resolver {
        private final Parsed parsed;
        private final String source;
        private final ElanMapping mapping;
        private final List<ImportNote> notes;
        private final Map<String, Long> slotTimes = new HashMap<>();
        private final Map<String, Annotation> annotations = new HashMap<>();
        private final Map<String, long[]> resolved = new HashMap<>();

        Resolver(Parsed parsed, String source, ElanMapping mapping) {
            this.parsed = parsed;
            this.source = source;
            this.mapping = mapping;
            this.notes = parsed.notes;
        }

        ElanDocument resolve() {
            resolveSlots();
            indexAnnotations();
            Map<String, TierData> tiersById = new LinkedHashMap<>();
            for (TierData tier : parsed.tiers) {
                if (tiersById.putIfAbsent(tier.id, tier) != null) {
                    notes.add(
                            new ImportNote("line " + tier.line, "a second tier with id \"" + tier.id + "\"; ignored"));
                }
            }
            for (String wanted : mapping.tiers().keySet()) {
                if (!tiersById.containsKey(wanted)) {
                    throw new ObservationFormatException(source + ": the mapping names tier \"" + wanted
                            + "\", but the file has no such tier; its tiers are " + tiersById.keySet());
                }
            }
            Map<String, Vocabulary> vocabularies = new HashMap<>();
            parsed.vocabularies.forEach(v -> vocabularies.put(v.id(), v));
            List<ObservationEvent> events = new ArrayList<>();
            Set<String> usedVocabularies = new LinkedHashSet<>();
            for (TierData tier : tiersById.values()) {
                ElanMapping.Target target = target(tier);
                if (target == null) {
                    continue;
                }
                Vocabulary vocabulary = vocabularies.get(parsed.typeVocabulary.getOrDefault(tier.type, ""));
                if (vocabulary != null) {
                    usedVocabularies.add(vocabulary.id());
                }
                Map<String, String> comments = comments(tier, tiersById.values());
                events.addAll(tierEvents(tier, target, vocabulary, comments));
            }
            List<Tier> tiers = tiersById.values().stream()
                    .map(t -> new Tier(t.id, t.participant, t.annotator, t.type, t.parent, t.annotations.size()))
                    .toList();
            CodingScheme scheme = scheme(usedVocabularies, vocabularies, events);
            return new ElanDocument(
                    parsed.format,
                    parsed.author,
                    tiers,
                    parsed.vocabularies,
                    new ObservationData(events, scheme, notes));
        }

        private ElanMapping.@Nullable Target target(TierData tier) {
            if (!mapping.isEmpty()) {
                return mapping.tiers().get(tier.id);
            }
            if (tier.participant.isEmpty()) {
                if (tier.parent.isEmpty()) {
                    notes.add(new ImportNote(
                            "tier \"" + tier.id + "\"",
                            "no PARTICIPANT, so not a speaker; its annotations are not events"));
                }
                return null;
            }
            if (!tier.parent.isEmpty()) {
                return null; // a dependent tier annotates its parent's events; map it explicitly to use it
            }
            String id = tier.id.toLowerCase(Locale.ROOT);
            Modality modality =
                    id.contains("non-verbal") || id.contains("nonverbal") ? Modality.NON_VERBAL : Modality.VERBAL;
            return new ElanMapping.Target(tier.participant, modality);
        }

        private void resolveSlots() {
            List<Slot> slots = parsed.slots;
            int n = slots.size();
            Long[] times = new Long[n];
            Set<String> seen = new HashSet<>();
            int unaligned = 0;
            for (int i = 0; i < n; i++) {
                times[i] = slots.get(i).value();
            }
            int[] previous = new int[n];
            int last = -1;
            for (int i = 0; i < n; i++) {
                previous[i] = last;
                if (times[i] != null) {
                    last = i;
                }
            }
            int next = -1;
            long[] values = new long[n];
            boolean noneAligned = last < 0 && n > 0;
            for (int i = n - 1; i >= 0; i--) {
                if (times[i] != null) {
                    values[i] = times[i];
                    next = i;
                    continue;
                }
                unaligned++;
                int p = previous[i];
                if (p >= 0 && next >= 0) {
                    values[i] = Math.round(times[p] + (double) (times[next] - times[p]) * (i - p) / (next - p));
                } else if (p >= 0) {
                    values[i] = times[p];
                } else if (next >= 0) {
                    values[i] = times[next];
                } else {
                    values[i] = 0;
                }
            }
            if (unaligned > 0) {
                notes.add(new ImportNote(
                        "TIME_ORDER",
                        unaligned + " unaligned time slot(s) got times interpolated between their aligned neighbours"
                                + (noneAligned ? " (no slot is aligned: all set to 0)" : "")));
            }
            for (int i = 0; i < n; i++) {
                Slot slot = slots.get(i);
                if (!seen.add(slot.id())) {
                    notes.add(new ImportNote(
                            "line " + slot.line(), "duplicate time slot id " + slot.id() + "; the first one is used"));
                    continue;
                }
                slotTimes.put(slot.id(), values[i]);
            }
        }

        private void indexAnnotations() {
            for (TierData tier : parsed.tiers) {
                for (Annotation a : tier.annotations) {
                    if (annotations.putIfAbsent(a.id(), a) != null) {
                        notes.add(new ImportNote(
                                "line " + a.line(),
                                "duplicate annotation id " + a.id() + "; references go to the first"));
                    }
                }
            }
        }

        /** {onset, offset} of an annotation, or null when it cannot be placed in time. */
        private long @Nullable [] times(Annotation a, int depth) {
            long[] known = resolved.get(a.id());
            if (known != null && annotations.get(a.id()) == a) {
                return known;
            }
            long[] result;
            if (a.reference() != null) {
                Annotation parent = annotations.get(a.reference());
                if (parent == null || depth > 100) {
                    return null;
                }
                result = times(parent, depth + 1);
            } else {
                Long t1 = a.slot1() == null ? null : slotTimes.get(a.slot1());
                Long t2 = a.slot2() == null ? null : slotTimes.get(a.slot2());
                if (t1 == null || t2 == null) {
                    return null;
                }
                result = new long[] {Math.min(t1, t2), Math.max(t1, t2)};
            }
            if (result != null && annotations.get(a.id()) == a) {
                resolved.put(a.id(), result);
            }
            return result;
        }

        private Map<String, String> comments(TierData tier, Iterable<TierData> all) {
            Map<String, String> comments = new HashMap<>();
            for (TierData child : all) {
                if (child.parent.equals(tier.id) && child.type.equals(ElanWriter.COMMENT_TYPE)) {
                    for (Annotation a : child.annotations) {
                        if (a.reference() != null) {
                            comments.put(a.reference(), a.value().strip());
                        }
                    }
                }
            }
            return comments;
        }

        private List<ObservationEvent> tierEvents(
                TierData tier,
                ElanMapping.Target target,
                @Nullable Vocabulary vocabulary,
                Map<String, String> comments) {
            List<ObservationEvent> events = new ArrayList<>();
            String where = "tier \"" + tier.id + "\"";
            int empty = 0;
            long previousOnset = Long.MIN_VALUE;
            long previousOffset = Long.MIN_VALUE;
            boolean outOfOrder = false;
            boolean overlapping = false;
            for (Annotation a : tier.annotations) {
                if (a.slot1() != null && a.slot2() != null) {
                    Long t1 = slotTimes.get(a.slot1());
                    Long t2 = slotTimes.get(a.slot2());
                    if (t1 != null && t2 != null && t2 < t1) {
                        notes.add(new ImportNote(
                                "line " + a.line(),
                                "annotation " + a.id() + " ends (" + t2 + " ms) before it starts (" + t1
                                        + " ms); times swapped"));
                    }
                }
                long[] times = times(a, 0);
                if (times == null) {
                    notes.add(new ImportNote(
                            "line " + a.line(),
                            "annotation " + a.id() + " refers to a missing "
                                    + (a.reference() != null ? "annotation " + a.reference() : "time slot")
                                    + "; skipped"));
                    continue;
                }
                String code = a.value().strip();
                if (code.isEmpty() && !a.cveRef().isEmpty() && vocabulary != null) {
                    code = vocabulary.entries().stream()
                            .filter(e -> e.id().equals(a.cveRef()))
                            .map(VocabularyEntry::value)
                            .findFirst()
                            .orElse("");
                }
                if (code.isEmpty()) {
                    empty++;
                    continue;
                }
                if (a.reference() == null) {
                    if (times[0] < previousOnset) {
                        outOfOrder = true;
                    } else if (times[0] < previousOffset) {
                        overlapping = true;
                    }
                    previousOnset = Math.max(previousOnset, times[0]);
                    previousOffset = Math.max(previousOffset, times[1]);
                }
                events.add(new ObservationEvent(
                        target.actor(),
                        target.modality(),
                        code,
                        times[0],
                        times[1],
                        tier.annotator,
                        comments.getOrDefault(a.id(), "")));
            }
            if (empty > 0) {
                notes.add(new ImportNote(where, empty + " annotation(s) with an empty value skipped"));
            }
            if (outOfOrder) {
                notes.add(new ImportNote(where, "annotations are not in time order; sorted"));
            }
            if (overlapping) {
                notes.add(
                        new ImportNote(where, "annotations overlap within the tier (ELAN does not allow this); kept"));
            }
            return events;
        }

        private CodingScheme scheme(
                Set<String> used, Map<String, Vocabulary> vocabularies, List<ObservationEvent> events) {
            List<String> keys = events.stream().map(ObservationEvent::code).toList();
            Map<String, String> p = parsed.properties;
            String id = p.getOrDefault(
                    ElanWriter.SCHEME_ID,
                    used.isEmpty() ? source : used.iterator().next());
            List<CodeSet> sets = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            for (String vocabularyId : used) {
                List<Code> codes = new ArrayList<>();
                for (VocabularyEntry entry : vocabularies.get(vocabularyId).entries()) {
                    String key = entry.value();
                    if (key.isBlank() || !taken.add(key)) {
                        continue;
                    }
                    Map<String, String> descriptions = new HashMap<>();
                    entry.descriptions().forEach((language, text) -> descriptions.put(languageTag(language), text));
                    codes.add(new Code(key, "", descriptions));
                }
                if (!codes.isEmpty()) {
                    sets.add(new CodeSet(vocabularyId, codes, false));
                }
            }
            if (sets.isEmpty()) {
                return CodingScheme.fromKeys(id, keys);
            }
            return new CodingScheme(
                            id,
                            p.getOrDefault(ElanWriter.SCHEME_NAME, id),
                            p.getOrDefault(ElanWriter.SCHEME_VERSION, ""),
                            ElanWriter.splitSets(sets, p))
                    .withKeys(keys);
        }
    }

    private static boolean isDateTime(String text) {
        try {
            java.time.OffsetDateTime.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            try {
                java.time.LocalDateTime.parse(text);
                return true;
            } catch (java.time.format.DateTimeParseException e2) {
                return false;
            }
        }
    }

    /** ISO 639-3 ids used in ELAN files to the tags of our message bundles; others unchanged. */
    static String languageTag(String elanLanguage) {
        return switch (elanLanguage) {
            case "nld" -> "nl";
            case "eng", "" -> "en";
            case "nob" -> "nb";
            case "dan" -> "da";
            default -> elanLanguage;
        };
    }
}
