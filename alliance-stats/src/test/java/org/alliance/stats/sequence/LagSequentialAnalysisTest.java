package org.alliance.stats.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagSequentialAnalysisTest {

    private static final String CODES = "IOTVSC";

    private static int[] codes(String spaced) {
        return Arrays.stream(spaced.split(" ")).mapToInt(CODES::indexOf).toArray();
    }

    @Test
    void reproducesTheCheckValueOfTheReferencePage() {
        // I O T O T V S O C S T V S O S, lag 1: T->V f = 2, e = 0.429, P = 0.667, z = 2.925, Q = 1
        int[] sequence = codes("I O T O T V S O C S T V S O S");
        var result = LagSequentialAnalysis.fit(new int[][] {sequence}, 6, LagSequentialAnalysis.Options.lag(1));
        int t = CODES.indexOf('T');
        int v = CODES.indexOf('V');
        assertThat(result.pairs()).isEqualTo(14);
        assertThat(result.counts()[t][v]).isEqualTo(2);
        assertThat(result.expected()[t][v]).isCloseTo(0.429, within(0.0005));
        assertThat(result.probability()[t][v]).isCloseTo(0.667, within(0.0005));
        assertThat(result.adjustedResidual()[t][v]).isCloseTo(2.925, within(0.0005));
        assertThat(result.yulesQ()[t][v]).isEqualTo(1.0);
    }

    @Test
    void pairsDoNotCrossSequenceBoundaries() {
        var pooled = LagSequentialAnalysis.fit(new int[][] {{0, 1}, {1, 0}}, 2, LagSequentialAnalysis.Options.lag(1));
        assertThat(pooled.pairs()).isEqualTo(2);
        assertThat(pooled.counts()[1][1]).isZero();
    }

    @Test
    void independenceMatchesChisqTestStandardizedResidualsOfR() throws IOException {
        int[] sequence = sequence();
        var result = LagSequentialAnalysis.fit(new int[][] {sequence}, 5, LagSequentialAnalysis.Options.lag(2));
        for (double[] row : reference("lag2-independence.csv")) {
            int from = (int) row[0];
            int to = (int) row[1];
            assertThat(result.counts()[from][to]).isEqualTo((long) row[2]);
            assertThat(result.expected()[from][to]).isCloseTo(row[3], within(1e-9));
            assertThat(result.adjustedResidual()[from][to]).isCloseTo(row[4], within(1e-9));
        }
    }

    @Test
    void structuralZerosMatchQuasiIndependencePoissonGlmOfR() throws IOException {
        int[] sequence = sequence();
        var result = LagSequentialAnalysis.fit(
                new int[][] {sequence}, 5, LagSequentialAnalysis.Options.lagWithoutRepeats(1, 5));
        assertThat(result.method()).contains("IPF");
        List<double[]> rows = reference("lag1-quasi-independence.csv");
        assertThat(rows).hasSize(20);
        for (double[] row : rows) {
            int from = (int) row[0];
            int to = (int) row[1];
            assertThat(result.counts()[from][to]).isEqualTo((long) row[2]);
            assertThat(result.expected()[from][to]).isCloseTo(row[3], within(1e-8));
            assertThat(result.adjustedResidual()[from][to]).isCloseTo(row[4], within(1e-8));
        }
        assertThat(result.expected()[2][2]).isZero();
        assertThat(result.adjustedResidual()[2][2]).isNaN();
    }

    @Test
    void leverageFormulaReducesToTheClassicalAdjustedResidualWithoutStructuralZeros() {
        int[] sequence = codes("I O T O T V S O C S T V S O S");
        var classical = LagSequentialAnalysis.fit(new int[][] {sequence}, 6, LagSequentialAnalysis.Options.lag(1));
        double[][] general = LagSequentialAnalysis.standardizedResiduals(
                classical.counts(),
                classical.expected(),
                new boolean[6][6],
                classical.rowTotals(),
                classical.columnTotals());
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                if (Double.isFinite(classical.adjustedResidual()[i][j])) {
                    assertThat(general[i][j]).isCloseTo(classical.adjustedResidual()[i][j], within(1e-9));
                }
            }
        }
    }

    @Test
    void aTransitionDeclaredImpossibleIsRejected() {
        assertThatThrownBy(() -> LagSequentialAnalysis.fit(
                        new int[][] {{0, 0}}, 2, LagSequentialAnalysis.Options.lagWithoutRepeats(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("structural zero");
    }

    static int[] sequence() throws IOException {
        try (InputStream in =
                LagSequentialAnalysisTest.class.getResourceAsStream("/reference/observation/sequence.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return Arrays.stream(text.split(" ")).mapToInt(Integer::parseInt).toArray();
        }
    }

    static List<double[]> reference(String name) throws IOException {
        try (InputStream in = LagSequentialAnalysisTest.class.getResourceAsStream("/reference/observation/" + name)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return Arrays.stream(lines)
                    .skip(1)
                    .filter(l -> !l.isBlank())
                    .map(l -> Arrays.stream(l.split(","))
                            .mapToDouble(Double::parseDouble)
                            .toArray())
                    .toList();
        }
    }
}
