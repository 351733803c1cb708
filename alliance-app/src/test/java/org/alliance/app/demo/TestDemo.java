package org.alliance.app.demo;

import java.util.UUID;
import org.alliance.app.AllianceApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code ./alliance demo} for the tests: its own application, outside the shared test context. */
public final class TestDemo {

    private TestDemo() {}

    /**
     * The application with the demo profile on a fresh SQLite file ({@code target/test-db/<name>-<random>.db}) and a
     * clock fixed at {@code now}, filled by the seeders, on a free port; the caller closes it.
     */
    public static ConfigurableApplicationContext startedAt(String now, String name) {
        return new SpringApplicationBuilder(AllianceApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(
                        "--spring.profiles.active=demo",
                        "--server.port=0",
                        "--alliance.clock.fixed=" + now,
                        "--spring.datasource.url=jdbc:sqlite:target/test-db/" + name + "-" + UUID.randomUUID()
                                + ".db?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&synchronous=NORMAL"
                                + "&transaction_mode=IMMEDIATE",
                        "--logging.level.org.flywaydb=warn",
                        "--logging.level.root=warn");
    }
}
