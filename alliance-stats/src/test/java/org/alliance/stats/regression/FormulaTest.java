package org.alliance.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormulaTest {

    @Test
    void parsesResponseAndMainEffects() {
        Formula formula = Formula.parse(" y ~ a +b.c+ `my var` + x_1 ");
        assertThat(formula.response()).isEqualTo("y");
        assertThat(formula.terms()).containsExactly("a", "b.c", "my var", "x_1");
        assertThat(formula.variables()).isEqualTo(List.of("y", "a", "b.c", "my var", "x_1"));
    }

    @Test
    void explicitInterceptIsAccepted() {
        assertThat(Formula.parse("y ~ 1 + a").terms()).containsExactly("a");
    }

    @Test
    void rejectsAFormulaWithoutTilde() {
        assertThatThrownBy(() -> Formula.parse("y = a + b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one '~'");
    }

    @Test
    void rejectsInteractionsAndTransformations() {
        assertThatThrownBy(() -> Formula.parse("y ~ a * b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a * b' is not a variable name");
        assertThatThrownBy(() -> Formula.parse("y ~ log(a)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Formula.parse("y ~ a + ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAResponseThatIsAlsoAPredictor() {
        assertThatThrownBy(() -> Formula.parse("y ~ a + y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("also a predictor");
    }
}
