package org.alliance.app.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** {@code ./alliance demo} deletes its own SQLite file before the start, and never another database. */
class DemoCommandTest {

    private static final Path DEMO = Path.of("data", "demo.db");

    @AfterEach
    void removeFile() throws Exception {
        Files.deleteIfExists(DEMO);
    }

    private static boolean prepare(String url) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", url)));
        DemoCommand.FreshDemoDatabase fresh = new DemoCommand.FreshDemoDatabase();
        fresh.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));
        return fresh.deleted();
    }

    @Test
    void theDemosOwnDatabaseStartsFromScratch() throws Exception {
        Files.createDirectories(DEMO.getParent());
        Files.writeString(DEMO, "old demo");
        assertThat(prepare(DemoCommand.DEMO_DATABASE + "?journal_mode=WAL&busy_timeout=10000"))
                .isTrue();
        assertThat(DEMO).doesNotExist();
    }

    @Test
    void aDemoToldToUseAnotherDatabaseLeavesTheDemoFileAlone() throws Exception {
        Files.createDirectories(DEMO.getParent());
        Files.writeString(DEMO, "old demo");
        assertThat(prepare("jdbc:postgresql://localhost:5432/alliance_demo")).isFalse();
        assertThat(prepare("jdbc:sqlite:./data/demo.db.backup")).isFalse();
        assertThat(prepare("jdbc:sqlite:/tmp/other.db")).isFalse();
        assertThat(DEMO).hasContent("old demo");
    }
}
