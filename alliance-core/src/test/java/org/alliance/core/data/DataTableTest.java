package org.alliance.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataTableTest {

    @TempDir
    Path dir;

    private static DataTable parse(String csv) {
        return DataTable.read("test.csv", new StringReader(csv), ',');
    }

    private Path write(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private Path write(String name, String content) throws Exception {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyCellsAndNaAreMissing() {
        DataTable table = parse("a,b\n1,\nNA,2.5\n");
        assertThat(table.numeric("a")).containsExactly(1.0, Double.NaN);
        assertThat(table.numeric("b")).containsExactly(Double.NaN, 2.5);
        assertThat(table.text("a")).containsExactly("1", null);
    }

    @Test
    void numbersAreReadAsTheJdkReadsThemAndTheirTextComesBackAsWritten() {
        // Columns hold numbers as doubles; the text of every cell must still be the file's, in every spelling.
        String[] spellings = {
            "0",
            "-0",
            "-0.0",
            "7",
            "10",
            "007",
            "+1",
            "1.",
            ".5",
            "-.5",
            "0.5",
            "0.10",
            "-12.3400",
            "1e5",
            "2.5E-3",
            "123456789012345",
            "1234567890123456",
            "0.000000000000001",
            "99999999.9999999",
            "1e999",
            "3.",
            "x1",
            "n/a"
        };
        StringBuilder csv = new StringBuilder("a\n");
        for (String spelling : spellings) {
            csv.append(spelling).append('\n');
        }
        DataTable table = parse(csv.toString());
        assertThat(table.text("a")).containsExactly(spellings);
        assertThat(table.isNumeric("a")).isFalse();
        DataTable numbers = parse("a\n" + String.join("\n", java.util.Arrays.copyOf(spellings, 19)) + "\n");
        double[] values = numbers.numeric("a");
        for (int i = 0; i < values.length; i++) {
            assertThat(values[i]).as(spellings[i]).isEqualTo(Double.parseDouble(spellings[i]));
        }
        assertThat(Double.doubleToRawLongBits(values[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThatThrownBy(() -> parse("a\n1\n1e999\n").numeric("a"))
                .hasMessageContaining("line 3, column 1 (a): \"1e999\" is not a finite number");
    }

    @Test
    void randomDecimalsAreReadToTheSameDoubleAsParseDoubleAndKeepTheirText() {
        java.util.Random random = new java.util.Random(20261204);
        StringBuilder csv = new StringBuilder("a\n");
        String[] written = new String[20_000];
        for (int i = 0; i < written.length; i++) {
            int decimals = random.nextInt(9);
            long digits = random.nextLong() % 1_000_000_000_000L;
            String text = java.math.BigDecimal.valueOf(digits, decimals).toPlainString();
            written[i] = text;
            csv.append(text).append('\n');
        }
        DataTable table = parse(csv.toString());
        double[] values = table.numeric("a");
        for (int i = 0; i < written.length; i++) {
            assertThat(values[i]).as(written[i]).isEqualTo(Double.parseDouble(written[i]));
        }
        assertThat(table.text("a")).containsExactly(written);
    }

    @Test
    void onlyRsMissingCodesAreMissingByDefault() {
        // R's read.csv: na.strings = "NA" (case matters) and empty cells; "." is a value.
        DataTable table = parse("a\nna\n.\n");
        assertThat(table.text("a")).containsExactly("na", ".");
    }

    @Test
    void aValueThatIsNotANumberIsReportedWithItsLineColumnAndHowManyMoreThereAre() {
        DataTable table = parse("a,b\n1,2\n3,x\n4,.\n5,x\n");
        assertThatThrownBy(() -> table.numeric("b"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("test.csv, line 3, column 2 (b)")
                .hasMessageContaining("\"x\" is not a number")
                .hasMessageContaining("(and 2 more, e.g. \".\")")
                .hasMessageContaining("--na");
    }

    @Test
    void lineNumbersCountLineBreaksInsideQuotedCells() {
        DataTable table = parse("note,b\n\"two\nlines\",1\nok,x\n");
        assertThat(table.line(1)).isEqualTo(4);
        assertThatThrownBy(() -> table.numeric("b")).hasMessageContaining("line 4, column 2 (b)");
    }

    @Test
    void aMostlyNumericColumnSaysWhichValuesMakeItText() {
        DataTable table = parse("x3,g\n1,a\n.,b\n2,c\n3,a\n.,b\n");
        assertThat(table.isNumeric("x3")).isFalse();
        assertThat(table.whyText("x3")).hasValueSatisfying(m -> assertThat(m)
                .contains("line 3, column 1 (x3): \".\" is not a number (and 1 more)")
                .contains("--na \".\""));
        assertThat(table.whyText("g")).isEmpty();
        // Mostly "." but more distinct numbers than distinct codes: still a numeric column with a code.
        DataTable sparse = parse("x\n.\n.\n.\n.\n1.5\n2\n");
        assertThat(sparse.whyText("x")).hasValueSatisfying(m -> assertThat(m).contains("(and 3 more)"));
        // A text column with one number among several labels stays text.
        assertThat(parse("g\na\nb\n3\nc\n").whyText("g")).isEmpty();
    }

    @Test
    void declaredMissingCodesAreMissing() throws Exception {
        Path file = write("codes.csv", "x,y\n1,-999\n.,2\n3,4\n");
        DataTable table = DataTable.read(file, CsvOptions.defaults().withMoreMissingCodes(Set.of(".", "-999")));
        assertThat(table.numeric("x")).containsExactly(1.0, Double.NaN, 3.0);
        assertThat(table.numeric("y")).containsExactly(Double.NaN, 2.0, 4.0);
    }

    @Test
    void nanAndInfinityAreNotAcceptedAsData() {
        DataTable table = parse("a\nNaN\nInfinity\n");
        assertThat(table.isNumeric("a")).isFalse();
        assertThatThrownBy(() -> parse("a\n1e999\n").numeric("a")).hasMessageContaining("not a finite number");
    }

    @Test
    void aQuoteThatIsNeverClosedIsAnErrorAtItsLineNotOneLongCell() {
        assertThatThrownBy(() -> parse("id,name\n1,ok\n2,\"Jansen\n3,Berg\n"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("test.csv, line 3: a quote")
                .hasMessageContaining("never closed");
    }

    @Test
    void anUnknownColumnListsTheColumnsThatExist() {
        DataTable table = parse("age,score\n1,2\n");
        assertThatThrownBy(() -> table.numeric("sex"))
                .hasMessageContaining("'sex'")
                .hasMessageContaining("age, score");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRejected() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n3\n"))
                .hasMessageContaining("test.csv, line 3")
                .hasMessageContaining("1 cells");
    }

    @Test
    void duplicateAndEmptyColumnNamesAreRejected() {
        assertThatThrownBy(() -> parse("a,a\n1,2\n")).hasMessageContaining("line 1, column 2: the column name 'a'");
        assertThatThrownBy(() -> parse("a,\n1,2\n")).hasMessageContaining("line 1, column 2");
    }

    @Test
    void aSemicolonSeparatedFileAndAByteOrderMarkAreHandled() throws Exception {
        DataTable table = DataTable.read(write("data.csv", "\uFEFFx;y\n1;2\n"));
        assertThat(table.columns()).containsExactly("x", "y");
        assertThat(table.numeric("y")).containsExactly(2.0);
    }

    @Test
    void aByteOrderMarkBeforeAQuotedHeaderIsNotPartOfTheName() throws Exception {
        DataTable table = DataTable.read(write("excel.csv", "\uFEFF\"id\",\"score\"\n1,2\n"));
        assertThat(table.columns()).containsExactly("id", "score");
        assertThat(table.numeric("id")).containsExactly(1.0);
    }

    @Test
    void decimalCommasInASemicolonFileAreDetectedWithANote() throws Exception {
        DataTable table = DataTable.read(write("nl.csv", "id;x;y\n1;3,5;-0,25\n2;4;1,5e2\n"));
        assertThat(table.numeric("x")).containsExactly(3.5, 4.0);
        assertThat(table.numeric("y")).containsExactly(-0.25, 150.0);
        assertThat(table.notes()).anyMatch(n -> n.contains("decimal commas"));
    }

    @Test
    void declaredSeparatorAndDecimalMarkAreUsed() throws Exception {
        Path file = write("declared.txt", "x|y\n1,5|2\n");
        DataTable table =
                DataTable.read(file, CsvOptions.defaults().withSeparator('|').withDecimal(','));
        assertThat(table.numeric("x")).containsExactly(1.5);
        assertThat(table.notes()).isEmpty();
    }

    @Test
    void aDecimalCommaThatWasNotDetectedSaysHowToDeclareIt() throws Exception {
        // Mixed marks: nothing is guessed, and the comma values are named.
        DataTable table = DataTable.read(write("mixed.csv", "x;y\n1,5;2.5\n"));
        assertThatThrownBy(() -> table.numeric("x"))
                .hasMessageContaining("line 2, column 1 (x): \"1,5\" is not a number")
                .hasMessageContaining("--dec ','");
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsTextAndAnInvalidByteBesideItStillMakesItWindows1252() throws Exception {
        // UTF-8 is first decoded by the JDK, which puts U+FFFD where a byte is not valid: a U+FFFD that the file
        // itself holds must neither hide an invalid byte nor count as one.
        DataTable valid = DataTable.read(write("fffd.csv", "name,x\n\uFFFD,1\n"));
        assertThat(valid.text("name")).containsExactly("\uFFFD");
        assertThat(valid.notes()).isEmpty();
        byte[] mixed = {'n', '\n', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, (byte) 0xE9, '\n'};
        DataTable latin = DataTable.read(write("mixed-fffd.csv", mixed));
        assertThat(latin.notes()).anyMatch(n -> n.contains("byte 0xE9 on line 2, character 2"));
        assertThat(latin.text("n")).containsExactly("\u00EF\u00BF\u00BD\u00E9");
    }

    @Test
    void aWindows1252FileIsReadAsSuchWithANote() throws Exception {
        byte[] latin = "naam;score\nJørgen;3,5\nAnaïs;4\n".getBytes(Charset.forName("windows-1252"));
        DataTable table = DataTable.read(write("latin.csv", latin));
        assertThat(table.text("naam")).containsExactly("Jørgen", "Anaïs");
        assertThat(table.numeric("score")).containsExactly(3.5, 4.0);
        assertThat(table.notes())
                .anyMatch(n -> n.contains("not valid UTF-8")
                        && n.contains("line 2, character 2")
                        && n.contains("Windows-1252"));
    }

    @Test
    void aDeclaredEncodingIsHonouredAndAnInvalidByteIsNamedWithLineAndColumn() throws Exception {
        byte[] latin = "name,x\nJørgen,1\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = write("latin1.csv", latin);
        assertThat(DataTable.read(file, CsvOptions.defaults().withEncoding(StandardCharsets.ISO_8859_1))
                        .text("name"))
                .containsExactly("Jørgen");
        assertThatThrownBy(() -> DataTable.read(file, CsvOptions.defaults().withEncoding(StandardCharsets.UTF_8)))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("latin1.csv, line 2, character 2: byte 0xF8 is not valid UTF-8");
    }

    @Test
    void aLargeFileIsReadAsAStreamAndAnInvalidByteFarIntoItIsStillNamedWithLineAndColumn() throws Exception {
        StringBuilder text = new StringBuilder("name;x\n");
        int rows = 30_000;
        for (int row = 0; row < rows; row++) {
            text.append(row % 7 == 0 ? "Jørgen" : "Kari")
                    .append(';')
                    .append(row)
                    .append(",5\n");
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        DataTable valid = DataTable.read(write("large.csv", utf8));
        assertThat(valid.notes()).noneMatch(n -> n.contains("not valid UTF-8"));
        assertThat(valid.rowCount()).isEqualTo(rows);
        assertThat(valid.text("name").get(7)).isEqualTo("Jørgen");
        assertThat(valid.numeric("x")[rows - 1]).isEqualTo(rows - 1 + 0.5);

        // One Windows-1252 byte on the last line, far beyond the first chunk: the file is read again as Windows-1252.
        byte[] tail = {'A', 'n', 'a', (byte) 0xEF, 's', ';', '1', '\n'};
        byte[] latin = Arrays.copyOf(utf8, utf8.length + tail.length);
        System.arraycopy(tail, 0, latin, utf8.length, tail.length);
        DataTable fallback = DataTable.read(write("large-latin.csv", latin));
        assertThat(fallback.notes()).anyMatch(n -> n.contains("byte 0xEF on line " + (rows + 2) + ", character 4"));
        assertThat(fallback.text("name").get(rows)).isEqualTo("Ana\u00EFs");
        assertThat(fallback.text("name").get(7)).isEqualTo("J\u00C3\u00B8rgen");
        assertThat(fallback.rowCount()).isEqualTo(rows + 1);
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> DataTable.read(dir.resolve("nope.csv"))).hasMessageContaining("file not found");
    }
}
