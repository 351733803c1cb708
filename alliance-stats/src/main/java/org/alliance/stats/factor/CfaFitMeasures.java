package org.alliance.stats.factor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.stats.linalg.SymmetricMatrices;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * lavaan's {@code fitMeasures()} under lavaan's names (Rosseel 2012; formulas in Bollen 1989, Hu &amp;
 * Bentler 1999, Steiger 1990 for the RMSEA interval). T = N·F_ML, T₀ = Σ_g N_g(Σ log s_jj − log|S_g|),
 * df₀ = G·p(p−1)/2. p-values are 1 − cdf, as in lavaan.
 */
final class CfaFitMeasures {

    private CfaFitMeasures() {}

    /**
     * What MLR adds: the Yuan–Bentler scaling factors of the model and of the baseline (NaN when not available)
     * and, after robust FIML ({@code fiml}), the FIML-corrected statistics of both (null when not available: the
     * robust indices are then left out).
     */
    record Robust(
            double scaling,
            double baselineScaling,
            boolean fiml,
            FimlCorrectedFit.Corrected corrected,
            FimlCorrectedFit.Corrected baselineCorrected) {}

    /** The measures; {@code robustInputs} null under ML. */
    static Map<String, Double> compute(
            CfaObjective objective,
            List<CfaObjective.GroupState> states,
            double fmin,
            int df,
            int npar,
            Robust robustInputs) {
        CfaSpecification spec = objective.spec;
        int p = spec.p();
        int groups = objective.samples.size();
        double n = objective.total;
        double chisq = n * fmin;
        double baseline = 0;
        double logl = 0;
        double unrestricted = 0;
        double srmrWeighted = 0;
        int[] x = new int[spec.covariates.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = spec.observed.indexOf(spec.covariates.get(k));
        }
        for (int g = 0; g < groups; g++) {
            GroupSample s = objective.samples.get(g);
            CfaObjective.GroupState st = states.get(g);
            // fixed.x (lavaan): the log-likelihoods are conditional on the predictors x, i.e. without the marginal
            // of x at its sample moments, and the baseline model keeps the covariances among the x.
            double marginal = covariateLogLikelihood(s, x, false);
            baseline += 2 * (s.h1LogLikelihood() - s.baselineLogLikelihood())
                    - 2 * (marginal - covariateLogLikelihood(s, x, true));
            double fg = objective.discrepancy(g, st);
            // logL(H0) = logL(H1) − N_g F_g / 2 since F_g is the likelihood-ratio discrepancy.
            double h1 = s.h1LogLikelihood() - marginal;
            unrestricted += h1;
            logl += h1 - 0.5 * s.n() * fg;
            srmrWeighted += s.n() * srmr(s, st, spec.meanStructure);
        }
        int baselineDf = groups * (p * (p - 1) / 2 - x.length * (x.length - 1) / 2);
        boolean robust = robustInputs != null && df > 0;
        double scaling = robust ? robustInputs.scaling() : Double.NaN;
        double baselineScaling = robust ? robustInputs.baselineScaling() : Double.NaN;
        // Robust FIML: the robust indices come from the FIML-corrected statistics, or are left out without them.
        boolean fiml = robust && robustInputs.fiml();
        FimlCorrectedFit.Corrected corrected = robust ? robustInputs.corrected() : null;
        FimlCorrectedFit.Corrected baselineCorrected = robust ? robustInputs.baselineCorrected() : null;
        Map<String, Double> fit = new LinkedHashMap<>();
        fit.put("npar", (double) npar);
        fit.put("fmin", fmin / 2);
        fit.put("chisq", chisq);
        fit.put("df", (double) df);
        fit.put("pvalue", upperTail(chisq, df));
        if (robust) {
            double scaled = chisq / scaling;
            fit.put("chisq.scaled", scaled);
            fit.put("df.scaled", (double) df);
            fit.put("pvalue.scaled", upperTail(scaled, df));
            fit.put("chisq.scaling.factor", scaling);
        }
        fit.put("baseline.chisq", baseline);
        fit.put("baseline.df", (double) baselineDf);
        fit.put("baseline.pvalue", upperTail(baseline, baselineDf));
        if (robust && Double.isFinite(baselineScaling)) {
            fit.put("baseline.chisq.scaled", baseline / baselineScaling);
            fit.put("baseline.df.scaled", (double) baselineDf);
            fit.put("baseline.pvalue.scaled", upperTail(baseline / baselineScaling, baselineDf));
            fit.put("baseline.chisq.scaling.factor", baselineScaling);
        }
        incremental(fit, "", chisq, baseline, df, baselineDf);
        if (robust && Double.isFinite(baselineScaling)) {
            incremental(fit, ".scaled", chisq / scaling, baseline / baselineScaling, df, baselineDf);
            if (!fiml || corrected != null && baselineCorrected != null) {
                // Brosseau-Liard & Savalei (2014): T − c·df estimates the non-centrality of the ML statistic; after
                // robust FIML with the FIML-corrected T̃ and c̃ of model and baseline (FimlCorrectedFit).
                double d1 = fiml ? corrected.chisq() - corrected.scaling() * df : chisq - scaling * df;
                double d0 = fiml
                        ? baselineCorrected.chisq() - baselineCorrected.scaling() * baselineDf
                        : baseline - baselineScaling * baselineDf;
                double denominator = Math.max(Math.max(d1, d0), 0);
                fit.put("cfi.robust", denominator == 0 ? 1 : 1 - Math.max(d1, 0) / denominator);
                double tli = 1 - (d1 * baselineDf) / (d0 * df);
                fit.put("tli.robust", tli);
                fit.put("nnfi.robust", tli);
                fit.put("rni.robust", 1 - d1 / d0);
            }
        }
        fit.put("logl", logl);
        fit.put("unrestricted.logl", unrestricted);
        fit.put("aic", -2 * logl + 2 * npar);
        fit.put("bic", -2 * logl + npar * Math.log(n));
        fit.put("ntotal", n);
        fit.put("bic2", -2 * logl + npar * Math.log((n + 2) / 24));
        if (df > 0) {
            rmsea(fit, "", chisq, df, n, groups);
            if (robust) {
                double root = Math.sqrt(groups);
                // The naive scaled RMSEA; lavaan's interval for it follows another rule and is not reported.
                fit.put("rmsea.scaled", Math.sqrt(Math.max((chisq / scaling - df) / (n * df), 0)) * root);
                if (!fiml || corrected != null) {
                    // Robust RMSEA (Brosseau-Liard, Savalei & Li 2012): non-centrality of T/c, rescaled by c; after
                    // robust FIML of the FIML-corrected T̃/c̃ (FimlCorrectedFit).
                    double t = fiml ? corrected.chisq() : chisq;
                    double c = fiml ? corrected.scaling() : scaling;
                    fit.put("rmsea.robust", Math.sqrt(Math.max((t - c * df) / (n * df), 0)) * root);
                    double lower = NoncentralChiSquare.noncentralityFor(t / c, df, 0.95);
                    double upper = NoncentralChiSquare.noncentralityFor(t / c, df, 0.05);
                    fit.put("rmsea.ci.lower.robust", Math.sqrt(lower * c / (n * df)) * root);
                    fit.put("rmsea.ci.upper.robust", Math.sqrt(upper * c / (n * df)) * root);
                    fit.put(
                            "rmsea.pvalue.robust",
                            1 - NoncentralChiSquare.cdf(t / c, df, n * df * 0.05 * 0.05 / (c * groups)));
                }
            }
        }
        double srmr = srmrWeighted / n;
        fit.put("srmr", srmr);
        return fit;
    }

    /**
     * The normal log-likelihood of the predictors x (complete in every case kept) at their sample moments: jointly,
     * or as if they were independent ({@code independent}, the baseline model's share).
     */
    private static double covariateLogLikelihood(GroupSample s, int[] x, boolean independent) {
        if (x.length == 0) {
            return 0;
        }
        double[][] c = new double[x.length][x.length];
        for (int a = 0; a < x.length; a++) {
            for (int b = 0; b < x.length; b++) {
                c[a][b] = independent && a != b ? 0 : s.covariance()[x[a]][x[b]];
            }
        }
        double logDet = SymmetricMatrices.cholesky(c)
                .map(SymmetricMatrices::logDeterminant)
                .orElse(Double.NaN);
        return -0.5 * s.n() * (x.length * Math.log(2 * Math.PI) + logDet + x.length);
    }

    /** 1 − cdf, as lavaan computes fit p-values. */
    static double upperTail(double chisq, int df) {
        return df > 0 ? 1 - ChiSquaredDistribution.of(df).cumulativeProbability(chisq) : Double.NaN;
    }

    /** CFI, TLI (NNFI), RFI, NFI, PNFI, IFI, RNI from a model and a baseline statistic. */
    static void incremental(
            Map<String, Double> fit, String suffix, double chisq, double baseline, int df, int baselineDf) {
        double d1 = chisq - df;
        double d0 = baseline - baselineDf;
        double cfiDenominator = Math.max(Math.max(d1, d0), 0);
        fit.put("cfi" + suffix, cfiDenominator == 0 ? 1 : 1 - Math.max(d1, 0) / cfiDenominator);
        double tli = df > 0 ? 1 - (d1 * baselineDf) / (d0 * df) : 1;
        fit.put("tli" + suffix, tli);
        fit.put("nnfi" + suffix, tli);
        fit.put(
                "rfi" + suffix,
                df > 0 ? ((baseline / baselineDf) - (chisq / df)) / (baseline / baselineDf) : Double.NaN);
        fit.put("nfi" + suffix, (baseline - chisq) / baseline);
        fit.put("pnfi" + suffix, ((double) df / baselineDf) * (baseline - chisq) / baseline);
        fit.put("ifi" + suffix, (baseline - chisq) / (baseline - df));
        fit.put("rni" + suffix, 1 - d1 / d0);
    }

    /** RMSEA with its 90 % interval (Steiger 1990) and the p-value of close fit (RMSEA ≤ .05); × √G. */
    static void rmsea(Map<String, Double> fit, String suffix, double chisq, int df, double n, int groups) {
        double root = Math.sqrt(groups);
        fit.put("rmsea" + suffix, Math.sqrt(Math.max((chisq - df) / (n * df), 0)) * root);
        double lower = NoncentralChiSquare.noncentralityFor(chisq, df, 0.95);
        double upper = NoncentralChiSquare.noncentralityFor(chisq, df, 0.05);
        fit.put("rmsea.ci.lower" + suffix, Math.sqrt(lower / (n * df)) * root);
        fit.put("rmsea.ci.upper" + suffix, Math.sqrt(upper / (n * df)) * root);
        fit.put("rmsea.pvalue" + suffix, 1 - NoncentralChiSquare.cdf(chisq, df, n * df * 0.05 * 0.05 / groups));
    }

    /**
     * Bentler's SRMR of one group: root mean square of (s_ab − σ̂_ab)/√(s_aa s_bb) over a ≥ b, plus the
     * standardised mean residuals (ȳ_a − μ̂_a)/√s_aa with a mean structure.
     */
    static double srmr(GroupSample s, CfaObjective.GroupState st, boolean meanStructure) {
        int p = s.mean().length;
        double[][] c = s.covariance();
        double sum = 0;
        int count = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                double r = (c[a][b] - st.sigma[a][b]) / Math.sqrt(c[a][a] * c[b][b]);
                sum += r * r;
                count++;
            }
        }
        if (meanStructure) {
            for (int a = 0; a < p; a++) {
                double r = (s.mean()[a] - st.mu[a]) / Math.sqrt(c[a][a]);
                sum += r * r;
                count++;
            }
        }
        return Math.sqrt(sum / count);
    }
}
