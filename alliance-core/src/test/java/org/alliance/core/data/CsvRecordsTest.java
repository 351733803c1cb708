package org.alliance.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void recordsKeepTheLineTheyStartOnAcrossQuotedLineBreaksAndCrLf() {
        CsvRecords.Read read = CsvRecords.read("t.csv", "a,b\r\n\"one\r\ntwo\",2\r\n\r\nx,\"say \"\"hi\"\"\"\r\n", ',');
        assertThat(read.records())
                .extracting(CsvRecords.Record::line, CsvRecords.Record::fields)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, List.of("a", "b")),
                        org.assertj.core.groups.Tuple.tuple(2L, List.of("one\r\ntwo", "2")),
                        org.assertj.core.groups.Tuple.tuple(5L, List.of("x", "say \"hi\"")));
        assertThat(read.unclosedQuote()).isEmpty();
    }

    @Test
    void aQuoteThatIsNeverClosedIsReportedAtTheLineWhereItOpened() {
        String text = "id,name\n1,ok\n2,\"Jansen\n3,Berg\n4,Dahl\n";
        CsvRecords.Read read = CsvRecords.read("t.csv", text, ',');
        assertThat(read.unclosedQuote()).isEqualTo(OptionalLong.of(3));
        // What FastCSV alone gives: the rest of the file as one cell, without a word.
        assertThat(read.records()).hasSize(3);
        assertThat(read.records().get(2).fields().get(1)).contains("Berg").contains("Dahl");
    }

    @Test
    void aQuoteInsideACellIsAnOrdinaryCharacterAsFastCsvReadsIt() {
        CsvRecords.Read read = CsvRecords.read("t.csv", "screen,size\nwide,27\"\nnarrow, \"13\n", ',');
        assertThat(read.unclosedQuote()).isEmpty();
        assertThat(read.records().get(1).fields()).containsExactly("wide", "27\"");
        assertThat(read.records().get(2).fields()).containsExactly("narrow", " \"13");
    }

    @Test
    void anEscapedQuoteAtTheEndOfAQuotedCellDoesNotCloseIt() {
        assertThat(CsvRecords.read("t.csv", "a\n\"x\"\"\n", ',').unclosedQuote())
                .isEqualTo(OptionalLong.of(2));
        assertThat(CsvRecords.read("t.csv", "a\n\"x\"\"\"\n", ',').unclosedQuote())
                .isEmpty();
    }

    @Test
    void theSeparatorIsCountedOutsideQuotesOnTheHeaderLine() {
        assertThat(CsvRecords.detectSeparator("\"a;b;c\",d,e\n1;2;3;4\n")).isEqualTo(',');
        assertThat(CsvRecords.detectSeparator("\uFEFFa;b;\"c,d,e\"\n")).isEqualTo(';');
        assertThat(CsvRecords.detectSeparator("a\tb\tc,d\n")).isEqualTo('\t');
        assertThat(CsvRecords.detectSeparator("single\n")).isEqualTo(',');
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstCell() {
        assertThat(CsvRecords.read("t.csv", "\uFEFF\"id\",x\n", ',')
                        .records()
                        .get(0)
                        .fields())
                .containsExactly("id", "x");
    }
}
