package org.alliance.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPSS system files written by R's haven (alliance-core/src/test/r/sav.R), read as haven reads them back. */
class SavFileTest {

    private static final Path DIR = Path.of("src/test/resources/sav");

    @TempDir
    Path temp;

    private static List<List<String>> csv(String name) throws Exception {
        String text = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        for (CsvRecords.Record record : CsvRecords.read(name, text, ',').records()) {
            rows.add(record.fields());
        }
        return rows;
    }

    /** Every cell as the other program exported it: empty is missing, numbers equal as doubles, text exactly. */
    private static void assertCells(String file, DataTable table, List<List<String>> expected) {
        assertThat(table.columns()).isEqualTo(expected.get(0));
        assertThat(table.rowCount()).isEqualTo(expected.size() - 1);
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 0; c < table.columns().size(); c++) {
                String want = expected.get(r + 1).get(c).strip();
                String got = table.rows().get(r).get(c);
                String where = file + " case " + (r + 1) + " " + table.columns().get(c);
                if (want.isEmpty()) {
                    assertThat(got).as(where).isNull();
                } else if (want.matches("[-+]?[0-9.]+(e[-+][0-9]+)?")) {
                    assertThat(Double.parseDouble(got)).as(where).isEqualTo(Double.parseDouble(want));
                } else {
                    assertThat(got).as(where).isEqualTo(want);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"survey-byte.sav", "survey-none.sav", "survey.zsav"})
    void everyCellIsWhatHavenReadsBackWithEachCompression(String file) throws Exception {
        DataTable table = DataTable.read(DIR.resolve(file));
        assertCells(file, table, csv("survey-read.csv"));
        assertThat(table.rowsAre()).isEqualTo(DataTable.Rows.CASES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pspp-compressed.sav", "pspp-uncompressed.sav", "pspp.zsav"})
    void aWindows1252FileWrittenByPsppReadsAsPsppExportsIt(String file) throws Exception {
        DataTable table = DataTable.read(DIR.resolve(file));
        assertCells(file, table, csv("pspp-read.csv"));
        assertThat(table.notes().get(0)).contains("texts in windows-1252");
        SavFile.Contents contents = SavFile.read(file, Files.readAllBytes(DIR.resolve(file)), Optional.empty());
        assertThat(contents.variables().get(2).label()).isEqualTo("Bånd (1-5)");
        assertThat(contents.variables().get(1).valueLabels()).containsEntry("1", "Første");
    }

    @Test
    void labelsValueLabelsAndMissingDeclarationsAreThoseHavenSees() throws Exception {
        SavFile.Contents contents =
                SavFile.read("survey-byte.sav", Files.readAllBytes(DIR.resolve("survey-byte.sav")), Optional.empty());
        List<List<String>> expected = csv("survey-variables.csv");
        assertThat(contents.variables()).hasSize(expected.size() - 1);
        for (int v = 0; v < contents.variables().size(); v++) {
            SavFile.Variable variable = contents.variables().get(v);
            List<String> want = expected.get(v + 1);
            assertThat(variable.name()).isEqualTo(want.get(0));
            assertThat(variable.label()).as(variable.name()).isEqualTo(want.get(1));
            String labels = variable.valueLabels().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("|"));
            assertThat(labels).as(variable.name()).isEqualTo(want.get(2));
            assertThat(variable.missing().replace(", ", "|"))
                    .as(variable.name())
                    .isEqualTo(want.get(3));
        }
        assertThat(contents.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(contents.variables().get(6).width()).isEqualTo(328);
        assertThat(contents.variables().get(7).kind()).isEqualTo(SavFile.Kind.DATE);
        assertThat(contents.variables().get(8).kind()).isEqualTo(SavFile.Kind.DATE_TIME);
    }

    @Test
    void theNotesSayWhatTheReadingDecided() {
        DataTable table = DataTable.read(DIR.resolve("survey-byte.sav"));
        assertThat(table.notes().get(0))
                .startsWith("survey-byte.sav is an SPSS system file")
                .contains("12 cases");
        assertThat(String.join("\n", table.notes()))
                .contains("user-missing values are read as missing")
                .contains("bond_2 (97 thru 99)")
                .contains("value labels are kept out of the numbers (1 = helemaal oneens")
                .contains("SPSS dates are read as YYYY-MM-DD")
                .contains("intake, answered_at");
    }

    @Test
    void aTextColumnUsedAsANumberNamesTheCaseNotALine() {
        DataTable table = DataTable.read(DIR.resolve("survey-byte.sav"));
        assertThatThrownBy(() -> table.numeric("note"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("survey-byte.sav, case 1, column 6 (note): \"kort\" is not a number");
    }

    @Test
    void declaredMissingCodesApplyToTheCellsToo() {
        DataTable table = DataTable.read(
                DIR.resolve("survey-byte.sav"), CsvOptions.defaults().withMoreMissingCodes(java.util.Set.of("4")));
        assertThat(table.text("bond_1").get(0)).isNull(); // haven reads 4; declared missing here
        assertThat(table.text("bond_1").get(2)).isNull(); // -9, user-missing in the file
    }

    @ParameterizedTest
    @ValueSource(strings = {"survey-byte.sav", "survey-none.sav", "survey.zsav"})
    void aFileCutOffAnywhereIsAClearErrorNeverAnExceptionOfTheBuffer(String file) throws Exception {
        byte[] whole = Files.readAllBytes(DIR.resolve(file));
        for (int length : new int[] {10, 100, 177, 400, 1000, whole.length - 500, whole.length - 3}) {
            Path cut = temp.resolve("cut-" + length + "-" + file);
            Files.write(cut, Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> DataTable.read(cut))
                    .as("%s cut at %d bytes", file, length)
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith(cut.getFileName().toString())
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("cut off", "is it complete", "ends"));
        }
    }

    @Test
    void anUnknownRecordTypeIsNamedWithItsByteOffset() throws Exception {
        byte[] bytes = Files.readAllBytes(DIR.resolve("survey-none.sav"));
        bytes[176] = 9; // the first variable record's type
        Path broken = temp.resolve("broken.sav");
        Files.write(broken, bytes);
        assertThatThrownBy(() -> DataTable.read(broken))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("broken.sav, byte 176: unknown record type 9");
    }

    @Test
    void numbersAreWrittenAsRReadsThemBack() {
        assertThat(SavFile.number(4)).isEqualTo("4");
        assertThat(SavFile.number(-12345.678901234567)).isEqualTo("-12345.678901234567");
        assertThat(Double.parseDouble(SavFile.number(1e-7))).isEqualTo(1e-7);
        assertThat(SavFile.number(1e20)).isEqualTo("1.0E20");
    }
}
