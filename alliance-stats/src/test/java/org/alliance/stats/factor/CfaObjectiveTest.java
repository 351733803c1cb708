package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CfaObjectiveTest {

    private static final String HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";

    static Stream<Arguments> models() {
        String bfi = "agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5\nextra =~ E1 + E2 + E3 + E4 + E5"
                + "\nneuro =~ N1 + N2 + N3 + N4 + N5\nopen =~ O1 + O2 + O3 + O4 + O5";
        return Stream.of(
                Arguments.of("HolzingerSwineford1939", HS, false),
                Arguments.of("HolzingerSwineford1939", HS, true),
                Arguments.of("HolzingerSwineford1939", HS + "\nx7 ~~ x8", false),
                Arguments.of(
                        "HolzingerSwineford1939",
                        "visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9",
                        false),
                Arguments.of("HolzingerSwineford1939", "f =~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9", false),
                Arguments.of("bfi", bfi, false));
    }

    @ParameterizedTest(name = "{0}: {1} (std.lv {2})")
    @MethodSource("models")
    void closedFormObservedInformationMatchesCentralDifferencesOfTheGradient(
            String data, String model, boolean standardizeLatent) {
        CfaModel parsed = CfaModelSyntax.parse(model);
        CfaData raw = ReferenceFiles.data(data, null);
        List<String> observed = parsed.observedVariables();
        List<double[]> cases = new ArrayList<>();
        for (double[] row : raw.rows()) {
            double[] x = new double[observed.size()];
            boolean complete = true;
            for (int j = 0; j < x.length; j++) {
                x[j] = row[raw.indexOf(observed.get(j))];
                complete &= !Double.isNaN(x[j]);
            }
            if (complete) {
                cases.add(x);
            }
        }
        List<GroupSample> samples = List.of(GroupSample.of("", cases.toArray(double[][]::new)));
        CfaSpecification spec = CfaSpecification.build(
                parsed, 1, false, CfaOptions.defaults().withStandardizeLatent(standardizeLatent));
        CfaObjective objective = new CfaObjective(spec, samples);
        double[] start = CfaEstimator.startValues(spec, samples);
        // At the starting values and at a point away from them: the formula must hold everywhere.
        double[] moved = start.clone();
        for (int k = 0; k < moved.length; k++) {
            moved[k] *= 1 + 0.1 * Math.sin(k + 1);
        }
        for (double[] theta : List.of(start, moved)) {
            double[][] numeric = objective.observedInformationByDifferences(theta);
            double[][] analytic = objective.analyticObservedInformation(theta);
            assertThat(analytic).isNotNull();
            assertElementsClose(analytic, numeric, 1e-6);
        }
    }

    static Stream<Arguments> structuralModels() {
        return Stream.of(
                Arguments.of(HS + "\nspeed ~ visual + textual", false),
                Arguments.of(HS + "\ntextual ~ visual\nspeed ~ textual\nx7 ~~ x8", false),
                // Two groups, equal loadings and intercepts: latent means are free in group 2, so dmu/dbeta counts.
                Arguments.of(HS + "\ntextual ~ visual\nspeed ~ visual + textual", true));
    }

    /**
     * The analytic gradient of F with regressions among the latent variables (dSigma/dbeta_fh = L*_f W_h' + W_h L*_f',
     * dmu/dbeta_fh = L*_f (A alpha)_h) against central differences of F, at a point where every coefficient and mean
     * is non-zero.
     */
    @ParameterizedTest(name = "{0} (two groups {1})")
    @MethodSource("structuralModels")
    void structuralGradientMatchesCentralDifferencesOfTheDiscrepancy(String model, boolean twoGroups) {
        CfaModel parsed = CfaModelSyntax.parse(model);
        CfaData raw = ReferenceFiles.data("HolzingerSwineford1939", twoGroups ? "school" : null);
        List<String> observed = parsed.observedVariables();
        java.util.Map<String, List<double[]>> byGroup = new java.util.LinkedHashMap<>();
        for (int r = 0; r < raw.rows().size(); r++) {
            double[] x = new double[observed.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = raw.rows().get(r)[raw.indexOf(observed.get(j))];
            }
            byGroup.computeIfAbsent(twoGroups ? raw.groupLabels().get(r) : "", k -> new ArrayList<>())
                    .add(x);
        }
        List<GroupSample> samples = new ArrayList<>();
        byGroup.forEach((label, cases) -> samples.add(GroupSample.of(label, cases.toArray(double[][]::new))));
        CfaOptions options = twoGroups
                ? CfaOptions.defaults()
                        .withGroupEqual(
                                java.util.Set.of(CfaOptions.GroupEqual.LOADINGS, CfaOptions.GroupEqual.INTERCEPTS))
                : CfaOptions.defaults();
        CfaSpecification spec = CfaSpecification.build(parsed, samples.size(), twoGroups, options);
        assertThat(spec.structural).isTrue();
        CfaObjective objective = new CfaObjective(spec, samples);
        double[] theta = CfaEstimator.startValues(spec, samples);
        for (int k = 0; k < theta.length; k++) {
            theta[k] = theta[k] * (1 + 0.1 * Math.sin(k + 1)) + 0.05 * Math.cos(k);
        }
        assertThat(objective.value(theta)).isFinite();
        double[] analytic = objective.gradient(theta);
        for (int k = 0; k < theta.length; k++) {
            double step = 1e-6 * Math.max(1, Math.abs(theta[k]));
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += step;
            down[k] -= step;
            double numeric = (objective.value(up) - objective.value(down)) / (2 * step);
            assertThat(analytic[k])
                    .as("parameter %d", k)
                    .isCloseTo(numeric, org.assertj.core.api.Assertions.within(1e-6 * Math.max(1, Math.abs(numeric))));
        }
    }

    static Stream<Arguments> observedInformationCases() {
        return Stream.of(
                Arguments.of("bfi", null, LavaanReferenceCases.BFI, true, false),
                Arguments.of(
                        "bfi",
                        "gender",
                        "agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5",
                        true,
                        true),
                Arguments.of(
                        "HolzingerSwineford1939",
                        "school",
                        HS + "\ntextual ~ visual\nspeed ~ visual + textual",
                        false,
                        true),
                Arguments.of("HolzingerSwineford1939", null, HS + "\nspeed ~ visual + textual\nx7 ~~ x8", true, false),
                Arguments.of("HolzingerSwineford1939", null, HS + "\ng =~ visual + textual + speed", false, false));
    }

    /**
     * The observed information from the moments (Δ′AΔ with A by missingness pattern, plus the second-derivative term)
     * against central differences of the whole analytic gradient, for FIML (bfi's own missing values), several
     * groups with equal loadings and intercepts, regressions and a higher-order factor, at a point away from the
     * optimum.
     */
    @ParameterizedTest(name = "{0} by {1}: {2} (fiml {3}, equal {4})")
    @MethodSource("observedInformationCases")
    void observedInformationFromTheMomentsMatchesDifferencesOfTheGradient(
            String dataSet, String group, String model, boolean fiml, boolean equal) {
        CfaData data = ReferenceFiles.data(dataSet, group);
        CfaModel parsed = CfaModelSyntax.parse(model);
        List<String> observed = parsed.observedVariables();
        java.util.Map<String, List<double[]>> byGroup = new java.util.LinkedHashMap<>();
        for (int r = 0; r < data.rows().size(); r++) {
            double[] x = new double[observed.size()];
            int missing = 0;
            for (int j = 0; j < x.length; j++) {
                x[j] = data.rows().get(r)[data.indexOf(observed.get(j))];
                missing += Double.isNaN(x[j]) ? 1 : 0;
            }
            String label = group == null ? "" : data.groupLabels().get(r);
            if (missing == x.length || !fiml && missing > 0 || label.isEmpty() && group != null) {
                continue;
            }
            byGroup.computeIfAbsent(label, k -> new ArrayList<>()).add(x);
        }
        List<GroupSample> samples = new ArrayList<>();
        byGroup.forEach((label, cases) -> {
            double[][] rows = cases.toArray(double[][]::new);
            boolean incomplete =
                    cases.stream().anyMatch(c -> java.util.Arrays.stream(c).anyMatch(Double::isNaN));
            samples.add(incomplete ? GroupSample.withMissing(label, rows) : GroupSample.of(label, rows));
        });
        CfaOptions options = equal
                ? CfaOptions.defaults()
                        .withGroupEqual(
                                java.util.Set.of(CfaOptions.GroupEqual.LOADINGS, CfaOptions.GroupEqual.INTERCEPTS))
                : CfaOptions.defaults();
        CfaSpecification spec = CfaSpecification.build(parsed, samples.size(), fiml || samples.size() > 1, options);
        CfaObjective objective = new CfaObjective(spec, samples);
        double[] theta = CfaEstimator.startValues(spec, samples);
        for (int k = 0; k < theta.length; k++) {
            theta[k] = theta[k] * (1 + 0.05 * Math.sin(k + 1)) + 0.02 * Math.cos(k);
        }
        assertThat(objective.value(theta)).isFinite();
        double[][] moments = objective.observedInformation(theta);
        double[][] differences = objective.observedInformationByDifferences(theta);
        assertElementsClose(moments, differences, 1e-7);
    }

    /** Every element of {@code actual} within {@code relative} times the largest element of {@code expected}. */
    private static void assertElementsClose(double[][] actual, double[][] expected, double relative) {
        double largest = 0;
        for (double[] row : expected) {
            for (double x : row) {
                largest = Math.max(largest, Math.abs(x));
            }
        }
        for (int k = 0; k < expected.length; k++) {
            for (int l = 0; l < expected.length; l++) {
                assertThat(Math.abs(actual[k][l] - expected[k][l]))
                        .as("element (%d, %d): %s vs %s", k, l, actual[k][l], expected[k][l])
                        .isLessThan(relative * largest);
            }
        }
    }
}
