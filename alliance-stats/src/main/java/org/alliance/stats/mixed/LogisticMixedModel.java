package org.alliance.stats.mixed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.stats.linalg.Cholesky;
import org.alliance.stats.regression.Columns;
import org.alliance.stats.regression.DesignMatrix;
import org.alliance.stats.regression.LevelOrder;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A logistic model with one random intercept, {@code y ~ x + (1 | g)}, as {@code lme4::glmer(family = binomial)} with
 * the Laplace approximation ({@code nAGQ = 1}; Bates, Mächler, Bolker &amp; Walker 2015, section 5 of the lme4
 * vignette on GLMMs). With b_g = θ·u_g, u_g ~ N(0, 1), the criterion minimised over (θ, β) is lme4's
 *
 * <pre>  −2 log L ≈ −2 Σᵢ log f(yᵢ | μᵢ) + Σ_g u_g² + Σ_g log(θ² Σ_{i∈g} wᵢμᵢ(1 − μᵢ) + 1)</pre>
 *
 * at the conditional modes u (found per group by Newton's method, the random intercept making the penalised system
 * block-diagonal), with f the binomial density of round(w·y) successes in round(w) trials (the family's {@code aic},
 * so a proportion with its trials as weights is the model {@code cbind(successes, failures) ~ ...}). (θ, β) are found
 * by a bounded Nelder–Mead simplex (θ ≥ 0) from θ = 1 and the glm's β (lme4 uses bobyqa then Nelder–Mead). Standard
 * errors from the RX factor, (XᵀWX − Σ_g θ²a_g a_gᵀ/(θ²Σw + 1))⁻¹ with a_g = Σ_{i∈g} wᵢμᵢ(1 − μᵢ)xᵢ, which is
 * {@code vcov(fit, use.hessian = FALSE)}; lme4's default takes them from a finite-difference Hessian over (θ, β), which
 * differs by about 1 %. z = b/SE with normal p-values as {@code summary(glmer)}.
 */
public final class LogisticMixedModel {

    static final String METHOD = "logistic mixed model with a random intercept as lme4::glmer(family = binomial),"
            + " Laplace approximation (nAGQ = 1); SE from the RX factor (vcov(fit, use.hessian = FALSE))";

    private static final double EPSILON = 2.220446049250313e-16;

    private LogisticMixedModel() {}

    /**
     * The fitted model.
     *
     * @param fixedEffects estimate, RX standard error and z (in {@link FixedEffect#tValue()}) per coefficient
     * @param pValues two-sided normal p-values of the z values, in the same order
     * @param theta the random intercept's SD (θ; the residual scale of a binomial is 1)
     * @param logLikelihood −½ the Laplace criterion, R's {@code logLik}
     * @param aic −2 logLik + 2(p + 1)
     * @param bic −2 logLik + log(n)(p + 1)
     * @param n rows used
     * @param rowsDropped rows left out for missing values
     * @param groups levels of the grouping factor
     * @param converged whether the optimiser met its tolerance within the evaluations allowed
     * @param evaluations evaluations of the criterion
     * @param warnings e.g. a singular fit (θ = 0)
     */
    public record Result(
            List<FixedEffect> fixedEffects,
            List<Double> pValues,
            double theta,
            double logLikelihood,
            double aic,
            double bic,
            int n,
            int rowsDropped,
            int groups,
            boolean converged,
            int evaluations,
            List<String> warnings,
            String method) {
        public Result {
            fixedEffects = List.copyOf(fixedEffects);
            pValues = List.copyOf(pValues);
            warnings = List.copyOf(warnings);
        }

        /** θ², the variance of the random intercept on the logit scale. */
        public double variance() {
            return theta * theta;
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
        Laplace laplace = new Laplace(design.x(), y, w, group, groups);
        // Start from the fixed-effects logistic fit (θ = 1 as lme4) and search in units of its standard errors, so that
        // the simplex sees a well-scaled problem whatever the scales of the predictors.
        double[][] start0 = fixedOnlyFit(design.x(), y, w);
        double[] glm = start0[0];
        double[] scale = start0[1];
        int p = glm.length;
        double[] start = new double[p + 1];
        start[0] = 1.0;
        double[] lower = new double[p + 1];
        java.util.Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        lower[0] = 0.0;
        java.util.function.Function<double[], double[]> natural = z -> {
            double[] point = new double[p + 1];
            point[0] = z[0];
            for (int j = 0; j < p; j++) {
                point[j + 1] = glm[j] + scale[j] * z[j + 1];
            }
            return point;
        };
        BoundedNelderMead.Minimum scaled = BoundedNelderMead.minimise(
                z -> laplace.criterion(natural.apply(z)),
                start,
                lower,
                new BoundedNelderMead.Settings(0.25, 1e-9, 1e-15, maxEvaluations));
        BoundedNelderMead.Minimum minimum = new BoundedNelderMead.Minimum(
                natural.apply(scaled.point()), scaled.value(), scaled.evaluations(), scaled.converged());
        double[] point = minimum.point();
        double criterion = laplace.criterion(point);
        double theta = point[0];
        double[] beta = java.util.Arrays.copyOfRange(point, 1, p + 1);
        double[][] covariance = laplace.covariance(theta, beta);
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
        if (theta < 1e-4) {
            warnings.add(
                    "boundary (singular) fit: the random intercept's SD of " + term.groupName() + " is estimated as 0");
        }
        if (!minimum.converged()) {
            warnings.add("the optimiser did not converge in " + maxEvaluations + " evaluations");
        }
        double logLik = -0.5 * criterion;
        int parameters = p + 1;
        return new Result(
                fixed,
                pValues,
                theta,
                logLik,
                -2 * logLik + 2 * parameters,
                -2 * logLik + Math.log(n) * parameters,
                n,
                design.rowsDropped(),
                groups,
                minimum.converged(),
                minimum.evaluations(),
                warnings,
                METHOD);
    }

    /** The Laplace criterion at (θ, β), with the conditional modes kept between calls as a warm start. */
    private static final class Laplace {
        final double[][] x;
        final double[] y;
        final double[] w;
        final int[] group;
        final double[] u;
        final double[] constant;

        Laplace(double[][] x, double[] y, double[] w, int[] group, int groups) {
            this.x = x;
            this.y = y;
            this.w = w;
            this.group = group;
            this.u = new double[groups];
            this.constant = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                double m = Math.rint(w[i]);
                double k = Math.rint(w[i] * y[i]);
                // log choose(m, k), the part of the binomial density that does not depend on μ
                constant[i] = LogGamma.value(m + 1) - LogGamma.value(k + 1) - LogGamma.value(m - k + 1);
            }
        }

        double[] offsets(double[] beta) {
            double[] eta = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                double s = 0.0;
                for (int j = 0; j < beta.length; j++) {
                    s += x[i][j] * beta[j];
                }
                eta[i] = s;
            }
            return eta;
        }

        /** The conditional modes u at (θ, β): per group, Newton on Σ deviance residuals + u². */
        void modes(double theta, double[] fixedEta) {
            int groups = u.length;
            for (int iteration = 0; iteration < 100; iteration++) {
                double[] gradient = new double[groups];
                double[] hessian = new double[groups];
                for (int g = 0; g < groups; g++) {
                    gradient[g] = u[g];
                    hessian[g] = 1.0;
                }
                for (int i = 0; i < y.length; i++) {
                    double mu = mu(fixedEta[i] + theta * u[group[i]]);
                    gradient[group[i]] -= theta * w[i] * (y[i] - mu);
                    hessian[group[i]] += theta * theta * w[i] * mu * (1.0 - mu);
                }
                double largest = 0.0;
                for (int g = 0; g < groups; g++) {
                    double step = gradient[g] / hessian[g];
                    u[g] -= step;
                    largest = Math.max(largest, Math.abs(step));
                }
                if (largest < 1e-12) {
                    return;
                }
            }
        }

        double criterion(double[] point) {
            double theta = point[0];
            double[] beta = java.util.Arrays.copyOfRange(point, 1, point.length);
            double[] fixedEta = offsets(beta);
            modes(theta, fixedEta);
            double[] curvature = new double[u.length];
            double value = 0.0;
            for (int i = 0; i < y.length; i++) {
                double mu = mu(fixedEta[i] + theta * u[group[i]]);
                double m = Math.rint(w[i]);
                double k = Math.rint(w[i] * y[i]);
                value -= 2.0 * (constant[i] + k * Math.log(mu) + (m - k) * Math.log(1.0 - mu));
                curvature[group[i]] += w[i] * mu * (1.0 - mu);
            }
            for (int g = 0; g < u.length; g++) {
                value += u[g] * u[g] + Math.log(theta * theta * curvature[g] + 1.0);
            }
            return value;
        }

        /** (XᵀWX − Σ_g θ² a_g a_gᵀ/(θ² Σ_g W + 1))⁻¹ at the modes of (θ, β). */
        double[][] covariance(double theta, double[] beta) {
            double[] fixedEta = offsets(beta);
            modes(theta, fixedEta);
            int p = beta.length;
            double[][] m = new double[p][p];
            double[][] a = new double[u.length][p];
            double[] s = new double[u.length];
            for (int i = 0; i < y.length; i++) {
                double mu = mu(fixedEta[i] + theta * u[group[i]]);
                double weight = w[i] * mu * (1.0 - mu);
                for (int j = 0; j < p; j++) {
                    a[group[i]][j] += weight * x[i][j];
                    for (int k = 0; k < p; k++) {
                        m[j][k] += weight * x[i][j] * x[i][k];
                    }
                }
                s[group[i]] += weight;
            }
            for (int g = 0; g < u.length; g++) {
                double scale = theta * theta / (theta * theta * s[g] + 1.0);
                for (int j = 0; j < p; j++) {
                    for (int k = 0; k < p; k++) {
                        m[j][k] -= scale * a[g][j] * a[g][k];
                    }
                }
            }
            return Cholesky.decompose(m).inverse();
        }
    }

    /** Weighted logistic IRLS without random effects: {β, SE(β)}, the start and the scale of the search. */
    private static double[][] fixedOnlyFit(double[][] x, double[] y, double[] w) {
        int n = y.length;
        int p = x[0].length;
        double[] beta = new double[p];
        double[][] information = new double[p][p];
        for (int iteration = 0; iteration < 50; iteration++) {
            information = new double[p][p];
            double[] score = new double[p];
            for (int i = 0; i < n; i++) {
                double eta = 0.0;
                for (int j = 0; j < p; j++) {
                    eta += x[i][j] * beta[j];
                }
                double mu = mu(eta);
                double weight = w[i] * mu * (1.0 - mu);
                for (int j = 0; j < p; j++) {
                    score[j] += w[i] * (y[i] - mu) * x[i][j];
                    for (int k = 0; k < p; k++) {
                        information[j][k] += weight * x[i][j] * x[i][k];
                    }
                }
            }
            double[] step = Cholesky.decompose(information).solve(score);
            double largest = 0.0;
            for (int j = 0; j < p; j++) {
                beta[j] += step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (largest < 1e-10) {
                break;
            }
        }
        double[][] inverse = Cholesky.decompose(information).inverse();
        double[] se = new double[p];
        for (int j = 0; j < p; j++) {
            se[j] = Math.sqrt(inverse[j][j]);
        }
        return new double[][] {beta, se};
    }

    /** R's logit inverse, clamped as glm's C code. */
    private static double mu(double eta) {
        double t = eta < -30 ? EPSILON : eta > 30 ? 1.0 / EPSILON : Math.exp(eta);
        return t / (1.0 + t);
    }
}
