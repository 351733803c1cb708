package org.alliance.app.time;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one {@link Clock} bean: everything that needs the time asks it, so tests run on a fixed
 * instant and nothing passes or fails with the calendar.
 *
 * <ul>
 *   <li>{@code alliance.time-zone} (default {@value Clocks#DEFAULT_ZONE}): the zone in which dates are meant, e.g.
 *       when a meeting's day starts.
 *   <li>{@code alliance.clock.fixed} (an instant such as {@code 2026-06-15T08:00:00Z}): a clock that stands still,
 *       for tests and for showing the demo as it would look on another day. Empty: the system clock.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfig {

    @Bean
    Clock clock(
            @Value("${alliance.time-zone:" + Clocks.DEFAULT_ZONE + "}") String zone,
            @Value("${alliance.clock.fixed:}") String fixed) {
        return Clocks.of(zone, fixed);
    }
}
