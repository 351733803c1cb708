package org.alliance.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.alliance.core.data.DataFormatException;
import org.alliance.core.data.DataTable;
import org.alliance.core.data.SavFile;
import org.alliance.core.instrument.InstrumentReader;
import org.alliance.core.observation.format.BorisProjectReader;
import org.alliance.core.observation.format.CsvEvents;
import org.alliance.core.observation.format.ObservationFormatException;

/**
 * Fuzz tests of the readers of files from other tools and from users (issue 16). Each reader may refuse an input
 * only with its own format exception (or, for instruments, a list of problems) — any other exception, a hang or a
 * time beyond 100 hours is a finding. {@code ./mvnw verify} runs the seed corpus in {@code ReadersFuzzTestInputs}
 * (regression mode); {@code JAZZER_FUZZ=1 ./mvnw -pl alliance-core test -Dtest=ReadersFuzzTest} fuzzes for the
 * {@code maxDuration} of each test.
 */
class ReadersFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void borisProject(byte[] input) {
        try {
            var project = BorisProjectReader.read(new ByteArrayInputStream(input), "fuzz.boris", true);
            project.observations().forEach(o -> o.data().events().forEach(e -> Invariants.plausible(e)));
        } catch (ObservationFormatException expected) {
            // refused with a message: fine
        }
    }

    @FuzzTest(maxDuration = "60s")
    void eventCsv(byte[] input) {
        try {
            CsvEvents.read(new StringReader(new String(input, StandardCharsets.UTF_8)), "fuzz.csv")
                    .events()
                    .forEach(Invariants::plausible);
        } catch (ObservationFormatException expected) {
            // refused with a message: fine
        }
    }

    @FuzzTest(maxDuration = "60s")
    void instrument(byte[] input) {
        var result = InstrumentReader.read("fuzz.yaml", new String(input, StandardCharsets.UTF_8));
        if (result.instrument().isEmpty() && result.errors().isEmpty()) {
            throw new AssertionError("no instrument and no error for: " + new String(input, StandardCharsets.UTF_8));
        }
    }

    @FuzzTest(maxDuration = "60s")
    void savFile(byte[] input) {
        try {
            SavFile.Contents contents = SavFile.read("fuzz.sav", input, Optional.empty());
            for (var row : contents.rows()) {
                if (row.size() != contents.variables().size()) {
                    throw new AssertionError("a case with " + row.size() + " cells for "
                            + contents.variables().size() + " variables");
                }
            }
        } catch (DataFormatException expected) {
            // refused with a message: fine
        }
    }

    @FuzzTest(maxDuration = "60s")
    void dataCsv(byte[] input) {
        try {
            DataTable table =
                    DataTable.read("fuzz.csv", new StringReader(new String(input, StandardCharsets.UTF_8)), ',');
            for (String column : table.columns()) {
                if (table.isNumeric(column)) {
                    table.numeric(column);
                }
            }
        } catch (DataFormatException expected) {
            // refused with a message: fine
        }
    }
}
