package org.alliance.app.cli.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.observation.ObservationEvent;
import picocli.CommandLine.Option;

/** Turns events into code indices for the statistics, by code, actor or actor:code. */
final class EventLabels {

    enum By {
        CODE,
        ACTOR,
        ACTOR_CODE;

        static By parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "code" -> CODE;
                case "actor" -> ACTOR;
                case "actor:code" -> ACTOR_CODE;
                default -> throw new UserInputException("--by '" + text + "': use code, actor or actor:code");
            };
        }

        String label(ObservationEvent e) {
            return switch (this) {
                case CODE -> e.code();
                case ACTOR -> e.actor();
                case ACTOR_CODE -> e.actor() + ":" + e.code();
            };
        }
    }

    /**
     * The {@code --by} option of transitions, pattern and agreement, declared once ({@code @Mixin ByOption by}):
     * what an event counts as. Read with {@link #mode()} where the command needs it, so errors keep their order.
     */
    static final class ByOption {
        @Option(
                names = "--by",
                defaultValue = "code",
                paramLabel = "code|actor|actor:code",
                description = "What an event counts as: its code, its actor, or both as actor:code (default:"
                        + " ${DEFAULT-VALUE}).")
        String text;

        /** The mode; a value that is none of them is an exit-code-2 error. */
        By mode() {
            return By.parse(text);
        }

        /** The value as given. */
        String text() {
            return text;
        }
    }

    final List<String> labels = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();

    int indexOf(String label) {
        return index.computeIfAbsent(label, l -> {
            labels.add(l);
            return labels.size() - 1;
        });
    }

    int[] indices(List<ObservationEvent> events, By by) {
        int[] result = new int[events.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = indexOf(by.label(events.get(i)));
        }
        return result;
    }

    int size() {
        return labels.size();
    }

    static long[] onsets(List<ObservationEvent> events) {
        return events.stream().mapToLong(ObservationEvent::onsetMs).toArray();
    }

    static long[] offsets(List<ObservationEvent> events) {
        return events.stream().mapToLong(ObservationEvent::offsetMs).toArray();
    }
}
