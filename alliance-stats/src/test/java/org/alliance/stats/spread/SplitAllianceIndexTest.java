package org.alliance.stats.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SplitAllianceIndexTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void matchesTheReferenceComputedInR() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/reference/alliance/split-alliance.csv"));
        assertThat(lines).hasSizeGreaterThan(10);
        int defined = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = Arrays.stream(line.split(","))
                    .map(cell -> cell.replace("\"", ""))
                    .toArray(String[]::new);
            double[] scores = Arrays.stream(cells[1].split(";"))
                    .mapToDouble(cell -> cell.equals("NA") ? Double.NaN : Double.parseDouble(cell))
                    .toArray();
            Optional<SplitAllianceIndex.Result> result =
                    SplitAllianceIndex.compute(scores, Double.parseDouble(cells[2]), Double.parseDouble(cells[3]));
            if (cells[5].equals("NA")) {
                assertThat(result).as("case %s", cells[0]).isEmpty();
                continue;
            }
            defined++;
            SplitAllianceIndex.Result index = result.orElseThrow();
            assertThat(index.scores()).as("case %s", cells[0]).isEqualTo(Integer.parseInt(cells[4]));
            assertThat(index.rangeIndex())
                    .as("case %s", cells[0])
                    .isCloseTo(Double.parseDouble(cells[5]), within(TOLERANCE));
            assertThat(index.sdIndex())
                    .as("case %s", cells[0])
                    .isCloseTo(Double.parseDouble(cells[6]), within(TOLERANCE));
        }
        assertThat(defined).isGreaterThan(10);
    }

    @Test
    void isUndefinedForOneProfessionalNeverZero() {
        assertThat(SplitAllianceIndex.compute(new double[] {4.5}, 1, 5)).isEmpty();
        assertThat(SplitAllianceIndex.compute(new double[] {}, 1, 5)).isEmpty();
    }

    @Test
    void missingScoresAreLeftOutAndCanMakeItUndefined() {
        assertThat(SplitAllianceIndex.compute(new double[] {Double.NaN, 4.0}, 1, 5))
                .isEmpty();
        SplitAllianceIndex.Result index = SplitAllianceIndex.compute(new double[] {2.0, Double.NaN, 4.0}, 1, 5)
                .orElseThrow();
        assertThat(index.scores()).isEqualTo(2);
        assertThat(index.range()).isEqualTo(2.0);
        assertThat(index.rangeIndex()).isEqualTo(0.5);
    }

    @Test
    void allEqualScoresGiveZero() {
        SplitAllianceIndex.Result index = SplitAllianceIndex.compute(new double[] {3.75, 3.75, 3.75}, 1, 5)
                .orElseThrow();
        assertThat(index.rangeIndex()).isZero();
        assertThat(index.sdIndex()).isZero();
    }

    @Test
    void scoresAtBothEndsOfTheScaleGiveOne() {
        SplitAllianceIndex.Result index =
                SplitAllianceIndex.compute(new double[] {5, 1}, 1, 5).orElseThrow();
        assertThat(index.rangeIndex()).isEqualTo(1.0);
        assertThat(index.sdIndex()).isEqualTo(1.0);
    }

    @Test
    void withTwoScoresBothIndicesAgree() {
        SplitAllianceIndex.Result index =
                SplitAllianceIndex.compute(new double[] {4.25, 3.0}, 1, 5).orElseThrow();
        assertThat(index.sdIndex()).isCloseTo(index.rangeIndex(), within(TOLERANCE));
    }

    @Test
    void aScoreOutsideTheScaleOrAnEmptyScaleIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SplitAllianceIndex.compute(new double[] {5.5, 3}, 1, 5))
                .withMessageContaining("5.5");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SplitAllianceIndex.compute(new double[] {3, 3}, 5, 5))
                .withMessageContaining("5.0 to 5.0");
    }
}
