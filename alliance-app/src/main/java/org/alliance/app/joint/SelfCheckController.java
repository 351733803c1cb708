package org.alliance.app.joint;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.FormPost;
import org.alliance.app.system.Formats;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.ResponseFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partiality self-check of a joint meeting (issue 17): any professional of the meeting, the chair among them,
 * may rate themselves on the five points once the meeting has taken place; anyone else gets 404 ({@link
 * JointAccess}). The answers use the labels of the network members' partiality check-in, so both are on one scale.
 */
@Controller
class SelfCheckController {

    private final JointAccess access;
    private final SelfChecks selfChecks;
    private final InstrumentCatalog catalog;
    private final Clock clock;

    SelfCheckController(JointAccess access, SelfChecks selfChecks, InstrumentCatalog catalog, Clock clock) {
        this.access = access;
        this.selfChecks = selfChecks;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** One answer of the scale: its value and its label in the reader's language. */
    record ScalePoint(int value, String label) {}

    @GetMapping("/joint/{id}/self-check")
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale, Model model) {
        JointMeetings.Header header = access.meeting(user, id);
        Map<String, String> chosen = new LinkedHashMap<>();
        selfChecks.ofMeeting(header.id()).stream()
                .filter(c -> c.professionalId() == user.id())
                .findFirst()
                .ifPresent(c -> c.ratings().forEach((p, v) -> chosen.put(p.code(), String.valueOf(v))));
        return show(header, chosen, List.of(), locale, model);
    }

    @PostMapping("/joint/{id}/self-check")
    String save(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            FormPost post) {
        JointMeetings.Header header = access.meeting(user, id);
        Map<SelfChecks.Point, Integer> ratings = new EnumMap<>(SelfChecks.Point.class);
        Map<String, String> chosen = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (SelfChecks.Point point : SelfChecks.Point.values()) {
            String value = form.getOrDefault(point.code(), "").strip();
            if (value.matches("[" + SelfChecks.LOWEST + "-" + SelfChecks.HIGHEST + "]")) {
                ratings.put(point, Integer.parseInt(value));
                chosen.put(point.code(), value);
            } else {
                missing.add(point.code());
            }
        }
        if (!missing.isEmpty() || !held(header)) {
            return post.refused(() -> show(header, chosen, missing, post.locale(), post.model()));
        }
        return post.written(user, "selfcheck.done", "/joint/" + header.id() + "/results#self-check-heading", () -> {
            selfChecks.save(header.id(), user.id(), ratings);
            return new FormPost.Audit("partiality self-check saved", "joint meeting " + header.id());
        });
    }

    /** A self-check looks back: it can be given from the day of the meeting on. */
    private boolean held(JointMeetings.Header header) {
        return !header.date().isAfter(LocalDate.now(clock));
    }

    private String show(
            JointMeetings.Header header, Map<String, String> chosen, List<String> missing, Locale locale, Model model) {
        model.addAttribute("meeting", header);
        model.addAttribute("dateText", Formats.date(header.date(), locale));
        model.addAttribute("held", held(header));
        model.addAttribute(
                "points",
                java.util.Arrays.stream(SelfChecks.Point.values())
                        .map(SelfChecks.Point::code)
                        .toList());
        model.addAttribute("scale", scale(locale));
        model.addAttribute("chosen", chosen);
        model.addAttribute("missing", missing);
        return "joint/self-check";
    }

    /** The network members' answer labels ({@code alliance-partiality}'s agreement scale), lowest first. */
    private List<ScalePoint> scale(Locale locale) {
        Instrument partiality = catalog.find(JointResults.PARTIALITY_INSTRUMENT).orElseThrow();
        Optional<ResponseFormat.Likert> format = partiality.responseFormats().stream()
                .filter(ResponseFormat.Likert.class::isInstance)
                .map(ResponseFormat.Likert.class::cast)
                .findFirst();
        return format.orElseThrow().points().stream()
                .map(p -> new ScalePoint(p.value(), p.label().get(Languages.of(locale))))
                .toList();
    }
}
