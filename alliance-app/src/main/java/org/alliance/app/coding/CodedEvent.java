package org.alliance.app.coding;

import java.util.Locale;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;
import org.jspecify.annotations.Nullable;

/**
 * One event as the coding screen stores it.
 *
 * @param key made by the browser (or the server for imports); unique within a session, so a repeated autosave
 *     stores the event once
 * @param kind point or state
 * @param endMs empty for a point event and for a state event that is still running
 */
public record CodedEvent(
        String key,
        String actor,
        Modality modality,
        String code,
        long startMs,
        @Nullable Long endMs,
        Kind kind,
        String comment) {

    /** Longest actor, code or key the store accepts. */
    static final int MAX_NAME = 100;

    static final int MAX_COMMENT = 1000;

    /** A point in time, or a behaviour with a start and a stop. */
    public enum Kind {
        POINT,
        STATE;

        static Kind parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    public CodedEvent {
        if (key.isBlank() || key.length() > 64) {
            throw new IllegalArgumentException("key must have 1 to 64 characters, got '" + key + "'");
        }
        actor = actor.strip();
        code = code.strip();
        comment = comment.strip();
        if (actor.isEmpty() || actor.length() > MAX_NAME) {
            throw new IllegalArgumentException("actor must have 1 to " + MAX_NAME + " characters, got '" + actor + "'");
        }
        if (code.isEmpty() || code.length() > MAX_NAME) {
            throw new IllegalArgumentException("code must have 1 to " + MAX_NAME + " characters, got '" + code + "'");
        }
        if (comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("comment longer than " + MAX_COMMENT + " characters");
        }
        if (startMs < 0) {
            throw new IllegalArgumentException("start must be >= 0 ms, got " + startMs);
        }
        if (endMs != null && endMs < startMs) {
            throw new IllegalArgumentException("end " + endMs + " ms lies before start " + startMs + " ms");
        }
        if (kind == Kind.POINT && endMs != null) {
            endMs = null;
        }
    }

    /** A state event that was started and not yet stopped. */
    public boolean running() {
        return kind == Kind.STATE && endMs == null;
    }

    /**
     * The event for the statistics and the file formats. A state that is still running counts as a point at its
     * start.
     */
    public ObservationEvent toObservation(String coder) {
        long end = endMs == null ? startMs : endMs;
        return new ObservationEvent(actor, modality, code, startMs, end, coder, comment);
    }

    /** An imported event: a point when onset equals offset, else a state. */
    static CodedEvent of(String key, ObservationEvent e) {
        return new CodedEvent(
                key,
                e.actor(),
                e.modality(),
                e.code(),
                e.onsetMs(),
                e.isPoint() ? null : e.offsetMs(),
                e.isPoint() ? Kind.POINT : Kind.STATE,
                e.comment());
    }
}
