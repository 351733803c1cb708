package org.alliance.app.cli.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.observation.ObservationEvent;

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
