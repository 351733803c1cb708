package org.alliance.stats.mixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MixedFormulaTest {

    @Test
    void slopeTermImpliesTheIntercept() {
        MixedFormula f = MixedFormula.parse("Reaction ~ Days + (Days | Subject)");
        assertThat(f.response()).isEqualTo("Reaction");
        assertThat(f.fixed()).containsExactly("Days");
        assertThat(f.random()).containsExactly(new RandomTerm(List.of("Days"), List.of("Subject")));
        assertThat(f.random().get(0).coefficientNames()).containsExactly("(Intercept)", "Days");
    }

    @Test
    void nestingExpandsAsLme4Does() {
        MixedFormula f = MixedFormula.parse("y ~ 1 + (1 | prof/client)");
        assertThat(f.fixed()).isEmpty();
        assertThat(f.random()).extracting(RandomTerm::groupName).containsExactly("prof", "client:prof");
    }

    @Test
    void crossedTermsAndBackQuotes() {
        MixedFormula f = MixedFormula.parse("`my y` ~ x + (1 | a) + (1 + x | `group b`)");
        assertThat(f.response()).isEqualTo("my y");
        assertThat(f.random()).extracting(RandomTerm::groupName).containsExactly("a", "group b");
    }

    @Test
    void theFixedPartIsReadByTheRegressionParser() {
        MixedFormula f = MixedFormula.parse("y ~ x*factor(z) + I(x^2) + (x | g)");
        assertThat(f.fixedEffects().termLabels()).containsExactly("x", "factor(z)", "I(x^2)", "x:factor(z)");
        assertThat(f.fixed()).containsExactly("x", "z");
        assertThat(f.variables()).containsExactly("y", "x", "z", "g");
    }

    @Test
    void noFixedInterceptAndATransformedResponseAreReadAsR() {
        MixedFormula none = MixedFormula.parse("y ~ 0 + x + (1 | g)");
        assertThat(none.fixedEffects().intercept()).isFalse();
        assertThat(none.toString()).isEqualTo("y ~ 0 + x + (1 | g)");
        MixedFormula log = MixedFormula.parse("log(y) ~ x + (1 | g)");
        assertThat(log.response()).isEqualTo("log(y)");
        assertThat(log.variables()).containsExactly("y", "x", "g");
        assertThatThrownBy(() -> MixedFormula.parse("log(g) ~ x + (1 | g)")).hasMessageContaining("response");
        assertThatThrownBy(() -> MixedFormula.parse("factor(y) ~ x + (1 | g)")).hasMessageContaining("numeric");
    }

    @Test
    void unsupportedSyntaxIsRefusedWithTheReason() {
        assertThatThrownBy(() -> MixedFormula.parse("y ~ x"))
                .hasMessageContaining("no random-effects term")
                .hasMessageContaining("regress");
        assertThatThrownBy(() -> MixedFormula.parse("y ~ x + (x || g)")).hasMessageContaining("uncorrelated");
        assertThatThrownBy(() -> MixedFormula.parse("y ~ x + (0 + x | g)")).hasMessageContaining("random intercept");
        assertThatThrownBy(() -> MixedFormula.parse("y ~ x + (1 | g")).hasMessageContaining("'(' without ')'");
        assertThatThrownBy(() -> MixedFormula.parse("y ~ poly(x, 2) + (1 | g)"))
                .hasMessageContaining("at character 5 ('poly')");
        assertThatThrownBy(() -> MixedFormula.parse("y ~ x + (1 | g) + (x | g)"))
                .hasMessageContaining("two random-effects terms");
        assertThatThrownBy(() -> MixedFormula.parse("y ~ x + (1 g)")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> MixedFormula.parse("y ~ x + (1 | )")).hasMessageContaining("no grouping factor");
    }
}
