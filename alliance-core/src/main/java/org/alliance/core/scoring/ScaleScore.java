package org.alliance.core.scoring;

import java.util.List;
import java.util.OptionalDouble;
import org.alliance.core.instrument.CutOff;
import org.alliance.stats.provenance.Provenance;

/**
 * The score of one scale for one response.
 *
 * @param score missing when too few items were answered (see the scale's scoring rule)
 * @param answered how many of the scale's items were answered
 * @param items how many items the scale has
 * @param flagged the cut-offs this score falls on the flagged side of (empty when the score is missing)
 * @param provenance instrument, version and the rule in words
 */
public record ScaleScore(
        String scale, OptionalDouble score, int answered, int items, List<CutOff> flagged, Provenance provenance) {

    public ScaleScore {
        flagged = List.copyOf(flagged);
        if (answered < 0 || answered > items) {
            throw new IllegalArgumentException("answered " + answered + " of " + items + " items");
        }
    }
}
