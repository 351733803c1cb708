package org.alliance.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataTableTest {

    private static DataTable parse(String csv) {
        return DataTable.read("test.csv", new StringReader(csv), ',');
    }

    @Test
    void emptyCellsAndNaAreMissing() {
        DataTable table = parse("a,b\n1,\nNA,2.5\n");
        assertThat(table.numeric("a")).containsExactly(1.0, Double.NaN);
        assertThat(table.numeric("b")).containsExactly(Double.NaN, 2.5);
        assertThat(table.text("a")).containsExactly("1", null);
    }

    @Test
    void aValueThatIsNotANumberIsReportedWithItsSpreadsheetRowAndColumn() {
        DataTable table = parse("a,b\n1,2\n3,x\n");
        assertThatThrownBy(() -> table.numeric("b"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("row 3")
                .hasMessageContaining("column 'b'")
                .hasMessageContaining("'x'");
    }

    @Test
    void nanAndInfinityAreNotAcceptedAsData() {
        DataTable table = parse("a\nNaN\nInfinity\n");
        assertThat(table.isNumeric("a")).isFalse();
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
                .hasMessageContaining("row 3")
                .hasMessageContaining("1 cells");
    }

    @Test
    void duplicateAndEmptyColumnNamesAreRejected() {
        assertThatThrownBy(() -> parse("a,a\n1,2\n")).hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> parse("a,\n1,2\n")).hasMessageContaining("column 2");
    }

    @Test
    void aSemicolonSeparatedFileAndAByteOrderMarkAreHandled(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, "\uFEFFx;y\n1;2\n");
        DataTable table = DataTable.read(file);
        assertThat(table.columns()).containsExactly("x", "y");
        assertThat(table.numeric("y")).containsExactly(2.0);
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> DataTable.read(dir.resolve("nope.csv"))).hasMessageContaining("file not found");
    }
}
