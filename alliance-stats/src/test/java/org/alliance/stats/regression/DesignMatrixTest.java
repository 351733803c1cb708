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
}
