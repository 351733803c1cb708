package org.alliance.core.instrument;

import java.util.List;

/**
 * A scale or subscale.
 *
 * @param items every item scored in this scale, with the items of its subscales already included
 * @param subscales the scales this one is composed of (empty for a plain scale)
 */
public record Scale(String id, LocalizedText name, List<String> items, List<String> subscales, ScoringRule scoring) {

    public Scale {
        items = List.copyOf(items);
        subscales = List.copyOf(subscales);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("scale " + id + " has no items");
        }
    }
}
