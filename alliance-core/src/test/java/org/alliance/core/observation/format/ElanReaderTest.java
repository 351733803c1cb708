package org.alliance.core.observation.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;
import org.junit.jupiter.api.Test;

class ElanReaderTest {

    private static ElanReader.ElanDocument read(String xml, ElanMapping mapping) {
        return ElanReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.eaf", mapping);
    }

    @Test
    void speakerTiersMatchElansOwnTabDelimitedExport() throws IOException {
        var document = ElanReader.read(TestFiles.resource("speach_test_3.0_cv.eaf"), ElanMapping.byParticipant());
        // ELAN's export lists tier, participant, begin s, end s, duration, value; take the utterance tier
        List<String> expected = Files.readAllLines(TestFiles.resource("speach_test.eaf.tsv")).stream()
                .map(l -> l.split("\t"))
                .filter(c -> c[0].equals("\"Person1 (Utterance)\""))
                .map(c -> Math.round(Double.parseDouble(unquote(c[2])) * 1000) + ".."
                        + Math.round(Double.parseDouble(unquote(c[3])) * 1000) + " "
                        + unquote(c[5]).replace("\"\"", "\""))
                .toList();
        List<String> actual = document.data().events().stream()
                .map(e -> e.onsetMs() + ".." + e.offsetMs() + " " + e.code())
                .toList();
        assertThat(expected).isNotEmpty();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(document.data().events()).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("P001");
            assertThat(e.modality()).isEqualTo(Modality.VERBAL);
        });
        assertThat(document.data().notes())
                .anySatisfy(n -> assertThat(n.toString()).contains("\"marker\"").contains("not a speaker"));
    }

    private static String unquote(String s) {
        return s.substring(1, s.length() - 1);
    }

    @Test
    void referenceAnnotationsInheritTheTimesOfTheirParent() {
        var mapping = ElanMapping.parse(List.of("text=A:verbal", "words-symsub=B:verbal", "words-pos=C:verbal"));
        var document = ElanReader.read(TestFiles.resource("pympi_sample_3.0.eaf"), mapping);
        Set<String> parentTimes = times(document.data().events(), "A");
        assertThat(parentTimes).isNotEmpty();
        assertThat(times(document.data().events(), "B")).isNotEmpty().isSubsetOf(parentTimes);
        // words-pos refers to words-symsub, which refers to text: a chain
        assertThat(times(document.data().events(), "C")).isNotEmpty().isSubsetOf(parentTimes);
        ObservationEvent the = document.data().events().stream()
                .filter(e -> e.actor().equals("B") && e.code().equals("The"))
                .findFirst()
                .orElseThrow();
        assertThat(times(List.of(the), "B")).isSubsetOf(parentTimes);
    }

    private static Set<String> times(List<ObservationEvent> events, String actor) {
        return events.stream()
                .filter(e -> e.actor().equals(actor))
                .map(e -> e.onsetMs() + ".." + e.offsetMs())
                .collect(Collectors.toSet());
    }

    @Test
    void unalignedTimeSlotsAreInterpolatedWithinTheirParent() {
        var mapping = ElanMapping.parse(List.of("text=A:verbal", "words-timesub=B:verbal"));
        var document = ElanReader.read(TestFiles.resource("pympi_sample_3.0.eaf"), mapping);
        var events = document.data().events();
        List<ObservationEvent> parents =
                events.stream().filter(e -> e.actor().equals("A")).toList();
        List<ObservationEvent> words =
                events.stream().filter(e -> e.actor().equals("B")).toList();
        assertThat(words).isNotEmpty();
        // a time subdivision lies inside one parent annotation
        List<ObservationEvent> outside = words.stream()
                .filter(w ->
                        parents.stream().noneMatch(p -> w.onsetMs() >= p.onsetMs() && w.offsetMs() <= p.offsetMs()))
                .toList();
        assertThat(outside).isEmpty();
        // the interpolated words split their parents: more distinct onsets than parents
        assertThat(words.stream().map(ObservationEvent::onsetMs).distinct().count())
                .isGreaterThan(parents.size());
        assertThat(document.data().notes())
                .anySatisfy(n -> assertThat(n.message()).contains("unaligned time slot"));
    }

    @Test
    void versions27And30OfTheSameSampleGiveTheSameEvents() {
        var mapping = ElanMapping.parse(List.of("text=A:verbal", "gestures=A:non-verbal", "words-pos=B:verbal"));
        var v27 = ElanReader.read(TestFiles.resource("pympi_sample_2.7.eaf"), mapping);
        var v30 = ElanReader.read(TestFiles.resource("pympi_sample_3.0.eaf"), mapping);
        assertThat(v27.format()).isEqualTo("2.7");
        assertThat(v30.format()).isEqualTo("3.0");
        assertThat(v27.data().events()).isNotEmpty().isEqualTo(v30.data().events());
    }

    @Test
    void readsBothControlledVocabularyFormats() {
        var mapping = ElanMapping.parse(List.of("gestures=A:non-verbal"));
        var v27 = ElanReader.read(TestFiles.resource("pympi_sample_2.7.eaf"), mapping);
        var v30 = ElanReader.read(TestFiles.resource("pympi_sample_3.0.eaf"), mapping);
        ElanReader.Vocabulary pos27 = vocabulary(v27, "POS");
        ElanReader.Vocabulary pos30 = vocabulary(v30, "POS");
        assertThat(pos27.entries())
                .extracting(ElanReader.VocabularyEntry::value)
                .contains("v", "n", "adj");
        assertThat(pos27.entries().get(0).id()).isEmpty();
        assertThat(pos30.entries())
                .extracting(ElanReader.VocabularyEntry::value)
                .contains("v", "n", "adj");
        assertThat(pos30.entries().get(0).id()).isEqualTo("cveid0");
        assertThat(pos30.entries().get(0).descriptions()).containsEntry("eng", "verb");
        // the gesture tier's type points to the Gesture vocabulary, which becomes the scheme
        assertThat(v27.data().scheme().codes()).extracting(c -> c.key()).contains("prep", "hold", "stroke", "retr");
    }

    private static ElanReader.Vocabulary vocabulary(ElanReader.ElanDocument document, String id) {
        return document.vocabularies().stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static final String BROKEN_28 =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <ANNOTATION_DOCUMENT AUTHOR="" DATE="" FORMAT="2.8" VERSION="2.8">
              <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
              <TIME_ORDER>
                <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1000"/>
                <TIME_SLOT TIME_SLOT_ID="ts2"/>
                <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="3000"/>
                <TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="5000"/>
                <TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="9999"/>
                <TIME_SLOT TIME_SLOT_ID="ts5" TIME_VALUE="7000"/>
              </TIME_ORDER>
              <TIER TIER_ID="Client" PARTICIPANT="client" ANNOTATOR="coder1" LINGUISTIC_TYPE_REF="codes">
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts4" TIME_SLOT_REF2="ts5" CVE_REF="c2">
                  <ANNOTATION_VALUE>conflict</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2" CVE_REF="c1">
                  <ANNOTATION_VALUE></ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a3" TIME_SLOT_REF1="ts2" TIME_SLOT_REF2="ts3">
                  <ANNOTATION_VALUE>team-support</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a3" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts9">
                  <ANNOTATION_VALUE>lost</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
              </TIER>
              <TIER TIER_ID="Client non-verbal" PARTICIPANT="client" LINGUISTIC_TYPE_REF="codes">
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a5" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts3">
                  <ANNOTATION_VALUE>open-communication</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
              </TIER>
              <TIER TIER_ID="Client note" LINGUISTIC_TYPE_REF="note" PARENT_REF="Client">
                <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a6" ANNOTATION_REF="a1">
                  <ANNOTATION_VALUE>loud</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
              </TIER>
              <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true" CONTROLLED_VOCABULARY_REF="alliance"/>
              <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="note" TIME_ALIGNABLE="false" CONSTRAINTS="Symbolic_Association"/>
              <LANGUAGE LANG_ID="eng"/>
              <CONTROLLED_VOCABULARY CV_ID="alliance">
                <CV_ENTRY_ML CVE_ID="c1"><CVE_VALUE LANG_REF="eng" DESCRIPTION="introduce">introducing-client</CVE_VALUE></CV_ENTRY_ML>
                <CV_ENTRY_ML CVE_ID="c2"><CVE_VALUE LANG_REF="eng">conflict</CVE_VALUE></CV_ENTRY_ML>
              </CONTROLLED_VOCABULARY>
            </ANNOTATION_DOCUMENT>
            """;

    @Test
    void repairsTheUsualSchemaBreachesAndReportsThem() {
        var document = read(BROKEN_28, ElanMapping.byParticipant());
        var events = document.data().events();
        assertThat(events)
                .containsExactly(
                        new ObservationEvent("client", Modality.VERBAL, "introducing-client", 1000, 2000, "coder1", ""),
                        new ObservationEvent("client", Modality.NON_VERBAL, "open-communication", 1000, 3000, "", ""),
                        new ObservationEvent("client", Modality.VERBAL, "team-support", 2000, 3000, "coder1", ""),
                        new ObservationEvent("client", Modality.VERBAL, "conflict", 5000, 7000, "coder1", ""));
        List<String> notes =
                document.data().notes().stream().map(Object::toString).toList();
        assertThat(notes)
                .anySatisfy(n -> assertThat(n).contains("DATE is empty"))
                .anySatisfy(n -> assertThat(n).contains("line 9").contains("duplicate time slot id ts4"))
                .anySatisfy(n -> assertThat(n).contains("duplicate annotation id a3"))
                .anySatisfy(n -> assertThat(n).contains("missing time slot"))
                .anySatisfy(n -> assertThat(n).contains("tier \"Client\"").contains("not in time order"))
                .anySatisfy(n -> assertThat(n).contains("1 unaligned time slot"));
        assertThat(document.data()
                        .scheme()
                        .code("introducing-client")
                        .orElseThrow()
                        .description("en"))
                .isEqualTo("introduce");
    }

    @Test
    void anExplicitMappingChoosesTiersAndRejectsUnknownOnes() {
        var document = read(BROKEN_28, ElanMapping.parse(List.of("Client non-verbal=network member:non-verbal")));
        assertThat(document.data().events())
                .containsExactly(new ObservationEvent(
                        "network member", Modality.NON_VERBAL, "open-communication", 1000, 3000, "", ""));
        assertThatThrownBy(() -> read(BROKEN_28, ElanMapping.parse(List.of("Nobody=x:verbal"))))
                .isInstanceOf(ObservationFormatException.class)
                .hasMessageContaining("no such tier")
                .hasMessageContaining("Client non-verbal");
    }

    @Test
    void aDateThatIsNotADateTimeIsReported() {
        var document = read(
                "<ANNOTATION_DOCUMENT AUTHOR=\"\" DATE=\"yesterday\" VERSION=\"3.0\"><HEADER/><TIME_ORDER/>"
                        + "</ANNOTATION_DOCUMENT>",
                ElanMapping.byParticipant());
        assertThat(document.data().notes()).singleElement().asString().contains("\"yesterday\" is not an xsd:dateTime");
        assertThat(read("<ANNOTATION_DOCUMENT DATE=\"2014-10-28T10:14:04+01:00\"/>", ElanMapping.byParticipant())
                        .data()
                        .notes())
                .isEmpty();
    }

    @Test
    void refusesAnXxePayload() throws IOException {
        java.nio.file.Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<ANNOTATION_DOCUMENT AUTHOR=\"&xxe;\" DATE=\"\" VERSION=\"3.0\"><HEADER/><TIME_ORDER/>"
                + "<TIER TIER_ID=\"t\" PARTICIPANT=\"p\" LINGUISTIC_TYPE_REF=\"l\"><ANNOTATION>"
                + "<ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"x\" TIME_SLOT_REF2=\"y\">"
                + "<ANNOTATION_VALUE>&xxe;</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>"
                + "</ANNOTATION_DOCUMENT>";
        assertThatThrownBy(() -> read(xxe, ElanMapping.byParticipant()))
                .isInstanceOf(ObservationFormatException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("DOCTYPE declarations are not allowed")
                .hasMessageNotContaining("TOP-SECRET");
        Files.delete(secret);
    }

    @Test
    void malformedXmlNamesTheLine() {
        assertThatThrownBy(() -> read(
                        "<?xml version=\"1.0\"?>\n<ANNOTATION_DOCUMENT>\n<HEADER>\n</ANNOTATION_DOCUMENT>",
                        ElanMapping.byParticipant()))
                .isInstanceOf(ObservationFormatException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> read("<html/>", ElanMapping.byParticipant()))
                .hasMessageContaining("expected <ANNOTATION_DOCUMENT>");
    }

    @Test
    void gplFileWithTwoSpeakersAndANonSpeakerTier() {
        var document = ElanReader.read(
                TestFiles.shared("nzilbb_ag_elan_annotations_2.7_two_speakers.eaf"), ElanMapping.byParticipant());
        Map<String, Long> perActor = document.data().events().stream()
                .collect(Collectors.groupingBy(ObservationEvent::actor, Collectors.counting()));
        assertThat(perActor.keySet()).containsExactlyInAnyOrder("Interviewer", "mop03-2b");
        assertThat(document.data().notes())
                .anySatisfy(n -> assertThat(n.toString()).contains("DATE is empty"))
                .anySatisfy(n ->
                        assertThat(n.toString()).contains("\"annotations\"").contains("not a speaker"));
    }

    @Test
    void gplFileWithSimultaneousSpeech() {
        var document =
                ElanReader.read(TestFiles.shared("nzilbb_ag_simultaneous_speech_3.0.eaf"), ElanMapping.byParticipant());
        assertThat(document.data().events())
                .extracting(e -> e.actor() + " " + e.onsetMs() + ".." + e.offsetMs())
                .containsExactly("p1 0..5000", "p1 5000..10000", "p2 5000..10000", "p1 10000..15000");
    }
}
