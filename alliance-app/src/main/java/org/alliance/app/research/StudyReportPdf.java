package org.alliance.app.research;

import java.util.Locale;
import org.alliance.app.system.PdfPages;
import org.alliance.app.system.PdfPages.Face;
import org.alliance.stats.provenance.Provenance;
import org.springframework.context.MessageSource;

/**
 * A finished {@link StudyReport} as a PDF to keep with a study's documents: the same notes, tables, provenance and
 * "reproduce in R" instructions as the report page, in the same words (the report's own text is in the study's
 * language; the headings in the reader's). Every figure is drawn whole: a table too wide for the page is written row
 * by row as "column: value" ({@link PdfPages#table}).
 */
final class StudyReportPdf {

    private StudyReportPdf() {}

    /**
     * @param when the date and time of the run as the page shows it
     * @param structure whether the report is a structure report (its R script needs psych and lavaan, not sandwich)
     * @param language the study's language, the report's own (its provenance lines are labelled in it)
     */
    static byte[] render(
            StudyReport report,
            String studyTitle,
            String when,
            boolean structure,
            MessageSource m,
            Locale locale,
            Locale language) {
        PdfPages pdf = new PdfPages(report.title(), "Alliance " + Provenance.Software.ALLIANCE.version());
        pdf.line(Face.BOLD, 16, report.title());
        pdf.space(4);
        pdf.paragraph(Face.REGULAR, 10, m.getMessage("reports.report.when", new Object[] {studyTitle, when}, locale));
        pdf.space(6);
        for (String note : report.notes()) {
            pdf.paragraph(Face.REGULAR, 10, "• " + note);
        }
        for (StudyReport.Table table : report.tables()) {
            pdf.space(8);
            pdf.paragraph(Face.BOLD, 11, table.caption());
            pdf.space(2);
            pdf.table(table.header(), table.rows());
        }
        pdf.heading(m.getMessage("reports.provenance", null, locale));
        report.provenanceLines(m, language)
                .forEach((name, value) -> pdf.paragraph(Face.REGULAR, 9, name + ": " + value));
        pdf.heading(m.getMessage("reports.reproduce.heading", null, locale));
        pdf.paragraph(
                Face.REGULAR,
                10,
                m.getMessage(structure ? "reports.reproduce.introStructure" : "reports.reproduce.intro", null, locale));
        return pdf.finish();
    }
}
