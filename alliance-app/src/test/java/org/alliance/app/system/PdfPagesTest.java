package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.alliance.app.system.PdfPages.Face;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfPagesTest {

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int pages(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return document.getNumberOfPages();
        }
    }

    @Test
    void greekLettersTheMinusSignAndNordicLettersAreDrawnNotReplaced() throws IOException {
        byte[] pdf = new PdfPages("t", "test")
                .paragraph(Face.REGULAR, 10, "Cronbach’s α 0.81, McDonald’s ω 0.84, β −0.091, Ærø Å")
                .finish();
        assertThat(text(pdf))
                .contains("α 0.81")
                .contains("ω 0.84")
                .contains("−0.091")
                .contains("Ærø Å");
    }

    @Test
    void aCharacterTheFontCannotDrawBecomesAQuestionMark() throws IOException {
        assertThat(text(new PdfPages("t", "test").line(Face.BOLD, 10, "a 😀 b").finish()))
                .contains("a ? b");
    }

    @Test
    void aLongTableContinuesOnTheNextPageWithItsHeaderRepeated() throws IOException {
        List<List<String>> rows = IntStream.range(0, 120)
                .mapToObj(i -> List.of("row " + i, String.valueOf(i * 2), "0." + i))
                .toList();
        byte[] pdf = new PdfPages("t", "test")
                .table(List.of("Term", "Estimate", "SE"), rows)
                .finish();
        String text = text(pdf);
        int pages = pages(pdf);
        assertThat(pages).isGreaterThan(1);
        assertThat(text.split("Term Estimate SE", -1)).hasSize(pages + 1);
        assertThat(text).contains("row 0 0 0.0").contains("row 119 238 0.119");
    }

    @Test
    void aTableTooWideForThePageIsWrittenRowByRowSoNoFigureIsCut() throws IOException {
        List<String> header = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            header.add("column number " + c);
            row.add("value-" + c + "-0.123456789");
        }
        String text = text(new PdfPages("t", "test").table(header, List.of(row)).finish());
        assertThat(text)
                .contains("column number 0: value-0-0.123456789")
                .contains("column number 39: value-39-0.123456789");
    }

    @Test
    void theTitleAndProducerAreTheDocumentsProperties() throws IOException {
        try (PDDocument document = Loader.loadPDF(new PdfPages("Report 7", "Alliance 1.2").finish())) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Report 7");
            assertThat(document.getDocumentInformation().getProducer()).isEqualTo("Alliance 1.2");
        }
    }
}
