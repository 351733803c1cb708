package org.alliance.app.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.alliance.app.team.CaseloadBands.Band;
import org.alliance.app.team.CaseloadBands.Caseload;
import org.junit.jupiter.api.Test;

/** Caseload next to alliance: the thresholds, and that no band can single out a professional. */
class CaseloadBandsTest {

    private static Caseload caseload(int clients, double... totals) {
        List<Double> list = new ArrayList<>();
        for (double t : totals) {
            list.add(t);
        }
        return new Caseload(clients, list);
    }

    @Test
    void nothingIsShownForATeamOfFourProfessionals() {
        List<Caseload> four = List.of(caseload(5, 4), caseload(8, 4), caseload(15, 4), caseload(25, 4));
        assertThat(CaseloadBands.of(four)).isEmpty();
    }

    @Test
    void fiveProfessionalsInDifferentBandsBecomeOneBandOfFive() {
        List<Caseload> five =
                List.of(caseload(3, 4, 4), caseload(12, 3), caseload(22, 5), caseload(35, 2, 4), caseload(9, 3));
        List<Band> bands = CaseloadBands.of(five);
        assertThat(bands).singleElement().satisfies(b -> {
            assertThat(b.professionals()).isEqualTo(5);
            assertThat(b.clients()).isEqualTo(81);
            assertThat(b.lowest()).isEqualTo(1);
            assertThat(b.open()).isTrue();
            assertThat(b.mean()).hasValue(25.0 / 7);
        });
    }

    @Test
    void everyBandHoldsAtLeastFiveProfessionalsWhateverTheCaseloads() {
        // Every split of 5 to 14 professionals over the caseloads 1..40: no band under five, nobody lost.
        java.util.Random random = new java.util.Random(17);
        for (int round = 0; round < 2000; round++) {
            int n = 5 + random.nextInt(10);
            List<Caseload> team = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                team.add(caseload(1 + random.nextInt(40), 3));
            }
            List<Band> bands = CaseloadBands.of(team);
            assertThat(bands).allSatisfy(b -> assertThat(b.professionals()).isGreaterThanOrEqualTo(5));
            assertThat(bands.stream().mapToInt(Band::professionals).sum()).isEqualTo(n);
            for (int i = 1; i < bands.size(); i++) {
                assertThat(bands.get(i).lowest()).isGreaterThan(bands.get(i - 1).highest());
            }
        }
    }

    @Test
    void tenProfessionalsSplitIntoTwoBandsOfFive() {
        List<Caseload> team = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            team.add(caseload(8, 4));
            team.add(caseload(18, 3));
        }
        Collections.shuffle(team, new java.util.Random(1));
        List<Band> bands = CaseloadBands.of(team);
        assertThat(bands)
                .extracting(Band::lowest, Band::highest, Band::professionals)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 10, 5), org.assertj.core.groups.Tuple.tuple(11, 20, 5));
        assertThat(bands).extracting(b -> b.mean().getAsDouble()).containsExactly(4.0, 3.0);
    }

    @Test
    void aBandsMeanNeedsFiveClientsWhoAnswered() {
        List<Caseload> team = List.of(caseload(3, 4), caseload(3, 4), caseload(3), caseload(3, 4), caseload(3, 4));
        assertThat(CaseloadBands.of(team)).singleElement().satisfies(b -> {
            assertThat(b.answered()).isEqualTo(4);
            assertThat(b.shown()).isFalse();
        });
    }

    @Test
    void aCaseloadWithoutClientsIsRefused() {
        assertThatThrownBy(() -> caseload(0)).hasMessageContaining("0 clients");
    }
}
