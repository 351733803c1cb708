package org.alliance.core.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.alliance.core.instrument.CutOff;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.ResponseFormat;
import org.alliance.core.instrument.Scale;
import org.alliance.core.instrument.ScoringRule;
import org.alliance.stats.provenance.Provenance;

/**
 * Scores a response to an instrument. The rules, in the words of docs/rules.md:
 *
 * <ol>
 *   <li>An answer must be one the item's response format allows; anything else is refused, never clipped.
 *   <li>A reverse-keyed answer x becomes (min + max) − x, with min and max of the item's response format.
 *   <li>A scale score is the mean of its answered items (or that mean times the number of items for a
 *       prorated sum), but only when at least the scale's minimum share of items is answered; otherwise it is
 *       missing. A missing answer is never counted as zero.
 *   <li>A score is flagged by every cut-off of its scale whose comparison it meets.
 * </ol>
 */
public final class Scoring {

    private Scoring() {}

    /**
     * Scores numeric answers by item id. Items without an answer are missing; free-text items are not scored.
     *
     * @throws InvalidAnswerException for an unknown item or an answer the format does not allow
     */
    public static ScoreSheet score(Instrument instrument, Map<String, Double> answers) {
        Map<String, Double> recoded = new LinkedHashMap<>();
        for (Map.Entry<String, Double> answer : answers.entrySet()) {
            Item item = instrument
                    .findItem(answer.getKey())
                    .orElseThrow(() -> new InvalidAnswerException(
                            answer.getKey(), "'" + answer.getKey() + "' is not an item of " + instrument.reference()));
            recoded.put(item.id(), recode(instrument, item, answer.getValue()));
        }
        List<ScaleScore> scores = new ArrayList<>();
        for (Scale scale : instrument.scales()) {
            scores.add(scoreScale(instrument, scale, recoded));
        }
        return new ScoreSheet(instrument.id(), instrument.version(), scores, recoded);
    }

    /** One answer checked against its format and reverse-keyed when the item says so. */
    public static double recode(Instrument instrument, Item item, double answer) {
        ResponseFormat format = instrument.format(item);
        if (!format.numeric()) {
            throw new InvalidAnswerException(item.id(), "item '" + item.id() + "' takes text, not a number");
        }
        if (!format.accepts(answer)) {
            throw new InvalidAnswerException(
                    item.id(),
                    "item '" + item.id() + "': " + CutOffText.number(answer) + " is not allowed; the answer must be "
                            + format.describeAllowed());
        }
        return item.reverse() ? format.min() + format.max() - answer : answer;
    }

    private static ScaleScore scoreScale(Instrument instrument, Scale scale, Map<String, Double> recoded) {
        ScoringRule rule = scale.scoring();
        double sum = 0;
        int answered = 0;
        for (String itemId : scale.items()) {
            Double value = recoded.get(itemId);
            if (value != null) {
                sum += value;
                answered++;
            }
        }
        int items = scale.items().size();
        // Compare counts, not floating shares, so that 3 of 4 meets 0.75 exactly.
        boolean enough = answered > 0 && answered >= Math.ceil(rule.minAnsweredShare() * items - 1e-9);
        OptionalDouble score = OptionalDouble.empty();
        List<CutOff> flagged = new ArrayList<>();
        if (enough) {
            double mean = sum / answered;
            double value = rule.method() == ScoringRule.Method.MEAN ? mean : mean * items;
            score = OptionalDouble.of(value);
            for (CutOff cutOff : instrument.cutOffs(scale.id())) {
                if (cutOff.flags(value)) {
                    flagged.add(cutOff);
                }
            }
        }
        Provenance provenance = Provenance.score(instrument.id(), instrument.version(), rule.describe());
        return new ScaleScore(scale.id(), score, answered, items, flagged, provenance);
    }

    /** Numbers as people write them in messages: 4 rather than 4.0. */
    static final class CutOffText {
        private CutOffText() {}

        static String number(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15
                    ? String.valueOf((long) value)
                    : String.valueOf(value);
        }
    }
}
