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
 * BFGS fit at a tight tolerance at 1e-7.
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
