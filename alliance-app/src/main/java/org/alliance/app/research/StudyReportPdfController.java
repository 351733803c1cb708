package org.alliance.app.research;

import java.time.Clock;
import java.util.Locale;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Downloads;
import org.alliance.app.system.Formats;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** A finished report as a PDF ({@link StudyReportPdf}), for the study's researchers only, as the report page. */
@Controller
class StudyReportPdfController {

    private final StudyAccess access;
    private final StudyReports reports;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    StudyReportPdfController(
            StudyAccess access, StudyReports reports, MessageSource messages, AuditLog audit, Clock clock) {
        this.access = access;
        this.reports = reports;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/research/studies/{studyId}/reports/{reportId}/report.pdf")
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long studyId,
            @PathVariable long reportId,
            Locale locale) {
        Study study = access.study(user, studyId);
        StudyReports.Row row = reports.find(study.id(), reportId)
                .filter(r -> r.status() == StudyReports.Status.DONE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] bytes = StudyReportPdf.render(
                StudyAnalysisRunner.read(row.content()),
                study.title(),
                Formats.dateTime(row.createdAt(), clock.getZone(), locale),
                row.kind().equals("STRUCTURE"),
                messages,
                locale,
                study.language().locale());
        audit.record(user.username(), "study report downloaded", "study " + study.id() + ": report " + row.id());
        return Downloads.attachment("report-" + row.id() + ".pdf", MediaType.APPLICATION_PDF)
                .body(bytes);
    }
}
