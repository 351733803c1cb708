package org.alliance.app.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.conversation.ConversationPrompts;
import org.alliance.app.conversation.Discussions;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.FormPost;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A client's page ({@link ClientPage} builds it) and what the professional records on it about the conversation:
 * whether the feedback of a signal was discussed after a meeting.
 */
@Controller
class ClientController {

    private final ClientPage page;
    private final OwnClients own;
    private final Discussions discussions;
    private final Clock clock;

    ClientController(ClientPage page, OwnClients own, Discussions discussions, Clock clock) {
        this.page = page;
        this.own = own;
        this.discussions = discussions;
        this.clock = clock;
    }

    @GetMapping("/clients/{clientId}")
    String client(@AuthenticationPrincipal CurrentUser user, @PathVariable long clientId, Locale locale, Model model) {
        return page.show(user, clientId, locale, model);
    }

    /**
     * Records after a meeting whether the feedback of one signal was discussed and, optionally, what changed. Every
     * mistake is shown at its field on the client page (422); the audit row names meeting and signal, never the
     * note.
     */
    @PostMapping("/clients/{clientId}/discussed")
    String discussed(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam(defaultValue = "") String meeting,
            @RequestParam(defaultValue = "") String signal,
            @RequestParam(defaultValue = "") String discussed,
            @RequestParam(defaultValue = "") String whatChanged,
            FormPost post) {
        own.client(user, clientId);
        LocalDate today = LocalDate.now(clock);
        Optional<Meeting> about = meeting.matches("\\d{1,18}")
                ? own.findMeeting(user, Long.parseLong(meeting))
                        .filter(m -> m.clientId() == clientId && !m.date().isAfter(today))
                : Optional.empty();
        Optional<ConversationPrompts.Signal> which =
                ConversationPrompts.Signal.parse(signal).filter(ConversationPrompts::hasPrompts);
        Map<String, String> errors = new LinkedHashMap<>();
        if (about.isEmpty()) {
            errors.put("meeting", "discussed.error.meeting");
        }
        if (which.isEmpty()) {
            errors.put("signal", "discussed.error.signal");
        }
        if (!discussed.equals("yes") && !discussed.equals("no")) {
            errors.put("discussed", "discussed.error.discussed");
        }
        if (whatChanged.strip().length() > Discussions.MOST_CHARACTERS) {
            errors.put("whatChanged", "discussed.error.long");
        }
        if (!errors.isEmpty()) {
            return post.refused(() -> {
                post.model().addAttribute("discussedErrors", errors);
                post.model().addAttribute("discussedMeeting", meeting);
                post.model().addAttribute("discussedSignal", signal);
                post.model().addAttribute("discussedAnswer", discussed);
                post.model().addAttribute("discussedNote", whatChanged);
                return page.show(user, clientId, post.locale(), post.model());
            });
        }
        return post.written(user, "discussed.done", "/clients/" + clientId + "#conversation-heading", () -> {
            discussions.record(
                    clientId, about.get().id(), which.get(), discussed.equals("yes"), whatChanged, user.id());
            return new FormPost.Audit(
                    "feedback discussed recorded",
                    "meeting " + about.get().id() + " " + which.get().code() + " " + discussed);
        });
    }
}
