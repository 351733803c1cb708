package org.alliance.core.joint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.ResponseFormat;
import org.alliance.core.instrument.Scale;
import org.alliance.core.instrument.ScoringRule;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.spread.SplitAllianceIndex;

/**
 * The split-alliance index of a joint meeting and the partiality balance index of a professional, with the
 * alert rule. Definitions in plain words: docs/rules.md, "Joint meetings"; the formula: {@link
 * SplitAllianceIndex}.
 */
public final class JointIndices {

    /** The scale the split-alliance index is computed on by default. */
    public static final String BOND_SCALE = "bond-with-professional";
    /** The scale the partiality balance index is computed on by default. */
    public static final String PARTIALITY_SCALE = "partiality";
    /**
     * Default alert threshold: a range of a quarter of the scale, i.e. 1 point on a 1–5 scale (for example
     * "mostly true" for one professional and "completely true" for another). Provisional, see docs/rules.md.
     */
    public static final double DEFAULT_THRESHOLD = 0.25;

    private JointIndices() {}

    /** Which index. */
    public enum Kind {
        /** The client's bond scores over the professionals of one meeting. */
        SPLIT_ALLIANCE,
        /** The partiality scores different parties give one professional. */
        PARTIALITY_BALANCE
    }

    /**
     * One index with what it was computed from.
     *
     * @param subject the meeting's client (split alliance) or the professional rated (partiality balance)
     * @param scores the scores used, by professional or by party id; missing ones left out
     * @param lowest the id with the lowest score (the first one on ties)
     * @param highest the id with the highest score (the first one on ties)
     */
    public record Index(
            Kind kind,
            String subject,
            SplitAllianceIndex.Result value,
            Map<String, Double> scores,
            String lowest,
            String highest,
            Provenance provenance) {
        public Index {
            scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        }
    }

    /** An alert raised by an index at or above the organisation's threshold. */
    public record Alert(Kind kind, String subject, double rangeIndex, double threshold) {}

    /**
     * The split-alliance index of one meeting from the client's joint check-in: the spread of the client's
     * bond scores over the professionals. Empty when fewer than two professionals have a bond score.
     */
    public static Optional<Index> splitAlliance(String clientId, Instrument instrument, JointScoreSheet clientSheet) {
        return index(Kind.SPLIT_ALLIANCE, clientId, instrument, BOND_SCALE, clientSheet.scores(BOND_SCALE));
    }

    /**
     * The partiality balance index of one professional: the spread of the partiality scores that different
     * parties (client and network members) gave this professional. Empty when fewer than two parties have a
     * score for them.
     *
     * @param sheetsByParty party id → that party's scored partiality check-in
     */
    public static Optional<Index> partialityBalance(
            String professionalId, Instrument instrument, Map<String, JointScoreSheet> sheetsByParty) {
        Map<String, OptionalDouble> scores = new LinkedHashMap<>();
        sheetsByParty.forEach((party, sheet) -> scores.put(
                party,
                sheet.scale(professionalId, PARTIALITY_SCALE)
                        .map(score -> score.score())
                        .orElse(OptionalDouble.empty())));
        return index(Kind.PARTIALITY_BALANCE, professionalId, instrument, PARTIALITY_SCALE, scores);
    }

    /** The alert rule: an index whose range index is at or above the threshold raises an alert. */
    public static Optional<Alert> alert(Optional<Index> index, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException(
                    "the threshold is a share of the scale range, above 0 and at most 1;" + " got " + threshold);
        }
        return index.filter(i -> i.value().rangeIndex() >= threshold - 1e-12)
                .map(i -> new Alert(i.kind(), i.subject(), i.value().rangeIndex(), threshold));
    }

    private static Optional<Index> index(
            Kind kind, String subject, Instrument instrument, String scaleId, Map<String, OptionalDouble> scores) {
        Scale scale = instrument
                .findScale(scaleId)
                .orElseThrow(() -> new IllegalArgumentException(instrument.reference() + " has no scale " + scaleId));
        double[] range = range(instrument, scale);
        Map<String, Double> present = new LinkedHashMap<>();
        scores.forEach((id, score) -> score.ifPresent(value -> present.put(id, value)));
        double[] values =
                present.values().stream().mapToDouble(Double::doubleValue).toArray();
        Optional<SplitAllianceIndex.Result> value = SplitAllianceIndex.compute(values, range[0], range[1]);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>(present.keySet());
        String lowest = ids.get(0);
        String highest = ids.get(0);
        for (String id : ids) {
            if (present.get(id) < present.get(lowest)) {
                lowest = id;
            }
            if (present.get(id) > present.get(highest)) {
                highest = id;
            }
        }
        String rule = (kind == Kind.SPLIT_ALLIANCE ? "split-alliance index" : "partiality balance index")
                + " on scale " + scaleId + ": range and population SD of the non-missing scores as shares of the"
                + " scale range (SD over half the range); undefined below 2 scores";
        return Optional.of(new Index(
                kind,
                subject,
                value.get(),
                present,
                lowest,
                highest,
                Provenance.score(instrument.id(), instrument.version(), rule)));
    }

    /** Lowest and highest possible score of a scale under its scoring rule. */
    static double[] range(Instrument instrument, Scale scale) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (String itemId : scale.items()) {
            ResponseFormat format = instrument.format(instrument.item(itemId));
            min = Math.min(min, format.min());
            max = Math.max(max, format.max());
        }
        if (scale.scoring().method() == ScoringRule.Method.PRORATED_SUM) {
            return new double[] {min * scale.items().size(), max * scale.items().size()};
        }
        return new double[] {min, max};
    }
}
