package org.alliance.app.research;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Downloads;
import org.alliance.core.research.ExportCsv;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The linkage file of a study, for the administrator only: study pseudonym ↔ the organisation's own client reference,
 * one row per client of the study, for the trusted third party (a statistics office) that links register outcomes.
 * The researcher never gets it (the path is under {@code /admin}). Every download is audited with who, when, the
 * study, the number of rows and the SHA-256 of the file.
 */
@Controller
class StudyLinkageController {

    static final List<String> HEADER = List.of("study_pseudonym", "client_reference");

    private final Studies studies;
    private final StudyClients clients;
    private final AuditLog audit;

    StudyLinkageController(Studies studies, StudyClients clients, AuditLog audit) {
        this.studies = studies;
        this.clients = clients;
        this.audit = audit;
    }

    /**
     * Writes the file straight to the response, through the digest, instead of building it in memory first: only the
     * clients' pseudonyms and references are held, to sort them by pseudonym (computed here, so the database cannot
     * sort by it). The audit row is written once the last row is out, with the count and the file's SHA-256.
     */
    @GetMapping("/admin/studies/{studyId}/linkage.csv")
    void linkage(@AuthenticationPrincipal CurrentUser user, @PathVariable long studyId, HttpServletResponse response)
            throws IOException {
        Study study = studies.find(user.organisationId(), studyId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // An anonymised client has no reference to link to any more.
        List<StudyClients.Member> members =
                clients.of(study).stream().filter(m -> !m.anonymised()).toList();
        Downloads.attachment(
                response, "study-" + study.id() + "-linkage.csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
        MessageDigest sha256 = Fingerprints.sha256();
        Writer writer = new BufferedWriter(new OutputStreamWriter(
                new DigestOutputStream(response.getOutputStream(), sha256), StandardCharsets.UTF_8));
        ExportCsv csv = new ExportCsv(writer);
        csv.row(HEADER);
        for (StudyClients.Member member : members) {
            csv.row(List.of(member.pseudonym(), member.reference()));
        }
        writer.flush();
        audit.record(
                user.username(),
                "study linkage file downloaded",
                "study " + study.id() + ": " + members.size() + " rows, sha256 " + Fingerprints.hex(sha256.digest()));
    }
}
