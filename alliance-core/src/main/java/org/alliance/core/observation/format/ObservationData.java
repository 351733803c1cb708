package org.alliance.core.observation.format;

import java.util.Comparator;
import java.util.List;
import org.alliance.core.observation.CodingScheme;
import org.alliance.core.observation.ObservationEvent;

/**
 * What a reader found: the events (sorted by onset, then offset, actor, code), the coding scheme (from the
 * file, or made from the codes found) and notes on everything that was repaired or skipped.
 */
public record ObservationData(List<ObservationEvent> events, CodingScheme scheme, List<ImportNote> notes) {

    /** The order in which readers return events. */
    public static final Comparator<ObservationEvent> ORDER = Comparator.comparingLong(ObservationEvent::onsetMs)
            .thenComparingLong(ObservationEvent::offsetMs)
            .thenComparing(ObservationEvent::actor)
            .thenComparing(ObservationEvent::modality)
            .thenComparing(ObservationEvent::code);

    public ObservationData {
        events = events.stream().sorted(ORDER).toList();
        notes = List.copyOf(notes);
    }
}
