package org.alliance.app.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.app.checkin.JointParticipants;
import org.alliance.app.system.Languages;
import org.alliance.core.observation.DefaultCodingScheme;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The coding screen of a session as {@code coding/session} shows it: the session's events, the legend of actors and
 * codes, and the form with what was typed and what is wrong with it. Both {@link CodingController}, which opens it,
 * and {@link CodedEventController}, which shows it again when an event or an import is refused, fill it here.
 */
@Component
class CodingScreen {

    /**
     * The actors offered on the coding screen of a meeting with one professional, with their keys 1, 2, 3, …
     * (a colleague may step in, hence two professionals); events may name others.
     */
    static final List<String> ACTORS = List.of("client", "professional-a", "professional-b", "network-member");

    private final Codings codings;
    private final MeetingObservations observations;
    private final MessageSource messages;
    private final JointParticipants joint;

    CodingScreen(Codings codings, MeetingObservations observations, MessageSource messages, JointParticipants joint) {
        this.codings = codings;
        this.observations = observations;
        this.messages = messages;
        this.joint = joint;
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

    /** Fills the model for {@code coding/session}; {@code error} is the message key of what is wrong with the form. */
    String show(CodingController.Access access, Map<String, String> form, String error, Locale locale, Model model) {
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
}
