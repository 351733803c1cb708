package org.alliance.app.team;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.caseload.MeetingDates;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.FormPost;
import org.alliance.app.system.Formats;
import org.alliance.core.release.TeamFigureRule;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The learning team page (issue 17): for intervision, the team's figures over two chosen periods side by side
 * ("before and after" the team's learning sessions), from {@link LearningTeam}; only what the team shares as a
 * whole, never a professional's figure. Without chosen periods: the last 90 days and the 90 days before. Below
 * the figures the team's learning plan ({@link LearningPlans}): goals, and sessions with their date and notes.
 */
@Controller
class LearningTeamController {

    static final int DEFAULT_DAYS = 90;

    private final LearningTeam learning;
    private final LearningPlans plans;
    private final AuditLog audit;
    private final Clock clock;

    LearningTeamController(LearningTeam learning, LearningPlans plans, AuditLog audit, Clock clock) {
        this.learning = learning;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    /** A session as the page lists it. */
    record ShownSession(String dateText, String notes) {}

    /** One period as the page shows it: its dates in words and its figures (absent without a team). */
    record Shown(String name, String from, String to, String text, Optional<LearningTeam.Period> figures) {}

    @GetMapping("/team/learning")
    String page(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String from1,
            @RequestParam(defaultValue = "") String to1,
            @RequestParam(defaultValue = "") String from2,
            @RequestParam(defaultValue = "") String to2,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate defaultTo2 = today;
        LocalDate defaultFrom2 = today.minusDays(DEFAULT_DAYS - 1);
        LocalDate defaultTo1 = defaultFrom2.minusDays(1);
        LocalDate defaultFrom1 = defaultTo1.minusDays(DEFAULT_DAYS - 1);
        Map<String, String> given = new LinkedHashMap<>();
        given.put("from1", from1);
        given.put("to1", to1);
        given.put("from2", from2);
        given.put("to2", to2);
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        Map<String, LocalDate> defaults =
                Map.of("from1", defaultFrom1, "to1", defaultTo1, "from2", defaultFrom2, "to2", defaultTo2);
        for (Map.Entry<String, String> field : given.entrySet()) {
            Optional<LocalDate> date = MeetingDates.parse(field.getValue().strip());
            if (field.getValue().isBlank()) {
                dates.put(field.getKey(), defaults.get(field.getKey()));
            } else if (date.isEmpty()) {
                errors.add(field.getKey());
            } else {
                dates.put(field.getKey(), date.get());
            }
        }
        for (String period : List.of("1", "2")) {
            LocalDate from = dates.get("from" + period);
            LocalDate to = dates.get("to" + period);
            if (from != null && to != null && from.isAfter(to)) {
                errors.add("to" + period);
            }
        }
        model.addAttribute("minClients", TeamFigureRule.MIN_CLIENTS);
        model.addAttribute("minProfessionals", LearningTeam.MIN_PROFESSIONALS);
        model.addAttribute("bands", LearningTeam.GapBand.values());
        model.addAttribute("errors", errors);
        model.addAttribute("noTeam", user.teamId() == null);
        Map<String, String> values = new LinkedHashMap<>();
        given.forEach(
                (k, v) -> values.put(k, errors.contains(k) ? v : dates.get(k).toString()));
        model.addAttribute("values", values);
        plan(user, locale, model);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("periods", List.of());
            return "team/learning";
        }
        List<Shown> periods = new ArrayList<>();
        for (String period : List.of("1", "2")) {
            LocalDate from = dates.get("from" + period);
            LocalDate to = dates.get("to" + period);
            periods.add(new Shown(
                    period,
                    from.toString(),
                    to.toString(),
                    Formats.date(from, locale) + " – " + Formats.date(to, locale),
                    user.teamId() == null ? Optional.empty() : Optional.of(learning.of(user.teamId(), from, to))));
        }
        model.addAttribute("periods", periods);
        audit.record(user.username(), "learning team figures read", "team " + user.teamId());
        return "team/learning";
    }

    /** The learning plan part of the page: the goals and the sessions, with the forms' values after a mistake. */
    private void plan(CurrentUser user, Locale locale, Model model) {
        if (!model.containsAttribute("goals")) {
            model.addAttribute(
                    "goals",
                    user.teamId() == null ? "" : plans.goals(user.teamId()).orElse(""));
        }
        model.addAttribute(
                "sessions",
                user.teamId() == null
                        ? List.of()
                        : plans.sessions(user.teamId()).stream()
                                .map(s -> new ShownSession(Formats.date(s.date(), locale), s.notes()))
                                .toList());
        if (!model.containsAttribute("planErrors")) {
            model.addAttribute("planErrors", Map.of());
        }
    }

    @PostMapping("/team/learning/plan")
    String saveGoals(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String goals,
            HttpServletResponse response,
            FormPost post) {
        if (user.teamId() == null || goals.strip().length() > LearningPlans.MOST_CHARACTERS) {
            return post.refused(() -> {
                post.model().addAttribute("goals", goals);
                post.model()
                        .addAttribute(
                                "planErrors",
                                Map.of("goals", user.teamId() == null ? "learning.noTeam" : "learning.error.long"));
                return refusedPage(user, response, post);
            });
        }
        return post.written(user, "learning.plan.saved", "/team/learning#plan-heading", () -> {
            plans.saveGoals(user.teamId(), goals, user.id());
            return new FormPost.Audit("learning plan saved", "team " + user.teamId());
        });
    }

    @PostMapping("/team/learning/sessions")
    String addSession(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String notes,
            HttpServletResponse response,
            FormPost post) {
        Optional<LocalDate> day = MeetingDates.parse(date.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        if (user.teamId() == null) {
            errors.put("sessionDate", "learning.noTeam");
        } else if (day.isEmpty()) {
            errors.put("sessionDate", "learning.error.sessionDate");
        }
        if (notes.strip().length() > LearningPlans.MOST_CHARACTERS) {
            errors.put("sessionNotes", "learning.error.long");
        }
        if (!errors.isEmpty()) {
            return post.refused(() -> {
                post.model().addAttribute("planErrors", errors);
                post.model().addAttribute("sessionDate", date);
                post.model().addAttribute("sessionNotes", notes);
                return refusedPage(user, response, post);
            });
        }
        return post.written(user, "learning.session.added", "/team/learning#plan-heading", () -> {
            long id = plans.addSession(user.teamId(), day.get(), notes, user.id());
            return new FormPost.Audit("learning session added", "team " + user.teamId() + " session " + id);
        });
    }

    /** The page with the default periods, for a refused plan or session (the error is in the model). */
    private String refusedPage(CurrentUser user, HttpServletResponse response, FormPost post) {
        return page(user, "", "", "", "", response, post.locale(), post.model());
    }
}
