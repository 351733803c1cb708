package org.alliance.core.observation.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.alliance.core.observation.Code;
import org.alliance.core.observation.CodeSet;
import org.alliance.core.observation.CodingScheme;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;

/**
 * Writes events as an ELAN 3.0 annotation document that validates against the published EAFv3.0.xsd.
 *
 * <p>Mapping: one tier per actor × modality (× coder when there are several), named {@code "<actor>
 * <modality>"} with the actor as PARTICIPANT and the coder as ANNOTATOR. Annotations on one ELAN tier may not
 * overlap, so events of one actor that overlap go to extra tiers {@code "<actor> <modality> 2"}, … with the
 * same participant. All tiers share the linguistic type {@value #CODE_TYPE}, whose controlled vocabulary is
 * the coding scheme (CV_ID = scheme id, one entry per code with CVE_ID = key, the key as value and the
 * descriptions in nl/en/nb/da). Comments go to a dependent tier {@code "<tier> comment"} of type
 * {@value #COMMENT_TYPE}. Scheme name, version and sets are kept in header properties so that {@link
 * ElanReader} restores the scheme.
 */
public final class ElanWriter {

    static final String CODE_TYPE = "alliance-code";
    static final String COMMENT_TYPE = "alliance-comment";
    static final String SCHEME_ID = "alliance.scheme.id";
    static final String SCHEME_NAME = "alliance.scheme.name";
    static final String SCHEME_VERSION = "alliance.scheme.version";
    static final String SET_PREFIX = "alliance.set.";

    private static final Map<String, String> LANGUAGES = Map.of("nl", "nld", "en", "eng", "nb", "nob", "da", "dan");
    private static final Map<String, String> LANGUAGE_LABELS = Map.of(
            "nld", "Dutch (nld)", "eng", "English (eng)", "nob", "Norwegian Bokmål (nob)", "dan", "Danish (dan)");

    private ElanWriter() {}

    /**
     * @param author AUTHOR attribute
     * @param date DATE attribute
     * @param mediaUrl MEDIA_URL of the recording, empty for none
     * @param mimeType MIME_TYPE of the recording, e.g. {@code video/mp4}
     */
    public record Options(String author, OffsetDateTime date, String mediaUrl, String mimeType) {
        /** No author or media, dated by {@code clock} to the second (the caller says which clock: tests fix it). */
        public static Options defaults(Clock clock) {
            return new Options(
                    "",
                    OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS),
                    "",
                    "video/mp4");
        }
    }

    public static void write(Path file, List<ObservationEvent> events, CodingScheme scheme, Options options) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, events, scheme, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(OutputStream out, List<ObservationEvent> events, CodingScheme scheme, Options options) {
        CodingScheme full =
                scheme.withKeys(events.stream().map(ObservationEvent::code).toList());
        List<TierPlan> tiers = planTiers(events);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            new Writer(xml).document(tiers, full, options);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("cannot write ELAN file: " + e.getMessage(), e));
        }
    }

    private record TierPlan(String id, String actor, String coder, List<ObservationEvent> events) {}

    private record TierKey(String actor, Modality modality, String coder) {}

    /** Groups events by actor × modality × coder and spreads overlapping events over extra tiers. */
    private static List<TierPlan> planTiers(List<ObservationEvent> events) {
        Set<String> coders = new TreeSet<>();
        events.forEach(e -> coders.add(e.coder()));
        boolean severalCoders = coders.size() > 1;
        Map<TierKey, List<ObservationEvent>> groups = new LinkedHashMap<>();
        events.stream().sorted(ObservationData.ORDER).forEach(e -> groups.computeIfAbsent(
                        new TierKey(e.actor(), e.modality(), e.coder()), k -> new ArrayList<>())
                .add(e));
        List<TierPlan> plans = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        groups.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(TierKey::actor)
                        .thenComparing(TierKey::modality)
                        .thenComparing(TierKey::coder)))
                .forEach(entry -> {
                    TierKey key = entry.getKey();
                    String base = key.actor() + " " + key.modality().label()
                            + (severalCoders && !key.coder().isEmpty() ? " [" + key.coder() + "]" : "");
                    List<List<ObservationEvent>> lanes = new ArrayList<>();
                    List<long[]> lastTimes = new ArrayList<>();
                    for (ObservationEvent e : entry.getValue()) {
                        int lane = -1;
                        for (int i = 0; i < lanes.size(); i++) {
                            long[] last = lastTimes.get(i);
                            // a lane fits when the event starts at or after the previous end and not at the
                            // same moment as the previous start (two zero-length annotations cannot share a time)
                            if (e.onsetMs() >= last[1] && e.onsetMs() > last[0]) {
                                lane = i;
                                break;
                            }
                        }
                        if (lane < 0) {
                            lanes.add(new ArrayList<>());
                            lastTimes.add(new long[2]);
                            lane = lanes.size() - 1;
                        }
                        lanes.get(lane).add(e);
                        lastTimes.set(lane, new long[] {e.onsetMs(), e.offsetMs()});
                    }
                    for (int i = 0; i < lanes.size(); i++) {
                        String id = i == 0 ? base : base + " " + (i + 1);
                        while (!ids.add(id)) {
                            id = id + "'";
                        }
                        plans.add(new TierPlan(id, key.actor(), key.coder(), lanes.get(i)));
                    }
                });
        return plans;
    }

    /** Rebuilds the scheme's sets from the header properties written by this class. */
    static List<CodeSet> splitSets(List<CodeSet> sets, Map<String, String> properties) {
        Map<String, Code> codes = new LinkedHashMap<>();
        sets.forEach(s -> s.codes().forEach(c -> codes.putIfAbsent(c.key(), c)));
        List<CodeSet> result = new ArrayList<>();
        for (int i = 0; properties.containsKey(SET_PREFIX + i + ".name"); i++) {
            List<Code> members = new ArrayList<>();
            String[] keys =
                    properties.getOrDefault(SET_PREFIX + i + ".codes", "").split("\t", -1);
            String[] hotkeys =
                    properties.getOrDefault(SET_PREFIX + i + ".hotkeys", "").split("\t", -1);
            for (int k = 0; k < keys.length; k++) {
                Code code = codes.remove(keys[k]);
                if (code != null) {
                    String hotkey = k < hotkeys.length ? hotkeys[k].strip() : "";
                    members.add(new Code(code.key(), hotkey, code.descriptions()));
                }
            }
            result.add(new CodeSet(
                    properties.get(SET_PREFIX + i + ".name"),
                    members,
                    Boolean.parseBoolean(properties.get(SET_PREFIX + i + ".exclusive"))));
        }
        if (result.isEmpty()) {
            return sets;
        }
        if (!codes.isEmpty()) {
            result.add(new CodeSet("other", new ArrayList<>(codes.values()), false));
        }
        return result;
    }

    private static final class Writer {
        private final XMLStreamWriter xml;
        private int annotationId;

        Writer(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void document(List<TierPlan> tiers, CodingScheme scheme, Options options) throws XMLStreamException {
            // Time slots: two per annotation, ordered by time as ELAN writes them.
            List<long[]> slots = new ArrayList<>(); // {time, owner index * 2 + end}
            List<ObservationEvent> all = new ArrayList<>();
            for (TierPlan tier : tiers) {
                for (ObservationEvent e : tier.events()) {
                    int index = all.size();
                    all.add(e);
                    slots.add(new long[] {e.onsetMs(), index * 2L});
                    slots.add(new long[] {e.offsetMs(), index * 2L + 1});
                }
            }
            slots.sort(Comparator.<long[]>comparingLong(s -> s[0]).thenComparingLong(s -> s[1]));
            String[] slotIds = new String[slots.size()];
            for (int i = 0; i < slots.size(); i++) {
                slotIds[(int) slots.get(i)[1]] = "ts" + (i + 1);
            }
            Set<String> languages = new TreeSet<>(Comparator.comparing(
                    l -> List.of("eng", "nld", "nob", "dan").indexOf(l) < 0
                            ? 99 + l.hashCode()
                            : List.of("eng", "nld", "nob", "dan").indexOf(l)));
            languages.add("eng");
            for (Code code : scheme.codes()) {
                code.descriptions().keySet().forEach(tag -> {
                    if (LANGUAGES.containsKey(tag)) {
                        languages.add(LANGUAGES.get(tag));
                    }
                });
            }
            boolean comments = all.stream().anyMatch(e -> !e.comment().isEmpty());

            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("ANNOTATION_DOCUMENT");
            xml.writeAttribute("AUTHOR", options.author());
            xml.writeAttribute("DATE", options.date().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            xml.writeAttribute("FORMAT", "3.0");
            xml.writeAttribute("VERSION", "3.0");
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute(
                    "http://www.w3.org/2001/XMLSchema-instance",
                    "noNamespaceSchemaLocation",
                    "http://www.mpi.nl/tools/elan/EAFv3.0.xsd");
            newline(1);
            xml.writeStartElement("HEADER");
            xml.writeAttribute("MEDIA_FILE", "");
            xml.writeAttribute("TIME_UNITS", "milliseconds");
            if (!options.mediaUrl().isEmpty()) {
                newline(2);
                xml.writeEmptyElement("MEDIA_DESCRIPTOR");
                xml.writeAttribute("MEDIA_URL", options.mediaUrl());
                xml.writeAttribute("MIME_TYPE", options.mimeType());
            }
            property("lastUsedAnnotationId", Integer.toString(all.size() * (comments ? 2 : 1)));
            property(SCHEME_ID, scheme.id());
            property(SCHEME_NAME, scheme.name());
            property(SCHEME_VERSION, scheme.version());
            for (int i = 0; i < scheme.sets().size(); i++) {
                CodeSet set = scheme.sets().get(i);
                property(SET_PREFIX + i + ".name", set.name());
                property(SET_PREFIX + i + ".exclusive", Boolean.toString(set.mutuallyExclusiveAndExhaustive()));
                property(
                        SET_PREFIX + i + ".codes",
                        String.join("\t", set.codes().stream().map(Code::key).toList()));
                property(
                        SET_PREFIX + i + ".hotkeys",
                        String.join("\t", set.codes().stream().map(Code::hotkey).toList()));
            }
            newline(1);
            xml.writeEndElement();

            newline(1);
            xml.writeStartElement("TIME_ORDER");
            for (int i = 0; i < slots.size(); i++) {
                newline(2);
                xml.writeEmptyElement("TIME_SLOT");
                xml.writeAttribute("TIME_SLOT_ID", "ts" + (i + 1));
                xml.writeAttribute("TIME_VALUE", Long.toString(slots.get(i)[0]));
            }
            newline(1);
            xml.writeEndElement();

            int index = 0;
            for (TierPlan tier : tiers) {
                newline(1);
                xml.writeStartElement("TIER");
                if (!tier.coder().isEmpty()) {
                    xml.writeAttribute("ANNOTATOR", tier.coder());
                }
                xml.writeAttribute("LINGUISTIC_TYPE_REF", CODE_TYPE);
                xml.writeAttribute("PARTICIPANT", tier.actor());
                xml.writeAttribute("TIER_ID", tier.id());
                List<String> annotationIds = new ArrayList<>();
                for (ObservationEvent e : tier.events()) {
                    String id = "a" + (++annotationId);
                    annotationIds.add(id);
                    newline(2);
                    xml.writeStartElement("ANNOTATION");
                    newline(3);
                    xml.writeStartElement("ALIGNABLE_ANNOTATION");
                    xml.writeAttribute("ANNOTATION_ID", id);
                    xml.writeAttribute("CVE_REF", cveId(e.code()));
                    xml.writeAttribute("TIME_SLOT_REF1", slotIds[index * 2]);
                    xml.writeAttribute("TIME_SLOT_REF2", slotIds[index * 2 + 1]);
                    newline(4);
                    xml.writeStartElement("ANNOTATION_VALUE");
                    xml.writeCharacters(e.code());
                    xml.writeEndElement();
                    newline(3);
                    xml.writeEndElement();
                    newline(2);
                    xml.writeEndElement();
                    index++;
                }
                newline(1);
                xml.writeEndElement();
                if (tier.events().stream().anyMatch(e -> !e.comment().isEmpty())) {
                    writeCommentTier(tier, annotationIds);
                }
            }

            newline(1);
            xml.writeEmptyElement("LINGUISTIC_TYPE");
            xml.writeAttribute("CONTROLLED_VOCABULARY_REF", scheme.id());
            xml.writeAttribute("GRAPHIC_REFERENCES", "false");
            xml.writeAttribute("LINGUISTIC_TYPE_ID", CODE_TYPE);
            xml.writeAttribute("TIME_ALIGNABLE", "true");
            if (comments) {
                newline(1);
                xml.writeEmptyElement("LINGUISTIC_TYPE");
                xml.writeAttribute("CONSTRAINTS", "Symbolic_Association");
                xml.writeAttribute("GRAPHIC_REFERENCES", "false");
                xml.writeAttribute("LINGUISTIC_TYPE_ID", COMMENT_TYPE);
                xml.writeAttribute("TIME_ALIGNABLE", "false");
            }
            for (String language : languages) {
                newline(1);
                xml.writeEmptyElement("LANGUAGE");
                xml.writeAttribute("LANG_ID", language);
                xml.writeAttribute("LANG_LABEL", LANGUAGE_LABELS.getOrDefault(language, language));
            }
            constraint(
                    "Time_Subdivision",
                    "Time subdivision of parent annotation's time interval, no time gaps allowed within this interval");
            constraint(
                    "Symbolic_Subdivision",
                    "Symbolic subdivision of a parent annotation. Annotations refering to the same parent are ordered");
            constraint("Symbolic_Association", "1-1 association with a parent annotation");
            constraint(
                    "Included_In",
                    "Time alignable annotations within the parent annotation's time interval, gaps are allowed");

            newline(1);
            xml.writeStartElement("CONTROLLED_VOCABULARY");
            xml.writeAttribute("CV_ID", scheme.id());
            newline(2);
            xml.writeStartElement("DESCRIPTION");
            xml.writeAttribute("LANG_REF", "eng");
            xml.writeCharacters(scheme.name());
            xml.writeEndElement();
            for (Code code : scheme.codes()) {
                newline(2);
                xml.writeStartElement("CV_ENTRY_ML");
                xml.writeAttribute("CVE_ID", cveId(code.key()));
                for (String language : languages) {
                    String tag = ElanReader.languageTag(language);
                    if (!language.equals("eng") && !code.descriptions().containsKey(tag)) {
                        continue;
                    }
                    newline(3);
                    xml.writeStartElement("CVE_VALUE");
                    String description = code.descriptions().get(tag);
                    if (description != null) {
                        xml.writeAttribute("DESCRIPTION", description);
                    }
                    xml.writeAttribute("LANG_REF", language);
                    xml.writeCharacters(code.key());
                    xml.writeEndElement();
                }
                newline(2);
                xml.writeEndElement();
            }
            newline(1);
            xml.writeEndElement();
            newline(0);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
        }

        private void writeCommentTier(TierPlan tier, List<String> annotationIds) throws XMLStreamException {
            newline(1);
            xml.writeStartElement("TIER");
            xml.writeAttribute("LINGUISTIC_TYPE_REF", COMMENT_TYPE);
            xml.writeAttribute("PARENT_REF", tier.id());
            xml.writeAttribute("TIER_ID", tier.id() + " comment");
            for (int i = 0; i < tier.events().size(); i++) {
                ObservationEvent e = tier.events().get(i);
                if (e.comment().isEmpty()) {
                    continue;
                }
                newline(2);
                xml.writeStartElement("ANNOTATION");
                newline(3);
                xml.writeStartElement("REF_ANNOTATION");
                xml.writeAttribute("ANNOTATION_ID", "a" + (++annotationId));
                xml.writeAttribute("ANNOTATION_REF", annotationIds.get(i));
                newline(4);
                xml.writeStartElement("ANNOTATION_VALUE");
                xml.writeCharacters(e.comment());
                xml.writeEndElement();
                newline(3);
                xml.writeEndElement();
                newline(2);
                xml.writeEndElement();
            }
            newline(1);
            xml.writeEndElement();
        }

        private void property(String name, String value) throws XMLStreamException {
            newline(2);
            xml.writeStartElement("PROPERTY");
            xml.writeAttribute("NAME", name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }

        private void constraint(String stereotype, String description) throws XMLStreamException {
            newline(1);
            xml.writeEmptyElement("CONSTRAINT");
            xml.writeAttribute("DESCRIPTION", description);
            xml.writeAttribute("STEREOTYPE", stereotype);
        }

        private void newline(int depth) throws XMLStreamException {
            char[] indent = new char[1 + depth * 4];
            Arrays.fill(indent, ' ');
            indent[0] = '\n';
            xml.writeCharacters(indent, 0, indent.length);
        }
    }

    /** CVE_ID of a code: the key itself (any string is allowed). */
    static String cveId(String key) {
        return key;
    }
}
