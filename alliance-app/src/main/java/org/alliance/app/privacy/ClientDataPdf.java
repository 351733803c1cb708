package org.alliance.app.privacy;

import java.util.Locale;
import org.alliance.app.system.PdfPages;
import org.alliance.app.system.PdfPages.Face;
import org.springframework.context.MessageSource;

/**
 * {@link ClientData} as a PDF a client can read and keep: A4, one section per meeting's answers, every question
 * with its answer and every score with its rule, in the client's language, on {@link PdfPages}.
 */
final class ClientDataPdf {

    private final PdfPages pdf;

    private ClientDataPdf(PdfPages pdf) {
        this.pdf = pdf;
    }

    static byte[] render(ClientData data, MessageSource m, Locale locale) {
        String title = m.getMessage("export.pdf.title", new Object[] {data.alias()}, locale);
        ClientDataPdf out = new ClientDataPdf(new PdfPages(title, data.software()));
        out.write(data, m, locale);
        return out.pdf.finish();
    }

    private void write(ClientData data, MessageSource m, Locale locale) {
        pdf.line(Face.BOLD, 16, m.getMessage("export.pdf.title", new Object[] {data.alias()}, locale));
        pdf.space(4);
        pdf.paragraph(
                Face.REGULAR,
                10,
                m.getMessage(
                        "export.pdf.intro",
                        new Object[] {data.organisation(), data.reference(), data.generatedAt()},
                        locale));
        pdf.heading(m.getMessage("export.pdf.meetings", null, locale));
        if (data.meetings().isEmpty()) {
            pdf.paragraph(Face.REGULAR, 10, m.getMessage("export.pdf.none", null, locale));
        }
        for (ClientData.MeetingData meeting : data.meetings()) {
            pdf.paragraph(Face.REGULAR, 10, ClientDataExport.date(meeting.date(), locale) + " – " + meeting.kind());
        }
        pdf.heading(m.getMessage("export.pdf.answers", null, locale));
        if (data.checkIns().isEmpty()) {
            pdf.paragraph(Face.REGULAR, 10, m.getMessage("export.pdf.none", null, locale));
        }
        for (ClientData.Answered answered : data.checkIns()) {
            answered(answered, m, locale);
        }
        pdf.heading(m.getMessage("export.pdf.ratings", null, locale));
        if (data.ratingsByProfessionals().isEmpty()) {
            pdf.paragraph(Face.REGULAR, 10, m.getMessage("export.pdf.none", null, locale));
        }
        for (ClientData.Answered answered : data.ratingsByProfessionals()) {
            answered(answered, m, locale);
        }
        pdf.heading(m.getMessage("export.pdf.discussed", null, locale));
        if (data.feedbackDiscussed().isEmpty()) {
            pdf.paragraph(Face.REGULAR, 10, m.getMessage("export.pdf.none", null, locale));
        }
        for (ClientData.DiscussedData d : data.feedbackDiscussed()) {
            String line = ClientDataExport.date(d.meetingDate(), locale) + " – " + d.signal() + ": "
                    + m.getMessage(
                            d.discussed() ? "export.pdf.discussed.yes" : "export.pdf.discussed.no", null, locale);
            if (d.whatChanged() != null) {
                line += " " + m.getMessage("export.pdf.whatChanged", new Object[] {d.whatChanged()}, locale);
            }
            pdf.paragraph(Face.REGULAR, 10, line);
        }
        pdf.heading(m.getMessage("export.pdf.stored", null, locale));
        for (var kind : data.storedRows().entrySet()) {
            pdf.paragraph(
                    Face.REGULAR,
                    10,
                    m.getMessage("erase.kind." + kind.getKey(), null, kind.getKey(), locale) + ": " + kind.getValue());
        }
    }

    private void answered(ClientData.Answered answered, MessageSource m, Locale locale) {
        pdf.space(6);
        pdf.paragraph(
                Face.BOLD,
                11,
                ClientDataExport.date(answered.meetingDate(), locale) + " – " + answered.questionnaire() + " ("
                        + answered.questionnaireId() + " " + answered.version() + ")");
        pdf.paragraph(
                Face.REGULAR,
                9,
                m.getMessage("export.pdf.sent", new Object[] {answered.submittedAt(), answered.release()}, locale));
        for (ClientData.AnswerData answer : answered.answers()) {
            pdf.paragraph(Face.REGULAR, 10, answer.question() + " — " + answer.answer());
        }
        for (ClientData.ScoreData score : answered.scores()) {
            String value = score.score() == null
                    ? m.getMessage("export.pdf.noScore", null, locale)
                    : org.alliance.app.system.Formats.score(score.score(), locale);
            pdf.paragraph(
                    Face.REGULAR,
                    9,
                    m.getMessage(
                            "export.pdf.score",
                            new Object[] {score.scale(), value, score.answered(), score.items(), score.rule()},
                            locale));
        }
    }
}
