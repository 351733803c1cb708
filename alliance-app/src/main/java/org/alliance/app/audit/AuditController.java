package org.alliance.app.audit;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.alliance.app.caseload.MeetingDates;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.FormValues;
import org.alliance.app.system.Formats;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The administrator reads the organisation's audit trail (issue 16): filtered by person, action, client (by the
 * organisation's own reference, which covers the client's record and meetings) and period, on the page (the newest
 * {@value #SHOWN}) or as CSV (all that match). Reading and exporting the trail are audited too. Only the
 * administrator's own organisation, only administrators (/admin/**).
 */
@Controller
class AuditController {

    static final int SHOWN = 500;
    static final int EXPORTED = 1_000_000;

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditController(AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The filter form's fields as sent (blank where not sent), the same for the page and its CSV; on the page as
     * {@code query}.
     */
    record Query(String person, String action, String client, String from, String to) {
        Query {
            person = FormValues.orEmpty(person);
            action = FormValues.orEmpty(action);
            client = FormValues.orEmpty(client);
            from = FormValues.orEmpty(from);
            to = FormValues.orEmpty(to);
        }
    }

    /** The filter as the form sends it, with what is wrong with it. */
    private record Asked(AuditLog.Filter filter, List<String> errors) {}

    private Asked asked(long organisationId, Query query) {
        List<String> errors = new ArrayList<>();
        Optional<LocalDate> fromDate = Optional.empty();
        Optional<LocalDate> toDate = Optional.empty();
        if (!query.from().isBlank()) {
            fromDate = MeetingDates.parse(query.from().strip());
            if (fromDate.isEmpty()) {
                errors.add("audit.error.from");
            }
        }
        if (!query.to().isBlank()) {
            toDate = MeetingDates.parse(query.to().strip());
            if (toDate.isEmpty()) {
                errors.add("audit.error.to");
            }
        }
        if (fromDate.isPresent() && toDate.isPresent() && toDate.get().isBefore(fromDate.get())) {
            errors.add("audit.error.period");
        }
        List<String> subjects = new ArrayList<>();
        if (!query.client().isBlank()) {
            Optional<Long> clientId = jdbc.sql("SELECT id FROM client WHERE organisation_id = ? AND internal_id = ?")
                    .params(organisationId, query.client().strip())
                    .query(Long.class)
                    .optional();
            if (clientId.isEmpty()) {
                errors.add("audit.error.client");
            } else {
                subjects.add("client " + clientId.get());
                jdbc.sql("SELECT id FROM meeting WHERE client_id = ?")
                        .param(clientId.get())
                        .query(Long.class)
                        .list()
                        .forEach(meeting -> subjects.add("meeting " + meeting));
            }
        }
        AuditLog.Filter filter = new AuditLog.Filter(
                Optional.of(query.person().strip()).filter(p -> !p.isEmpty()),
                Optional.of(query.action().strip()).filter(a -> !a.isEmpty()),
                subjects,
                fromDate.map(d -> d.atStartOfDay(clock.getZone()).toInstant()),
                toDate.map(d -> d.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        return new Asked(filter, errors);
    }

    @GetMapping("/admin/audit")
    String page(
            @AuthenticationPrincipal CurrentUser user,
            @ModelAttribute("query") Query query,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Asked asked = asked(user.organisationId(), query);
        model.addAttribute("actors", audit.actors(user.organisationId()));
        model.addAttribute("actions", audit.actions(user.organisationId()));
        model.addAttribute("errors", asked.errors());
        if (!asked.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("rows", List.of());
            return "admin/audit";
        }
        List<AuditLog.Entry> entries = audit.find(user.organisationId(), asked.filter(), SHOWN + 1);
        model.addAttribute("more", entries.size() > SHOWN);
        model.addAttribute(
                "rows",
                entries.stream()
                        .limit(SHOWN)
                        .map(e -> new Row(
                                Formats.dateTime(e.at(), clock.getZone(), locale), e.actor(), e.action(), e.subject()))
                        .toList());
        audit.record(user.username(), "audit trail read", "organisation " + user.organisationId());
        return "admin/audit";
    }

    /** A row as the page shows it. */
    record Row(String at, String actor, String action, String subject) {}

    @GetMapping("/admin/audit.csv")
    void export(@AuthenticationPrincipal CurrentUser user, Query query, HttpServletResponse response)
            throws IOException {
        Asked asked = asked(user.organisationId(), query);
        if (!asked.errors().isEmpty()) {
            response.sendError(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + LocalDate.now(clock) + ".csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        long[] rows = {0};
        try (CsvWriter csv = CsvWriter.builder().build(writer)) {
            csv.writeRecord("at", "actor", "action", "subject");
            audit.forEach(user.organisationId(), asked.filter(), EXPORTED, e -> {
                csv.writeRecord(
                        CSV_TIME.format(e.at().atZone(clock.getZone())),
                        safe(e.actor()),
                        safe(e.action()),
                        safe(e.subject()));
                rows[0]++;
            });
        }
        audit.record(user.username(), "audit trail exported", rows[0] + " rows");
    }

    /** A cell a spreadsheet would run as a formula (=, +, -, @ first) is written with a leading apostrophe. */
    static String safe(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
