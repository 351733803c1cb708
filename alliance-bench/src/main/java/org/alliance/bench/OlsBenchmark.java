package org.alliance.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.alliance.stats.regression.Columns;
import org.alliance.stats.regression.CovarianceType;
import org.alliance.stats.regression.DesignMatrix;
import org.alliance.stats.regression.Formula;
import org.alliance.stats.regression.LinearOptions;
import org.alliance.stats.regression.LinearRegression;
import org.alliance.stats.regression.LinearRegressionResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * OLS with 20 predictors (21 coefficients) on the first {@code rows} rows of the data make-data.R writes; timings.R
 * times R's {@code lm} on the same doubles. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} (bytes allocated
 * per fit) against {@code rows} shows how memory grows with N.
 *
 * <ul>
 *   <li>{@link #fromColumns}: formula + named columns to the full result (design matrix with listwise deletion, QR,
 *       SEs, t, p, R², F, logLik), as {@code summary(lm(y ~ ., data))};
 *   <li>{@link #fromDesign}: the same from a prepared design matrix, as {@code lm.fit(X, y)} (which computes less: no
 *       SEs or p-values).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Benchmark)
public class OlsBenchmark {

    static final int PREDICTORS = 20;

    @Param({"100000", "250000", "500000", "1000000"})
    int rows;

    Formula formula;
    Columns columns;
    DesignMatrix design;

    @Setup
    public void load() {
        double[][] raw = BenchData.olsColumns(rows);
        Map<String, double[]> numeric = new LinkedHashMap<>();
        numeric.put("y", raw[0]);
        StringBuilder text = new StringBuilder("y ~ x1");
        numeric.put("x1", raw[1]);
        for (int j = 2; j <= PREDICTORS; j++) {
            numeric.put("x" + j, raw[j]);
            text.append(" + x").append(j);
        }
        columns = new Columns(numeric, Map.of());
        formula = Formula.parse(text.toString());
        design = DesignMatrix.build(formula, columns, Map.of(), java.util.List.of());
        if (rows == BenchData.OLS_ROWS) {
            double[] expected = BenchData.lmCoefficients();
            LinearRegressionResult result = fromColumns();
            for (int j = 0; j < expected.length; j++) {
                double b = result.coefficients().get(j).estimate();
                if (Math.abs(b - expected[j]) > 1e-9 * Math.max(1, Math.abs(expected[j]))) {
                    throw new IllegalStateException("coefficient " + j + " is " + b + ", lm says " + expected[j]);
                }
            }
        }
    }

    @Benchmark
    public LinearRegressionResult fromColumns() {
        return LinearRegression.fit(formula, columns, LinearOptions.classical());
    }

    @Benchmark
    public LinearRegressionResult fromDesign() {
        return LinearRegression.fit(design, CovarianceType.CLASSICAL, List.of());
    }
}
