package org.alliance.app.cli.server;

import org.alliance.app.AllianceApplication;
import org.alliance.app.cli.UserInputException;
import org.alliance.app.system.DatabaseCheck;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the web application for {@code serve} and {@code demo}. A database that cannot be opened is bad input:
 * the command prints one line saying what to fix and exits with 2, instead of Spring's stack trace.
 */
final class WebServer {

    private WebServer() {}

    static ConfigurableApplicationContext start(String... args) {
        return start(null, args);
    }

    /** With a listener that must see the complete configuration before the database is opened (the demo's). */
    static ConfigurableApplicationContext start(@Nullable ApplicationListener<?> before, String... args) {
        SpringApplication application = new SpringApplication(AllianceApplication.class);
        DatabaseCheck check = new DatabaseCheck();
        if (before != null) {
            application.addListeners(before);
        }
        application.addListeners(check);
        try {
            return application.run(args);
        } catch (SpringApplication.AbandonedRunException abandoned) {
            throw new UserInputException(check.problem().orElse("the web application did not start"));
        }
    }
}
