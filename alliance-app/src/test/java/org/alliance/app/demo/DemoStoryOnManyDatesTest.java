package org.alliance.app.demo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@code ./alliance demo} started on other days: the application with the demo profile on a fresh SQLite file and
 * a clock fixed at that instant, filled by the seeders, and every promised situation checked through the pages
 * (not timed). The dates are those on which a calendar-bound demo broke or could break: a leap day, the end of
 * February, the end of a 31-day month, both daylight-saving changes in Europe/Amsterdam (at the hour of the
 * change), and dates years ahead.
 */
class DemoStoryOnManyDatesTest {

    @ParameterizedTest(name = "demo started at {0}")
    @ValueSource(
            strings = {
                "2026-12-02T19:00:00Z",
                "2028-02-29T09:00:00Z",
                "2027-02-28T23:30:00Z",
                "2026-12-31T22:59:59Z",
                "2027-03-28T01:30:00Z",
                "2031-10-26T00:30:00Z",
                "2035-06-30T12:00:00Z"
            })
    void theStoryHoldsWhateverTheDate(String now) throws Exception {
        try (ConfigurableApplicationContext context = TestDemo.startedAt(now, "demo-story")) {
            new DemoStoryCheck((WebApplicationContext) context).everyPromiseHolds();
        }
    }
}
