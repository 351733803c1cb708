package org.alliance.stats.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void aStatisticGainsItsOptionsAndDataWithoutLosingItsMethod() {
        Provenance p = Provenance.method("lm", "R 4.2.2", null)
                .withOptions("formula=mpg ~ wt")
                .withData(new Provenance.Data("mtcars.csv", null, 32, List.of()))
                .withData(new Provenance.Data("outcomes.csv", "ab", 5, List.of("semicolons")))
                .withCommand("regress mtcars.csv");
        assertThat(p.method()).isEqualTo("lm");
        assertThat(p.reference()).isEqualTo("R 4.2.2");
        assertThat(p.options()).isEqualTo("formula=mpg ~ wt");
        assertThat(p.data()).extracting(Provenance.Data::source).containsExactly("mtcars.csv", "outcomes.csv");
        assertThat(p.command()).isEqualTo("regress mtcars.csv");
        assertThat(p.software()).isEqualTo(Provenance.Software.ALLIANCE);
    }

    @Test
    void aScoreNamesItsOneInstrumentAndRule() {
        Provenance p = Provenance.score("alliance-client", "1.1.0", "mean of answered items");
        assertThat(p.instrument())
                .isEqualTo(new Provenance.Instrument("alliance-client", "1.1.0", "mean of answered items"));
        assertThat(p.method()).isNull();
        assertThatThrownBy(() -> Provenance.method("lm").instrument())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0");
    }

    @Test
    void theSoftwareIsAllianceWithTheVersionOfItsJarsOrDevelopment() {
        assertThat(Provenance.Software.ALLIANCE.toString()).startsWith("alliance ");
        assertThat(Provenance.Software.ALLIANCE.version()).isNotBlank();
        assertThat(new Provenance.Software("alliance", "1.4.0")).hasToString("alliance 1.4.0");
    }

    @Test
    void dataCannotHaveFewerThanNoRows() {
        assertThatThrownBy(() -> new Provenance.Data("data.csv", null, -1, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
