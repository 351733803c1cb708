package org.alliance.stats.factor;

/**
 * Sample moments of one group after listwise deletion: mean, covariance with divisor N (lavaan's ML
 * convention) and the centred cases (for casewise scores).
 */
record GroupSample(String label, int n, double[] mean, double[][] covariance, double[][] centred) {

    static GroupSample of(String label, double[][] cases) {
        int n = cases.length;
        int p = cases[0].length;
        double[] mean = new double[p];
        for (double[] c : cases) {
            for (int j = 0; j < p; j++) {
                mean[j] += c[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        double[][] centred = new double[n][p];
        double[][] s = new double[p][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                centred[i][j] = cases[i][j] - mean[j];
            }
            double[] d = centred[i];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b <= a; b++) {
                    s[a][b] += d[a] * d[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                s[a][b] /= n;
                s[b][a] = s[a][b];
            }
        }
        return new GroupSample(label, n, mean, s, centred);
    }
}
