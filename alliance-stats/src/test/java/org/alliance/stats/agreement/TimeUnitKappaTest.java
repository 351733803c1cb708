package org.alliance.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliance.stats.agreement.TimeUnitKappa.Coding;
import org.junit.jupiter.api.Test;

class TimeUnitKappaTest {

    @Test
    void eachUnitTakesTheStateCoveringItsMidpoint() {
        // coder 1: code 0 on [0,3000), code 1 on [3000,5000); coder 2: code 0 on [0,2400), code 1 on [2400,5000)
        Coding first = new Coding(new int[] {0, 1}, new long[] {0, 3000}, new long[] {3000, 5000});
        Coding second = new Coding(new int[] {0, 1}, new long[] {0, 2400}, new long[] {2400, 5000});
        var result = TimeUnitKappa.fit(first, second, 2, 0, 5000, 1000);
        // midpoints 500 1500 2500 3500 4500: coder 1 = 0 0 0 1 1, coder 2 = 0 0 1 1 1
        assertThat(result.units()).isEqualTo(5);
        assertThat(result.kappa().table()[0]).containsExactly(2, 1, 0);
        assertThat(result.kappa().table()[1]).containsExactly(0, 2, 0);
        // po = 0.8, pe = (3*2 + 2*3)/25 = 0.48, kappa = 0.32/0.52
        assertThat(result.kappa().kappa())
                .isEqualTo((0.8 - 0.48) / 0.52, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void uncodedUnitsAreNoneAndPointEventsCountInTheirUnit() {
        Coding first = new Coding(new int[] {0}, new long[] {1200}, new long[] {1200});
        Coding second = new Coding(new int[] {0}, new long[] {1900}, new long[] {1900});
        var result = TimeUnitKappa.fit(first, second, 1, 0, 3000, 1000);
        assertThat(result.kappa().table()[0]).containsExactly(1, 0);
        assertThat(result.kappa().table()[1]).containsExactly(0, 2);
        assertThat(result.unitsWithSeveralCodes()).isZero();
    }

    @Test
    void unitsWithSeveralCodesAreCounted() {
        Coding first = new Coding(new int[] {0, 1}, new long[] {0, 0}, new long[] {1000, 1000});
        Coding second = new Coding(new int[] {0}, new long[] {0}, new long[] {1000});
        assertThat(TimeUnitKappa.fit(first, second, 2, 0, 1000, 1000).unitsWithSeveralCodes())
                .isEqualTo(1);
    }
}
