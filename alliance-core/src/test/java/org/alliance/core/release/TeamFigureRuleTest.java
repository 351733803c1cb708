package org.alliance.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TeamFigureRuleTest {

    @ParameterizedTest
    @CsvSource({"0,false", "1,false", "4,false", "5,true", "6,true", "500,true"})
    void aTeamFigureNeedsFiveDistinctClients(long clients, boolean shown) {
        assertThat(TeamFigureRule.mayShow(clients)).isEqualTo(shown);
    }
}
