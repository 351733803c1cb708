package org.alliance.app.coding;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.app.checkin.JointParticipants;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Languages;
import org.alliance.core.observation.DefaultCodingScheme;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.format.CsvEvents;
import org.alliance.core.observation.format.ElanMapping;
import org.alliance.core.observation.format.ElanReader;
import org.alliance.core.observation.format.ObservationData;
import org.alliance.core.observation.format.ObservationFormatException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coding pages: a meeting's codings and observation summary, the coding screen (autosaved by the browser,
 * with plain forms when JavaScript is off) and import; export is {@link CodingExportController}'s, the agreement of
 * two coders and the settled version {@link CodingAgreementController}'s. Open to the meeting's professional and to researchers of the organisation; everyone else gets 404.
 * Requests sent by the coding screen's script carry {@code X-Requested-With: fetch} and get JSON back.
 */
@Controller
class CodingController {

    static final String FETCH = "X-Requested-With=fetch";

    /**
     * The actors offered on the coding screen of a meeting with one professional, with their keys 1, 2, 3, …
     * (a colleague may step in, hence two professionals); events may name others.
     */
    static final List<String> ACTORS = List.of("client", "professional-a", "professional-b", "network-member");

    private final Codings codings;
    private final MeetingObservations observations;
    private final MessageSource messages;
    private final AuditLog audit;
    private final JointParticipants joint;

    CodingController(
            Codings codings,
            MeetingObservations observations,
            MessageSource messages,
            AuditLog audit,
            JointParticipants joint) {
        this.codings = codings;
        this.observations = observations;
        this.messages = messages;
        this.audit = audit;
        this.joint = joint;
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound() {
            super("not found");
        }
    }

    /** A key of the legend: what it codes and its label. */
    public record Choice(String key, String label, String hotkey, String description) {}

    /** An event as the table shows it. */
    public record EventRow(
            String key,
            String actor,
            String actorLabel,
            String modality,
            String code,
            String codeLabel,
            String start,
            String end,
            String kind,
            String comment) {}

    // ---------------------------------------------------------------- meeting

    @GetMapping("/coding/meetings/{meetingId}")
    String meeting(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long meetingId, Locale locale, Model model) {
        CodingMeeting meeting = codings.meeting(user, meetingId).orElseThrow(NotFound::new);
        List<CodingSession> sessions = codings.sessions(meetingId);
        model.addAttribute("meeting", meeting);
        model.addAttribute("sessions", sessions);
        model.addAttribute(
                "coders",
                sessions.stream()
                        .filter(s -> s.kind() == CodingSession.Kind.CODER)
                        .toList());
        model.addAttribute("summary", observations.summary(meetingId, locale).orElse(null));
        audit.record(user.username(), "coding read", "meeting " + meetingId);
        return "coding/meeting";
    }

    @PostMapping("/coding/meetings/{meetingId}/sessions")
    String startSession(@AuthenticationPrincipal CurrentUser user, @PathVariable long meetingId) {
        codings.meeting(user, meetingId).orElseThrow(NotFound::new);
        long id = codings.openSession(meetingId, user.id());
        audit.record(user.username(), "coding opened", "coding session " + id);
        return "redirect:/coding/sessions/" + id;
    }

    // ---------------------------------------------------------------- session

    /** The session, if this user may see it (any user with access to its meeting). */
    private Access access(CurrentUser user, long sessionId) {
        return access(codings, user, sessionId);
    }

    /** The same for the other coding controllers. */
    static Access access(Codings codings, CurrentUser user, long sessionId) {
        CodingSession session = codings.session(sessionId).orElseThrow(NotFound::new);
        CodingMeeting meeting = codings.meeting(user, session.meetingId()).orElseThrow(NotFound::new);
        return new Access(session, meeting);
    }

    /** The session, if this user coded it (only the coder changes a coding). */
    private Access own(CurrentUser user, long sessionId) {
        Access access = access(user, sessionId);
        if (access.session().coderId() != user.id()) {
            throw new NotFound();
        }
        return access;
    }

    record Access(CodingSession session, CodingMeeting meeting) {}

    @GetMapping("/coding/sessions/{sessionId}")
    String session(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long sessionId, Locale locale, Model model) {
        Access access = own(user, sessionId);
        return showSession(access, Map.of(), null, locale, model);
    }

    private String showSession(Access access, Map<String, String> form, String error, Locale locale, Model model) {
        model.addAttribute("meeting", access.meeting());
        model.addAttribute("coding", access.session());
        List<Choice> actors = actorChoices(access.meeting().id(), locale);
        Map<String, String> actorLabels = new HashMap<>();
        actors.forEach(a -> actorLabels.put(a.key(), a.label()));
        model.addAttribute("events", rows(codings.events(access.session().id()), actorLabels, locale));
        model.addAttribute("actors", actors);
        model.addAttribute("codes", codeChoices(locale));
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return "coding/session";
    }

    private List<EventRow> rows(List<CodedEvent> events, Map<String, String> actorLabels, Locale locale) {
        return events.stream()
                .map(e -> new EventRow(
                        e.key(),
                        e.actor(),
                        actorLabels.getOrDefault(e.actor(), actorLabel(e.actor(), locale)),
                        e.modality().label(),
                        e.code(),
                        codeLabel(e.code(), locale),
                        TimeText.format(e.startMs()),
                        e.endMs() == null ? "" : TimeText.format(e.endMs()),
                        e.kind().name(),
                        e.comment()))
                .toList();
    }

    /**
     * The actors of a meeting's coding screen, with their keys 1, 2, 3, …. In a joint meeting: the client, each
     * professional of the meeting in the meeting's order as A, B, C, … (named with their organisation on the
     * screen; the coded data and exports carry only the letter), and network members. Otherwise {@link #ACTORS}.
     */
    List<Choice> actorChoices(long meetingId, Locale locale) {
        List<JointParticipants.Professional> professionals = joint.professionals(meetingId);
        List<Choice> choices = new ArrayList<>();
        if (professionals.isEmpty()) {
            ACTORS.forEach(a -> choices.add(choice(choices.size(), a, actorLabel(a, locale))));
            return choices;
        }
        choices.add(choice(0, "client", actorLabel("client", locale)));
        for (int i = 0; i < professionals.size() && i < 26; i++) {
            JointParticipants.Professional professional = professionals.get(i);
            String letter = String.valueOf((char) ('a' + i));
            String label = messages.getMessage(
                    "coding.actor.professionalNamed",
                    new Object[] {letter.toUpperCase(Locale.ROOT), professional.name(), professional.organisation()},
                    locale);
            choices.add(choice(choices.size(), "professional-" + letter, label));
        }
        choices.add(choice(choices.size(), "network-member", actorLabel("network-member", locale)));
        return choices;
    }

    /** Keys 1 to 9 choose an actor; a tenth actor and later are chosen with the mouse or the radio buttons. */
    private static Choice choice(int index, String actor, String label) {
        return new Choice(actor, label, index < 9 ? Integer.toString(index + 1) : "", "");
    }

    List<Choice> codeChoices(Locale locale) {
        String language = Languages.of(locale).code();
        return DefaultCodingScheme.jointMeetings().codes().stream()
                .map(c -> new Choice(c.key(), codeLabel(c.key(), locale), c.hotkey(), c.description(language)))
                .toList();
    }

    private String actorLabel(String actor, Locale locale) {
        return observations.actorLabel(actor, locale);
    }

    private String codeLabel(String code, Locale locale) {
        return observations.codeLabel(code, locale);
    }

    @GetMapping(value = "/coding/sessions/{sessionId}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Map<String, Object>> eventsJson(@AuthenticationPrincipal CurrentUser user, @PathVariable long sessionId) {
        Access access = own(user, sessionId);
        List<Map<String, Object>> result = new ArrayList<>();
        for (CodedEvent e : codings.events(access.session().id())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", e.key());
            m.put("actor", e.actor());
            m.put("modality", e.modality().label());
            m.put("code", e.code());
            m.put("startMs", e.startMs());
            m.put("endMs", e.endMs());
            m.put("kind", e.kind().name());
            m.put("comment", e.comment());
            result.add(m);
        }
        return result;
    }

    /** The event from the form, or the message key of what is wrong. */
    private static CodedEvent read(Map<String, String> form) {
        String key = form.getOrDefault("key", "").strip();
        if (key.isEmpty()) {
            key = Codings.newKey();
        }
        String actor = form.getOrDefault("actor", "");
        String code = form.getOrDefault("code", "");
        if (actor.isBlank() || actor.strip().length() > CodedEvent.MAX_NAME) {
            throw new BadEvent("coding.error.actor");
        }
        if (code.isBlank() || code.strip().length() > CodedEvent.MAX_NAME) {
            throw new BadEvent("coding.error.code");
        }
        Modality modality;
        CodedEvent.Kind kind;
        try {
            modality = Modality.parse(form.getOrDefault("modality", "verbal"));
            kind = CodedEvent.Kind.parse(form.getOrDefault("kind", "POINT"));
        } catch (IllegalArgumentException e) {
            throw new BadEvent("coding.error.kind");
        }
        long start;
        try {
            start = TimeText.parse(form.getOrDefault("start", ""));
        } catch (IllegalArgumentException e) {
            throw new BadEvent("coding.error.start");
        }
        Long end = null;
        String endText = form.getOrDefault("end", "").strip();
        if (kind == CodedEvent.Kind.STATE && !endText.isEmpty()) {
            try {
                end = TimeText.parse(endText);
            } catch (IllegalArgumentException e) {
                throw new BadEvent("coding.error.end");
            }
            if (end < start) {
                throw new BadEvent("coding.error.endBeforeStart");
            }
        }
        String comment = form.getOrDefault("comment", "");
        if (comment.strip().length() > CodedEvent.MAX_COMMENT || key.length() > 64) {
            throw new BadEvent("coding.error.comment");
        }
        return new CodedEvent(key, actor, modality, code, start, end, kind, comment);
    }

    private static final class BadEvent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadEvent(String messageKey) {
            super(messageKey, null, false, false);
        }
    }

    @PostMapping("/coding/sessions/{sessionId}/events")
    String addEvent(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long sessionId,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Access access = own(user, sessionId);
        try {
            codings.save(sessionId, read(form));
        } catch (BadEvent e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showSession(access, form, e.getMessage(), locale, model);
        }
        return "redirect:/coding/sessions/" + sessionId + "#events";
    }

    @PostMapping(value = "/coding/sessions/{sessionId}/events", headers = FETCH)
    @ResponseBody
    ResponseEntity<Map<String, Object>> saveEvent(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long sessionId,
            @RequestParam Map<String, String> form,
            Locale locale) {
        own(user, sessionId);
        try {
            CodedEvent event = read(form);
            codings.save(sessionId, event);
            return ResponseEntity.ok(Map.of("saved", event.key()));
        } catch (BadEvent e) {
            return ResponseEntity.unprocessableEntity()
                    .body(Map.of("error", messages.getMessage(e.getMessage(), null, locale)));
        }
    }

    @PostMapping("/coding/sessions/{sessionId}/events/{key}/delete")
    String deleteEvent(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long sessionId, @PathVariable String key) {
        own(user, sessionId);
        codings.delete(sessionId, key);
        return "redirect:/coding/sessions/" + sessionId + "#events";
    }

    @PostMapping(value = "/coding/sessions/{sessionId}/events/{key}/delete", headers = FETCH)
    @ResponseBody
    Map<String, Object> deleteEventFetch(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long sessionId, @PathVariable String key) {
        own(user, sessionId);
        return Map.of("deleted", codings.delete(sessionId, key));
    }

    @PostMapping("/coding/sessions/{sessionId}/import")
    String importEvents(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long sessionId,
            @RequestParam(required = false) MultipartFile file,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Access access = own(user, sessionId);
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String lower = name.toLowerCase(Locale.ROOT);
        String error;
        if (file == null || file.isEmpty()) {
            error = messages.getMessage("coding.import.empty", null, locale);
        } else if (!lower.endsWith(".eaf") && !lower.endsWith(".csv")) {
            error = messages.getMessage("coding.import.type", null, locale);
        } else {
            try (InputStream in = file.getInputStream()) {
                ObservationData data = lower.endsWith(".eaf")
                        ? ElanReader.read(in, name, ElanMapping.byParticipant()).data()
                        : CsvEvents.read(new InputStreamReader(in, StandardCharsets.UTF_8), name);
                List<CodedEvent> events = data.events().stream()
                        .map(e -> CodedEvent.of(Codings.newKey(), e))
                        .toList();
                codings.addAll(sessionId, events);
                audit.record(user.username(), "coding imported", "coding session " + sessionId);
                redirect.addFlashAttribute("imported", events.size());
                redirect.addFlashAttribute(
                        "notes", data.notes().stream().map(Object::toString).toList());
                return "redirect:/coding/sessions/" + sessionId;
            } catch (ObservationFormatException | IllegalArgumentException e) {
                error = messages.getMessage("coding.import.bad", new Object[] {e.getMessage()}, locale);
            } catch (IOException | UncheckedIOException e) {
                error = messages.getMessage("coding.import.bad", new Object[] {name}, locale);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("importError", error);
        return showSession(access, Map.of(), null, locale, model);
    }
}
