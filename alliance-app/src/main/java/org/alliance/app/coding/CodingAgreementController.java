package org.alliance.app.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agreement of two coders of one meeting (Cohen's κ, time-unit κ, alignment κ, the places they differ) and the
 * settled version made from it. Open to whoever may code the meeting; everyone else gets 404.
 */
@Controller
class CodingAgreementController {

    private final Codings codings;
    private final MeetingObservations observations;
    private final MessageSource messages;
    private final AuditLog audit;

    CodingAgreementController(
            Codings codings, MeetingObservations observations, MessageSource messages, AuditLog audit) {
        this.codings = codings;
        this.observations = observations;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping("/coding/meetings/{meetingId}/agreement")
    String agreement(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long meetingId,
            @RequestParam(required = false) Long first,
            @RequestParam(required = false) Long second,
            Locale locale,
            Model model) {
        CodingMeeting meeting = codings.meeting(user, meetingId).orElseThrow(CodingController.NotFound::new);
        List<CodingSession> coders = codings.sessions(meetingId).stream()
                .filter(s -> s.kind() == CodingSession.Kind.CODER)
                .toList();
        model.addAttribute("meeting", meeting);
        model.addAttribute("coders", coders);
        if (coders.size() < 2) {
            model.addAttribute("tooFew", true);
            return "coding/agreement";
        }
        CodingSession a = pick(coders, first, coders.get(0));
        CodingSession b = pick(coders, second, coders.get(1));
        model.addAttribute("first", a);
        model.addAttribute("second", b);
        if (a.id() == b.id()) {
            model.addAttribute("same", true);
            return "coding/agreement";
        }
        List<CodedEvent> ea = codings.events(a.id());
        List<CodedEvent> eb = codings.events(b.id());
        if (ea.isEmpty() && eb.isEmpty()) {
            model.addAttribute("noEvents", true);
            return "coding/agreement";
        }
        CoderAgreement agreement = CoderAgreement.of(ea, eb);
        audit.record(user.username(), "coding agreement read", "meeting " + meetingId);
        model.addAttribute("agreement", agreementView(agreement, locale));
        return "coding/agreement";
    }

    private static CodingSession pick(List<CodingSession> coders, Long id, CodingSession fallback) {
        if (id == null) {
            return fallback;
        }
        return coders.stream().filter(s -> s.id() == id).findFirst().orElseThrow(CodingController.NotFound::new);
    }

    private Map<String, Object> agreementView(CoderAgreement agreement, Locale locale) {
        Map<String, Object> view = new HashMap<>();
        view.put("cohen", agreement.cohen().map(k -> fixed(k.kappa(), 3)).orElse(null));
        view.put(
                "timeUnit",
                agreement.timeUnit().map(t -> fixed(t.kappa().kappa(), 3)).orElse(null));
        view.put("units", agreement.timeUnit().map(t -> t.units()).orElse(0));
        view.put("unitSeconds", CoderAgreement.UNIT_MS / 1000.0);
        var alignment = agreement.alignment();
        view.put("alignment", fixed(alignment.kappa().kappa(), 3));
        view.put("observed", percent(alignment.kappa().observedAgreement()));
        view.put("agreements", alignment.agreements());
        view.put("disagreements", alignment.disagreements());
        view.put("onlyFirst", alignment.onlyFirst());
        view.put("onlySecond", alignment.onlySecond());
        List<String> categories = new ArrayList<>();
        agreement.codes().forEach(c -> categories.add(observations.codeLabel(c, locale)));
        categories.add(messages.getMessage("coding.agreement.nil", null, locale));
        view.put("categories", categories);
        view.put("table", alignment.kappa().table());
        List<Map<String, Object>> places = new ArrayList<>();
        for (CoderAgreement.Pair p : agreement.disagreements()) {
            Map<String, Object> place = new HashMap<>();
            place.put("index", p.index());
            place.put("first", p.first() == null ? null : describe(p.first(), locale));
            place.put("second", p.second() == null ? null : describe(p.second(), locale));
            place.put(
                    "at",
                    TimeText.format(
                            p.first() != null ? p.first().startMs() : p.second().startMs()));
            places.add(place);
        }
        view.put("places", places);
        return view;
    }

    private String describe(CodedEvent e, Locale locale) {
        String time = TimeText.format(e.startMs()) + (e.endMs() == null ? "" : "–" + TimeText.format(e.endMs()));
        return observations.codeLabel(e.code(), locale) + " · " + observations.actorLabel(e.actor(), locale) + " · "
                + time;
    }

    @PostMapping("/coding/meetings/{meetingId}/settled")
    String settle(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long meetingId,
            @RequestParam Map<String, String> form) {
        codings.meeting(user, meetingId).orElseThrow(CodingController.NotFound::new);
        List<CodingSession> coders = codings.sessions(meetingId).stream()
                .filter(s -> s.kind() == CodingSession.Kind.CODER)
                .toList();
        CodingSession a;
        CodingSession b;
        try {
            a = pick(coders, Long.valueOf(form.getOrDefault("first", "")), null);
            b = pick(coders, Long.valueOf(form.getOrDefault("second", "")), null);
        } catch (NumberFormatException e) {
            throw new CodingController.NotFound();
        }
        if (a.id() == b.id()) {
            throw new CodingController.NotFound();
        }
        List<CodedEvent> ea = codings.events(a.id());
        List<CodedEvent> eb = codings.events(b.id());
        if (ea.isEmpty() && eb.isEmpty()) {
            return "redirect:/coding/meetings/" + meetingId + "/agreement?first=" + a.id() + "&second=" + b.id();
        }
        Map<Integer, String> choices = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("choice-")) {
                try {
                    choices.put(Integer.parseInt(name.substring("choice-".length())), value);
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        });
        List<CodedEvent> settled = CoderAgreement.of(ea, eb).settle(choices);
        long id = codings.settle(meetingId, user.id(), a.id(), b.id(), settled);
        audit.record(user.username(), "coding settled", "coding session " + id);
        return "redirect:/coding/meetings/" + meetingId + "?settled";
    }

    private static String percent(double share) {
        return MeetingObservations.percent(share);
    }

    private static String fixed(double value, int digits) {
        return MeetingObservations.fixed(value, digits);
    }
}
