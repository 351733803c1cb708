package org.alliance.app.research;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The study export, for an assigned researcher only (404 for anyone else). The zip streams to the browser as it is
 * made; once it is complete, the audit log gets who, when, which study, how many rows and the SHA-256 of the zip.
 */
@Controller
class StudyExportController {

    private final Studies studies;
    private final StudyExport export;
    private final AuditLog audit;
    private final Clock clock;

    StudyExportController(Studies studies, StudyExport export, AuditLog audit, Clock clock) {
        this.studies = studies;
        this.export = export;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/research/studies/{studyId}/export.zip")
    ResponseEntity<StreamingResponseBody> export(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long studyId) {
        Study study = studies.findForResearcher(user.organisationId(), user.id(), studyId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String actor = user.username();
        StreamingResponseBody body = out -> {
            MessageDigest sha256 = Fingerprints.sha256();
            // The response stream stays open for the container to close.
            OutputStream uncloseable = new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            long rows = export.write(study, new DigestOutputStream(uncloseable, sha256));
            audit.record(
                    actor,
                    "study exported",
                    "study " + study.id() + ": " + rows + " rows, sha256 " + Fingerprints.hex(sha256.digest()));
        };
        String name = "study-" + study.id() + "-" + LocalDate.now(clock) + ".zip";
        return Downloads.attachment(name, MediaType.parseMediaType("application/zip"))
                .body(body);
    }
}
