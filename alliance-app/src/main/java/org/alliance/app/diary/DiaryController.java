package org.alliance.app.diary;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Downloads;
import org.alliance.app.system.Formats;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The professional's private reflection diary (issue 17): after a meeting, a short entry with prompts — what went
 * well, where I noticed the power imbalance, my own share, what I need. Only the author reads, exports or deletes
 * it; no other role has a page for it, and nothing else reads the table. The audit trail says that an entry was
 * written or deleted, never what it says.
 */
@Controller
class DiaryController {

    static final int MOST_CHARACTERS = 4000;

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Diary diary;
    private final Caseload caseload;
    private final AuditLog audit;
    private final Clock clock;

    DiaryController(Diary diary, Caseload caseload, AuditLog audit, Clock clock) {
        this.diary = diary;
        this.caseload = caseload;
        this.audit = audit;
        this.clock = clock;
    }

    /** An entry as the page shows it. */
    record Shown(long id, String when, Map<String, String> answers) {}

    @GetMapping("/diary")
    String page(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) Long meeting,
            Locale locale,
            Model model) {
        model.addAttribute("prompts", Diary.PROMPTS);
        model.addAttribute("meeting", ownMeeting(user, meeting).orElse(null));
        if (!model.containsAttribute("answers")) {
            model.addAttribute("answers", Map.of());
        }
        model.addAttribute(
                "entries",
                diary.of(user.id()).stream()
                        .map(e -> new Shown(
                                e.id(), Formats.dateTime(e.createdAt(), clock.getZone(), locale), e.answers()))
                        .toList());
        return "diary/diary";
    }

    private Optional<Long> ownMeeting(CurrentUser user, Long meeting) {
        return meeting == null
                ? Optional.empty()
                : caseload.meetingOf(user.id(), meeting).map(m -> m.id());
    }

    @PostMapping("/diary")
    String write(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        // The meeting the entry is about, when the form names one of this professional's meetings.
        Long requested =
                form.getOrDefault("meeting", "").matches("\\d{1,18}") ? Long.valueOf(form.get("meeting")) : null;
        Map<String, String> answers = new LinkedHashMap<>();
        boolean tooLong = false;
        for (String prompt : Diary.PROMPTS) {
            String text = form.getOrDefault(prompt, "").strip();
            if (!text.isEmpty()) {
                answers.put(prompt, text);
                tooLong |= text.length() > MOST_CHARACTERS;
            }
        }
        if (answers.isEmpty() || tooLong) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("error", answers.isEmpty() ? "diary.error.empty" : "diary.error.long");
            model.addAttribute("answers", answers);
            return page(user, requested, locale, model);
        }
        long id = diary.write(user.id(), ownMeeting(user, requested), answers);
        audit.record(user.username(), "diary entry written", "diary entry " + id);
        redirect.addFlashAttribute("written", true);
        return "redirect:/diary";
    }

    @PostMapping("/diary/{entryId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long entryId) {
        if (!diary.delete(user.id(), entryId)) {
            // Someone else's entry, or none: the same answer, so nobody learns that an id exists.
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        audit.record(user.username(), "diary entry deleted", "diary entry " + entryId);
        return "redirect:/diary?deleted";
    }

    /** The author's whole diary as JSON, to keep. */
    @GetMapping("/diary/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user) {
        List<Map<String, Object>> entries = diary.of(user.id()).stream()
                .map(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(
                            "written_at",
                            e.createdAt()
                                    .atZone(clock.getZone())
                                    .toOffsetDateTime()
                                    .toString());
                    row.put("meeting_id", e.meetingId().orElse(null));
                    row.put("answers", e.answers());
                    return row;
                })
                .toList();
        audit.record(user.username(), "diary exported", entries.size() + " entries");
        return Downloads.attachment("diary.json", new MediaType("application", "json", StandardCharsets.UTF_8))
                .body(JSON.writeValueAsString(Map.of("author", user.username(), "entries", entries))
                        .getBytes(StandardCharsets.UTF_8));
    }
}
