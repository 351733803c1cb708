package org.alliance.core.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Scale;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;

/**
 * The three alert rules of docs/rules.md, applied to the client's latest response:
 *
 * <ol>
 *   <li><b>Low</b>: a scale score is on the flagged side of a cut-off of the instrument.
 *   <li><b>Drop</b>: a scale score fell since the client's previous response to the same instrument by at least
 *       the organisation's drop threshold (a percentage of the scale's range).
 *   <li><b>Gap</b>: for the same meeting, the professional's score on the mirrored scale is higher than the
 *       client's by at least the gap threshold (a percentage of the scale's range). Only a higher professional
 *       score counts: that is the pattern the power asymmetry produces.
 * </ol>
 *
 * A missing score never raises or hides an alert by itself: a rule needs both numbers it compares. Every rule
 * compares the scores as the page shows them, rounded to two decimals ({@link ShownNumber}), so what the
 * professional reads and what the rule decided agree.
 */
public final class AlertRules {

    private AlertRules() {}

    /**
     * @param instrument the client's instrument
     * @param history the client's score sheets for this instrument, oldest first (the last one is judged)
     * @param professional the professional's score sheet for the same meeting as the last client response, from
     *     the mirrored instrument, if there is one
     */
    public static List<Alert> evaluate(
            Instrument instrument,
            List<ScoreSheet> history,
            Optional<ScoreSheet> professional,
            AlertThresholds thresholds) {
        List<Alert> alerts = new ArrayList<>();
        if (history.isEmpty()) {
            return alerts;
        }
        ScoreSheet latest = history.get(history.size() - 1);
        Optional<ScoreSheet> previous =
                history.size() >= 2 ? Optional.of(history.get(history.size() - 2)) : Optional.empty();
        for (Scale scale : instrument.scales()) {
            OptionalDouble current = score(Optional.of(latest), scale.id());
            if (current.isEmpty()) {
                continue;
            }
            ScaleRange range = ScaleRange.of(instrument, scale);
            double now = ShownNumber.round(current.getAsDouble());
            instrument.cutOffs(scale.id()).stream()
                    .filter(cutOff -> cutOff.flags(now))
                    .findFirst()
                    .ifPresent(cutOff -> alerts.add(new Alert.BelowCutOff(scale.id(), now, cutOff)));
            OptionalDouble before = score(previous, scale.id());
            double drop = range.points(thresholds.dropPercent());
            if (before.isPresent() && before.getAsDouble() - now >= drop - Alert.TOLERANCE) {
                alerts.add(new Alert.Drop(scale.id(), before.getAsDouble(), now, drop));
            }
            OptionalDouble theirs = score(professional, scale.id());
            double gap = range.points(thresholds.gapPercent());
            if (theirs.isPresent() && theirs.getAsDouble() - now >= gap - Alert.TOLERANCE) {
                alerts.add(new Alert.Gap(scale.id(), now, theirs.getAsDouble(), gap));
            }
        }
        return alerts;
    }

    /** The scale's score as shown (rounded to two decimals), or empty when it is missing. */
    private static OptionalDouble score(Optional<ScoreSheet> sheet, String scaleId) {
        OptionalDouble score =
                sheet.flatMap(s -> s.scale(scaleId)).map(ScaleScore::score).orElse(OptionalDouble.empty());
        return score.isPresent() ? OptionalDouble.of(ShownNumber.round(score.getAsDouble())) : score;
    }
}
