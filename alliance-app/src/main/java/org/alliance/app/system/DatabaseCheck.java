package org.alliance.app.system;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Before the web application starts: can the configured database be opened? Runs once the configuration is
 * complete (command line, environment, {@code application.properties}, profiles) and before any bean is made. When
 * the database cannot be opened it remembers one sentence saying what to fix and abandons the start, so the
 * command prints that sentence instead of Spring's stack trace.
 */
public final class DatabaseCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final String HOW_TO_SET =
            "set the database with --db-url or the environment variable SPRING_DATASOURCE_URL";

    private volatile @Nullable String problem;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        Optional<String> found = problem(
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
        if (found.isPresent()) {
            problem = found.get();
            throw new SpringApplication.AbandonedRunException();
        }
    }

    @Override
    public int getOrder() {
        // After Spring Boot has read the configuration files.
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** What was wrong with the database when the start was abandoned. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * Opens the database once and closes it again.
     *
     * @return one sentence for the person starting the server, or empty when the database can be opened
     */
    public static Optional<String> problem(@Nullable String url, @Nullable String username, @Nullable String password) {
        if (url == null || url.isBlank()) {
            return Optional.of("no database is configured: " + HOW_TO_SET + ".");
        }
        String shown = redact(url);
        if (url.startsWith("jdbc:sqlite:")) {
            Optional<String> folder = sqliteFolderProblem(url, shown);
            if (folder.isPresent()) {
                return folder;
            }
        }
        DatabaseDriver database = DatabaseDriver.fromJdbcUrl(url);
        String driverClass = database.getDriverClassName();
        if (database == DatabaseDriver.UNKNOWN || driverClass == null) {
            return Optional.of("the database URL " + shown
                    + " is not one Alliance knows (use jdbc:sqlite:/path/alliance.db or"
                    + " jdbc:postgresql://host/database): " + HOW_TO_SET + ".");
        }
        Driver driver;
        try {
            driver = (Driver) Class.forName(driverClass, true, DatabaseCheck.class.getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError missing) {
            return Optional.of("the database URL " + shown + " needs the driver " + driverClass
                    + ", which this build of Alliance does not contain: use SQLite or PostgreSQL.");
        }
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (database == DatabaseDriver.POSTGRESQL) {
            properties.setProperty("connectTimeout", "10");
            properties.setProperty("loginTimeout", "15");
        }
        try (Connection connection = driver.connect(url, properties)) {
            if (connection == null) {
                return Optional.of("the database driver does not accept the URL " + shown + ": " + HOW_TO_SET + ".");
            }
        } catch (SQLException | RuntimeException failed) {
            return Optional.of("cannot open the database " + shown + " (" + reason(failed) + "). Check that it is"
                    + " running and reachable, the name, user (SPRING_DATASOURCE_USERNAME) and password"
                    + " (SPRING_DATASOURCE_PASSWORD), or " + HOW_TO_SET + ".");
        }
        return Optional.empty();
    }

    /** The folder of a SQLite file must exist (it is made when missing) and be writable. */
    private static Optional<String> sqliteFolderProblem(String url, String shown) {
        String path = url.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file:")) {
            return Optional.empty();
        }
        Path file = Path.of(path).toAbsolutePath();
        Path folder = file.getParent();
        String fix = ": choose another file with --db-url jdbc:sqlite:/path/alliance.db or SPRING_DATASOURCE_URL.";
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException inTheWay) {
            return Optional.of("cannot use the SQLite database " + shown + ": the folder " + folder
                    + " cannot be made because " + inTheWay.getFile() + " is a file" + fix);
        } catch (AccessDeniedException denied) {
            return Optional.of("cannot use the SQLite database " + shown + ": the folder " + folder
                    + " cannot be made (no permission for " + denied.getFile() + ")" + fix);
        } catch (IOException | SecurityException failed) {
            return Optional.of("cannot use the SQLite database " + shown + ": the folder " + folder
                    + " cannot be made (" + reason(failed) + ")" + fix);
        }
        if (Files.isDirectory(file)) {
            return Optional.of(
                    "cannot use the SQLite database " + shown + ": " + file + " is a folder, not a file" + fix);
        }
        if (!Files.isWritable(folder) || (Files.exists(file) && !Files.isWritable(file))) {
            return Optional.of("cannot use the SQLite database " + shown + ": " + (Files.exists(file) ? file : folder)
                    + " is not writable" + fix);
        }
        return Optional.empty();
    }

    /** The first line of the deepest message, without the exception's class name. */
    private static String reason(Throwable failure) {
        Throwable deepest = failure;
        String message = failure.getMessage();
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
            if (deepest.getMessage() != null && !deepest.getMessage().isBlank()) {
                message = deepest.getMessage();
            }
        }
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        if (failure instanceof FileSystemException fileProblem) {
            return fileProblem.getFile() + ": "
                    + (fileProblem.getReason() != null
                            ? fileProblem.getReason()
                            : fileProblem.getClass().getSimpleName());
        }
        return message.strip().lines().findFirst().orElse(message).strip();
    }

    /** The URL as it may be printed: passwords in it are replaced by stars. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
    }
}
