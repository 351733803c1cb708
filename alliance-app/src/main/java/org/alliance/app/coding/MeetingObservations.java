package org.alliance.app.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.core.observation.DefaultCodingScheme;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A meeting's observation summary as pages show it, beside the check-in results: made from the newest settled
 * version, else from the first coder's coding. Labels come from the message bundles.
 */
@Component
public class MeetingObservations {

    /** A professional of the meeting in the coded data: {@code professional-a}, {@code professional-b}, … */
    static final Pattern PROFESSIONAL = Pattern.compile("professional-([a-z])");

    private final Codings codings;
    private final MessageSource messages;

    MeetingObservations(Codings codings, MessageSource messages) {
        this.codings = codings;
        this.messages = messages;
    }

    /** The summary of the meeting, if it has been coded. Callers check access to the meeting first. */
    public Optional<Map<String, Object>> summary(long meetingId, Locale locale) {
        return basis(codings.sessions(meetingId)).map(s -> view(s, locale));
    }

    /**
     * The figures of the meeting's coding (same basis as {@link #summary}), for pages that chart them over several
     * meetings; empty when the meeting has not been coded. Callers check access to the meeting first.
     */
    public Optional<ObservationSummary> figures(long meetingId) {
        return basis(codings.sessions(meetingId))
                .map(session -> ObservationSummary.of(codings.events(session.id()).stream()
                        .map(e -> e.toObservation(session.coderName()))
                        .toList()));
    }

    /** The session the summary is made from: the newest settled version, else the first coder's coding. */
    public static Optional<CodingSession> basis(List<CodingSession> sessions) {
        return sessions.stream()
                .filter(s -> s.kind() == CodingSession.Kind.SETTLED)
                .max((x, y) -> Long.compare(x.updatedAt(), y.updatedAt()))
                .or(() -> sessions.stream()
                        .filter(s -> s.kind() == CodingSession.Kind.CODER)
                        .findFirst());
    }

    Map<String, Object> view(CodingSession session, Locale locale) {
        ObservationSummary summary = ObservationSummary.of(codings.events(session.id()).stream()
                .map(e -> e.toObservation(session.coderName()))
                .toList());
        Map<String, Object> view = new HashMap<>();
        view.put("basis", session);
        view.put("empty", summary.empty());
        view.put("events", summary.events());
        List<Map<String, Object>> actors = new ArrayList<>();
        for (ObservationSummary.ActorRow a : summary.actors()) {
            actors.add(Map.of(
                    "label", actorLabel(a.actor(), locale),
                    "client", a.actor().equals(ObservationSummary.CLIENT),
                    "events", a.events(),
                    "turns", a.turns(),
                    "turnShare", percent(a.turnShare()),
                    "speech", TimeText.format(a.speechMs()),
                    "timeShare", percent(a.timeShare())));
        }
        view.put("actors", actors);
        view.put("clientTurnShare", percent(summary.clientTurnShare()));
        view.put("clientTimeShare", percent(summary.clientTimeShare()));
        view.put("orderOccurred", summary.orderOccurred());
        view.put(
                "order",
                String.join(
                        " → ",
                        DefaultCodingScheme.FACILITATING_ORDER.stream()
                                .map(c -> codeLabel(c, locale))
                                .toList()));
        view.put("failedStep", summary.failedStep().isEmpty() ? "" : codeLabel(summary.failedStep(), locale));
        List<Map<String, Object>> transitions = new ArrayList<>();
        for (ObservationSummary.Transition t : summary.transitions()) {
            transitions.add(Map.of(
                    "from", codeLabel(t.from(), locale),
                    "to", codeLabel(t.to(), locale),
                    "count", t.count(),
                    "expected", fixed(t.expected(), 2),
                    "residual", fixed(t.adjustedResidual(), 2),
                    "more", t.adjustedResidual() > 0));
        }
        view.put("transitions", transitions);
        return view;
    }

    /** "Client", "Professional B", "Network member", …; an actor we have no words for is shown as it is. */
    String actorLabel(String actor, Locale locale) {
        Matcher professional = PROFESSIONAL.matcher(actor);
        if (professional.matches()) {
            return messages.getMessage(
                    "coding.actor.professional",
                    new Object[] {professional.group(1).toUpperCase(Locale.ROOT)},
                    actor,
                    locale);
        }
        return messages.getMessage("coding.actor." + actor, null, actor, locale);
    }

    String codeLabel(String code, Locale locale) {
        return messages.getMessage("coding.code." + code, null, code, locale);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String fixed(double value, int digits) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + digits + "f", value);
    }
}
