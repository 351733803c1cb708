package org.alliance.core.observation.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;
import org.junit.jupiter.api.Test;

class CsvEventsTest {

    @Test
    void roundTripKeepsEveryField() {
        List<ObservationEvent> events = List.of(
                new ObservationEvent("client", Modality.NON_VERBAL, "conflict", 100, 100, "anna", "sighs, \"loudly\""),
                new ObservationEvent("professional A", Modality.VERBAL, "team-support", 0, 2500, "", ""));
        StringWriter out = new StringWriter();
        CsvEvents.write(out, events);
        assertThat(out.toString()).startsWith("actor,modality,code,onset_ms,offset_ms,coder,comment\n");
        var back = CsvEvents.read(new StringReader(out.toString()), "events.csv");
        assertThat(back.events()).containsExactly(events.get(1), events.get(0));
    }

    @Test
    void optionalColumnsHaveDefaults() {
        var data = CsvEvents.read(new StringReader("code,actor,onset_ms,extra\nconflict,client,500,x\n"), "e.csv");
        assertThat(data.events()).containsExactly(ObservationEvent.point("client", Modality.VERBAL, "conflict", 500));
        assertThat(data.notes()).singleElement().asString().contains("unknown column 'extra'");
    }

    @Test
    void errorsNameLineAndColumn() {
        String header = "actor,modality,code,onset_ms,offset_ms\n";
        assertThatThrownBy(() -> CsvEvents.read(
                        new StringReader(header + "client,verbal,a,0,10\nclient,verbal,a,1.5,10\n"), "e.csv"))
                .isInstanceOf(ObservationFormatException.class)
                .hasMessage("e.csv, line 3, column onset_ms: '1.5' is not a whole number of milliseconds");
        assertThatThrownBy(() -> CsvEvents.read(new StringReader(header + "client,loud,a,0,10\n"), "e.csv"))
                .hasMessage("e.csv, line 2, column modality: 'loud' is not verbal or non-verbal");
        assertThatThrownBy(() -> CsvEvents.read(new StringReader(header + "client,verbal,a,10,5\n"), "e.csv"))
                .hasMessage("e.csv, line 2, column offset_ms: 5 lies before onset_ms 10");
        assertThatThrownBy(() -> CsvEvents.read(new StringReader("actor,onset_ms\n"), "e.csv"))
                .hasMessageContaining("line 1: the header has no column 'code'");
    }

    @Test
    void timesBeyondHundredHoursNameLineAndColumn() {
        String csv = "actor,modality,code,onset_ms,offset_ms\nclient,verbal,a,0,360000001\n";
        assertThatThrownBy(() -> CsvEvents.read(new StringReader(csv), "e.csv"))
                .hasMessage("e.csv, line 2, column offset_ms: 360000001 ms is later than 100 hours;"
                        + " expected the time within the recording");
        assertThat(CsvEvents.read(new StringReader(csv.replace("360000001", "360000000")), "e.csv")
                        .events())
                .hasSize(1);
    }

    /** Issue 16's finding: a file saved in Windows-1252 failed with exit 1 and no place. */
    @Test
    void aFileThatIsNotUtf8NamesLineAndByte(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws java.io.IOException {
        java.nio.file.Path file = folder.resolve("events.csv");
        java.nio.file.Files.writeString(
                file,
                "actor,modality,code,onset_ms,offset_ms,coder,comment\nclient,verbal,a,0,10,,\nclient,verbal,a,20,30,,caf\u00e9\n",
                java.nio.charset.Charset.forName("windows-1252"));
        String expected = "events.csv, line 3, character 27: not UTF-8 text (byte 0xE9); save the file as UTF-8"
                + " (in Excel: CSV UTF-8)";
        assertThatThrownBy(() -> CsvEvents.read(file))
                .isInstanceOf(ObservationFormatException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> ObservationFiles.read(file, ObservationFiles.ReadOptions.defaults()))
                .hasMessage(expected);
    }
}
