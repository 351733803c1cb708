package org.alliance.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;
import org.alliance.core.scoring.Scoring;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
    private static final Instrument CLIENT = CATALOG.find("alliance-client").orElseThrow();
    private static final Instrument PROFESSIONAL =
            CATALOG.find("alliance-professional").orElseThrow();
    private static final Instrument SESSION =
            CATALOG.find("alliance-session-check").orElseThrow();

    /** Every item of the 12-item questionnaire answered with the same value. */
    private static ScoreSheet all(Instrument instrument, double value) {
        Map<String, Double> answers =
                instrument.items().stream().collect(Collectors.toMap(item -> item.id(), item -> value));
        return Scoring.score(instrument, answers);
    }

    private static List<String> rules(List<Alert> alerts, String scale) {
        return alerts.stream()
                .filter(a -> a.scale().equals(scale))
                .map(Alert::rule)
                .toList();
    }

    @Test
    void noHistoryMeansNoAlerts() {
        assertThat(AlertRules.evaluate(CLIENT, List.of(), Optional.empty(), AlertThresholds.DEFAULT))
                .isEmpty();
    }

    @Test
    void aHighStableScoreRaisesNothing() {
        List<Alert> alerts = AlertRules.evaluate(
                CLIENT,
                List.of(all(CLIENT, 5), all(CLIENT, 5)),
                Optional.of(all(PROFESSIONAL, 5)),
                AlertThresholds.DEFAULT);
        assertThat(alerts).isEmpty();
    }

    @Test
    void aTotalBelowTheCutOffIsLow() {
        // alliance-client: total below 3.5 is flagged by the instrument.
        List<Alert> alerts =
                AlertRules.evaluate(CLIENT, List.of(all(CLIENT, 3)), Optional.empty(), AlertThresholds.DEFAULT);
        assertThat(rules(alerts, "total")).containsExactly("below-cut-off");
        Alert.BelowCutOff low = (Alert.BelowCutOff) alerts.get(0);
        assertThat(low.score()).isEqualTo(3.0);
        assertThat(low.cutOff().value()).isEqualTo(3.5);
    }

    @Test
    void aDropOfExactlyTheThresholdCounts() {
        // 25 % of the 1–5 range is exactly 1 point: 5 → 4 is a drop, to the last decimal.
        List<Alert> alerts = AlertRules.evaluate(
                CLIENT, List.of(all(CLIENT, 5), all(CLIENT, 4)), Optional.empty(), new AlertThresholds(25, 20));
        assertThat(rules(alerts, "total")).containsExactly("drop");
        List<Alert> stricter = AlertRules.evaluate(
                CLIENT, List.of(all(CLIENT, 5), all(CLIENT, 4)), Optional.empty(), new AlertThresholds(26, 20));
        assertThat(rules(stricter, "total")).isEmpty();
    }

    @Test
    void aDropJustBelowTheThresholdDoesNotCount() {
        // 4.5 → 4.0 on 1–5 is a fall of 0.5 points, below 0.6 (15 % of the range).
        ScoreSheet before = mixed(4, 5);
        ScoreSheet after = all(CLIENT, 4);
        List<Alert> alerts =
                AlertRules.evaluate(CLIENT, List.of(before, after), Optional.empty(), AlertThresholds.DEFAULT);
        assertThat(rules(alerts, "total")).doesNotContain("drop");
        // With a 10 % threshold (0.4 points) the same fall is a drop.
        List<Alert> stricter =
                AlertRules.evaluate(CLIENT, List.of(before, after), Optional.empty(), new AlertThresholds(10, 20));
        assertThat(rules(stricter, "total")).contains("drop");
    }

    @Test
    void aFallOfAWholePointIsADrop() {
        List<Alert> alerts = AlertRules.evaluate(
                CLIENT, List.of(all(CLIENT, 5), all(CLIENT, 4)), Optional.empty(), AlertThresholds.DEFAULT);
        assertThat(rules(alerts, "bond")).containsExactly("drop");
        Alert.Drop drop = (Alert.Drop) alerts.get(0);
        assertThat(drop.previous()).isEqualTo(5.0);
        assertThat(drop.current()).isEqualTo(4.0);
        assertThat(drop.threshold()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void onlyTheLastTwoResponsesAreCompared() {
        List<Alert> alerts = AlertRules.evaluate(
                CLIENT,
                List.of(all(CLIENT, 5), all(CLIENT, 4), all(CLIENT, 4)),
                Optional.empty(),
                AlertThresholds.DEFAULT);
        assertThat(alerts).isEmpty();
    }

    @Test
    void aProfessionalClearlyAboveTheClientIsAGap() {
        // 20 % of 1–5 is 0.8 points; professional 5 versus client 4 is a gap of 1.
        List<Alert> alerts = AlertRules.evaluate(
                CLIENT, List.of(all(CLIENT, 4)), Optional.of(all(PROFESSIONAL, 5)), AlertThresholds.DEFAULT);
        assertThat(rules(alerts, "total")).containsExactly("gap");
        assertThat(rules(alerts, "bond")).containsExactly("gap");
    }

    @Test
    void aProfessionalBelowTheClientIsNoGapAlert() {
        List<Alert> alerts = AlertRules.evaluate(
                CLIENT, List.of(all(CLIENT, 5)), Optional.of(all(PROFESSIONAL, 3)), AlertThresholds.DEFAULT);
        assertThat(alerts).isEmpty();
    }

    @Test
    void thresholdsScaleWithTheRangeOfTheSlider() {
        // 0–10 slider: 15 % is 1.5 points. 9 → 8 is no drop, 9 → 7.5 is.
        Map<String, Double> nine = sliderAnswers(9);
        Map<String, Double> eight = sliderAnswers(8);
        assertThat(rules(
                        AlertRules.evaluate(
                                SESSION,
                                List.of(Scoring.score(SESSION, nine), Scoring.score(SESSION, eight)),
                                Optional.empty(),
                                AlertThresholds.DEFAULT),
                        "bond"))
                .isEmpty();
        Map<String, Double> seven = sliderAnswers(7);
        assertThat(rules(
                        AlertRules.evaluate(
                                SESSION,
                                List.of(Scoring.score(SESSION, nine), Scoring.score(SESSION, seven)),
                                Optional.empty(),
                                AlertThresholds.DEFAULT),
                        "bond"))
                .containsExactly("drop");
    }

    @Test
    void aMissingScoreRaisesNothing() {
        ScoreSheet empty = Scoring.score(CLIENT, Map.of());
        assertThat(AlertRules.evaluate(
                        CLIENT,
                        List.of(all(CLIENT, 5), empty),
                        Optional.of(all(PROFESSIONAL, 5)),
                        AlertThresholds.DEFAULT))
                .isEmpty();
    }

    @Test
    void thresholdsOutsideOneToHundredPercentAreRefused() {
        assertThatThrownBy(() -> new AlertThresholds(0, 20)).hasMessageContaining("0");
        assertThatThrownBy(() -> new AlertThresholds(15, 101)).hasMessageContaining("101");
    }

    @Test
    void scaleRangeOfAFivePointMeanScaleIsOneToFive() {
        ScaleRange range = ScaleRange.of(CLIENT, CLIENT.findScale("total").orElseThrow());
        assertThat(range.min()).isEqualTo(1.0);
        assertThat(range.max()).isEqualTo(5.0);
        assertThat(range.points(15)).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
    }

    /**
     * Issue 14, "signals that cannot be trusted": the page showed a gap of 0.75 as "+0.8" without the gap signal
     * although the rule says 0.8 or more. The rules now judge the numbers as shown (two decimals), so the page and
     * the rule agree on both sides of the threshold.
     */
    @Test
    void theRulesJudgeTheScoresAsShownSoAShownGapOfPointEightIsAGap() {
        ScoreSheet client = withTotal(all(CLIENT, 4), 3.9962);
        ScoreSheet professional = withTotal(all(PROFESSIONAL, 5), 4.7951);
        // Raw difference 0.7989; shown 4.80 − 4.00 = 0.80, the threshold (20 % of 1–5).
        assertThat(rules(
                        AlertRules.evaluate(
                                CLIENT, List.of(client), Optional.of(professional), AlertThresholds.DEFAULT),
                        "total"))
                .containsExactly("gap");
        ScoreSheet threeQuarters = withTotal(all(PROFESSIONAL, 5), 4.75);
        assertThat(rules(
                        AlertRules.evaluate(
                                CLIENT, List.of(client), Optional.of(threeQuarters), AlertThresholds.DEFAULT),
                        "total"))
                .as("0.75 is shown as 0.75 and is below 0.8")
                .isEmpty();
    }

    @Test
    void aScoreShownAsTheCutOffIsNotBelowIt() {
        // 3.4962 is shown as 3.5; "3.5 is below the cut-off (< 3.5)" would contradict itself.
        List<Alert> alerts = AlertRules.evaluate(
                CLIENT, List.of(withTotal(all(CLIENT, 4), 3.4962)), Optional.empty(), AlertThresholds.DEFAULT);
        assertThat(rules(alerts, "total")).isEmpty();
        List<Alert> lower = AlertRules.evaluate(
                CLIENT, List.of(withTotal(all(CLIENT, 4), 3.4949)), Optional.empty(), AlertThresholds.DEFAULT);
        assertThat(rules(lower, "total")).containsExactly("below-cut-off");
        assertThat(((Alert.BelowCutOff) lower.get(0)).score()).isEqualTo(3.49);
    }

    @Test
    void theSessionCheckFlagsAClearlyLowRatingNotAUsualOne() {
        // Cut-off of alliance-session-check 1.1.0: total below 7 (docs/rules.md).
        assertThat(SESSION.version()).isEqualTo("1.1.0");
        assertThat(rules(
                        AlertRules.evaluate(
                                SESSION,
                                List.of(Scoring.score(SESSION, sliderAnswers(8))),
                                Optional.empty(),
                                AlertThresholds.DEFAULT),
                        "total"))
                .isEmpty();
        assertThat(rules(
                        AlertRules.evaluate(
                                SESSION,
                                List.of(Scoring.score(SESSION, sliderAnswers(6))),
                                Optional.empty(),
                                AlertThresholds.DEFAULT),
                        "total"))
                .containsExactly("below-cut-off");
    }

    /** The sheet with its total replaced by {@code total} (a score no whole answers give, to test rounding). */
    private static ScoreSheet withTotal(ScoreSheet sheet, double total) {
        return new ScoreSheet(
                sheet.instrument(),
                sheet.instrumentVersion(),
                sheet.scales().stream()
                        .map(s -> s.scale().equals("total")
                                ? new ScaleScore(
                                        s.scale(),
                                        OptionalDouble.of(total),
                                        s.answered(),
                                        s.items(),
                                        List.of(),
                                        s.provenance())
                                : s)
                        .toList(),
                sheet.recodedItems());
    }

    /** Half the items answered {@code low}, half {@code high}: a mean of (low + high) / 2 on every scale. */
    private static ScoreSheet mixed(double low, double high) {
        Map<String, Double> answers = IntStream.range(0, CLIENT.items().size())
                .boxed()
                .collect(Collectors.toMap(i -> CLIENT.items().get(i).id(), i -> i % 2 == 0 ? low : high));
        return Scoring.score(CLIENT, answers);
    }

    private static Map<String, Double> sliderAnswers(double value) {
        return SESSION.items().stream().collect(Collectors.toMap(item -> item.id(), item -> value));
    }
}
