package org.alliance.app.coding;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coded events of a session, changed only by its coder: read as JSON, added or changed, deleted, and imported from
 * an ELAN or CSV file. Each change comes as a plain form (JavaScript off: redirect, or the coding screen again with
 * 422 and the error) or from the coding screen's autosave script, whose requests carry {@code X-Requested-With:
 * fetch} and get JSON back.
 */
@Controller
class CodedEventController {

    static final String FETCH = "X-Requested-With=fetch";

    private final Codings codings;
    private final CodingScreen screen;
    private final MessageSource messages;
    private final AuditLog audit;

    CodedEventController(Codings codings, CodingScreen screen, MessageSource messages, AuditLog audit) {
        this.codings = codings;
        this.screen = screen;
        this.messages = messages;
        this.audit = audit;
    }

    /** The session, if this user coded it (only the coder changes a coding). */
    private CodingController.Access own(CurrentUser user, long sessionId) {
        return CodingController.own(codings, user, sessionId);
    }

    @GetMapping(value = "/coding/sessions/{sessionId}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Map<String, Object>> eventsJson(@AuthenticationPrincipal CurrentUser user, @PathVariable long sessionId) {
        CodingController.Access access = own(user, sessionId);
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
        CodingController.Access access = own(user, sessionId);
        try {
            codings.save(sessionId, read(form));
        } catch (BadEvent e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return screen.show(access, form, e.getMessage(), locale, model);
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
        CodingController.Access access = own(user, sessionId);
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
        return screen.show(access, Map.of(), null, locale, model);
    }
}
