package org.alliance.core.observation.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import org.alliance.core.observation.CodingScheme;
import org.alliance.core.observation.DefaultCodingScheme;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

class ElanWriterTest {

    private static final ElanWriter.Options OPTIONS = new ElanWriter.Options(
            "tester", OffsetDateTime.parse("2026-11-23T10:00:00Z"), "file:///meeting.mp4", "video/mp4");

    private static byte[] write(List<ObservationEvent> events, CodingScheme scheme) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ElanWriter.write(out, events, scheme, OPTIONS);
        return out.toByteArray();
    }

    private static void validate(byte[] eaf) throws IOException, SAXException {
        Validator validator = TestFiles.eaf30().newValidator();
        validator.validate(new StreamSource(new ByteArrayInputStream(eaf)));
    }

    private static ElanReader.ElanDocument reread(byte[] eaf) {
        return ElanReader.read(new ByteArrayInputStream(eaf), "written.eaf", ElanMapping.byParticipant());
    }

    private static final List<ObservationEvent> MEETING = List.of(
            new ObservationEvent("professional A", Modality.VERBAL, "introducing-client", 0, 4000, "anna", ""),
            new ObservationEvent("client", Modality.VERBAL, "open-communication", 3500, 9000, "anna", "hesitant"),
            new ObservationEvent("client", Modality.NON_VERBAL, "conflict", 5000, 5000, "anna", ""),
            new ObservationEvent("client", Modality.VERBAL, "team-support", 4000, 6000, "anna", ""),
            new ObservationEvent(
                    "network member", Modality.VERBAL, "shared-decision", 9000, 12000, "anna", "a < b & c"));

    @Test
    void writtenFileValidatesAndReadsBackTheSameEventsAndScheme() throws Exception {
        CodingScheme scheme = DefaultCodingScheme.jointMeetings();
        byte[] eaf = write(MEETING, scheme);
        validate(eaf);
        var back = reread(eaf);
        assertThat(back.data().events()).isEqualTo(new ObservationData(MEETING, scheme, List.of()).events());
        assertThat(back.data().scheme()).isEqualTo(scheme);
        assertThat(back.data().notes()).isEmpty();
        // the two overlapping verbal client events went to two tiers of the same participant
        assertThat(back.tiers())
                .extracting(ElanReader.Tier::id)
                .contains("client verbal", "client verbal 2", "client non-verbal", "client verbal comment");
        assertThat(back.tiers())
                .filteredOn(
                        t -> t.id().startsWith("client verbal") && t.parent().isEmpty())
                .allSatisfy(t -> assertThat(t.annotator()).isEqualTo("anna"));
    }

    @Test
    void severalCodersGetTheirOwnTiers() throws Exception {
        List<ObservationEvent> events = List.of(
                new ObservationEvent("client", Modality.VERBAL, "conflict", 0, 1000, "anna", ""),
                new ObservationEvent("client", Modality.VERBAL, "conflict", 0, 1000, "bert", ""));
        byte[] eaf = write(events, DefaultCodingScheme.jointMeetings());
        validate(eaf);
        assertThat(reread(eaf).data().events()).containsExactlyInAnyOrderElementsOf(events);
    }

    static List<Object[]> realFiles() {
        return List.of(
                new Object[] {
                    "pympi_sample_3.0.eaf",
                    List.of(
                            "text=A:verbal",
                            "gestures=A:non-verbal",
                            "words-symsub=B:verbal",
                            "words-pos=C:verbal",
                            "gest_included=C:non-verbal")
                },
                new Object[] {
                    "pympi_sample_2.7.eaf", List.of("text=A:verbal", "gestures=A:non-verbal", "words-timesub=B:verbal")
                },
                new Object[] {"speach_test_3.0_cv.eaf", List.of()});
    }

    @ParameterizedTest
    @MethodSource("realFiles")
    void realFilesRoundTrip(String name, List<String> mapping) throws Exception {
        roundTrip(TestFiles.resource(name), mapping);
    }

    @Test
    void gplFilesRoundTrip() throws Exception {
        roundTrip(TestFiles.shared("nzilbb_ag_elan_annotations_2.7_two_speakers.eaf"), List.of());
        roundTrip(TestFiles.shared("nzilbb_ag_simultaneous_speech_3.0.eaf"), List.of());
    }

    private static void roundTrip(Path file, List<String> mapping) throws Exception {
        var first = ElanReader.read(file, ElanMapping.parse(mapping));
        assertThat(first.data().events()).isNotEmpty();
        byte[] eaf = write(first.data().events(), first.data().scheme());
        validate(eaf);
        var second = reread(eaf);
        assertThat(second.data().events()).isEqualTo(first.data().events());
        assertThat(second.data().notes()).isEmpty();
    }
}
