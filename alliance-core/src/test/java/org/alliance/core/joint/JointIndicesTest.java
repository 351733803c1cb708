package org.alliance.core.joint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.junit.jupiter.api.Test;

class JointIndicesTest {

    private static final Instrument JOINT_CLIENT = JointScoringTest.JOINT_CLIENT;
    private static final Instrument PARTIALITY =
            JointScoringTest.CATALOG.find("alliance-partiality").orElseThrow();

    @Test
    void theSplitIndexUsesTheBondScoresOfTheProfessionalsAndLeavesOutMissingOnes() {
        JointScoreSheet sheet = JointScoring.score(JOINT_CLIENT, JointScoringTest.blocks(), Map.of());
        JointIndices.Index index =
                JointIndices.splitAlliance("client-1", JOINT_CLIENT, sheet).orElseThrow();
        // pro-a 4.5, pro-b 3.0, pro-c missing: range 1.5 on a 1–5 scale.
        assertThat(index.scores()).containsOnlyKeys("pro-a", "pro-b");
        assertThat(index.value().rangeIndex()).isCloseTo(1.5 / 4, within(1e-12));
        assertThat(index.value().scaleMin()).isEqualTo(1.0);
        assertThat(index.value().scaleMax()).isEqualTo(5.0);
        assertThat(index.lowest()).isEqualTo("pro-b");
        assertThat(index.highest()).isEqualTo("pro-a");
        assertThat(index.provenance().instrument().rule()).contains("split-alliance index");
        assertThat(JointIndices.alert(Optional.of(index), JointIndices.DEFAULT_THRESHOLD))
                .hasValueSatisfying(alert -> assertThat(alert.kind()).isEqualTo(JointIndices.Kind.SPLIT_ALLIANCE));
        assertThat(JointIndices.alert(Optional.of(index), 0.5)).isEmpty();
    }

    @Test
    void withOneScoredProfessionalThereIsNoIndexAndNoAlert() {
        Map<String, Map<String, Double>> blocks = new LinkedHashMap<>(JointScoringTest.blocks());
        blocks.remove("pro-b");
        JointScoreSheet sheet = JointScoring.score(JOINT_CLIENT, blocks, Map.of());
        Optional<JointIndices.Index> index = JointIndices.splitAlliance("client-1", JOINT_CLIENT, sheet);
        assertThat(index).isEmpty();
        assertThat(JointIndices.alert(index, JointIndices.DEFAULT_THRESHOLD)).isEmpty();
    }

    @Test
    void anIndexExactlyAtTheThresholdRaisesTheAlert() {
        // 5.0 and 4.0: range 1 = 0.25 of the scale.
        Map<String, Map<String, Double>> blocks = Map.of(
                "pro-a", Map.of("bond-trust", 5.0, "bond-listened", 5.0, "bond-respect", 5.0),
                "pro-b", Map.of("bond-trust", 4.0, "bond-listened", 4.0, "bond-respect", 4.0));
        JointScoreSheet sheet = JointScoring.score(JOINT_CLIENT, blocks, Map.of());
        Optional<JointIndices.Index> index = JointIndices.splitAlliance("client-1", JOINT_CLIENT, sheet);
        assertThat(index.orElseThrow().value().rangeIndex()).isEqualTo(0.25);
        assertThat(JointIndices.alert(index, 0.25)).isPresent();
    }

    @Test
    void theThresholdIsAShareOfTheScale() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JointIndices.alert(Optional.empty(), 1.5))
                .withMessageContaining("1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> JointIndices.alert(Optional.empty(), 0));
    }

    @Test
    void thePartialityBalanceComparesHowDifferentPartiesRateTheSameProfessional() {
        Map<String, JointScoreSheet> sheets = new LinkedHashMap<>();
        sheets.put("client", partiality(Map.of("pro-a", 5.0, "pro-b", 3.0)));
        sheets.put("partner", partiality(Map.of("pro-a", 2.0, "pro-b", 3.0)));
        sheets.put("parent", partiality(Map.of("pro-b", 4.0)));
        JointIndices.Index a =
                JointIndices.partialityBalance("pro-a", PARTIALITY, sheets).orElseThrow();
        assertThat(a.kind()).isEqualTo(JointIndices.Kind.PARTIALITY_BALANCE);
        assertThat(a.scores()).containsOnlyKeys("client", "partner");
        assertThat(a.value().rangeIndex()).isCloseTo(0.75, within(1e-12));
        assertThat(a.lowest()).isEqualTo("partner");
        JointIndices.Index b =
                JointIndices.partialityBalance("pro-b", PARTIALITY, sheets).orElseThrow();
        assertThat(b.value().scores()).isEqualTo(3);
        assertThat(b.value().rangeIndex()).isCloseTo(0.25, within(1e-12));
        assertThat(JointIndices.partialityBalance("pro-c", PARTIALITY, sheets)).isEmpty();
    }

    /** A partiality check-in answering all four items with the same value for each professional. */
    private static JointScoreSheet partiality(Map<String, Double> byProfessional) {
        Map<String, Map<String, Double>> blocks = new LinkedHashMap<>();
        byProfessional.forEach((professional, value) -> blocks.put(
                professional,
                Map.of(
                        "partiality-every-side", value,
                        "partiality-no-blame", value,
                        "partiality-win-win", value,
                        "partiality-dialogue", value)));
        return JointScoring.score(PARTIALITY, blocks, Map.of());
    }
}
