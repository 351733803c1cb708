package org.alliance.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.alliance.core.data.DataTable;
import org.alliance.core.instrument.InstrumentCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCsvWriterTest {

    @Test
    void writesOneFilePerEntityAndAWideResponseFilePerInstrument(@TempDir Path dir) {
        DemoData data = DemoGenerator.generate(new DemoOptions(7, 12, LocalDate.of(2026, 1, 5), 9));
        List<Path> files = new DemoCsvWriter(InstrumentCatalog.builtIn()).write(data, dir);

        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .contains("clients.csv", "meetings.csv", "answers.csv", "responses-alliance-client.csv", "truth.csv");
        DataTable clients = DataTable.read(dir.resolve("clients.csv"));
        assertThat(clients.rowCount()).isEqualTo(12);
        assertThat(clients.columns()).doesNotContain("name", "birth_date", "bsn");

        DataTable responses = DataTable.read(dir.resolve("responses-alliance-client.csv"));
        long expected = data.checkIns().stream()
                .filter(c -> c.instrumentId().equals("alliance-client"))
                .count();
        assertThat(responses.rowCount()).isEqualTo((int) expected);
        double[] bond1 = responses.numeric("bond-1");
        for (double answer : bond1) {
            assertThat(Double.isNaN(answer) || (answer >= 1 && answer <= 5)).isTrue();
        }
        DataTable answers = DataTable.read(dir.resolve("answers.csv"));
        long answerCount =
                data.checkIns().stream().mapToLong(c -> c.answers().size()).sum();
        assertThat(answers.rowCount()).isEqualTo((int) answerCount);
    }
}
