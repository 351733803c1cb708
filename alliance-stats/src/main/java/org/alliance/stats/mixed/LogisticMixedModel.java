package org.alliance.stats.mixed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.stats.linalg.Cholesky;
import org.alliance.stats.provenance.Traceable;
import org.alliance.stats.regression.Columns;
import org.alliance.stats.regression.DesignMatrix;
import org.alliance.stats.regression.LevelOrder;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A logistic model with one random intercept, {@code y ~ x + (1 | g)}, as {@code lme4::glmer(family = binomial)} with
 * the Laplace approximation ({@code nAGQ = 1}; Bates, Mächler, Bolker &amp; Walker 2015, and the lme4 vignette on
 * GLMMs). With b_g = θ·u_g, u_g ~ N(0, 1), the criterion minimised over (θ, β) is lme4's Laplace deviance
 *
 * <pre>  −2 log L ≈ log|L|² + Σ_g u_g² − 2 Σᵢ log f(yᵢ | μᵢ),   |L|² = Π_g (θ² Σ_{i∈g} Wᵢ + 1),</pre>
 *
 * with f the binomial density of round(w·y) successes in round(w) trials (the family's {@code aic}, so a proportion
 * with its trials as weights is the model {@code cbind(successes, failures) ~ ...}) and W = w·μ(1 − μ) the working
 * weights. To give glmer's numbers, not merely the same approximation, it is evaluated the way lme4 evaluates it:
 *
 * <ul>
 *   <li>The conditional modes u come from penalised iteratively reweighted least squares (PIRLS, lme4's
 *       {@code pwrssUpdate}), started at every evaluation from one fixed linear predictor, stopped when the penalised
 *       deviance (deviance residuals + ‖u‖²) changes by less than 1e-7 relatively (lme4's {@code tolPwrss}), with
 *       step halving when it grows.
 *   <li>log|L|² is taken from the factor of the last iteration, i.e. at the weights before its update of μ, while
 *       ‖u‖² and f are at the final μ. Near the optimum PIRLS stops after two iterations, so this differs from the
 *       Laplace deviance at exact modes by up to ~1e-3 (5.6e-4 on cbpp): it is what glmer reports.
 *   <li>Two stages as glmer's default: first θ alone with β profiled out by the same PIRLS over (u, β) (the nAGQ = 0
 *       fit, started at θ = 1 from the binomial family's starting values μ = (wy + ½)/(w + 1)); then (θ, β) jointly
 *       from its optimum, each evaluation starting PIRLS from the first stage's linear predictor (lme4's
 *       {@code lp0}).
 *   <li>Both stages are minimised by a bounded Nelder–Mead simplex (θ ≥ 0; β in units of its first-stage standard
 *       errors) to 1e-10, tighter than glmer's defaults (bobyqa, then Nelder–Mead); references are glmer polished
 *       with bobyqa to rhoend 1e-10. A θ below 1e-5 is set to 0 when that does not increase the criterion (lme4's
 *       {@code boundary.tol}).
 * </ul>
 *
 * Standard errors from the RX factor of the final PIRLS iteration, (XᵀWX − Σ_g θ² a_g a_gᵀ/(θ² Σ_{i∈g} Wᵢ + 1))⁻¹
 * with a_g = Σ_{i∈g} Wᵢxᵢ, which is {@code vcov(fit, use.hessian = FALSE)}; lme4's default takes them from a
 * finite-difference Hessian over (θ, β), which differs by about 1 %. z = b/SE with normal p-values as
 * {@code summary(glmer)}. A fit counts as converged only when the simplex met its tolerance within the evaluations
 * allowed and the largest central-difference derivative of the criterion (step 1e-4, as lme4's {@code deriv12}) is
 * below 0.002 (lme4's {@code check.conv.grad}).
 */
public final class LogisticMixedModel {

    static final String METHOD = "logistic mixed model with a random intercept as lme4::glmer(family = binomial),"
            + " Laplace approximation (nAGQ = 1) evaluated as lme4 does (PIRLS from the nAGQ = 0 stage's linear"
            + " predictor, tolPwrss 1e-7, log|L|^2 of the last iteration); bounded Nelder-Mead to 1e-10 over theta, then"
            + " (theta, beta); converged when also lme4's checkConv holds over (theta, beta) (max min(|scaled grad|, |grad|)"
            + " < 0.002, no negative or zero eigenvalue of the fixed-effect or full Hessian; a singular fit is not checked"
            + " further); SE from the RX factor (vcov(fit, use.hessian ="
            + " FALSE))";

    private static final double EPSILON = 2.220446049250313e-16;

    /** lme4's {@code glmerControl(tolPwrss)}. */
    private static final double PIRLS_TOLERANCE = 1e-7;

    private static final int PIRLS_ITERATIONS = 100;

    /** lme4's {@code boundary.tol}. */
    private static final double BOUNDARY_TOLERANCE = 1e-5;

    private LogisticMixedModel() {}

    /**
     * The fitted model.
     *
     * @param fixedEffects estimate, RX standard error and z (in {@link FixedEffect#tValue()}) per coefficient
     * @param pValues two-sided normal p-values of the z values, in the same order
     * @param fixedCovariance the RX covariance of the fixed effects
     * @param theta the random intercept's SD (θ; the residual scale of a binomial is 1)
     * @param logLikelihood −½ the Laplace criterion, R's {@code logLik}
     * @param aic −2 logLik + 2(p + 1)
     * @param bic −2 logLik + log(n)(p + 1)
     * @param n rows used
     * @param rowsDropped rows left out for missing values
     * @param groups levels of the grouping factor
     * @param singular θ below 1e-4 (lme4's {@code isSingular})
     * @param converged the optimiser met its tolerance within the evaluations allowed and max|grad| &lt; 0.002;
     *     otherwise the figures are no result
     * @param evaluations evaluations of the criterion (both stages)
     * @param maxGradient largest derivative of the criterion over (θ, β) at the optimum (NaN when the optimiser did
     *     not converge)
     * @param warnings e.g. a singular fit (θ = 0)
     */
    public record Result(
            List<FixedEffect> fixedEffects,
            List<Double> pValues,
            double[][] fixedCovariance,
            double theta,
            double logLikelihood,
            double aic,
            double bic,
            int n,
            int rowsDropped,
            int groups,
            boolean singular,
            boolean converged,
            int evaluations,
            double maxGradient,
            List<String> warnings,
            String method)
            implements Traceable.ByMethod {
        public Result {
            fixedEffects = List.copyOf(fixedEffects);
            pValues = List.copyOf(pValues);
            fixedCovariance = org.alliance.stats.linalg.DenseMatrix.copy(fixedCovariance);
            warnings = List.copyOf(warnings);
        }

        @Override
        public double[][] fixedCovariance() {
            return org.alliance.stats.linalg.DenseMatrix.copy(fixedCovariance);
        }

        /** θ², the variance of the random intercept on the logit scale. */
        public double variance() {
            return theta * theta;
        }

        /** −2 logLik, glmer's {@code deviance} criterion at the optimum ({@code -2 * logLik(fit)}). */
        public double criterion() {
            return -2 * logLikelihood;
        }

        /** Number of parameters counted by AIC and BIC: the fixed effects and θ. */
        public int parameters() {
            return fixedEffects.size() + 1;
        }
    }

    /**
     * Fits the model; the formula must have exactly one random-effects term, a random intercept {@code (1 | g)}.
     *
     * @param weights prior weights (e.g. the number of trials when the response is a proportion)
     * @throws IllegalArgumentException for another random structure, a response outside [0, 1], too few groups, …
     */
    public static Result fit(
            MixedFormula formula,
            Columns columns,
            Optional<String> weights,
            LevelOrder levelOrder,
            int maxEvaluations) {
        if (formula.random().size() != 1 || !formula.random().get(0).slopes().isEmpty()) {
            throw new IllegalArgumentException("a logistic mixed model supports one random intercept (1 | g); "
                    + formula + " has another random structure");
        }
        RandomTerm term = formula.random().get(0);
        DesignMatrix design =
                DesignMatrix.build(formula.fixedEffects(), columns, Map.of(), term.grouping(), levelOrder, weights);
        int n = design.n();
        double[] y = design.y();
        double[] w = design.weights();
        for (int i = 0; i < n; i++) {
            if (y[i] < 0.0 || y[i] > 1.0) {
                throw new IllegalArgumentException("the response of a logistic model must lie between 0 and 1 (0/1,"
                        + " or a proportion with the trials as weights); found " + y[i] + " in data row "
                        + (design.rowsUsed()[i] + 1));
            }
        }
        if (design.terms().isEmpty()) {
            throw new IllegalArgumentException("the model " + formula + " has no fixed effects");
        }
        org.alliance.stats.linalg.HouseholderQr qr =
                org.alliance.stats.linalg.HouseholderQr.decomposeColumns(design.columns());
        if (!qr.isFullRank()) {
            throw new IllegalArgumentException("the fixed effects "
                    + qr.dependentColumns().stream().map(design.terms()::get).toList()
                    + " are linear combinations of the terms before them (aliased); remove them from the formula");
        }
        Map<String, Integer> index = new HashMap<>();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            StringBuilder label = new StringBuilder();
            for (String g : term.grouping()) {
                double[] numeric = columns.numeric().get(g);
                int row = design.rowsUsed()[i];
                label.append(
                                numeric != null
                                        ? Double.toString(numeric[row])
                                        : columns.text().get(g)[row])
                        .append('\u0000');
            }
            group[i] = index.computeIfAbsent(label.toString(), key -> index.size());
        }
        int groups = index.size();
        if (groups < 2 || groups >= n) {
            throw new IllegalArgumentException("the grouping factor " + term.groupName() + " has " + groups
                    + " levels for " + n + " observations; it needs at least two and fewer than the observations");
        }
        Pirls pirls = new Pirls(design.x(), y, w, group, groups);
        int p = design.terms().size();
        BoundedNelderMead.Settings settings = new BoundedNelderMead.Settings(0.25, 1e-10, 1e-15, maxEvaluations);

        // Stage 1 (glmer's nAGQ = 0 step): θ alone, β profiled out by PIRLS over (u, β), each evaluation started from
        // the linear predictor of one PIRLS run at θ = 1 from the family's starting values.
        double[] familyStart = new double[n];
        for (int i = 0; i < n; i++) {
            double mu = (w[i] * y[i] + 0.5) / (w[i] + 1.0);
            familyStart[i] = Math.log(mu / (1.0 - mu));
        }
        double[] initial = pirls.run(1.0, null, familyStart, false).linear();
        BoundedNelderMead.Minimum first = BoundedNelderMead.minimise(
                t -> pirls.run(t[0], null, initial, false).criterion(),
                new double[] {1.0},
                new double[] {0.0},
                settings);
        Pirls.Run firstFit = pirls.run(first.point()[0], null, initial, true);
        double[] lp0 = firstFit.linear();
        double[] beta1 = firstFit.beta();
        double[][] unscaled = Cholesky.decompose(firstFit.rx()).inverse();
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            scale[j] = Math.sqrt(unscaled[j][j]);
        }

        // Stage 2 (nAGQ = 1): (θ, β), β searched in units of its first-stage standard errors so that the simplex sees a
        // well-scaled problem whatever the scales of the predictors.
        int remaining = Math.max(1, maxEvaluations - first.evaluations() - 1);
        java.util.function.Function<double[], double[]> natural = z -> {
            double[] point = new double[p + 1];
            point[0] = z[0];
            for (int j = 0; j < p; j++) {
                point[j + 1] = beta1[j] + scale[j] * z[j + 1];
            }
            return point;
        };
        java.util.function.ToDoubleFunction<double[]> stage2 =
                point -> pirls.run(point[0], Arrays.copyOfRange(point, 1, p + 1), lp0, false)
                        .criterion();
        double[] start = new double[p + 1];
        start[0] = first.point()[0];
        double[] lower = new double[p + 1];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        lower[0] = 0.0;
        BoundedNelderMead.Minimum scaled = BoundedNelderMead.minimise(
                z -> stage2.applyAsDouble(natural.apply(z)),
                start,
                lower,
                new BoundedNelderMead.Settings(0.25, 1e-10, 1e-15, remaining));
        double[] point = natural.apply(scaled.point());
        double criterion = stage2.applyAsDouble(point);
        if (point[0] > 0 && point[0] < BOUNDARY_TOLERANCE) {
            double[] boundary = point.clone();
            boundary[0] = 0.0;
            double onBoundary = stage2.applyAsDouble(boundary);
            if (onBoundary <= criterion) {
                point = boundary;
                criterion = onBoundary;
            }
        }
        boolean optimiserConverged = first.converged() && scaled.converged();
        double theta = point[0];
        boolean singular = theta < LinearMixedModel.SINGULAR_TOLERANCE;
        // lme4's checkConv over (θ, β), θ bounded below by 0
        double[] bounds = new double[point.length];
        Arrays.fill(bounds, Double.NEGATIVE_INFINITY);
        bounds[0] = 0;
        double gradient = Double.NaN;
        boolean converged = optimiserConverged;
        List<String> checks = List.of();
        if (optimiserConverged) {
            GradientCheck.Verdict verdict = GradientCheck.judge(stage2, point, bounds, 1e-4, 1, singular);
            gradient = verdict.maxGradient();
            converged = verdict.converged();
            checks = verdict.messages();
        }
        double[] beta = Arrays.copyOfRange(point, 1, p + 1);
        Pirls.Run fit = pirls.run(theta, beta, lp0, true);
        double[][] covariance = Cholesky.decompose(fit.rx()).inverse();
        NormalDistribution normal = NormalDistribution.of(0, 1);
        List<FixedEffect> fixed = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(covariance[j][j]);
            double z = beta[j] / se;
            fixed.add(new FixedEffect(design.terms().get(j), beta[j], se, z));
            pValues.add(2.0 * normal.survivalProbability(Math.abs(z)));
        }
        List<String> warnings = new ArrayList<>();
        if (singular) {
            warnings.add(
                    "boundary (singular) fit: the random intercept's SD of " + term.groupName() + " is estimated as 0");
        }
        if (!optimiserConverged) {
            warnings.add("the optimiser did not converge in " + maxEvaluations + " evaluations");
        }
        warnings.addAll(checks);
        if (!fit.converged()) {
            warnings.add("PIRLS did not converge at the optimum");
        }
        double logLik = -0.5 * criterion;
        int parameters = p + 1;
        return new Result(
                fixed,
                pValues,
                covariance,
                theta,
                logLik,
                -2 * logLik + 2 * parameters,
                -2 * logLik + Math.log(n) * parameters,
                n,
                design.rowsDropped(),
                groups,
                singular,
                converged && fit.converged(),
                first.evaluations() + scaled.evaluations(),
                gradient,
                warnings,
                METHOD);
    }

    /** PIRLS for the conditional modes, as lme4's {@code pwrssUpdate}; stateless between runs. */
    private static final class Pirls {
        final double[][] x;
        final double[] y;
        final double[] w;
        final int[] group;
        final int groups;
        final double[] constant;

        /**
         * One run's outcome.
         *
         * @param criterion the Laplace deviance as lme4 reports it
         * @param linear the linear predictor without the offset Xβ (lme4's {@code linPred(1)})
         * @param beta the fixed effects (solved for when profiled, else those given)
         * @param rx RXᵀRX of the last iteration, when asked for
         * @param converged the penalised deviance met the tolerance within the iterations allowed
         */
        record Run(double criterion, double[] linear, double[] beta, double[][] rx, boolean converged) {}

        Pirls(double[][] x, double[] y, double[] w, int[] group, int groups) {
            this.x = x;
            this.y = y;
            this.w = w;
            this.group = group;
            this.groups = groups;
            this.constant = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                double m = Math.rint(w[i]);
                double k = Math.rint(w[i] * y[i]);
                // log choose(m, k), the part of the binomial density that does not depend on μ
                constant[i] = m > 0 ? LogGamma.value(m + 1) - LogGamma.value(k + 1) - LogGamma.value(m - k + 1) : 0;
            }
        }

        /**
         * PIRLS at θ from the linear predictor {@code start}: over u alone with Xβ as offset when {@code fixed} is
         * given (glmer's second stage), over (u, β) when it is null (the first).
         */
        Run run(double theta, double[] fixed, double[] start, boolean wantRx) {
            int n = y.length;
            int p = x[0].length;
            boolean profiled = fixed == null;
            double[] offset = new double[n];
            if (!profiled) {
                for (int i = 0; i < n; i++) {
                    offset[i] = dot(x[i], fixed);
                }
            }
            double[] eta = start.clone(); // lme4 sets μ from lp0 before the offset Xβ is installed
            double[] u = new double[groups];
            double[] b = profiled ? new double[p] : fixed.clone();
            double[] bStep = new double[p];
            double[] linear = new double[n];
            double[][] rx = null;
            double logDetL = 0;
            double old = Double.MAX_VALUE;
            boolean converged = false;
            double[] mu = new double[n];
            for (int iteration = 0; iteration < PIRLS_ITERATIONS; iteration++) {
                double[] previousU = u.clone();
                double[] previousB = bStep.clone();
                double[] s = new double[groups];
                double[] c = new double[groups];
                double[][] a = profiled || wantRx ? new double[groups][p] : null;
                double[][] xwx = profiled || wantRx ? new double[p][p] : null;
                double[] xwz = profiled ? new double[p] : null;
                for (int i = 0; i < n; i++) {
                    double m = mu(eta[i]);
                    double muEta = m * (1.0 - m);
                    double weight = w[i] * muEta;
                    double z = eta[i] - offset[i] + (muEta > 0 ? (y[i] - m) / muEta : 0);
                    int g = group[i];
                    s[g] += weight;
                    c[g] += weight * z;
                    if (a != null) {
                        for (int j = 0; j < p; j++) {
                            a[g][j] += weight * x[i][j];
                            for (int k = 0; k <= j; k++) {
                                xwx[j][k] += weight * x[i][j] * x[i][k];
                            }
                            if (xwz != null) {
                                xwz[j] += weight * x[i][j] * z;
                            }
                        }
                    }
                }
                double[] l2 = new double[groups];
                logDetL = 0;
                for (int g = 0; g < groups; g++) {
                    l2[g] = theta * theta * s[g] + 1.0;
                    logDetL += Math.log(l2[g]);
                }
                if (a != null) {
                    rx = new double[p][p];
                    double[] rhs = new double[p];
                    for (int j = 0; j < p; j++) {
                        for (int k = 0; k <= j; k++) {
                            double v = xwx[j][k];
                            for (int g = 0; g < groups; g++) {
                                v -= theta * theta * a[g][j] * a[g][k] / l2[g];
                            }
                            rx[j][k] = v;
                            rx[k][j] = v;
                        }
                        if (xwz != null) {
                            double v = xwz[j];
                            for (int g = 0; g < groups; g++) {
                                v -= theta * theta * a[g][j] * c[g] / l2[g];
                            }
                            rhs[j] = v;
                        }
                    }
                    if (profiled) {
                        bStep = Cholesky.decompose(rx).solve(rhs);
                    }
                }
                for (int g = 0; g < groups; g++) {
                    double r = c[g];
                    if (profiled) {
                        r -= dot(a[g], bStep);
                    }
                    u[g] = theta * r / l2[g];
                }
                double pdev = penalisedDeviance(theta, u, bStep, profiled, offset, linear, eta, mu);
                if (Math.abs((old - pdev) / pdev) < PIRLS_TOLERANCE) {
                    converged = true;
                    break;
                }
                if (Double.isNaN(pdev) || pdev > old) {
                    for (int k = 0; k < 10 && (Double.isNaN(pdev) || pdev > old); k++) {
                        for (int g = 0; g < groups; g++) {
                            u[g] = (previousU[g] + u[g]) / 2;
                        }
                        if (profiled) {
                            for (int j = 0; j < p; j++) {
                                bStep[j] = (previousB[j] + bStep[j]) / 2;
                            }
                        }
                        pdev = penalisedDeviance(theta, u, bStep, profiled, offset, linear, eta, mu);
                    }
                    if (Double.isNaN(pdev) || pdev - old > PIRLS_TOLERANCE) {
                        break;
                    }
                }
                old = pdev;
            }
            if (profiled) {
                b = bStep;
            }
            double value = logDetL;
            for (int g = 0; g < groups; g++) {
                value += u[g] * u[g];
            }
            for (int i = 0; i < n; i++) {
                double m = Math.rint(w[i]);
                if (m > 0) {
                    double k = Math.rint(w[i] * y[i]);
                    value -= 2.0 * (constant[i] + k * Math.log(mu[i]) + (m - k) * Math.log(1.0 - mu[i]));
                }
            }
            return new Run(converged ? value : Double.POSITIVE_INFINITY, linear, b, rx, converged);
        }

        /**
         * Sets the linear predictor (without offset), η and μ for the modes u (and β when profiled), and returns the
         * penalised deviance: binomial deviance residuals + ‖u‖².
         */
        private double penalisedDeviance(
                double theta,
                double[] u,
                double[] b,
                boolean profiled,
                double[] offset,
                double[] linear,
                double[] eta,
                double[] mu) {
            double value = 0;
            for (int g = 0; g < groups; g++) {
                value += u[g] * u[g];
            }
            for (int i = 0; i < y.length; i++) {
                linear[i] = theta * u[group[i]] + (profiled ? dot(x[i], b) : 0);
                eta[i] = offset[i] + linear[i];
                mu[i] = mu(eta[i]);
                value += 2.0 * w[i] * (yLogY(y[i], mu[i]) + yLogY(1.0 - y[i], 1.0 - mu[i]));
            }
            return value;
        }
    }

    private static double yLogY(double y, double mu) {
        return y > 0 ? y * Math.log(y / mu) : 0.0;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    /** R's logit inverse, clamped as glm's C code. */
    private static double mu(double eta) {
        double t = eta < -30 ? EPSILON : eta > 30 ? 1.0 / EPSILON : Math.exp(eta);
        return t / (1.0 + t);
    }
}
