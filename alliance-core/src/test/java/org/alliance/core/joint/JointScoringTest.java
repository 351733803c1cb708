package org.alliance.core.joint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.scoring.InvalidAnswerException;
import org.alliance.core.scoring.ScaleScore;
import org.junit.jupiter.api.Test;

class JointScoringTest {

    static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
    static final Instrument JOINT_CLIENT = CATALOG.find("alliance-joint-client").orElseThrow();

    /** pro-a: all four bond items (mean 4.5); pro-b: three of four (mean 3); pro-c: two of four (missing). */
    static Map<String, Map<String, Double>> blocks() {
        Map<String, Map<String, Double>> blocks = new LinkedHashMap<>();
        blocks.put(
                "pro-a", Map.of("bond-trust", 5.0, "bond-listened", 4.0, "bond-respect", 4.0, "bond-understood", 5.0));
        blocks.put("pro-b", Map.of("bond-trust", 3.0, "bond-listened", 4.0, "bond-understood", 2.0));
        blocks.put("pro-c", Map.of("bond-trust", 5.0, "bond-respect", 5.0));
        return blocks;
    }

    @Test
    void eachProfessionalIsScoredFromTheirOwnBlockUnderTheSeventyFivePercentRule() {
        JointScoreSheet sheet = JointScoring.score(JOINT_CLIENT, blocks(), Map.of());
        assertThat(sheet.scale("pro-a", "bond-with-professional").orElseThrow().score())
                .isEqualTo(OptionalDouble.of(4.5));
        ScaleScore b = sheet.scale("pro-b", "bond-with-professional").orElseThrow();
        assertThat(b.score()).isEqualTo(OptionalDouble.of(3.0));
        assertThat(b.answered()).isEqualTo(3);
        ScaleScore c = sheet.scale("pro-c", "bond-with-professional").orElseThrow();
        assertThat(c.score()).isEmpty();
        assertThat(c.answered()).isEqualTo(2);
        assertThat(sheet.scores("bond-with-professional").keySet()).containsExactly("pro-a", "pro-b", "pro-c");
        // Team scales are never scored per professional.
        assertThat(sheet.scale("pro-a", "team-alliance")).isEmpty();
    }

    @Test
    void teamScalesAreScoredOnceFromTheTeamAnswers() {
        Map<String, Double> team =
                Map.of("team-vision", 4.0, "team-support", 5.0, "voice-decisions", 2.0, "voice-honest", 3.0);
        JointScoreSheet sheet = JointScoring.score(JOINT_CLIENT, blocks(), team);
        assertThat(sheet.teamScale("team-alliance").orElseThrow().score()).isEqualTo(OptionalDouble.of(4.5));
        // 2 of 4 voice items: below 75 %, missing rather than 2.5.
        assertThat(sheet.teamScale("client-voice").orElseThrow().score()).isEmpty();
        assertThat(sheet.teamScale("bond-with-professional")).isEmpty();
    }

    @Test
    void everyScoreCarriesProvenance() {
        JointScoreSheet sheet = JointScoring.score(JOINT_CLIENT, blocks(), Map.of("team-vision", 3.0));
        assertThat(sheet.provenance().instrument().id()).isEqualTo("alliance-joint-client");
        assertThat(sheet.provenance().instrument().rule()).contains("per-professional");
        assertThat(sheet.scale("pro-a", "bond-with-professional")
                        .orElseThrow()
                        .provenance()
                        .instrument()
                        .rule())
                .contains("75%");
        assertThat(sheet.instrumentVersion()).isEqualTo(JOINT_CLIENT.version());
    }

    @Test
    void anAnswerInTheWrongBlockIsRefused() {
        assertThatThrownBy(
                        () -> JointScoring.score(JOINT_CLIENT, Map.of("pro-a", Map.of("team-vision", 4.0)), Map.of()))
                .isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("'team-vision' is asked once for the meeting")
                .hasMessageContaining("professional pro-a");
        assertThatThrownBy(() -> JointScoring.score(JOINT_CLIENT, Map.of(), Map.of("bond-trust", 4.0)))
                .isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("once per professional");
    }

    @Test
    void anAnswerTheFormatDoesNotAllowIsRefused() {
        assertThatThrownBy(() -> JointScoring.score(JOINT_CLIENT, Map.of("pro-a", Map.of("bond-trust", 6.0)), Map.of()))
                .isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("6 is not allowed");
    }

    @Test
    void anInstrumentThatAsksNothingPerProfessionalIsNotAJointCheckIn() {
        Instrument client = CATALOG.find("alliance-client").orElseThrow();
        assertThatIllegalArgumentException().isThrownBy(() -> JointScoring.score(client, Map.of(), Map.of()));
    }
}
