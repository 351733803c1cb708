package org.alliance.stats.correlation;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The standard bivariate normal distribution with correlation ρ: its lower-orthant probability P(X ≤ h, Y ≤ k) to
 * about 1e-15, and its density. The probability follows Drezner and Wesolowsky (1990) as refined by Genz (2004,
 * "Numerical computation of rectangular bivariate and trivariate normal and t probabilities", Statistics and
 * Computing 14): Gauss–Legendre quadrature of Plackett's integral over arcsin ρ for |ρ| < 0.925, and of a series
 * around the singular ρ = ±1 otherwise. The Gauss–Legendre nodes are computed here (Newton on the Legendre
 * polynomials), not copied from a table.
 */
public final class BivariateNormal {

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);
    private static final double TWO_PI = 2 * Math.PI;

    /** Gauss–Legendre rules with 6, 12 and 20 points: the nodes in (−1, 0) and their weights (the rules are even). */
    private static final double[][] NODES = {halfRule(6)[0], halfRule(12)[0], halfRule(20)[0]};

    private static final double[][] WEIGHTS = {halfRule(6)[1], halfRule(12)[1], halfRule(20)[1]};

    private BivariateNormal() {}

    /** P(X ≤ h, Y ≤ k) for standard normals with correlation ρ; h and k may be infinite. */
    public static double cdf(double h, double k, double rho) {
        if (!(rho >= -1 && rho <= 1)) {
            throw new IllegalArgumentException("the correlation must lie in [-1, 1], not " + rho);
        }
        if (h == Double.NEGATIVE_INFINITY || k == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (h == Double.POSITIVE_INFINITY) {
            return phi(k);
        }
        if (k == Double.POSITIVE_INFINITY) {
            return phi(h);
        }
        return upper(-h, -k, rho);
    }

    /** The density at (h, k). */
    public static double density(double h, double k, double rho) {
        if (Double.isInfinite(h) || Double.isInfinite(k)) {
            return 0;
        }
        double one = 1 - rho * rho;
        return Math.exp(-(h * h - 2 * rho * h * k + k * k) / (2 * one)) / (TWO_PI * Math.sqrt(one));
    }

    /** P(X > h, Y > k). */
    private static double upper(double h, double k, double r) {
        int rule = Math.abs(r) < 0.3 ? 0 : Math.abs(r) < 0.75 ? 1 : 2;
        double[] x = NODES[rule];
        double[] w = WEIGHTS[rule];
        double hk = h * k;
        double bvn = 0;
        if (Math.abs(r) < 0.925) {
            double hs = (h * h + k * k) / 2;
            double asr = Math.asin(r);
            for (int i = 0; i < x.length; i++) {
                for (double node : new double[] {x[i], -x[i]}) {
                    double sn = Math.sin(asr * (node + 1) / 2);
                    bvn += w[i] * Math.exp((sn * hk - hs) / (1 - sn * sn));
                }
            }
            return bvn * asr / (2 * TWO_PI) + phi(-h) * phi(-k);
        }
        double kk = k;
        if (r < 0) {
            kk = -k;
            hk = -hk;
        }
        if (Math.abs(r) < 1) {
            double as = (1 - r) * (1 + r);
            double a = Math.sqrt(as);
            double bs = (h - kk) * (h - kk);
            double c = (4 - hk) / 8;
            double d = (12 - hk) / 16;
            bvn = a * Math.exp(-(bs / as + hk) / 2) * (1 - c * (bs - as) * (1 - d * bs / 5) / 3 + c * d * as * as / 5);
            if (hk > -160) {
                double b = Math.sqrt(bs);
                bvn -= Math.exp(-hk / 2) * Math.sqrt(TWO_PI) * phi(-b / a) * b * (1 - c * bs * (1 - d * bs / 5) / 3);
            }
            a = a / 2;
            for (int i = 0; i < x.length; i++) {
                for (double node : new double[] {x[i], -x[i]}) {
                    double xs = a * (node + 1);
                    xs = xs * xs;
                    double rs = Math.sqrt(1 - xs);
                    bvn += a
                            * w[i]
                            * (Math.exp(-bs / (2 * xs) - hk / (1 + rs)) / rs
                                    - Math.exp(-(bs / xs + hk) / 2) * (1 + c * xs * (1 + d * xs)));
                }
            }
            bvn = -bvn / TWO_PI;
        }
        if (r > 0) {
            return bvn + phi(-Math.max(h, kk));
        }
        bvn = -bvn;
        if (kk > h) {
            bvn += phi(kk) - phi(h);
        }
        return Math.max(0, bvn);
    }

    private static double phi(double z) {
        return NORMAL.cumulativeProbability(z);
    }

    /** The negative nodes of the n-point Gauss–Legendre rule (n even) and their weights. */
    private static double[][] halfRule(int n) {
        double[] nodes = new double[n / 2];
        double[] weights = new double[n / 2];
        for (int i = 0; i < n / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p0 = 1;
                double p1 = z;
                for (int j = 2; j <= n; j++) {
                    double p2 = ((2 * j - 1) * z * p1 - (j - 1) * p0) / j;
                    p0 = p1;
                    p1 = p2;
                }
                derivative = n * (z * p1 - p0) / (z * z - 1);
                double step = p1 / derivative;
                z -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            nodes[i] = -z;
            weights[i] = 2 / ((1 - z * z) * derivative * derivative);
        }
        return new double[][] {nodes, weights};
    }
}
