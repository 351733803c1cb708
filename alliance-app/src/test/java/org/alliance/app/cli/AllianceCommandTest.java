package org.alliance.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllianceCommandTest {

    @Test
    void helpListsEveryCommand() {
        CommandRun run = CommandRun.run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("serve", "demo", "instrument", "score", "generate");
    }

    @Test
    void anUnknownCommandIsBadInputWithExitCodeTwo() {
        CommandRun run = CommandRun.run("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("frobnicate");
    }
}
