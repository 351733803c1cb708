package org.alliance.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Term expansion, order and labels as R's terms() gives them (checked in R: see the comments), and the refusals. */
class FormulaTest {

    @Test
    void parsesResponseAndMainEffects() {
        Formula formula = Formula.parse(" y ~ a +b.c+ `my var` + x_1 ");
        assertThat(formula.response()).isEqualTo("y");
        // R back-quotes a non-syntactic name in its term labels: `my var`
        assertThat(formula.termLabels()).containsExactly("a", "b.c", "`my var`", "x_1");
        assertThat(formula.columns()).isEqualTo(List.of("y", "a", "b.c", "my var", "x_1"));
        assertThat(formula.intercept()).isTrue();
        assertThat(Formula.parse("y ~ fødselsår + `2x` + .a").termLabels()).containsExactly("fødselsår", "`2x`", ".a");
    }

    @Test
    void explicitInterceptIsAccepted() {
        assertThat(Formula.parse("y ~ 1 + a").termLabels()).containsExactly("a");
        assertThat(Formula.parse("y ~ 1").terms()).isEmpty();
    }

    @Test
    void interactionsExpandAndSortAsRsTerms() {
        // attr(terms(y ~ a*b*c), "term.labels")
        assertThat(Formula.parse("y ~ a*b*c").termLabels())
                .containsExactly("a", "b", "c", "a:b", "a:c", "b:c", "a:b:c");
        // terms(y ~ b:a + a): the variables keep the order of first appearance
        assertThat(Formula.parse("y ~ b:a + a").termLabels()).containsExactly("a", "b:a");
        assertThat(Formula.parse("y ~ (a+b):(c+d)").termLabels()).containsExactly("a:c", "a:d", "b:c", "b:d");
        assertThat(Formula.parse("y ~ (a+b)*(c+d)").termLabels())
                .containsExactly("a", "b", "c", "d", "a:c", "a:d", "b:c", "b:d");
        assertThat(Formula.parse("y ~ a*b - a").termLabels()).containsExactly("b", "a:b");
        assertThat(Formula.parse("y ~ a:b + a*c").termLabels()).containsExactly("a", "c", "a:b", "a:c");
        assertThat(Formula.parse("y ~ a + a + a:a").termLabels()).containsExactly("a");
    }

    @Test
    void functionsAreNamedAsRDeparsesThem() {
        assertThat(Formula.parse("y ~ I(a*b) + I(a/b) + I(a^2) + I(a-b) + I(-a) + I(2.50*a) + I(1e6*a) + log(x+1)"
                                + " + I((a+b)^2) + factor(g) + exp(d/10) + sqrt(d) + scale(d)")
                        .termLabels())
                .containsExactly(
                        "I(a * b)",
                        "I(a/b)",
                        "I(a^2)",
                        "I(a - b)",
                        "I(-a)",
                        "I(2.5 * a)",
                        "I(1e+06 * a)",
                        "log(x + 1)",
                        "I((a + b)^2)",
                        "factor(g)",
                        "exp(d/10)",
                        "sqrt(d)",
                        "scale(d)");
        assertThat(Formula.parse("y ~ log(x) + I(x^2)").columns()).containsExactly("y", "x");
    }

    @Test
    void interceptCanBeRemoved() {
        assertThat(Formula.parse("y ~ a - 1").intercept()).isFalse();
        assertThat(Formula.parse("y ~ 0 + a").intercept()).isFalse();
        assertThat(Formula.parse("y ~ -1 + a").intercept()).isFalse();
        assertThat(Formula.parse("y ~ a + 0 + 1").intercept()).isTrue();
        assertThat(Formula.parse("y ~ a - 0").intercept()).isTrue();
    }

    @Test
    void dotStandsForEveryOtherColumn() {
        assertThat(Formula.parse("y ~ . - b", List.of("a", "y", "b", "c")).termLabels())
                .containsExactly("a", "c");
    }

    @Test
    void rejectsAFormulaWithoutTilde() {
        assertThatThrownBy(() -> Formula.parse("y = a + b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at character 3 ('='): a formula has '~' where '=' is");
        assertThatThrownBy(() -> Formula.parse("y ~ a $ b")).hasMessageContaining("'$' has no meaning");
        assertThatThrownBy(() -> Formula.parse("y a")).hasMessageContaining("followed by '~'");
        assertThatThrownBy(() -> Formula.parse("y ~ a ~ b")).hasMessageContaining("exactly one '~'");
    }

    @Test
    void refusesWhatIsNotSupportedWithThePosition() {
        assertThatThrownBy(() -> Formula.parse("y ~ poly(x, 2)"))
                .hasMessage("formula 'y ~ poly(x, 2)', at character 5 ('poly'): poly() is not supported; write raw"
                        + " powers as x + I(x^2)");
        assertThatThrownBy(() -> Formula.parse("y ~ a %in% b")).hasMessageContaining("at character 7 ('%in%')");
        assertThatThrownBy(() -> Formula.parse("y ~ offset(z) + a")).hasMessageContaining("offset() is not supported");
        assertThatThrownBy(() -> Formula.parse("y ~ (a + b)^2"))
                .hasMessageContaining("at character 12 ('^')")
                .hasMessageContaining("I(x^2)");
        assertThatThrownBy(() -> Formula.parse("y ~ a/b")).hasMessageContaining("nesting");
        assertThatThrownBy(() -> Formula.parse("y ~ lag(x)"))
                .hasMessageContaining("at character 5 ('lag'): unknown function lag()");
        assertThatThrownBy(() -> Formula.parse("y ~ log(x, 2)")).hasMessageContaining("takes one argument");
        assertThatThrownBy(() -> Formula.parse("y ~ a + 2")).hasMessageContaining("can only be 1");
        assertThatThrownBy(() -> Formula.parse("y ~ a + ")).hasMessageContaining("empty term");
        assertThatThrownBy(() -> Formula.parse("y ~ a + (1 | g)")).hasMessageContaining("use mixed");
        assertThatThrownBy(() -> Formula.parse("y ~ .")).hasMessageContaining("needs the data's columns");
        assertThatThrownBy(() -> Formula.parse("y ~ 0")).hasMessageContaining("neither terms nor an intercept");
    }

    @Test
    void rejectsAResponseThatIsAlsoAPredictor() {
        assertThatThrownBy(() -> Formula.parse("y ~ a + y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("also a predictor");
        assertThatThrownBy(() -> Formula.parse("y ~ log(y)")).hasMessageContaining("also a predictor");
    }
}
