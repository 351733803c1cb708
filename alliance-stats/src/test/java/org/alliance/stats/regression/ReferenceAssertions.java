package org.alliance.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.alliance.stats.RReference;

/** Compares our coefficient tables and model figures with R's, at a stated relative tolerance. */
final class ReferenceAssertions {

    private ReferenceAssertions() {}

    static void assertCoefficients(List<Coefficient> actual, String resource, double relative) {
        RReference expected = RReference.read(resource);
        assertThat(actual).extracting(Coefficient::term).containsExactlyElementsOf(List.of(expected.texts("term")));
        for (int j = 0; j < actual.size(); j++) {
            Coefficient c = actual.get(j);
            Map<String, String> row = expected.rows().get(j);
            assertRelative(c.estimate(), row.get("estimate"), relative, c.term() + " estimate");
            assertRelative(c.standardError(), row.get("std_error"), relative, c.term() + " std_error");
            assertRelative(c.statistic(), row.get("statistic"), relative, c.term() + " statistic");
            assertRelative(c.pValue(), row.get("p_value"), relative, c.term() + " p_value");
            assertRelative(c.confLow(), row.get("conf_low"), relative, c.term() + " conf_low");
            assertRelative(c.confHigh(), row.get("conf_high"), relative, c.term() + " conf_high");
        }
    }

    static void assertRelative(double actual, String expected, double relative, String what) {
        assertRelative(actual, RReference.number(expected), relative, what);
    }

    static void assertRelative(double actual, double expected, double relative, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(relative * Math.abs(expected)));
    }
}
