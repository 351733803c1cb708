package org.alliance.core.alert;

import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.ResponseFormat;
import org.alliance.core.instrument.Scale;
import org.alliance.core.instrument.ScoringRule;

/** The lowest and highest score a scale can have, from its items' response formats and its scoring rule. */
public record ScaleRange(double min, double max) {

    public ScaleRange {
        if (!(min < max)) {
            throw new IllegalArgumentException("range min " + min + " must be below max " + max);
        }
    }

    public static ScaleRange of(Instrument instrument, Scale scale) {
        double min = 0;
        double max = 0;
        int numeric = 0;
        for (String itemId : scale.items()) {
            ResponseFormat format = instrument.format(instrument.item(itemId));
            if (format.numeric()) {
                min += format.min();
                max += format.max();
                numeric++;
            }
        }
        if (numeric == 0) {
            throw new IllegalArgumentException("scale " + scale.id() + " has no numeric items");
        }
        if (scale.scoring().method() == ScoringRule.Method.MEAN) {
            return new ScaleRange(min / numeric, max / numeric);
        }
        return new ScaleRange(
                min / numeric * scale.items().size(),
                max / numeric * scale.items().size());
    }

    public double width() {
        return max - min;
    }

    /** A percentage of this range in points. */
    public double points(int percent) {
        return width() * percent / 100.0;
    }
}
