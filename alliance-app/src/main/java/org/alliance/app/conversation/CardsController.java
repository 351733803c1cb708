package org.alliance.app.conversation;

import java.util.List;
import org.alliance.app.conversation.ConversationPrompts.Signal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The conversation prompts as cards to print (one A6 card per signal, print CSS in alliance.css): for the
 * professional to take into the meeting, and for the team lead's intervision. A card holds no client data, only
 * our openers, so it can lie on the table.
 */
@Controller
class CardsController {

    /** One card: a signal and its openers by building block. */
    record Card(Signal signal, List<ConversationPrompts.Group> groups) {}

    @GetMapping("/conversation/cards")
    String cards(@RequestParam(defaultValue = "") String signal, Model model) {
        List<Signal> signals = Signal.parse(signal)
                .filter(ConversationPrompts::hasPrompts)
                .map(List::of)
                .orElseGet(ConversationPrompts::withPrompts);
        model.addAttribute(
                "cards",
                signals.stream()
                        .map(s -> new Card(s, ConversationPrompts.groups(s)))
                        .toList());
        model.addAttribute("all", signals.size() > 1);
        return "conversation/cards";
    }
}
