package org.alliance.core.joint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.stats.provenance.Provenance;

/**
 * The scores of one joint check-in: per professional, the scales asked per professional; and once, the team
 * scales. Every {@link ScaleScore} carries its own provenance; {@code provenance} says how the sheet was made.
 *
 * @param perProfessional professional id → scores of the per-professional scales, in the order given
 */
public record JointScoreSheet(
        String instrument,
        String instrumentVersion,
        Map<String, List<ScaleScore>> perProfessional,
        List<ScaleScore> team,
        Provenance provenance) {

    public JointScoreSheet {
        Map<String, List<ScaleScore>> copy = new LinkedHashMap<>();
        perProfessional.forEach((professional, scores) -> copy.put(professional, List.copyOf(scores)));
        perProfessional = java.util.Collections.unmodifiableMap(copy);
        team = List.copyOf(team);
    }

    public Optional<ScaleScore> scale(String professionalId, String scaleId) {
        return perProfessional.getOrDefault(professionalId, List.of()).stream()
                .filter(score -> score.scale().equals(scaleId))
                .findFirst();
    }

    public Optional<ScaleScore> teamScale(String scaleId) {
        return team.stream().filter(score -> score.scale().equals(scaleId)).findFirst();
    }

    /** One per-professional scale for every professional, in order; missing scores stay empty. */
    public Map<String, OptionalDouble> scores(String scaleId) {
        Map<String, OptionalDouble> scores = new LinkedHashMap<>();
        for (String professional : perProfessional.keySet()) {
            scores.put(
                    professional,
                    scale(professional, scaleId).map(ScaleScore::score).orElse(OptionalDouble.empty()));
        }
        return scores;
    }
}
