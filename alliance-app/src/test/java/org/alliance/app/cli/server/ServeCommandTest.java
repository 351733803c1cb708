package org.alliance.app.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alliance.app.TestPostgres;
import org.alliance.app.cli.AllianceCommand;
import org.alliance.app.cli.CommandRun;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.system.DatabaseCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code serve} with a database it cannot open ends with one line saying what to fix and exit code 2, not with
 * Spring's stack trace. (The server port is 0 so that a broken check could never take a fixed port.)
 */
@ExtendWith(OutputCaptureExtension.class)
class ServeCommandTest {

    @TempDir
    Path folder;

    private static void assertOneLineWithoutStackTrace(CommandRun run, CapturedOutput output) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").doesNotContain("Exception");
        assertThat(output.getAll())
                .as("nothing else is printed")
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("APPLICATION FAILED TO START");
        assertThat(AllianceCommand.serverStarted()).isFalse();
    }

    @Test
    void anUnreachablePostgresqlServerIsReportedInOneLineWithExitCodeTwo(CapturedOutput output) {
        CommandRun run = CommandRun.run("serve", "--db-url", "jdbc:postgresql://localhost:1/x", "--server.port=0");
        assertOneLineWithoutStackTrace(run, output);
        assertThat(run.err())
                .contains("cannot open the database jdbc:postgresql://localhost:1/x")
                .contains("refused")
                .contains("--db-url")
                .contains("SPRING_DATASOURCE_URL");
    }

    @Test
    void aSqliteFileInAFolderThatCannotBeMadeIsReportedInOneLine(CapturedOutput output) throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("notes.txt"), "a file, not a folder");
        String url = "jdbc:sqlite:" + notAFolder.resolve("alliance.db");
        CommandRun run = CommandRun.run("serve", "--db-url", url, "--server.port=0");
        assertOneLineWithoutStackTrace(run, output);
        assertThat(run.err())
                .contains("cannot use the SQLite database " + url)
                .contains(notAFolder + " is a file")
                .contains("--db-url");
    }

    @Test
    void aSqlitePathThatIsAFolderIsReportedInOneLine(CapturedOutput output) {
        CommandRun run = CommandRun.run("serve", "--db-url", "jdbc:sqlite:" + folder, "--server.port=0");
        assertOneLineWithoutStackTrace(run, output);
        assertThat(run.err()).contains(folder + " is a folder, not a file");
    }

    @Test
    void anUnknownKindOfDatabaseIsNamed(CapturedOutput output) {
        CommandRun run = CommandRun.run("serve", "--db-url", "jdbc:nosuchdb://h/x?password=secret", "--server.port=0");
        assertOneLineWithoutStackTrace(run, output);
        assertThat(run.err()).contains("is not one Alliance knows").doesNotContain("secret");
    }

    @Test
    void databasesThatCanBeOpenedPassTheCheck() {
        assertThat(DatabaseCheck.problem("jdbc:sqlite:" + folder.resolve("new/alliance.db"), null, null))
                .isEmpty();
        assertThat(Files.isDirectory(folder.resolve("new")))
                .as("the missing folder is made")
                .isTrue();
        try (HikariDataSource postgres = (HikariDataSource) TestPostgres.newDatabase()) {
            assertThat(DatabaseCheck.problem(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword()))
                    .isEmpty();
        }
    }

    @Test
    void passwordsInTheUrlAreNotPrinted() {
        assertThat(DatabaseCheck.problem("jdbc:postgresql://localhost:1/x?user=a&password=hunter2", null, null))
                .hasValueSatisfying(
                        line -> assertThat(line).doesNotContain("hunter2").contains("password=***"));
    }
}
