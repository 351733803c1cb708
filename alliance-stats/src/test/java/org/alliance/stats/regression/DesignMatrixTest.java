package org.alliance.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Treatment-contrast coding as R's model.matrix; expected layouts written out by hand. */
class DesignMatrixTest {

    private static final double[] Y = {1, 2, 3, 4, 5, 6};

    @Test
    void aTransformedResponseIsEvaluatedAsModelFrameDoes() {
        double[] x = {1, 2, 3, 4, 5, 6};
        Columns columns = new Columns(Map.of("y", Y, "x", x), Map.of());
        DesignMatrix design = DesignMatrix.build(Formula.parse("log(y) ~ x"), columns, Map.of(), List.of());
        for (int i = 0; i < Y.length; i++) {
            assertThat(design.y()[i]).isEqualTo(Math.log(Y[i]));
        }
        double[] zero = Y.clone();
        zero[2] = 0;
        Columns withZero = new Columns(Map.of("y", zero, "x", x), Map.of());
        assertThatThrownBy(() -> DesignMatrix.build(Formula.parse("log(y) ~ x"), withZero, Map.of(), List.of()))
                .hasMessageContaining("log(y) is not defined for y = 0 in data row 3");
        assertThatThrownBy(() -> Formula.parse("log(x) ~ x")).hasMessageContaining("also a predictor");
    }

    @Test
    void textLevelsSortAsTextAndTheFirstIsTheReference() {
        Columns columns = new Columns(Map.of("y", Y), Map.of("g", new String[] {"b", "a", "c", "a", "b", "c"}));

        DesignMatrix design = DesignMatrix.build(Formula.parse("y ~ g"), columns, Map.of(), List.of());

        assertThat(design.terms()).containsExactly("(Intercept)", "gb", "gc");
        assertThat(design.x()[0]).containsExactly(1, 1, 0);
        assertThat(design.x()[1]).containsExactly(1, 0, 0);
        assertThat(design.x()[2]).containsExactly(1, 0, 1);
    }

    @Test
    void numericLevelsSortByValueAsFactorOfANumber() {
        Columns columns = new Columns(Map.of("y", Y), Map.of("g", new String[] {"10", "9", "10", "9", "100", "9"}));

        DesignMatrix design = DesignMatrix.build(Formula.parse("y ~ g"), columns, Map.of(), List.of());

        assertThat(design.terms()).containsExactly("(Intercept)", "g10", "g100");
    }

    @Test
    void chosenReferenceLevelIsLeftOut() {
        Columns columns = new Columns(Map.of("y", Y), Map.of("g", new String[] {"b", "a", "c", "a", "b", "c"}));

        DesignMatrix design = DesignMatrix.build(Formula.parse("y ~ g"), columns, Map.of("g", "c"), List.of());

        assertThat(design.terms()).containsExactly("(Intercept)", "ga", "gb");
        assertThatThrownBy(() -> DesignMatrix.build(Formula.parse("y ~ g"), columns, Map.of("g", "z"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'z' is not a level of 'g'; the levels are a, b, c");
    }

    @Test
    void rowsMissingAnyUsedVariableAreDroppedAndUnusedLevelsWithThem() {
        double[] x = {1, Double.NaN, 3, 4, 5, 6};
        Columns columns =
                new Columns(Map.of("y", Y, "x", x), Map.of("g", new String[] {"a", "z", "b", null, "a", "b"}));

        DesignMatrix design = DesignMatrix.build(Formula.parse("y ~ x + g"), columns, Map.of(), List.of());

        assertThat(design.rowsUsed()).containsExactly(0, 2, 4, 5);
        assertThat(design.rowsDropped()).isEqualTo(2);
        assertThat(design.terms()).containsExactly("(Intercept)", "x", "gb"); // level z only occurred in a dropped row
        assertThat(design.y()).containsExactly(1, 3, 5, 6);
    }

    @Test
    void unknownVariableIsNamedWithTheColumnsThatExist() {
        Columns columns = new Columns(Map.of("y", Y), Map.of());

        assertThatThrownBy(() -> DesignMatrix.build(Formula.parse("y ~ q"), columns, Map.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'q'; the columns are y");
    }

    @Test
    void aFactorWithoutItsMainEffectGetsAllLevelsInTheInteraction() {
        Columns columns = new Columns(
                Map.of("y", Y, "x", new double[] {1, 2, 3, 4, 5, 7}),
                Map.of("g", new String[] {"b", "a", "c", "a", "b", "c"}));

        // R: model.matrix(y ~ x:g) has (Intercept), x:ga, x:gb, x:gc
        DesignMatrix design = DesignMatrix.build(Formula.parse("y ~ x:g"), columns, Map.of(), List.of());

        assertThat(design.terms()).containsExactly("(Intercept)", "x:ga", "x:gb", "x:gc");
        assertThat(design.x()[0]).containsExactly(1, 0, 1, 0);
        assertThat(design.x()[5]).containsExactly(1, 0, 0, 7);
    }

    @Test
    void withoutInterceptTheFirstFactorGetsAllLevels() {
        Columns columns =
                new Columns(Map.of("y", Y), Map.of("g", new String[] {"b", "a", "c", "a", "b", "c"}, "h", new String[] {
                    "u", "v", "u", "v", "v", "u"
                }));

        DesignMatrix design = DesignMatrix.build(Formula.parse("y ~ g + h - 1"), columns, Map.of(), List.of());

        assertThat(design.terms()).containsExactly("ga", "gb", "gc", "hv");
        assertThat(design.intercept()).isFalse();
    }

    @Test
    void aliasedInteractionIsRefusedWhereRReportsNa() {
        // warpbreaks: lm(breaks ~ wool:tension) gives NA for woolB:tensionM (wool and tension coded by indicators)
        Columns columns = new Columns(
                Map.of("y", new double[] {1, 2, 3, 4, 5, 6, 2, 3, 5, 8, 13, 21}),
                Map.of(
                        "w", new String[] {"A", "A", "A", "B", "B", "B", "A", "A", "A", "B", "B", "B"},
                        "t", new String[] {"L", "M", "H", "L", "M", "H", "L", "M", "H", "L", "M", "H"}));

        assertThatThrownBy(() -> LinearRegression.fit(Formula.parse("y ~ w:t"), columns, LinearOptions.classical()))
                .hasMessageContaining("[wB:tM]")
                .hasMessageContaining("aliased");
    }

    @Test
    void logOfANonPositiveValueNamesTheRow() {
        Columns columns = new Columns(Map.of("y", Y, "x", new double[] {1, 2, 0, 4, 5, 6}), Map.of());

        assertThatThrownBy(() -> DesignMatrix.build(Formula.parse("y ~ log(x)"), columns, Map.of(), List.of()))
                .hasMessage("log(x) is not defined for x = 0 in data row 3 (log needs positive values; R would give"
                        + " -Inf and stop)");
        assertThatThrownBy(() -> DesignMatrix.build(Formula.parse("y ~ I(1/(x - 2))"), columns, Map.of(), List.of()))
                .hasMessageContaining("in data row 2");
    }

    @Test
    void aMissingValueDropsTheRowBeforeTheDomainIsChecked() {
        Columns columns = new Columns(
                Map.of("y", new double[] {1, 2, Double.NaN, 4, 5, 6}, "x", new double[] {1, 2, -1, 4, 5, 6}), Map.of());

        DesignMatrix design = DesignMatrix.build(Formula.parse("y ~ sqrt(x)"), columns, Map.of(), List.of());

        assertThat(design.n()).isEqualTo(5);
        assertThat(design.terms()).containsExactly("(Intercept)", "sqrt(x)");
    }

    @Test
    void factorOfANumericColumnNamesLevelsAsR() {
        Columns columns = new Columns(Map.of("y", Y, "d", new double[] {0.5, 1, 2, 0.5, 1, 2}), Map.of());

        DesignMatrix design = DesignMatrix.build(Formula.parse("y ~ factor(d)"), columns, Map.of("d", "2"), List.of());

        assertThat(design.terms()).containsExactly("(Intercept)", "factor(d)0.5", "factor(d)1");
    }

    @Test
    void textInArithmeticIsRefused() {
        Columns columns = new Columns(Map.of("y", Y), Map.of("g", new String[] {"b", "a", "c", "a", "b", "c"}));

        assertThatThrownBy(() -> DesignMatrix.build(Formula.parse("y ~ log(g)"), columns, Map.of(), List.of()))
                .hasMessageContaining("'g' is categorical; log(g) needs a numeric column");
    }
}
