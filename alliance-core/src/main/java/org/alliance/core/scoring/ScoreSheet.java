package org.alliance.core.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All scale scores of one response, plus the item answers after reverse keying (used for item-level gaps).
 *
 * @param recodedItems answered items after reverse keying, by item id
 */
public record ScoreSheet(
        String instrument, String instrumentVersion, List<ScaleScore> scales, Map<String, Double> recodedItems) {

    public ScoreSheet {
        scales = List.copyOf(scales);
        recodedItems = Map.copyOf(recodedItems);
    }

    public Optional<ScaleScore> scale(String scaleId) {
        return scales.stream().filter(score -> score.scale().equals(scaleId)).findFirst();
    }
}
