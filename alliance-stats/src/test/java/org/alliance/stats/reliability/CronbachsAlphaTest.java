package org.alliance.stats.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.alliance.stats.RReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Alpha on the five keyed bfi scales against psych::alpha (fixtures from src/test/r/reliability-regression.R).
 * Alpha figures are closed form, so they must agree to 1e-10 relative. Omega comes from an iterative ML fit: it is
 * compared with lavaan's default fit (nlminb, which stops where omega is good to about 1e-6) at 1e-6, and with lavaan's
 * BFGS fit at a tight tolerance at 1e-7. The Feldt and Duhachek bounds (closed form, with F quantiles) at 1e-10.
 */
class CronbachsAlphaTest {

    private static final double CLOSED_FORM = 1e-10;
    private static final double LAVAAN_DEFAULT = 1e-6;
    private static final double LAVAAN_BFGS = 1e-7;

    private static final RReference BFI = RReference.read("data/bfi.csv");
    private static final RReference SUMMARY = RReference.read("reference/reliability/bfi-alpha.csv");
    private static final RReference ITEMS = RReference.read("reference/reliability/bfi-alpha-items.csv");

    @ParameterizedTest
    @ValueSource(strings = {"agreeableness", "conscientiousness", "extraversion", "neuroticism", "openness"})
    void matchesPsychAlphaOnTheBfiScales(String scale) {
        Map<String, String> expected = SUMMARY.where("scale", scale).get(0);
        List<String> items = List.of(expected.get("items").split(" "));
        Set<String> reverse = Arrays.stream(expected.get("reverse").split(" "))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        ItemResponses responses =
                new ItemResponses(items, items.stream().map(BFI::numbers).toList());

        AlphaResult result = CronbachsAlpha.fit(responses, reverse);

        assertRelative(result.rawAlpha(), expected.get("raw_alpha"), CLOSED_FORM);
        assertRelative(result.standardizedAlpha(), expected.get("std_alpha"), CLOSED_FORM);
        assertRelative(result.averageR(), expected.get("average_r"), CLOSED_FORM);
        assertThat(result.n()).isEqualTo(Integer.parseInt(expected.get("n")));
        assertRelative(result.feldt().lower(), expected.get("feldt_lower"), CLOSED_FORM);
        assertRelative(result.feldt().upper(), expected.get("feldt_upper"), CLOSED_FORM);
        assertRelative(result.alphaStandardError(), expected.get("alpha_se"), CLOSED_FORM);
        assertRelative(result.duhachek().lower(), expected.get("duhachek_lower"), CLOSED_FORM);
        assertRelative(result.duhachek().upper(), expected.get("duhachek_upper"), CLOSED_FORM);
        assertThat(result.omegaTotal()).isPresent();
        assertRelative(result.omegaTotal().getAsDouble(), expected.get("omega_total"), LAVAAN_DEFAULT);
        assertRelative(result.omegaTotal().getAsDouble(), expected.get("omega_total_bfgs"), LAVAAN_BFGS);
        List<Map<String, String>> expectedItems = ITEMS.where("scale", scale);
        assertThat(result.items()).hasSize(expectedItems.size());
        for (int i = 0; i < expectedItems.size(); i++) {
            AlphaResult.ItemStatistics actual = result.items().get(i);
            Map<String, String> row = expectedItems.get(i);
            assertThat(actual.item()).isEqualTo(row.get("item"));
            assertThat(actual.reverseKeyed()).isEqualTo(reverse.contains(row.get("item")));
            assertRelative(actual.rDrop(), row.get("r_drop"), CLOSED_FORM);
            assertRelative(actual.alphaIfDropped(), row.get("alpha_if_dropped"), CLOSED_FORM);
            assertRelative(actual.standardizedAlphaIfDropped(), row.get("std_alpha_if_dropped"), CLOSED_FORM);
        }
    }

    @Test
    void feldtCountsEveryRowGivenAsPsychDoes() {
        // psych::alpha(data.frame(a = c(1, 2, 3, 4, NA), b = c(2, 1, 4, 4, NA), c = c(1, 3, 3, 4, NA))): raw_alpha
        // 0.88125, ase 0.104193329921 and Feldt 0.399999924188 to 0.986775551361, i.e. alpha.ci(0.88125, 5, 3) with
        // N = nrow = 5 although one row has no answer (with N = 4 the bounds would be 0.2164 to 0.9919)
        ItemResponses responses = new ItemResponses(
                List.of("a", "b", "c"),
                List.of(new double[] {1, 2, 3, 4, Double.NaN}, new double[] {2, 1, 4, 4, Double.NaN}, new double[] {
                    1, 3, 3, 4, Double.NaN
                }));

        AlphaResult result = CronbachsAlpha.fit(responses, Set.of());

        assertThat(result.n()).isEqualTo(4);
        assertThat(result.rawAlpha()).isCloseTo(0.88125, within(1e-12));
        assertThat(result.alphaStandardError()).isCloseTo(0.104193329921, within(1e-11));
        assertThat(result.feldt().lower()).isCloseTo(0.399999924188, within(1e-11));
        assertThat(result.feldt().upper()).isCloseTo(0.986775551361, within(1e-11));
    }

    @Test
    void alphaIsUndefinedForOneItem() {
        ItemResponses one = new ItemResponses(List.of("a"), List.of(new double[] {1, 2, 3}));
        assertThatThrownBy(() -> CronbachsAlpha.fit(one, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two items");
    }

    @Test
    void rejectsAReverseKeyedNameThatIsNotAnItem() {
        ItemResponses two =
                new ItemResponses(List.of("a", "b"), List.of(new double[] {1, 2, 3}, new double[] {2, 1, 3}));
        assertThatThrownBy(() -> CronbachsAlpha.fit(two, Set.of("c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c is not one of the items");
    }

    @Test
    void omegaIsAbsentForTwoItems() {
        ItemResponses two =
                new ItemResponses(List.of("a", "b"), List.of(new double[] {1, 2, 3, 4}, new double[] {2, 1, 4, 4}));
        assertThat(CronbachsAlpha.fit(two, Set.of()).omegaTotal()).isEmpty();
    }

    private static void assertRelative(double actual, String expected, double tolerance) {
        double e = RReference.number(expected);
        assertThat(actual).isCloseTo(e, within(tolerance * Math.abs(e)));
    }
}
