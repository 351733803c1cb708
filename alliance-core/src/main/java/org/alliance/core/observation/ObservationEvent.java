package org.alliance.core.observation;

/**
 * One coded event: an actor did something (a code of the scheme), verbally or not, from onset to offset.
 *
 * @param actor who acted, e.g. {@code client}, {@code professional A}, {@code network member}
 * @param modality verbal or non-verbal
 * @param code key of a code in the coding scheme
 * @param onsetMs start in milliseconds from the start of the recording or meeting
 * @param offsetMs end in milliseconds; equal to the onset for a point event
 * @param coder who coded it; empty when unknown
 * @param comment free text; empty when none
 */
public record ObservationEvent(
        String actor, Modality modality, String code, long onsetMs, long offsetMs, String coder, String comment) {

    public ObservationEvent {
        if (actor.isBlank()) {
            throw new IllegalArgumentException("actor must not be blank");
        }
        if (code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank (actor '" + actor + "', onset " + onsetMs + ")");
        }
        if (onsetMs < 0) {
            throw new IllegalArgumentException("onset must be >= 0 ms, got " + onsetMs);
        }
        if (offsetMs < onsetMs) {
            throw new IllegalArgumentException("offset " + offsetMs + " ms lies before onset " + onsetMs + " ms");
        }
    }

    /** A point event (offset = onset) without coder or comment. */
    public static ObservationEvent point(String actor, Modality modality, String code, long atMs) {
        return new ObservationEvent(actor, modality, code, atMs, atMs, "", "");
    }

    /** A state event without coder or comment. */
    public static ObservationEvent state(String actor, Modality modality, String code, long onsetMs, long offsetMs) {
        return new ObservationEvent(actor, modality, code, onsetMs, offsetMs, "", "");
    }

    public boolean isPoint() {
        return onsetMs == offsetMs;
    }

    public long durationMs() {
        return offsetMs - onsetMs;
    }
}
