package org.alliance.core.joint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Scale;
import org.alliance.core.scoring.InvalidAnswerException;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;
import org.alliance.core.scoring.Scoring;
import org.alliance.stats.provenance.Provenance;

/**
 * Scores a joint check-in. The per-professional scales (all items {@code perProfessional: true}) are scored
 * separately for each professional from that professional's block of answers, with the ordinary rules of
 * {@link Scoring} (mean of answered items, at least the scale's share answered — 75 % by default — else missing);
 * the other scales are scored once from the team answers. An answer in the wrong block is refused.
 */
public final class JointScoring {

    static final String RULE = "per-professional scales scored separately from each professional's block; other"
            + " scales once from the team answers; each scale by its own rule";

    private JointScoring() {}

    /**
     * @param perProfessional professional id → item id → answer, only per-professional items
     * @param team item id → answer, only items asked once
     * @throws IllegalArgumentException when the instrument asks nothing per professional
     * @throws InvalidAnswerException for an unknown item, an answer in the wrong block, or a value not allowed
     */
    public static JointScoreSheet score(
            Instrument instrument, Map<String, Map<String, Double>> perProfessional, Map<String, Double> team) {
        if (!instrument.asksPerProfessional()) {
            throw new IllegalArgumentException(
                    instrument.reference() + " asks nothing per professional; score it with Scoring.score");
        }
        Map<String, List<ScaleScore>> byProfessional = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Double>> block : perProfessional.entrySet()) {
            requireBlock(instrument, block.getValue(), true, "professional " + block.getKey());
            ScoreSheet sheet = Scoring.score(instrument, block.getValue());
            byProfessional.put(block.getKey(), keep(instrument, sheet, true));
        }
        requireBlock(instrument, team, false, "the team answers");
        List<ScaleScore> teamScores = keep(instrument, Scoring.score(instrument, team), false);
        return new JointScoreSheet(
                instrument.id(),
                instrument.version(),
                byProfessional,
                teamScores,
                Provenance.score(instrument.id(), instrument.version(), RULE));
    }

    private static void requireBlock(
            Instrument instrument, Map<String, Double> answers, boolean perProfessional, String block) {
        for (String itemId : answers.keySet()) {
            Item item = instrument
                    .findItem(itemId)
                    .orElseThrow(() -> new InvalidAnswerException(
                            itemId, "'" + itemId + "' is not an item of " + instrument.reference()));
            if (item.perProfessional() != perProfessional) {
                throw new InvalidAnswerException(
                        itemId,
                        "item '" + itemId + "' is asked "
                                + (item.perProfessional() ? "once per professional" : "once for the meeting")
                                + " and cannot be answered in " + block);
            }
        }
    }

    private static List<ScaleScore> keep(Instrument instrument, ScoreSheet sheet, boolean perProfessional) {
        List<ScaleScore> kept = new ArrayList<>();
        for (Scale scale : instrument.scales()) {
            if (instrument.scoredPerProfessional(scale) == perProfessional) {
                kept.add(sheet.scale(scale.id()).orElseThrow());
            }
        }
        return kept;
    }
}
