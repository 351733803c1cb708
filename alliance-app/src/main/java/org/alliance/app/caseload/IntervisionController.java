package org.alliance.app.caseload;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.StoredCheckIn;
import org.alliance.app.conversation.ConversationPrompts;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.core.instrument.InstrumentCatalog;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The intervision case summary (issue 17, docs/rules.md "The intervision case summary"): a printable page about
 * one of the professional's own clients to bring to intervision, pseudonymised. It holds the alliance course as
 * scores per meeting, numbered from the first, with the weeks since the first meeting instead of dates, and the
 * open signals by kind; never the client's alias, internal id, dates, contact or any free text. Only what the
 * client page shows (released answers) is used. Each print is audited, naming the client by id only.
 */
@Controller
class IntervisionController {

    private final Caseload caseload;
    private final CheckIns checkIns;
    private final Organisations organisations;
    private final InstrumentCatalog catalog;
    private final MessageSource messages;
    private final AuditLog audit;

    IntervisionController(
            Caseload caseload,
            CheckIns checkIns,
            Organisations organisations,
            InstrumentCatalog catalog,
            MessageSource messages,
            AuditLog audit) {
        this.caseload = caseload;
        this.checkIns = checkIns;
        this.organisations = organisations;
        this.catalog = catalog;
        this.messages = messages;
        this.audit = audit;
    }

    /** One questionnaire's course: the scale names and per meeting its number, weeks since the first, scores. */
    record Course(String title, List<String> scaleNames, List<Row> rows) {}

    /** One meeting of the course, without its date. */
    record Row(int meeting, long weeks, List<String> scores) {}

    @GetMapping("/clients/{clientId}/intervision")
    String summary(@AuthenticationPrincipal CurrentUser user, @PathVariable long clientId, Locale locale, Model model) {
        caseload.clientOf(user.id(), clientId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Meeting> meetings = caseload.meetings(clientId);
        List<StoredCheckIn> released = checkIns.currentForClient(clientId, false).stream()
                .filter(StoredCheckIn::released)
                .toList();
        ClientReport report = ClientReport.build(
                released,
                catalog,
                organisations.get(user.organisationId()).thresholds(),
                Optional.empty(),
                messages,
                locale);
        List<LocalDate> dates =
                meetings.stream().map(Meeting::date).sorted().distinct().toList();
        LocalDate first = dates.isEmpty() ? null : dates.get(0);
        List<Course> courses = new ArrayList<>();
        for (ClientReport.InstrumentTrend trend : report.trends()) {
            List<Row> rows = new ArrayList<>();
            for (ClientReport.TrendRow row : trend.rows()) {
                int number = dates.indexOf(row.date()) + 1;
                long weeks = first == null ? 0 : ChronoUnit.WEEKS.between(first, row.date());
                rows.add(new Row(number, weeks, row.scores()));
            }
            courses.add(new Course(trend.title(), trend.scaleNames(), rows));
        }
        List<ConversationPrompts.Signal> signals = report.signals();
        audit.record(user.username(), "intervision summary printed", "client " + clientId);
        model.addAttribute("clientId", clientId);
        model.addAttribute("meetingCount", meetings.size());
        model.addAttribute("courses", courses);
        model.addAttribute("signals", signals);
        return "caseload/intervision";
    }
}
