package org.alliance.core.observation.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;

/**
 * Pairs BORIS state events into intervals. BORIS stores a state event as separate occurrences: per (subject,
 * behaviour, modifier) the 1st, 3rd, … start and the 2nd, 4th, … stop. Unpaired starts are reported and,
 * when asked, closed at the end of the observation.
 */
final class BorisStates {

    private record Key(String subject, String code, String modifier) {}

    private record Open(long onsetMs, Modality modality, String comment, String where) {}

    private final Map<Key, Open> open = new HashMap<>();
    private final List<ObservationEvent> events = new ArrayList<>();
    private final List<ImportNote> notes;

    BorisStates(List<ImportNote> notes) {
        this.notes = notes;
    }

    void point(String subject, Modality modality, String code, long timeMs, String comment) {
        events.add(new ObservationEvent(subject, modality, code, timeMs, timeMs, "", comment));
    }

    /** A toggling occurrence (.boris project): starts when closed, stops when open. */
    void toggle(
            String subject,
            Modality modality,
            String code,
            String modifier,
            long timeMs,
            String comment,
            String where) {
        Key key = new Key(subject, code, modifier);
        Open started = open.remove(key);
        if (started == null) {
            open.put(key, new Open(timeMs, modality, comment, where));
        } else {
            close(key, started, timeMs, comment);
        }
    }

    /** An explicit START or STOP (tabular export). */
    void startOrStop(
            boolean start,
            String subject,
            Modality modality,
            String code,
            String modifier,
            long timeMs,
            String comment,
            String where) {
        Key key = new Key(subject, code, modifier);
        if (start) {
            Open previous = open.put(key, new Open(timeMs, modality, comment, where));
            if (previous != null) {
                notes.add(new ImportNote(
                        previous.where(),
                        "state '" + code + "' of '" + subject
                                + "' started again before it stopped; the earlier start is closed here"));
                close(key, previous, timeMs, "");
            }
            return;
        }
        Open started = open.remove(key);
        if (started == null) {
            notes.add(new ImportNote(
                    where, "STOP of state '" + code + "' of '" + subject + "' without a START; skipped"));
            return;
        }
        close(key, started, timeMs, comment);
    }

    private void close(Key key, Open started, long stopMs, String stopComment) {
        String comment = started.comment().isEmpty()
                ? stopComment
                : stopComment.isEmpty() || Objects.equals(started.comment(), stopComment)
                        ? started.comment()
                        : started.comment() + " / " + stopComment;
        long onset = Math.min(started.onsetMs(), stopMs);
        long offset = Math.max(started.onsetMs(), stopMs);
        events.add(new ObservationEvent(key.subject(), started.modality(), key.code(), onset, offset, "", comment));
    }

    /** Reports the unpaired starts and closes them at {@code endMs}, or drops them. */
    List<ObservationEvent> finish(long endMs, boolean closeUnpaired) {
        open.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(Open::onsetMs)))
                .forEach(entry -> {
                    Key key = entry.getKey();
                    Open started = entry.getValue();
                    String what = "state '" + key.code() + "'"
                            + (key.modifier().isEmpty() ? "" : " (modifier '" + key.modifier() + "')") + " of '"
                            + key.subject() + "' started at " + started.onsetMs() + " ms and never stopped (unpaired)";
                    if (closeUnpaired) {
                        notes.add(new ImportNote(started.where(), what + "; closed at the end, " + endMs + " ms"));
                        close(key, started, Math.max(endMs, started.onsetMs()), "");
                    } else {
                        notes.add(new ImportNote(started.where(), what + "; skipped"));
                    }
                });
        open.clear();
        return events;
    }
}
