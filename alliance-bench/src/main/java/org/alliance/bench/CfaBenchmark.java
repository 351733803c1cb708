package org.alliance.bench;

import java.util.concurrent.TimeUnit;
import org.alliance.stats.factor.CfaData;
import org.alliance.stats.factor.CfaEstimator;
import org.alliance.stats.factor.CfaModelSyntax;
import org.alliance.stats.factor.CfaOptions;
import org.alliance.stats.factor.CfaOptions.MissingData;
import org.alliance.stats.factor.CfaResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One complete {@link CfaEstimator#fit} per operation — estimates, standard errors, the parameter table with std.all
 * and all fit measures — on the models and data that {@code alliance-bench/src/r/timings.R} times with lavaan.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class CfaBenchmark {

    static final String HS_MODEL =
            """
            visual =~ x1 + x2 + x3
            textual =~ x4 + x5 + x6
            speed =~ x7 + x8 + x9
            """;

    static final String BFI_MODEL =
            """
            agree =~ A1 + A2 + A3 + A4 + A5
            consc =~ C1 + C2 + C3 + C4 + C5
            extra =~ E1 + E2 + E3 + E4 + E5
            neuro =~ N1 + N2 + N3 + N4 + N5
            open =~ O1 + O2 + O3 + O4 + O5
            """;

    CfaData hs;
    CfaData bfi;
    CfaData hsMissing;
    CfaOptions ml;
    CfaOptions fiml;
    CfaOptions robustFiml;

    @Setup
    public void load() {
        hs = BenchData.csv("HolzingerSwineford1939.csv");
        bfi = BenchData.csv("bfi.csv");
        hsMissing = BenchData.csv("hs-missing10.csv");
        ml = CfaOptions.defaults();
        fiml = CfaOptions.defaults().withMissing(MissingData.ML);
        robustFiml = fiml.withEstimator(CfaOptions.Estimator.MLR);
        for (CfaResult r :
                new CfaResult[] {hs3FactorMl(), bfi5FactorMl(), hsFimlMissing10(), bfiFiml(), bfiFimlMlr()}) {
            if (!r.converged()) {
                throw new IllegalStateException("a benchmark model did not converge: " + r.warnings());
            }
        }
    }

    /** Parses the model too, as lavaan's cfa() does. */
    @Benchmark
    public CfaResult hs3FactorMl() {
        return CfaEstimator.fit(hs, CfaModelSyntax.parse(HS_MODEL), ml);
    }

    @Benchmark
    public CfaResult bfi5FactorMl() {
        return CfaEstimator.fit(bfi, CfaModelSyntax.parse(BFI_MODEL), ml);
    }

    @Benchmark
    public CfaResult hsFimlMissing10() {
        return CfaEstimator.fit(hsMissing, CfaModelSyntax.parse(HS_MODEL), fiml);
    }

    /** bfi with its own missing values (21 of 25 items, 87 patterns), FIML. */
    @Benchmark
    public CfaResult bfiFiml() {
        return CfaEstimator.fit(bfi, CfaModelSyntax.parse(BFI_MODEL), fiml);
    }

    /** The same under robust FIML: sandwich SEs, Yuan-Bentler test, FIML-corrected robust indices (and baseline). */
    @Benchmark
    public CfaResult bfiFimlMlr() {
        return CfaEstimator.fit(bfi, CfaModelSyntax.parse(BFI_MODEL), robustFiml);
    }
}
