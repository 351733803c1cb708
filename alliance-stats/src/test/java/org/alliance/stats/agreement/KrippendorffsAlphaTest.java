package org.alliance.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.alliance.stats.agreement.KrippendorffsAlpha.Level;
import org.junit.jupiter.api.Test;

class KrippendorffsAlphaTest {

    private static final double NA = Double.NaN;

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: observers A-D (columns)
     * by units 1-12 (rows), values 1-5, missing values as NaN.
     */
    static final double[][] KRIPPENDORFF_2011 = {
        {1, 1, NA, 1},
        {2, 2, 3, 2},
        {3, 3, 3, 3},
        {3, 3, 3, 3},
        {2, 2, 2, 2},
        {1, 2, 3, 4},
        {4, 4, 4, 4},
        {1, 1, 2, 1},
        {2, 2, 2, 2},
        {NA, 5, 5, 5},
        {NA, NA, 1, 1},
        {NA, 3, NA, NA},
    };

    @Test
    void reproducesThePublishedValuesForAllFourLevels() {
        assertThat(KrippendorffsAlpha.fit(KRIPPENDORFF_2011, Level.NOMINAL).alpha())
                .isCloseTo(0.743, within(0.0005));
        assertThat(KrippendorffsAlpha.fit(KRIPPENDORFF_2011, Level.INTERVAL).alpha())
                .isCloseTo(0.849, within(0.0005));
        assertThat(KrippendorffsAlpha.fit(KRIPPENDORFF_2011, Level.ORDINAL).alpha())
                .isCloseTo(0.815, within(0.0005));
        assertThat(KrippendorffsAlpha.fit(KRIPPENDORFF_2011, Level.RATIO).alpha())
                .isCloseTo(0.797, within(0.0005));
    }

    @Test
    void unitsWithOneValueAreNotPairable() {
        var result = KrippendorffsAlpha.fit(KRIPPENDORFF_2011, Level.NOMINAL);
        assertThat(result.units()).isEqualTo(11);
        assertThat(result.pairableValues()).isEqualTo(40);
    }

    @Test
    void perfectAgreementGivesOne() {
        double[][] data = {{1, 1}, {2, 2}, {3, NA}};
        assertThat(KrippendorffsAlpha.fit(data, Level.INTERVAL).alpha()).isEqualTo(1.0);
    }

    @Test
    void ratioDataCannotBeNegative() {
        assertThatThrownBy(() -> KrippendorffsAlpha.fit(new double[][] {{-1, 1}}, Level.RATIO))
                .hasMessageContaining("negative");
    }
}
