package org.alliance.app.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.context.MessageSource;

/**
 * {@link ClientData} as a PDF a client can read and keep: A4, one section per meeting's answers, every question
 * with its answer and every score with its rule, in the client's language. Drawn with PDFBox's standard Helvetica
 * (Latin-1: Dutch, English, Norwegian and Danish letters); a character outside it is written as "?".
 */
final class ClientDataPdf {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDDocument document = new PDDocument();
    private PDPageContentStream page;
    private float y;

    private ClientDataPdf() {}

    static byte[] render(ClientData data, MessageSource messages, Locale locale) {
        ClientDataPdf pdf = new ClientDataPdf();
        try {
            return pdf.write(data, messages, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(ClientData data, MessageSource m, Locale locale) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(m.getMessage("export.pdf.title", new Object[] {data.alias()}, locale));
        info.setProducer(data.software());
        newPage();
        line(bold, 16, m.getMessage("export.pdf.title", new Object[] {data.alias()}, locale));
        y -= 4;
        paragraph(
                regular,
                10,
                m.getMessage(
                        "export.pdf.intro",
                        new Object[] {data.organisation(), data.reference(), data.generatedAt()},
                        locale));
        heading(m.getMessage("export.pdf.meetings", null, locale));
        if (data.meetings().isEmpty()) {
            paragraph(regular, 10, m.getMessage("export.pdf.none", null, locale));
        }
        for (ClientData.MeetingData meeting : data.meetings()) {
            paragraph(regular, 10, ClientDataExport.date(meeting.date(), locale) + " – " + meeting.kind());
        }
        heading(m.getMessage("export.pdf.answers", null, locale));
        if (data.checkIns().isEmpty()) {
            paragraph(regular, 10, m.getMessage("export.pdf.none", null, locale));
        }
        for (ClientData.Answered answered : data.checkIns()) {
            answered(answered, m, locale);
        }
        heading(m.getMessage("export.pdf.ratings", null, locale));
        if (data.ratingsByProfessionals().isEmpty()) {
            paragraph(regular, 10, m.getMessage("export.pdf.none", null, locale));
        }
        for (ClientData.Answered answered : data.ratingsByProfessionals()) {
            answered(answered, m, locale);
        }
        heading(m.getMessage("export.pdf.discussed", null, locale));
        if (data.feedbackDiscussed().isEmpty()) {
            paragraph(regular, 10, m.getMessage("export.pdf.none", null, locale));
        }
        for (ClientData.DiscussedData d : data.feedbackDiscussed()) {
            String line = ClientDataExport.date(d.meetingDate(), locale) + " – " + d.signal() + ": "
                    + m.getMessage(
                            d.discussed() ? "export.pdf.discussed.yes" : "export.pdf.discussed.no", null, locale);
            if (d.whatChanged() != null) {
                line += " " + m.getMessage("export.pdf.whatChanged", new Object[] {d.whatChanged()}, locale);
            }
            paragraph(regular, 10, line);
        }
        heading(m.getMessage("export.pdf.stored", null, locale));
        for (var kind : data.storedRows().entrySet()) {
            paragraph(
                    regular,
                    10,
                    m.getMessage("erase.kind." + kind.getKey(), null, kind.getKey(), locale) + ": " + kind.getValue());
        }
        page.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        document.close();
        return out.toByteArray();
    }

    private void answered(ClientData.Answered answered, MessageSource m, Locale locale) throws IOException {
        y -= 6;
        paragraph(
                bold,
                11,
                ClientDataExport.date(answered.meetingDate(), locale) + " – " + answered.questionnaire() + " ("
                        + answered.questionnaireId() + " " + answered.version() + ")");
        paragraph(
                regular,
                9,
                m.getMessage("export.pdf.sent", new Object[] {answered.submittedAt(), answered.release()}, locale));
        for (ClientData.AnswerData answer : answered.answers()) {
            paragraph(regular, 10, answer.question() + " — " + answer.answer());
        }
        for (ClientData.ScoreData score : answered.scores()) {
            String value = score.score() == null
                    ? m.getMessage("export.pdf.noScore", null, locale)
                    : org.alliance.app.system.Formats.score(score.score(), locale);
            paragraph(
                    regular,
                    9,
                    m.getMessage(
                            "export.pdf.score",
                            new Object[] {score.scale(), value, score.answered(), score.items(), score.rule()},
                            locale));
        }
    }

    private void heading(String text) throws IOException {
        y -= 10;
        paragraph(bold, 13, text);
        y -= 2;
    }

    /** Text wrapped to the page width, continued on a new page when the page is full. */
    private void paragraph(PDType1Font font, float size, String text) throws IOException {
        for (String wrapped : wrap(font, size, printable(font, text))) {
            line(font, size, wrapped);
        }
    }

    private void line(PDType1Font font, float size, String text) throws IOException {
        float height = size * 1.35f;
        if (y - height < MARGIN) {
            page.close();
            newPage();
        }
        y -= height;
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(MARGIN, y);
        page.showText(printable(font, text));
        page.endText();
    }

    private List<String> wrap(PDType1Font font, float size, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > WIDTH && !current.isEmpty()) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    /** The text with every character the font cannot draw replaced by "?". */
    private static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String s = new String(Character.toChars(c));
            try {
                font.encode(s);
                out.append(s);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }
}
