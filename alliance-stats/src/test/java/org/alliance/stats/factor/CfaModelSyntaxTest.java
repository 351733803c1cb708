package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.alliance.stats.factor.CfaModel.Operator;
import org.alliance.stats.factor.CfaModel.Statement;
import org.junit.jupiter.api.Test;

class CfaModelSyntaxTest {

    @Test
    void parsesLoadingsCovariancesModifiersCommentsAndSemicolons() {
        CfaModel m = CfaModelSyntax.parse(
                """
                # three factors
                visual  =~ x1 + a*x2 + a*x3   # equal loadings
                textual =~ NA*x4 + x5 + 0.5*x6; speed =~ x7 + x8 + x9
                x7 ~~ x8
                visual ~~ 0*speed
                textual ~~ 1*textual
                """);
        assertThat(m.statements()).hasSize(12);
        assertThat(m.latentVariables()).containsExactly("visual", "textual", "speed");
        assertThat(m.observedVariables()).containsExactly("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9");
        Statement x2 = m.statements().get(1);
        assertThat(x2.label()).isEqualTo("a");
        assertThat(x2.fixed()).isFalse();
        Statement x4 = m.statements().get(3);
        assertThat(x4.forceFree()).isTrue();
        assertThat(m.statements().get(5).fixedValue()).isEqualTo(0.5);
        assertThat(m.statements().get(6).line()).isEqualTo(3);
        Statement orthogonal = m.statements().get(10);
        assertThat(orthogonal.operator()).isEqualTo(Operator.COVARIANCE);
        assertThat(orthogonal.fixedValue()).isZero();
    }

    @Test
    void reportsLineAndColumnOfABadTerm() {
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2\ng =~ x3 + + x4"))
                .isInstanceOfSatisfying(CfaSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(11);
                })
                .hasMessageContaining("line 2, column 11")
                .hasMessageContaining("missing term");
    }

    @Test
    void parsesRegressionsWithLabelsAndFixedCoefficients() {
        CfaModel m = CfaModelSyntax.parse("f1 =~ x1 + x2\nf2 =~ x3 + x4\nf3 =~ x5 + x6\nf2 ~ a*f1\nf3 ~ 0.5*f1 + f2");
        Statement a = m.statements().get(6);
        assertThat(a.operator()).isEqualTo(Operator.REGRESSION);
        assertThat(a.lhs() + "~" + a.rhs()).isEqualTo("f2~f1");
        assertThat(a.label()).isEqualTo("a");
        assertThat(m.statements().get(7).fixedValue()).isEqualTo(0.5);
        assertThat(m.statements().get(8).rhs()).isEqualTo("f2");
        assertThat(m.hasRegressions()).isTrue();
        assertThat(m.latentVariables()).containsExactly("f1", "f2", "f3");
        assertThat(m.observedVariables()).containsExactly("x1", "x2", "x3", "x4", "x5", "x6");
    }

    @Test
    void rejectsInterceptsWithLineAndColumn() {
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2 + x3\nx1 ~ 1"))
                .isInstanceOfSatisfying(CfaSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(6);
                })
                .hasMessageContaining("intercepts and means ('x1 ~ 1') are not supported");
    }

    @Test
    void rejectsTwoOperatorsInOneStatement() {
        assertThatThrownBy(() -> CfaModelSyntax.parse("f2 ~ f1 ~ f0"))
                .hasMessageContaining("two operators")
                .hasMessageContaining("column 9");
    }

    @Test
    void rejectsOtherOperatorsByName() {
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2 + x3\na == b"))
                .hasMessageContaining("'=='")
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2 + x3\na > 0"))
                .hasMessageContaining("inequality");
        assertThatThrownBy(() -> CfaModelSyntax.parse("u1 | t1")).hasMessageContaining("thresholds");
    }

    @Test
    void rejectsVectorModifiers() {
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + c(a, b)*x2 + x3"))
                .hasMessageContaining("not supported");
    }

    @Test
    void rejectsDuplicateStatements() {
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2 + x3\nx1 ~~ x2\nx2 ~~ x1"))
                .hasMessageContaining("specified twice")
                .hasMessageContaining("line 3");
    }

    @Test
    void rejectsAnEmptyModel() {
        assertThatThrownBy(() -> CfaModelSyntax.parse("# only a comment\n\n")).hasMessageContaining("empty");
    }

    @Test
    void rejectsAnInvalidName() {
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + 2x + x3")).hasMessageContaining("'2x'");
    }
}
