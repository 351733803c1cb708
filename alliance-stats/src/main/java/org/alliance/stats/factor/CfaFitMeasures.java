package org.alliance.stats.factor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.stats.factor.CfaOptions.Estimator;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * lavaan's {@code fitMeasures()} under lavaan's names (Rosseel 2012; formulas in Bollen 1989, Hu &amp;
 * Bentler 1999, Steiger 1990 for the RMSEA interval). T = N·F_ML, T₀ = Σ_g N_g(Σ log s_jj − log|S_g|),
 * df₀ = G·p(p−1)/2. p-values are 1 − cdf, as in lavaan.
 */
final class CfaFitMeasures {

    private CfaFitMeasures() {}

    static Map<String, Double> compute(
            CfaObjective objective,
            List<CfaObjective.GroupState> states,
            double fmin,
            int df,
            int npar,
            double scaling,
            Estimator estimator) {
        CfaSpecification spec = objective.spec;
        int p = spec.p();
        int groups = objective.samples.size();
        double n = objective.total;
        double chisq = n * fmin;
        double baseline = 0;
        double logl = 0;
        double unrestricted = 0;
        double srmrWeighted = 0;
        for (int g = 0; g < groups; g++) {
            GroupSample s = objective.samples.get(g);
            CfaObjective.GroupState st = states.get(g);
            baseline += 2 * (s.h1LogLikelihood() - s.baselineLogLikelihood());
            double fg = objective.discrepancy(g, st);
            // logL(H0) = logL(H1) − N_g F_g / 2 since F_g is the likelihood-ratio discrepancy.
            double h1 = s.h1LogLikelihood();
            unrestricted += h1;
            logl += h1 - 0.5 * s.n() * fg;
            srmrWeighted += s.n() * srmr(s, st, spec.meanStructure);
        }
        int baselineDf = groups * p * (p - 1) / 2;
        ChiSquaredDistribution dist = df > 0 ? ChiSquaredDistribution.of(df) : null;
        Map<String, Double> fit = new LinkedHashMap<>();
        fit.put("npar", (double) npar);
        fit.put("fmin", fmin / 2);
        fit.put("chisq", chisq);
        fit.put("df", (double) df);
        fit.put("pvalue", dist == null ? Double.NaN : 1 - dist.cumulativeProbability(chisq));
        if (estimator == Estimator.MLR) {
            double scaled = chisq / scaling;
            fit.put("chisq.scaled", scaled);
            fit.put("df.scaled", (double) df);
            fit.put("pvalue.scaled", dist == null ? Double.NaN : 1 - dist.cumulativeProbability(scaled));
            fit.put("chisq.scaling.factor", scaling);
        }
        fit.put("baseline.chisq", baseline);
        fit.put("baseline.df", (double) baselineDf);
        fit.put("baseline.pvalue", 1 - ChiSquaredDistribution.of(baselineDf).cumulativeProbability(baseline));
        double d1 = chisq - df;
        double d0 = baseline - baselineDf;
        double cfiDenominator = Math.max(Math.max(d1, d0), 0);
        fit.put("cfi", cfiDenominator == 0 ? 1 : 1 - Math.max(d1, 0) / cfiDenominator);
        double tli = df > 0 ? 1 - (d1 * baselineDf) / (d0 * df) : 1;
        fit.put("tli", tli);
        fit.put("nnfi", tli);
        fit.put("rfi", df > 0 ? ((baseline / baselineDf) - (chisq / df)) / (baseline / baselineDf) : Double.NaN);
        fit.put("nfi", (baseline - chisq) / baseline);
        fit.put("pnfi", ((double) df / baselineDf) * (baseline - chisq) / baseline);
        fit.put("ifi", (baseline - chisq) / (baseline - df));
        fit.put("rni", 1 - d1 / d0);
        fit.put("logl", logl);
        fit.put("unrestricted.logl", unrestricted);
        fit.put("aic", -2 * logl + 2 * npar);
        fit.put("bic", -2 * logl + npar * Math.log(n));
        fit.put("ntotal", n);
        fit.put("bic2", -2 * logl + npar * Math.log((n + 2) / 24));
        if (df > 0) {
            double root = Math.sqrt(groups);
            fit.put("rmsea", Math.sqrt(Math.max(d1 / (n * df), 0)) * root);
            double lower = NoncentralChiSquare.noncentralityFor(chisq, df, 0.95);
            double upper = NoncentralChiSquare.noncentralityFor(chisq, df, 0.05);
            fit.put("rmsea.ci.lower", Math.sqrt(lower / (n * df)) * root);
            fit.put("rmsea.ci.upper", Math.sqrt(upper / (n * df)) * root);
            fit.put("rmsea.pvalue", 1 - NoncentralChiSquare.cdf(chisq, df, n * df * 0.05 * 0.05 / groups));
        }
        double srmr = srmrWeighted / n;
        fit.put("srmr", srmr);
        return fit;
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
