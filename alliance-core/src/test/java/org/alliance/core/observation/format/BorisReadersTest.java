package org.alliance.core.observation.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;
import org.junit.jupiter.api.Test;

class BorisReadersTest {

    /** A small project in the .boris layout, written for this test. */
    static final String PROJECT =
            """
            {"project_name": "meetings", "time_format": "hh:mm:ss", "project_format_version": "7.0",
             "subjects_conf": {"0": {"key": "1", "name": "client", "description": ""},
                               "1": {"key": "2", "name": "professional", "description": ""}},
             "behaviors_conf": {
               "0": {"type": "Point event", "key": "I", "code": "introducing-client", "description": "introduce",
                     "category": "verbal", "modifiers": "", "excluded": "", "coding map": ""},
               "1": {"type": "State event", "key": "O", "code": "open-communication", "description": "",
                     "category": "verbal", "modifiers": "", "excluded": "", "coding map": ""},
               "2": {"type": "State event", "key": "N", "code": "nodding", "description": "",
                     "category": "non-verbal", "modifiers": "", "excluded": "", "coding map": ""}},
             "independent_variables": {},
             "observations": {
               "meeting 1": {"type": "MEDIA", "date": "2026-11-20T10:00:00", "description": "first",
                  "media_info": {"length": {"meeting1.mp4": 60.0}},
                  "events": [[1.0, "professional", "introducing-client", "", ""],
                             [2.0, "client", "open-communication", "", "opens up"],
                             [3.5, "client", "nodding", "", ""],
                             [4.0, "professional", "open-communication", "", ""],
                             [5.25, "client", "open-communication", "", ""],
                             [6.0, "client", "nodding", "", ""],
                             [7.0, "client", "nodding", "", ""]]},
               "meeting 2": {"type": "LIVE", "date": "", "description": "", "events": []}}}
            """;

    @Test
    void ethogramBecomesSchemeAndStateEventsArePaired() {
        var project = BorisProjectReader.read(
                new ByteArrayInputStream(PROJECT.getBytes(StandardCharsets.UTF_8)), "p.boris", true);
        assertThat(project.subjects()).containsExactly("client", "professional");
        assertThat(project.scheme().codes())
                .extracting(c -> c.key())
                .containsExactly("introducing-client", "open-communication", "nodding");
        assertThat(project.scheme().code("introducing-client").orElseThrow().hotkey())
                .isEqualTo("I");
        assertThat(project.observations()).extracting(BorisObservation::id).containsExactly("meeting 1", "meeting 2");
        var data = project.observations().get(0).data();
        assertThat(data.events())
                .containsExactly(
                        ObservationEvent.point("professional", Modality.VERBAL, "introducing-client", 1000),
                        new ObservationEvent(
                                "client", Modality.VERBAL, "open-communication", 2000, 5250, "", "opens up"),
                        ObservationEvent.state("client", Modality.NON_VERBAL, "nodding", 3500, 6000),
                        ObservationEvent.state("professional", Modality.VERBAL, "open-communication", 4000, 60000),
                        ObservationEvent.state("client", Modality.NON_VERBAL, "nodding", 7000, 60000));
        assertThat(data.notes()).hasSize(2).allSatisfy(n -> assertThat(n.message())
                .contains("unpaired"));
    }

    @Test
    void unpairedStatesCanBeDropped() {
        var project = BorisProjectReader.read(
                new ByteArrayInputStream(PROJECT.getBytes(StandardCharsets.UTF_8)), "p.boris", false);
        assertThat(project.observations().get(0).data().events()).hasSize(3);
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> BorisProjectReader.read(
                        new ByteArrayInputStream("{\n\"a\": }".getBytes(StandardCharsets.UTF_8)), "p.boris", true))
                .isInstanceOf(ObservationFormatException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> BorisProjectReader.read(
                        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), "p.boris", true))
                .hasMessageContaining("not a BORIS project");
    }

    static final String TABULAR =
            """
            Observation id,Observation date,Description,Observation duration,Observation type,Source,Media duration (s),FPS,Subject,Behavior,Behavioral category,Modifiers,Behavior type,Time,Media file name,Image index,Image file path,Comment
            m1,2026-11-20,,60,Media file(s),player #1:m.mp4,60,25,professional,introducing-client,verbal,,POINT,1.000,m.mp4,,,
            m1,2026-11-20,,60,Media file(s),player #1:m.mp4,60,25,client,open-communication,verbal,,START,2.000,m.mp4,,,
            m1,2026-11-20,,60,Media file(s),player #1:m.mp4,60,25,client,nodding,non-verbal,,START,3.500,m.mp4,,,
            m1,2026-11-20,,60,Media file(s),player #1:m.mp4,60,25,client,open-communication,verbal,,STOP,5.250,m.mp4,,,
            m1,2026-11-20,,60,Media file(s),player #1:m.mp4,60,25,client,nodding,non-verbal,,STOP,6.000,m.mp4,,,
            """;

    @Test
    void tabularExportInCsvAndTsv() {
        List<ObservationEvent> expected = List.of(
                ObservationEvent.point("professional", Modality.VERBAL, "introducing-client", 1000),
                ObservationEvent.state("client", Modality.VERBAL, "open-communication", 2000, 5250),
                ObservationEvent.state("client", Modality.NON_VERBAL, "nodding", 3500, 6000));
        assertThat(BorisTabularReader.looksLikeBoris(TABULAR)).isTrue();
        assertThat(BorisTabularReader.read(TABULAR, "b.csv", true).get(0).data().events())
                .containsExactlyElementsOf(expected);
        String tsv = TABULAR.replace(',', '\t');
        assertThat(BorisTabularReader.read(tsv, "b.tsv", true).get(0).data().events())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void olderTabularExportWithMetadataLinesAndStatus() {
        String old =
                """
                Observation id,m1
                Media file(s),m.mp4

                Time,Media file path,Total length,FPS,Subject,Behavior,Behavioral category,Comment,Status
                1.5,m.mp4,60,25,client,open-communication,,,START
                2.5,m.mp4,60,25,client,open-communication,,,STOP
                3.0,m.mp4,60,25,client,open-communication,,,STOP
                """;
        var data = BorisTabularReader.read(old, "old.csv", true).get(0).data();
        assertThat(data.events())
                .containsExactly(ObservationEvent.state("client", Modality.VERBAL, "open-communication", 1500, 2500));
        assertThat(data.notes()).singleElement().asString().contains("line 7").contains("without a START");
    }

    @Test
    void badTimeNamesLineAndColumn() {
        String bad = TABULAR.replace("5.250", "soon");
        assertThatThrownBy(() -> BorisTabularReader.read(bad, "b.csv", true))
                .hasMessage("b.csv, line 5, column Time: 'soon' is not a number of seconds");
    }

    /** Issue 16's finding: 1e300 and "Infinity" became events at 9.2·10¹⁸ ms; now each is a note and skipped. */
    @Test
    void timesBeyondHundredHoursAreSkippedWithANote() {
        String project = PROJECT.replace(
                "[7.0, \"client\", \"nodding\", \"\", \"\"]]},",
                "[7.0, \"client\", \"nodding\", \"\", \"\"], [1e300, \"client\", \"introducing-client\", \"\", \"\"],"
                        + " [\"Infinity\", \"client\", \"introducing-client\", \"\", \"\"],"
                        + " [360000.0, \"client\", \"introducing-client\", \"\", \"\"]]},");
        assertThat(project).isNotEqualTo(PROJECT);
        var data = BorisProjectReader.read(
                        new ByteArrayInputStream(project.getBytes(StandardCharsets.UTF_8)), "p.boris", false)
                .observations()
                .get(0)
                .data();
        // The last one is exactly 100 hours, still accepted; the meeting's end moves there, not to 9.2·10¹⁸ ms.
        assertThat(data.events()).hasSize(4);
        assertThat(data.events()).allSatisfy(e -> assertThat(e.offsetMs()).isLessThanOrEqualTo(360_000_000L));
        assertThat(data.notes())
                .filteredOn(n -> n.message().contains("later than 100 hours"))
                .extracting(ImportNote::location)
                .containsExactly("observation \"meeting 1\", event 7", "observation \"meeting 1\", event 8");
    }

    @Test
    void eventsThatAreNotAnArrayAreAnErrorNotAnEmptyMeeting() {
        String project = PROJECT.replace("\"events\": []", "\"events\": {\"0\": [1.0, \"client\", \"nodding\"]}");
        assertThat(project).isNotEqualTo(PROJECT);
        assertThatThrownBy(() -> BorisProjectReader.read(
                        new ByteArrayInputStream(project.getBytes(StandardCharsets.UTF_8)), "p.boris", true))
                .isInstanceOf(ObservationFormatException.class)
                .hasMessage("p.boris: observation \"meeting 2\": events is object, expected an array of"
                        + " [time, subject, code, modifier, comment] rows");
    }

    @Test
    void tabularTimesBeyondHundredHoursNameLineAndColumn() {
        for (String time : List.of("1e300", "Infinity", "360000.001")) {
            String bad = TABULAR.replace("5.250", time);
            assertThatThrownBy(() -> BorisTabularReader.read(bad, "b.csv", true))
                    .as(time)
                    .hasMessage("b.csv, line 5, column Time: '" + time
                            + "' is later than 100 hours; expected a time within the recording");
        }
    }

    /** Found by fuzzing (ReadersFuzzTest): one code in two categories was an IllegalArgumentException. */
    @Test
    void aBehaviourCodeDefinedTwiceIsAnErrorNamingBoth() {
        String project = PROJECT.replace("\"code\": \"open-communication\"", "\"code\": \"nodding\"");
        assertThat(project).isNotEqualTo(PROJECT);
        assertThatThrownBy(() -> BorisProjectReader.read(
                        new ByteArrayInputStream(project.getBytes(StandardCharsets.UTF_8)), "p.boris", true))
                .isInstanceOf(ObservationFormatException.class)
                .hasMessage("p.boris: behaviors_conf.2 defines the code 'nodding' again (already behaviors_conf.1);"
                        + " each behaviour code once");
    }
}
