package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.stats.factor.CfaOptions.Estimator;
import org.alliance.stats.factor.CfaOptions.MissingData;
import org.alliance.stats.factor.CfaResult.ImpliedMoments;
import org.alliance.stats.factor.CfaResult.ParameterEstimate;
import org.alliance.stats.factor.CfaSpecification.Kind;
import org.alliance.stats.factor.CfaSpecification.Row;
import org.alliance.stats.linalg.SymmetricMatrices;
import org.alliance.stats.provenance.Provenance;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Confirmatory factor analysis by maximum likelihood with lavaan's conventions (Rosseel 2012; mirrors
 * {@code lavaan::cfa()} 0.6): covariance with divisor N, listwise deletion, first loading fixed to 1
 * (or {@code std.lv}), factor covariances free, a mean structure only with several groups.
 *
 * <p>Optimiser: Fisher scoring on F_ML (expected information, step halving), then Newton steps on the
 * observed information (analytic, or central differences of the analytic gradient) with a line search
 * until the gradient is at rounding level — tighter than lavaan's nlminb, so estimates agree with lavaan
 * to lavaan's own convergence (~1e-6 relative) and χ² to ~1e-10. Where the observed information is not
 * positive definite or its step fails, a Fisher-scoring step with halving stands in; a fit that stops
 * with the gradient above 1e-6 (or at {@link CfaOptions#maxIterations()}) is reported as not converged.
 *
 * <p>Standard errors: ML — expected information, vcov = I⁻¹/N. MLR — sandwich A⁻¹BA⁻¹/N with A the
 * observed information and B the mean outer product of casewise scores (Huber–White), and the
 * Yuan–Bentler (2000) scaled χ² as in Mplus: c = [tr(Γ A₁) − tr(A⁻¹B)]/df.
 *
 * <p>Structural models ({@code lavaan::sem()}): recursive regressions on latent variables, of latents or of
 * observed outcomes (lavaan's phantom latent, {@link CfaSpecification}), and higher-order factors ({@code g =~ f1 +
 * f2}, loadings in B) ({@code f2 ~ f1}, Σ = ΛAΨA′Λ′ + Θ, see {@link CfaObjective}) with every option above; the gradient and
 * the expected information stay analytic, the observed information (Newton steps; MLR's A; FIML SEs) is
 * then taken by central differences of the analytic gradient, which meets the tolerances of docs/cfa.md
 * on every reference case. Defined parameters ({@code ind := a*b}) follow the parameter rows: f(θ̂), and a
 * delta-method SE with ∇f by central differences; refused with several groups.
 */
public final class CfaEstimator {

    /** The software whose conventions these numbers were checked against. */
    public static final String REFERENCE = "lavaan 0.6.14 (R 4.2.2)";

    private static final double Z_975 = 1.959963984540054;

    private CfaEstimator() {}

    /**
     * Fits the model.
     *
     * @throws IllegalArgumentException for an unknown variable, an option not implemented, too few cases,
     *     a non-positive-definite sample covariance or a model with negative degrees of freedom
     */
    public static CfaResult fit(CfaData data, CfaModel model, CfaOptions options) {
        if (options.estimator() == Estimator.WLSMV) {
            return WlsmvEstimator.fit(data, model, options);
        }
        return fitted(data, model, options, true, false, false, null).result();
    }

    /**
     * Fits the model and adds lavaan's {@code modindices(fit)} ({@link CfaModificationIndices}): from the ML
     * expected information, also under MLR (as lavaan); with FIML from the expected information summed over the
     * missingness patterns and the FIML gradient (as lavaan's {@code missing = "ml"}).
     *
     * @throws IllegalArgumentException as {@link #fit}, and for a model with observed predictors or outcomes
     */
    public static CfaResult fitWithModificationIndices(CfaData data, CfaModel model, CfaOptions options) {
        return fit(data, model, options, true, false);
    }

    /**
     * Fits the model and adds lavaan's {@code lavTestScore(fit)} for its equality constraints ({@link
     * CfaScoreTests}); {@link CfaResult#scoreTestsIfAny()} is empty for a model without equalities.
     *
     * @throws IllegalArgumentException as {@link #fit}, and with WLSMV
     */
    public static CfaResult fitWithScoreTests(CfaData data, CfaModel model, CfaOptions options) {
        return fit(data, model, options, false, true);
    }

    /** Fits the model with modification indices, score tests, both or neither. */
    public static CfaResult fit(
            CfaData data, CfaModel model, CfaOptions options, boolean modificationIndices, boolean scoreTests) {
        if (options.estimator() == Estimator.WLSMV) {
            if (modificationIndices) {
                throw new IllegalArgumentException(
                        "modification indices with WLSMV (ordered items) are not implemented");
            }
            if (scoreTests) {
                throw new IllegalArgumentException("score tests with WLSMV (ordered items) are not implemented");
            }
            return WlsmvEstimator.fit(data, model, options);
        }
        if (modificationIndices) {
            List<String> latent = model.latentVariables();
            for (CfaModel.Statement s : model.statements()) {
                if (s.operator() == CfaModel.Operator.REGRESSION && !latent.contains(s.lhs())) {
                    throw new IllegalArgumentException("modification indices for a model with an observed outcome ('"
                            + s.lhs() + " ~ " + s.rhs() + "') are not implemented yet");
                }
                if (s.operator() == CfaModel.Operator.REGRESSION
                                && !latent.contains(s.rhs())
                                && !CfaSpecification.covariates(model).contains(s.rhs())
                        || s.operator() == CfaModel.Operator.COVARIANCE
                                && latent.contains(s.lhs()) != latent.contains(s.rhs())) {
                    throw new IllegalArgumentException("modification indices for a model with an observed predictor ('"
                            + s.lhs() + " " + s.operator().symbol() + " " + s.rhs() + "') are not implemented yet");
                }
            }
        }
        return fitted(data, model, options, true, modificationIndices, scoreTests, null)
                .result();
    }

    /** A fit and, after robust FIML, its FIML-corrected statistic for the robust indices (else null). */
    private record Fitted(CfaResult result, FimlCorrectedFit.Corrected corrected) {}

    private static Fitted fitted(
            CfaData data,
            CfaModel model,
            CfaOptions options,
            boolean withBaseline,
            boolean withIndices,
            boolean withScoreTests,
            List<String> predictors) {
        boolean fiml = options.missing() == MissingData.ML;
        boolean robustFiml = fiml && options.estimator() == Estimator.MLR;
        List<String> warnings = new ArrayList<>();
        List<String> observedNames = model.observedVariables();
        int[] columns = new int[observedNames.size()];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = data.indexOf(observedNames.get(j));
            if (columns[j] < 0) {
                throw new IllegalArgumentException("unknown variable '" + observedNames.get(j)
                        + "' in the model: it is neither a column of the data nor a latent variable");
            }
        }
        // fixed.x: lavaan conditions on the observed predictors and, with missing = ml, drops the cases where one of
        // them is missing (with a warning).
        // The baseline model (no regressions) takes its parent's predictors ({@code predictors}), so that it is fitted
        // to the same cases.
        List<String> covariates = predictors != null ? predictors : CfaSpecification.covariates(model);
        boolean[] required = new boolean[columns.length];
        for (int j = 0; j < columns.length; j++) {
            required[j] = covariates.contains(observedNames.get(j));
        }
        List<GroupSample> samples = groupSamples(data, columns, required, fiml, warnings);
        int groups = samples.size();
        if (groups == 1 && !options.groupEqual().isEmpty()) {
            throw new IllegalArgumentException("group.equal needs a grouping variable (several groups)");
        }
        if (groups > 1 && !model.definitions().isEmpty()) {
            throw new IllegalArgumentException("defined parameters (':=') with several groups are not implemented"
                    + " yet; fit one group at a time");
        }
        boolean meanStructure = groups > 1 || fiml;
        CfaSpecification spec = CfaSpecification.build(model, groups, meanStructure, options);
        int p = spec.p();
        List<double[][]> sampleInverses = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            GroupSample s = samples.get(g);
            var chol = SymmetricMatrices.cholesky(s.covariance());
            if (chol.isEmpty()) {
                throw new IllegalArgumentException("the sample covariance matrix" + groupText(s)
                        + " is not positive definite (a variable is constant or a linear combination of others,"
                        + " or there are fewer cases than variables); ML estimation is impossible");
            }
            sampleInverses.add(SymmetricMatrices.inverseFromCholesky(chol.get()));
        }
        int moments = groups * (p * (p + 1) / 2 + (meanStructure ? p : 0));
        int df = moments - spec.freeCount;
        if (df < 0) {
            throw new IllegalArgumentException("the model is not identified: it has " + spec.freeCount
                    + " free parameters but only " + moments + " sample moments (df = " + df + ")");
        }
        CfaObjective objective = new CfaObjective(spec, samples);
        double[] theta = startValues(spec, samples);

        Optimum opt = optimise(objective, theta, options.maxIterations());
        theta = opt.theta;
        if (!opt.converged) {
            warnings.add("the optimiser did not converge in " + opt.iterations + " iterations (limit "
                    + options.maxIterations() + "; largest gradient element " + opt.gradient
                    + "); estimates are not trustworthy");
        }
        double[][] expected = objective.expectedInformation(theta);
        double[][] vcov = null;
        double scaling = Double.NaN;
        FimlCorrectedFit.Corrected corrected = null;
        Optional<double[][]> expectedInverse = SymmetricMatrices.inversePositiveDefiniteFirst(expected, 1e-12);
        if (expectedInverse.isEmpty()) {
            warnings.add("the information matrix is singular: the model is probably not identified;"
                    + " standard errors are not available");
        } else if (options.estimator() == Estimator.ML && !fiml) {
            vcov = scale(expectedInverse.get(), 1.0 / objective.total);
        } else if (options.estimator() == Estimator.ML) {
            // lavaan's default for missing = "ml": observed information (Hessian).
            Optional<double[][]> hInv =
                    SymmetricMatrices.inversePositiveDefiniteFirst(objective.observedInformation(theta), 1e-12);
            if (hInv.isEmpty()) {
                warnings.add("the observed information matrix is singular; standard errors are not available");
            } else {
                vcov = scale(hInv.get(), 1.0 / objective.total);
            }
        } else {
            double[][] observed = objective.observedInformation(theta);
            Optional<double[][]> aInv = SymmetricMatrices.inversePositiveDefiniteFirst(observed, 1e-12);
            if (aInv.isEmpty()) {
                warnings.add("the observed information matrix is singular; robust standard errors are not available");
            } else {
                double[][] b = objective.scoreCrossProducts(theta);
                double[][] ab = SymmetricMatrices.multiply(aInv.get(), b);
                vcov = scale(SymmetricMatrices.multiply(ab, aInv.get()), 1.0 / objective.total);
                double traceAB = 0;
                for (int k = 0; k < ab.length; k++) {
                    traceAB += ab[k][k];
                }
                if (df > 0) {
                    scaling = (objective.saturatedTrace(sampleInverses) - traceAB) / df;
                }
                if (robustFiml && df > 0) {
                    corrected = FimlCorrectedFit.compute(objective, theta, df, covariates)
                            .orElse(null);
                    if (corrected == null) {
                        warnings.add("an information matrix of the FIML-corrected statistic is singular; the robust"
                                + " RMSEA and CFI are not available");
                    }
                }
            }
        }
        List<CfaObjective.GroupState> states = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            states.add(objective.state(g, theta));
        }
        heywoodWarnings(spec, theta, objective, states, warnings);
        List<ParameterEstimate> parameters = parameterTable(spec, objective, theta, vcov, states);
        Fitted baseline = withBaseline && Double.isFinite(scaling) ? baseline(data, spec, options) : null;
        Map<String, Double> fit = CfaFitMeasures.compute(
                objective,
                states,
                opt.value,
                df,
                spec.lavaanParameterCount(),
                options.estimator() == Estimator.MLR
                        ? new CfaFitMeasures.Robust(
                                scaling,
                                baseline == null
                                        ? Double.NaN
                                        : baseline.result().fit("chisq.scaling.factor"),
                                robustFiml,
                                corrected,
                                baseline == null ? null : baseline.corrected())
                        : null);
        List<ImpliedMoments> implied = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            CfaObjective.GroupState st = states.get(g);
            implied.add(new ImpliedMoments(
                    g + 1,
                    samples.get(g).label(),
                    spec.observed,
                    st.sigma,
                    meanStructure ? st.mu : new double[0],
                    samples.get(g).n()));
        }
        String method = (spec.structural ? "SEM, " : "CFA, ")
                + (options.estimator() == Estimator.ML
                        ? "maximum likelihood, expected-information standard errors"
                        : "robust maximum likelihood (MLR): sandwich standard errors, Yuan-Bentler scaled test");
        String optionText = "estimator=" + options.estimator().name().toLowerCase(java.util.Locale.ROOT)
                + ", missing=" + (fiml ? "ml" : "listwise") + ", std.lv=" + options.standardizeLatent()
                + (groups > 1 ? ", groups=" + groups + ", group.equal=" + options.groupEqual() : "");
        return new Fitted(
                new CfaResult(
                        parameters,
                        fit,
                        implied,
                        warnings,
                        opt.converged,
                        opt.iterations,
                        Provenance.method(method, REFERENCE, optionText),
                        withIndices ? CfaModificationIndices.compute(spec, samples, theta, states) : List.of(),
                        withScoreTests ? CfaScoreTests.compute(spec, samples, theta) : null),
                corrected);
    }

    /**
     * The independence (baseline) model — free variances (and means) per group, no constraints across groups —
     * fitted with the same estimator: its Yuan–Bentler scaling factor (and after robust FIML its FIML-corrected
     * statistic) are needed for the scaled and robust incremental indices.
     */
    private static Fitted baseline(CfaData data, CfaSpecification spec, CfaOptions options) {
        StringBuilder model = new StringBuilder();
        for (String v : spec.observed) {
            model.append(v).append(" ~~ ").append(v).append('\n');
        }
        // fixed.x: lavaan's baseline keeps the predictors' covariances.
        for (int a = 0; a < spec.covariates.size(); a++) {
            for (int b = a + 1; b < spec.covariates.size(); b++) {
                model.append(spec.covariates.get(a))
                        .append(" ~~ ")
                        .append(spec.covariates.get(b))
                        .append('\n');
            }
        }
        return fitted(
                data,
                CfaModelSyntax.parse(model.toString()),
                new CfaOptions(options.estimator(), options.missing(), false, Set.of(), options.maxIterations()),
                false,
                false,
                false,
                spec.covariates);
    }

    private static String groupText(GroupSample s) {
        return s.label().isEmpty() ? "" : " of group '" + s.label() + "'";
    }

    private static List<GroupSample> groupSamples(
            CfaData data, int[] columns, boolean[] required, boolean fiml, List<String> warnings) {
        int k = columns.length;
        int rowCount = data.rowCount();
        double[][] variables = new double[k][];
        for (int j = 0; j < k; j++) {
            variables[j] = data.column(columns[j]);
        }
        // Missing values per row, counted a column at a time.
        int[] missing = new int[rowCount];
        int[] predictorsMissing = new int[rowCount];
        for (int j = 0; j < k; j++) {
            double[] c = variables[j];
            for (int r = 0; r < rowCount; r++) {
                if (Double.isNaN(c[r])) {
                    missing[r]++;
                    if (required[j]) {
                        predictorsMissing[r]++;
                    }
                }
            }
        }
        // The group of each row kept (-1: dropped); groups numbered in order of their first kept row.
        Map<String, Integer> groupIndex = new LinkedHashMap<>();
        List<int[]> groupStats = new ArrayList<>(); // {rows kept, rows kept with a missing value}
        int[] groupOf = new int[rowCount];
        boolean grouped = !data.groupLabels().isEmpty();
        int dropped = 0;
        int withoutCovariate = 0;
        int withoutGroup = 0;
        String lastLabel = null;
        Integer lastGroup = null;
        for (int r = 0; r < rowCount; r++) {
            groupOf[r] = -1;
            String label = grouped ? data.groupLabels().get(r) : "";
            if (grouped && label.isEmpty()) {
                // lavaan drops cases without a group (with the warning "group variable contains missing values").
                withoutGroup++;
                continue;
            }
            if (fiml && predictorsMissing[r] > 0) {
                withoutCovariate++;
                continue;
            }
            if (fiml ? missing[r] == k : missing[r] > 0) {
                dropped++;
                continue;
            }
            // Rows of one group usually follow each other (and without groups all share ""): one look-up per run.
            Integer g = label.equals(lastLabel) ? lastGroup : groupIndex.get(label);
            if (g == null) {
                g = groupIndex.size();
                groupIndex.put(label, g);
                groupStats.add(new int[2]);
            }
            lastLabel = label;
            lastGroup = g;
            groupOf[r] = g;
            groupStats.get(g)[0]++;
            if (missing[r] > 0) {
                groupStats.get(g)[1]++;
            }
        }
        if (withoutGroup > 0) {
            warnings.add(withoutGroup + " of " + rowCount + " cases dropped because their group is missing (as lavaan"
                    + " does)");
        }
        if (withoutCovariate > 0) {
            warnings.add(withoutCovariate + " of " + rowCount + " cases dropped because an observed"
                    + " predictor is missing (fixed.x: the model is conditional on the predictors, as lavaan)");
        }
        if (dropped > 0) {
            warnings.add(dropped + " of " + rowCount + " cases dropped ("
                    + (fiml ? "no observed value on the model's variables" : "listwise deletion of missing values")
                    + ")");
        }
        if (groupIndex.isEmpty()) {
            throw new IllegalArgumentException("there are no complete cases on the model's variables");
        }
        List<GroupSample> samples = new ArrayList<>();
        for (var e : groupIndex.entrySet()) {
            int g = e.getValue();
            int n = groupStats.get(g)[0];
            if (n < 2) {
                throw new IllegalArgumentException("too few complete cases"
                        + (e.getKey().isEmpty() ? "" : " in group '" + e.getKey() + "'") + ": " + n);
            }
            if (n <= columns.length) {
                warnings.add(
                        "only " + n + " complete cases" + (e.getKey().isEmpty() ? "" : " in group '" + e.getKey() + "'")
                                + " for " + columns.length + " variables");
            }
            int[] kept = new int[n];
            for (int r = 0, i = 0; r < rowCount; r++) {
                if (groupOf[r] == g) {
                    kept[i++] = r;
                }
            }
            if (groupStats.get(g)[1] == 0) {
                samples.add(GroupSample.ofColumns(e.getKey(), variables, kept));
            } else {
                double[][] cases = new double[n][k];
                for (int i = 0; i < n; i++) {
                    double[] row = cases[i];
                    int r = kept[i];
                    for (int j = 0; j < k; j++) {
                        row[j] = variables[j][r];
                    }
                }
                samples.add(GroupSample.withMissing(e.getKey(), cases));
            }
        }
        return samples;
    }

    /**
     * Starting values (our own rule; the optimum does not depend on them): residual variances ½·s_jj;
     * factor variance ½·s_mm of the reference indicator m (first fixed loading); other loadings
     * s_km / (½·s_mm); with std.lv, loadings s_km / √(½·s_mm); covariances 0; intercepts ȳ.
     */
    static double[] startValues(CfaSpecification spec, List<GroupSample> samples) {
        double[] theta = new double[spec.freeCount];
        boolean[] set = new boolean[spec.freeCount];
        List<SimpleStarts> simple = new ArrayList<>();
        for (int g = 0; g < samples.size(); g++) {
            simple.add(SimpleStarts.of(spec, g, samples.get(g).covariance()));
        }
        for (Row r : spec.rows) {
            if (r.free() < 0 || set[r.free()]) {
                continue;
            }
            GroupSample s = samples.get(r.group());
            double[][] cov = s.covariance();
            SimpleStarts starts = simple.get(r.group());
            Double better = starts.value(spec, r);
            if (better != null) {
                theta[r.free()] = better;
                set[r.free()] = true;
                continue;
            }
            double v;
            switch (r.kind()) {
                case THETA -> v = r.i() == r.j() ? 0.5 * cov[r.i()][r.i()] : 0;
                case NU -> v = s.mean()[r.i()];
                // An observed predictor's mean (its phantom's α) starts at the sample mean.
                case ALPHA -> v = spec.observed.contains(r.lhs()) ? s.mean()[spec.observed.indexOf(r.lhs())] : 0;
                // A second-order loading starts at 1 (as lavaan): at 0 the free ones would sit at a saddle point.
                case BETA -> v = r.op().equals("=~") ? 1 : 0;
                case PSI -> {
                    if (spec.fixedX(r)) {
                        // fixed.x: the sample moment, which is the estimate.
                        v = cov[spec.observed.indexOf(r.lhs())][spec.observed.indexOf(r.rhs())];
                    } else if (r.i() == r.j()) {
                        int ref = referenceIndicator(spec, r.group(), r.i());
                        // Without a marker (std.lv, freed in groups 2+ by equal loadings) the loadings are on the
                        // scale of a unit factor variance.
                        v = ref < 0 ? 0.05 : hasMarker(spec, r.group(), r.i()) ? 0.5 * cov[ref][ref] : 1;
                    } else {
                        // Reference indicators' covariance, halved: Ψ starts as a scaled sample correlation
                        // matrix (positive definite); zero starts leave some models locally unidentified.
                        int rf = referenceIndicator(spec, r.group(), r.i());
                        int rh = referenceIndicator(spec, r.group(), r.j());
                        if (rf < 0 || rh < 0) {
                            v = 0;
                        } else if (!hasMarker(spec, r.group(), r.i()) && !hasMarker(spec, r.group(), r.j())) {
                            v = cov[rf][rh] / Math.sqrt(cov[rf][rf] * cov[rh][rh]);
                        } else {
                            v = 0.5 * cov[rf][rh];
                        }
                    }
                }
                case LOADING -> {
                    int ref = referenceIndicator(spec, r.group(), r.j());
                    if (ref < 0 || ref == r.i()) {
                        v = 1;
                    } else {
                        boolean varianceFixed = spec.rows.stream()
                                .anyMatch(o -> o.group() == r.group()
                                        && o.kind() == Kind.PSI
                                        && o.i() == r.j()
                                        && o.j() == r.j()
                                        && o.free() < 0);
                        double half = 0.5 * cov[ref][ref];
                        v = cov[r.i()][ref] / (varianceFixed ? Math.sqrt(half) : half);
                    }
                }
                default -> throw new AssertionError(r.kind());
            }
            theta[r.free()] = v;
            set[r.free()] = true;
        }
        return theta;
    }

    /** Whether a factor has an indicator with a fixed non-zero loading (which then sets its scale). */
    /**
     * Closer starting values for the factors of a group that are simply measured — at least three indicators, each
     * loading on this factor only, a marker loading (fixed non-zero) or a unit variance, no regression touching the
     * factor — from the covariances the one-factor structure implies (our own rule, in the spirit of Hägglund's
     * FABIN; lavaan's fabin3 differs): with the marker r, s_jk = λ_j λ_k ψ gives λ_j = λ_r·Σ_k s_jk s_rk / Σ_k s_rk²
     * over the other indicators k ∉ {j, r}, ψ = Σ_k s_rk λ_k / (λ_r Σ_k λ_k²), θ_jj = s_jj − λ_j²ψ (at least a tenth
     * of s_jj) and the covariance of two such factors by least squares over their indicators' covariances, shrunk
     * until Ψ is positive definite. On well-fitting models the optimiser then needs fewer Fisher steps (bfi: 9 → 4);
     * the optimum does not depend on the start. Other parameters keep the general rule of {@link #startValues}.
     */
    private record SimpleStarts(double[][] lambda, double[] psi, double[][] psiOff, double[] thetaDiag) {

        static SimpleStarts of(CfaSpecification spec, int group, double[][] cov) {
            int m = spec.m();
            int p = spec.p();
            double[][] lambda = new double[m][];
            double[] psi = new double[m];
            double[] thetaDiag = new double[p];
            java.util.Arrays.fill(thetaDiag, Double.NaN);
            if (spec.structural) {
                return new SimpleStarts(lambda, psi, new double[m][m], thetaDiag);
            }
            int[] factorOf = new int[p];
            java.util.Arrays.fill(factorOf, -1);
            List<List<Integer>> indicators = new ArrayList<>();
            for (int f = 0; f < m; f++) {
                indicators.add(new ArrayList<>());
            }
            for (Row r : spec.rows) {
                if (r.group() == group && r.kind() == Kind.LOADING) {
                    factorOf[r.i()] = factorOf[r.i()] == -1 || factorOf[r.i()] == r.j() ? r.j() : -2;
                    if (!indicators.get(r.j()).contains(r.i())) {
                        indicators.get(r.j()).add(r.i());
                    }
                }
            }
            for (int f = 0; f < m; f++) {
                List<Integer> ind = indicators.get(f);
                int ref = referenceIndicator(spec, group, f);
                boolean simple = ind.size() >= 3 && ref >= 0;
                for (int j : ind) {
                    simple &= factorOf[j] == f;
                }
                if (!simple) {
                    continue;
                }
                double marker = 1;
                for (Row r : spec.rows) {
                    if (r.group() == group && r.kind() == Kind.LOADING && r.j() == f && r.i() == ref && r.free() < 0) {
                        marker = r.value();
                    }
                }
                double[] l = new double[p];
                l[ref] = marker;
                for (int j : ind) {
                    if (j == ref) {
                        continue;
                    }
                    double num = 0;
                    double den = 0;
                    for (int k : ind) {
                        if (k != j && k != ref) {
                            num += cov[j][k] * cov[ref][k];
                            den += cov[ref][k] * cov[ref][k];
                        }
                    }
                    l[j] = den > 0 ? marker * num / den : Double.NaN;
                }
                double num = 0;
                double den = 0;
                for (int k : ind) {
                    if (k != ref) {
                        num += cov[ref][k] * l[k];
                        den += l[k] * l[k];
                    }
                }
                double v = num / (marker * den);
                boolean usable = v > 0 && Double.isFinite(v);
                for (int j : ind) {
                    usable &= Double.isFinite(l[j]);
                }
                if (!usable) {
                    continue;
                }
                lambda[f] = l;
                psi[f] = v;
                for (int j : ind) {
                    thetaDiag[j] = Math.max(cov[j][j] - l[j] * l[j] * v, 0.1 * cov[j][j]);
                }
            }
            // Factor covariances as correlations first (shrunk until the matrix is positive definite), then scaled.
            double[][] corr = new double[m][m];
            for (int f = 0; f < m; f++) {
                corr[f][f] = 1;
                for (int h = 0; h < f; h++) {
                    if (lambda[f] == null || lambda[h] == null) {
                        continue;
                    }
                    double num = 0;
                    double den = 0;
                    for (int j : indicators.get(f)) {
                        for (int k : indicators.get(h)) {
                            double ll = lambda[f][j] * lambda[h][k];
                            num += cov[j][k] * ll;
                            den += ll * ll;
                        }
                    }
                    double r = num / den / Math.sqrt(psi[f] * psi[h]);
                    corr[f][h] = Math.max(-0.95, Math.min(0.95, r));
                    corr[h][f] = corr[f][h];
                }
            }
            for (int attempt = 0;
                    attempt < 20 && SymmetricMatrices.cholesky(corr).isEmpty();
                    attempt++) {
                for (int f = 0; f < m; f++) {
                    for (int h = 0; h < m; h++) {
                        if (f != h) {
                            corr[f][h] *= 0.8;
                        }
                    }
                }
            }
            double[][] psiOff = new double[m][m];
            for (int f = 0; f < m; f++) {
                for (int h = 0; h < m; h++) {
                    psiOff[f][h] = lambda[f] == null || lambda[h] == null
                            ? Double.NaN
                            : corr[f][h] * Math.sqrt(psi[f] * psi[h]);
                }
            }
            return new SimpleStarts(lambda, psi, psiOff, thetaDiag);
        }

        /** The start of a free row, or null where the general rule applies. */
        Double value(CfaSpecification spec, Row r) {
            switch (r.kind()) {
                case LOADING -> {
                    double[] l = lambda[r.j()];
                    if (l == null) {
                        return null;
                    }
                    return unitVariance(spec, r.group(), r.j()) ? l[r.i()] * Math.sqrt(psi[r.j()]) : l[r.i()];
                }
                case THETA -> {
                    return r.i() == r.j() && !Double.isNaN(thetaDiag[r.i()]) ? thetaDiag[r.i()] : null;
                }
                case PSI -> {
                    if (spec.fixedX(r) || lambda[r.i()] == null || lambda[r.j()] == null) {
                        return null;
                    }
                    boolean unitI = unitVariance(spec, r.group(), r.i());
                    boolean unitJ = unitVariance(spec, r.group(), r.j());
                    if (r.i() == r.j()) {
                        return unitI ? null : psi[r.i()];
                    }
                    double c = psiOff[r.i()][r.j()];
                    return c / (unitI ? Math.sqrt(psi[r.i()]) : 1) / (unitJ ? Math.sqrt(psi[r.j()]) : 1);
                }
                default -> {
                    return null;
                }
            }
        }

        /** Whether the factor's variance is fixed (std.lv: its loadings are on the scale of a unit variance). */
        private static boolean unitVariance(CfaSpecification spec, int group, int factor) {
            return !hasMarker(spec, group, factor);
        }
    }

    private static boolean hasMarker(CfaSpecification spec, int group, int factor) {
        return spec.rows.stream()
                .anyMatch(r -> r.group() == group
                        && r.kind() == Kind.LOADING
                        && r.j() == factor
                        && r.free() < 0
                        && r.value() != 0);
    }

    /** The first indicator of a factor with a fixed non-zero loading, else its first indicator; -1 if none. */
    private static int referenceIndicator(CfaSpecification spec, int group, int factor) {
        int first = -1;
        for (Row r : spec.rows) {
            if (r.group() == group && r.kind() == Kind.LOADING && r.j() == factor) {
                if (r.free() < 0 && r.value() != 0) {
                    return r.i();
                }
                if (first < 0) {
                    first = r.i();
                }
            }
        }
        return first;
    }

    private record Optimum(double[] theta, double value, boolean converged, double gradient, int iterations) {}

    private record LineStep(double[] theta, double value, double[] gradient) {}

    /**
     * θ − t·½·step for t = 1, ½, ¼, … down to {@code smallest}: the first point that lowers F beyond rounding,
     * or (when {@code gradientTest}) keeps F within rounding of the current value while lowering the largest
     * gradient element below {@code gmax} — near the optimum F is flat to machine precision and only the
     * gradient still tells progress. Null when no step length works.
     */
    private static LineStep lineSearch(
            CfaObjective objective,
            double[] theta,
            double f,
            double gmax,
            double[] step,
            double smallest,
            boolean gradientTest) {
        double rounding = 1e-13 * Math.max(1, Math.abs(f));
        for (double t = 1; t >= smallest; t /= 2) {
            double[] candidate = theta.clone();
            for (int k = 0; k < step.length; k++) {
                candidate[k] -= t * 0.5 * step[k];
            }
            double fc = objective.value(candidate);
            if (!Double.isFinite(fc) || fc > f + (gradientTest ? rounding : 0)) {
                continue;
            }
            if (!gradientTest) {
                return new LineStep(candidate, fc, null);
            }
            double[] gc = objective.gradient(candidate);
            if (fc < f - rounding || maxAbs(gc) < gmax) {
                return new LineStep(candidate, fc, gc);
            }
        }
        return null;
    }

    /**
     * How a metric turns the gradient into a step: the observed information by its Cholesky factor (two triangular
     * solves, no inverse needed), or the ridge-regularised Fisher information by its inverse.
     */
    private interface Metric {
        double[] step(double[] gradient);
    }

    /** The observed information (analytic where available) as a metric when it is positive definite, else null. */
    private static Metric newtonMetric(CfaObjective objective, double[] theta) {
        double[][] analytic = objective.analyticObservedInformation(theta);
        return SymmetricMatrices.cholesky(analytic != null ? analytic : objective.observedInformation(theta))
                .<Metric>map(l -> g -> SymmetricMatrices.solveWithCholesky(l, g))
                .orElse(null);
    }

    private static Optimum optimise(CfaObjective objective, double[] start, int maxIterations) {
        double[] theta = start.clone();
        double f = objective.value(theta);
        if (!Double.isFinite(f)) {
            // Start inside the admissible region: inflate residual variances until Σ is positive definite.
            for (Row r : objective.spec.rows) {
                if (r.free() >= 0 && r.kind() == Kind.THETA && r.i() == r.j()) {
                    theta[r.free()] = 2 * objective.samples.get(r.group()).covariance()[r.i()][r.i()];
                }
            }
            f = objective.value(theta);
        }
        int iterations = 0;
        // Where the observed information has a closed form (one group, complete data, no means, no regressions) a
        // Newton step costs about two Fisher steps, so Newton takes over earlier and gets a fresh Hessian whenever
        // a step did not bring the quadratic convergence (the largest gradient element down by 1000); elsewhere the
        // Hessian is 2q gradients, so Fisher goes on longer and the Hessian is reused (bfi: 15 → 8 iterations,
        // HS: 17 → 9).
        boolean cheapHessian = objective.hasAnalyticObservedInformation();
        double fisherUntil = cheapHessian ? 2e-2 : 1e-3;
        // Phase 1, Fisher scoring with step halving: robust far from the optimum, but only linear on misfitting
        // models, so it stops once the steps are small and Newton steps take over.
        for (; iterations < maxIterations && Double.isFinite(f); iterations++) {
            double[] g = objective.gradient(theta);
            double[] step = fisherStep(objective.scoringInformation(theta), g);
            if (step == null) {
                break;
            }
            LineStep next = lineSearch(objective, theta, f, Double.POSITIVE_INFINITY, step, 1e-10, false);
            if (next == null) {
                break;
            }
            double change = 0;
            double size = 1;
            for (int k = 0; k < step.length; k++) {
                change = Math.max(change, Math.abs(next.theta[k] - theta[k]));
                size = Math.max(size, Math.abs(next.theta[k]));
            }
            theta = next.theta;
            f = next.value;
            if (change < fisherUntil * size) {
                iterations++;
                break;
            }
        }
        // Phase 2, Newton steps on the observed information with a line search, until the gradient is at
        // rounding level. A numerical (costly) Hessian is reused while full steps keep improving and recomputed
        // when one fails; a closed-form one also after a step that converged less than quadratically (above). Where the
        // observed information is not positive definite (far from the
        // optimum, e.g. the metric-invariance model of HS by grade, issue 15) or its step fails even after
        // halving, a Fisher-scoring step with halving is taken instead; only when that fails too do we stop.
        double[] g = objective.gradient(theta);
        double gmax = maxAbs(g);
        Metric inverse = null;
        boolean fresh = false;
        boolean fisher = false;
        while (iterations < maxIterations && gmax > 1e-15 && Double.isFinite(f)) {
            if (inverse == null) {
                inverse = fisher
                        ? ridgeInverse(objective.scoringInformation(theta))
                                .<Metric>map(i -> v -> SymmetricMatrices.multiply(i, v))
                                .orElse(null)
                        : newtonMetric(objective, theta);
                if (inverse == null) {
                    if (fisher) {
                        break;
                    }
                    fisher = true;
                    continue;
                }
                fresh = true;
            }
            double[] step = inverse.step(g);
            LineStep next = lineSearch(objective, theta, f, gmax, step, fresh ? 1e-8 : 1, true);
            if (next == null) {
                inverse = null;
                if (!fresh) {
                    continue;
                }
                if (fisher) {
                    break;
                }
                fisher = true;
                continue;
            }
            theta = next.theta;
            f = next.value;
            g = next.gradient;
            double before = gmax;
            gmax = maxAbs(g);
            fresh = false;
            if (cheapHessian && gmax > 1e-3 * before) {
                inverse = null;
            }
            if (fisher) {
                // Back to Newton at the new point.
                fisher = false;
                inverse = null;
            }
            iterations++;
        }
        return new Optimum(theta, f, gmax < 1e-6, gmax, iterations);
    }

    /**
     * I⁻¹g: by Cholesky when I is comfortably positive definite (every pivot above 1e-14 × the largest diagonal
     * element), otherwise through {@link #ridgeInverse}; null when neither works.
     */
    private static double[] fisherStep(double[][] info, double[] g) {
        double scale = 0;
        for (int k = 0; k < info.length; k++) {
            scale = Math.max(scale, Math.abs(info[k][k]));
        }
        Optional<double[][]> chol = SymmetricMatrices.cholesky(info);
        if (chol.isPresent()) {
            double[][] l = chol.get();
            boolean wellConditioned = true;
            for (int k = 0; k < l.length; k++) {
                wellConditioned &= l[k][k] * l[k][k] > 1e-14 * scale;
            }
            if (wellConditioned) {
                return SymmetricMatrices.solveWithCholesky(l, g);
            }
        }
        Optional<double[][]> inv = ridgeInverse(info);
        return inv.map(i -> SymmetricMatrices.multiply(i, g)).orElse(null);
    }

    /** I⁻¹, or (I + δ·diag(I))⁻¹ with the smallest δ that works (Levenberg–Marquardt) when I is singular. */
    private static Optional<double[][]> ridgeInverse(double[][] info) {
        Optional<double[][]> inv = SymmetricMatrices.inverse(info, 1e-14);
        for (double delta = 1e-8; inv.isEmpty() && delta < 10; delta *= 10) {
            double[][] ridge = scale(info, 1);
            for (int k = 0; k < ridge.length; k++) {
                ridge[k][k] += delta * Math.max(Math.abs(info[k][k]), 1e-8);
            }
            inv = SymmetricMatrices.inverse(ridge, 1e-14);
        }
        return inv;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
            if (Double.isNaN(x)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return m;
    }

    private static double[][] scale(double[][] a, double factor) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i].clone();
            for (int j = 0; j < r[i].length; j++) {
                r[i][j] *= factor;
            }
        }
        return r;
    }

    private static void heywoodWarnings(
            CfaSpecification spec,
            double[] theta,
            CfaObjective objective,
            List<CfaObjective.GroupState> states,
            List<String> warnings) {
        for (Row r : spec.rows) {
            if ((r.kind() == Kind.THETA || r.kind() == Kind.PSI) && r.i() == r.j()) {
                double v = objective.valueOf(r, theta);
                if (v < 0) {
                    warnings.add("Heywood case: the "
                            + (r.kind() == Kind.THETA || spec.observed.contains(r.lhs()) ? "residual " : "factor ")
                            + "variance of " + r.lhs() + (spec.groups > 1 ? " in group " + (r.group() + 1) : "")
                            + " is negative (" + v + ")");
                }
            }
        }
        for (int g = 0; g < states.size(); g++) {
            if (spec.m() > 0 && SymmetricMatrices.cholesky(states.get(g).psi).isEmpty()) {
                warnings.add("the covariance matrix of the latent variables"
                        + (spec.groups > 1 ? " in group " + (g + 1) : "") + " is not positive definite");
            }
        }
    }

    private static List<ParameterEstimate> parameterTable(
            CfaSpecification spec,
            CfaObjective objective,
            double[] theta,
            double[][] vcov,
            List<CfaObjective.GroupState> states) {
        NormalDistribution normal = NormalDistribution.of(0, 1);
        List<ParameterEstimate> out = new ArrayList<>();
        for (Row r : spec.rows) {
            double est = objective.valueOf(r, theta);
            double se;
            double z;
            double pvalue;
            boolean fixed = r.free() < 0 || spec.fixedX(r);
            if (fixed) {
                se = 0;
                z = Double.NaN;
                pvalue = Double.NaN;
            } else {
                se = vcov == null ? Double.NaN : Math.sqrt(vcov[r.free()][r.free()]);
                z = est / se;
                // lavaan computes 2 * (1 - pnorm(|z|)), so p-values below ~1e-16 print as 0; we do the same.
                pvalue = 2 * (1 - normal.cumulativeProbability(Math.abs(z)));
            }
            double lower = fixed ? est : est - Z_975 * se;
            double upper = fixed ? est : est + Z_975 * se;
            out.add(new ParameterEstimate(
                    r.lhs(),
                    r.op(),
                    r.rhs(),
                    r.group() + 1,
                    r.label(),
                    !fixed,
                    est,
                    se,
                    z,
                    pvalue,
                    lower,
                    upper,
                    standardized(r, est, states.get(r.group()))));
        }
        definedParameters(spec, objective, theta, vcov, out, normal);
        List<ParameterEstimate> visible = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (i >= spec.rows.size() || !spec.hidden(spec.rows.get(i))) {
                visible.add(out.get(i));
            }
        }
        return visible;
    }

    /**
     * The {@code :=} rows: est = f(θ̂) with labels replaced by their parameters' values, SE by the delta method
     * √(∇f′ V ∇f) with ∇f by central differences in the free parameters, z, p and the Wald interval as for the
     * other rows; std.all = f at the standardised values of the labelled parameters (as lavaan computes it).
     */
    private static void definedParameters(
            CfaSpecification spec,
            CfaObjective objective,
            double[] theta,
            double[][] vcov,
            List<ParameterEstimate> out,
            NormalDistribution normal) {
        if (spec.definitions.isEmpty()) {
            return;
        }
        Map<String, Row> byLabel = new LinkedHashMap<>();
        Map<String, Double> standardizedByLabel = new LinkedHashMap<>();
        for (int k = 0; k < spec.rows.size(); k++) {
            Row r = spec.rows.get(k);
            if (!r.label().isEmpty() && !byLabel.containsKey(r.label())) {
                byLabel.put(r.label(), r);
                standardizedByLabel.put(r.label(), out.get(k).stdAll());
            }
        }
        for (CfaModel.Definition d : spec.definitions) {
            java.util.function.ToDoubleFunction<double[]> f = t -> evaluate(spec, d, objective, byLabel, t);
            double est = f.applyAsDouble(theta);
            double se = Double.NaN;
            if (vcov != null) {
                double[] gradient = new double[theta.length];
                for (int k = 0; k < theta.length; k++) {
                    double step = 1e-6 * Math.max(1, Math.abs(theta[k]));
                    double[] up = theta.clone();
                    double[] down = theta.clone();
                    up[k] += step;
                    down[k] -= step;
                    gradient[k] = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * step);
                }
                double v = 0;
                for (int k = 0; k < theta.length; k++) {
                    for (int l = 0; l < theta.length; l++) {
                        v += gradient[k] * vcov[k][l] * gradient[l];
                    }
                }
                se = Math.sqrt(v);
            }
            double z = est / se;
            double pvalue = 2 * (1 - normal.cumulativeProbability(Math.abs(z)));
            Map<String, Double> stdValues = new LinkedHashMap<>(standardizedByLabel);
            for (ParameterEstimate earlier : out) {
                if (earlier.op().equals(":=")) {
                    stdValues.put(earlier.lhs(), earlier.stdAll());
                }
            }
            double std = d.expression().evaluate(stdValues::get);
            out.add(new ParameterEstimate(
                    d.name(),
                    ":=",
                    d.text(),
                    1,
                    d.name(),
                    false,
                    est,
                    se,
                    z,
                    pvalue,
                    est - Z_975 * se,
                    est + Z_975 * se,
                    std));
        }
    }

    /** A defined parameter at θ; earlier definitions are evaluated in turn. */
    private static double evaluate(
            CfaSpecification spec,
            CfaModel.Definition d,
            CfaObjective objective,
            Map<String, Row> byLabel,
            double[] theta) {
        return d.expression().evaluate(name -> {
            Row r = byLabel.get(name);
            if (r != null) {
                return objective.valueOf(r, theta);
            }
            for (CfaModel.Definition earlier : spec.definitions) {
                if (earlier.name().equals(name)) {
                    return evaluate(spec, earlier, objective, byLabel, theta);
                }
            }
            throw new IllegalStateException("unknown label " + name);
        });
    }

    /**
     * std.all: est × sd(lhs)/sd(rhs) with model-implied SDs (latent: Var(η) = AΨA′, the total variance);
     * residual covariances become correlations of the residuals, a residual variance its share of the total.
     */
    static double standardized(Row r, double est, CfaObjective.GroupState st) {
        double[][] eta = latentCovariance(st);
        return switch (r.kind()) {
            case LOADING -> est * Math.sqrt(eta[r.j()][r.j()]) / Math.sqrt(st.sigma[r.i()][r.i()]);
            case THETA ->
                r.i() == r.j()
                        ? est / st.sigma[r.i()][r.i()]
                        : est / Math.sqrt(st.theta[r.i()][r.i()] * st.theta[r.j()][r.j()]);
            case PSI ->
                r.i() == r.j() ? est / eta[r.i()][r.i()] : est / Math.sqrt(st.psi[r.i()][r.i()] * st.psi[r.j()][r.j()]);
            case BETA -> est * Math.sqrt(eta[r.j()][r.j()]) / Math.sqrt(eta[r.i()][r.i()]);
            case NU -> est / Math.sqrt(st.sigma[r.i()][r.i()]);
            case ALPHA -> est / Math.sqrt(eta[r.i()][r.i()]);
        };
    }

    /** Var(η) = AΨA′ (Ψ itself in a CFA). */
    static double[][] latentCovariance(CfaObjective.GroupState st) {
        double[][] ap = SymmetricMatrices.multiply(st.a, st.psi);
        int m = st.psi.length;
        double[][] v = new double[m][m];
        for (int f = 0; f < m; f++) {
            for (int h = 0; h < m; h++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += ap[f][k] * st.a[h][k];
                }
                v[f][h] = s;
            }
        }
        return v;
    }
}
