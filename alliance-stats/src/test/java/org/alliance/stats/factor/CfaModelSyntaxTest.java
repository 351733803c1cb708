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

    /** lavaan's shorthand: several names left of the operator, each with every right-hand term, name by name. */
    @Test
    void expandsSeveralLeftHandNames() {
        CfaModel m = CfaModelSyntax.parse("f =~ x1 + x2 + x3\ng =~ x4 + x5 + x6\nf + g ~ a*age + sex");
        assertThat(m.statements().subList(6, 10))
                .extracting(st -> st.lhs() + st.operator().symbol() + st.rhs() + "/" + st.label())
                .containsExactly("f~age/a", "f~sex/", "g~age/a", "g~sex/");
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2\nf + ~ x3"))
                .isInstanceOfSatisfying(CfaSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(5);
                })
                .hasMessageContaining("missing variable name before '~'");
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2\nf + 2g ~ x3"))
                .hasMessageContaining("'2g' is not a variable name");
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
    void parsesDefinedParametersWithRPrecedence() {
        CfaModel m = CfaModelSyntax.parse(
                "f2 =~ y1 + y2\nf1 =~ x1 + x2\nf2 ~ a*f1\nind := a * b; total := c + a*b\nodd := -a^2 + 2*(b - .5)/c + 1e-1");
        assertThat(m.statements()).hasSize(5);
        assertThat(m.definitions()).extracting(CfaModel.Definition::name).containsExactly("ind", "total", "odd");
        CfaModel.Definition odd = m.definitions().get(2);
        assertThat(odd.text()).isEqualTo("-a^2+2*(b-.5)/c+1e-1");
        assertThat(odd.line()).isEqualTo(5);
        assertThat(odd.expression().names()).containsExactly("a", "b", "c");
        java.util.Map<String, Double> v = java.util.Map.of("a", 3.0, "b", 2.0, "c", 4.0);
        // R: -3^2 + 2*(2 - .5)/4 + 0.1 = -9 + 0.75 + 0.1
        assertThat(odd.expression().evaluate(v::get)).isEqualTo(-8.15, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(m.definitions().get(1).expression().evaluate(v::get)).isEqualTo(10.0);
        assertThat(CfaExpression.parse("2^-1^2", 1, 1).evaluate(x -> 0)).isEqualTo(Math.pow(2, -1));
        assertThat(CfaExpression.parse("2^3^2", 1, 1).evaluate(x -> 0)).isEqualTo(512.0);
        assertThat(CfaExpression.parse("8/2/2 - 1 - 1", 1, 1).evaluate(x -> 0)).isZero();
    }

    @Test
    void reportsWhereADefinedParameterIsMalformed() {
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2 + x3\nind := a * (b + c"))
                .isInstanceOfSatisfying(CfaSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(18);
                })
                .hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2 + x3\nind := a ** b"))
                .isInstanceOfSatisfying(
                        CfaSyntaxException.class, e -> assertThat(e.column()).isEqualTo(11))
                .hasMessageContaining("unexpected '*'");
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2 + x3\nind := sqrt(a)"))
                .hasMessageContaining("functions such as 'sqrt(...)' are not supported");
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2 + x3\nind :=  "))
                .hasMessageContaining("missing expression after ':='");
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2 + x3\n2x := a"))
                .hasMessageContaining("'2x' is not a name");
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2 + x3\nd := a\nd := b"))
                .hasMessageContaining("defined twice (first on line 2)")
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> CfaModelSyntax.parse("f =~ x1 + x2 + x3\nd := a b"))
                .hasMessageContaining("unexpected 'b'");
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
