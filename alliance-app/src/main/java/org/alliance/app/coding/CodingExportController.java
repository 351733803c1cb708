package org.alliance.app.coding;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Downloads;
import org.alliance.core.observation.CodingScheme;
import org.alliance.core.observation.DefaultCodingScheme;
import org.alliance.core.observation.ObservationEvent;
import org.alliance.core.observation.format.CsvEvents;
import org.alliance.core.observation.format.ElanWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A coding as a file to take elsewhere: our event CSV or an ELAN {@code .eaf}. Open to whoever may see the
 * session (its meeting's professional and the organisation's researchers); every download is audited.
 */
@Controller
class CodingExportController {

    private final Codings codings;
    private final AuditLog audit;
    private final Clock clock;

    CodingExportController(Codings codings, AuditLog audit, Clock clock) {
        this.codings = codings;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/coding/sessions/{sessionId}/export.csv")
    ResponseEntity<byte[]> exportCsv(@AuthenticationPrincipal CurrentUser user, @PathVariable long sessionId) {
        CodingController.Access access = CodingController.access(codings, user, sessionId);
        StringWriter out = new StringWriter();
        CsvEvents.write(out, observations(access.session()));
        audit.record(user.username(), "coding exported", "coding session " + sessionId);
        return download(out.toString().getBytes(StandardCharsets.UTF_8), access, "csv", "text/csv;charset=UTF-8");
    }

    @GetMapping("/coding/sessions/{sessionId}/export.eaf")
    ResponseEntity<byte[]> exportElan(@AuthenticationPrincipal CurrentUser user, @PathVariable long sessionId) {
        CodingController.Access access = CodingController.access(codings, user, sessionId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodingScheme scheme = DefaultCodingScheme.jointMeetings();
        ElanWriter.write(
                out,
                observations(access.session()),
                scheme,
                new ElanWriter.Options(
                        access.session().coderName(),
                        OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS),
                        "",
                        "video/mp4"));
        audit.record(user.username(), "coding exported", "coding session " + sessionId);
        return download(out.toByteArray(), access, "eaf", "application/xml");
    }

    private static ResponseEntity<byte[]> download(
            byte[] body, CodingController.Access access, String extension, String type) {
        String filename = "meeting-" + access.meeting().id() + "-coding-"
                + access.session().id() + "." + extension;
        return Downloads.attachment(filename, MediaType.parseMediaType(type)).body(body);
    }

    /** A session's events as the observation library's events, its coder's name on each. */
    private List<ObservationEvent> observations(CodingSession session) {
        return codings.events(session.id()).stream()
                .map(e -> e.toObservation(session.coderName()))
                .toList();
    }
}
