package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StudyDemoRegisterTest {

    private static final Study DEMO =
            TestStudy.of(1, 1).title(StudyDemoSeeder.TITLE).build();
    private static final Study OTHER =
            TestStudy.of(1, 1).title("Alliance and work").build();

    private static StudyDemoRegister register(String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new StudyDemoRegister(environment);
    }

    @Test
    void theRegisterFileIsOfferedOnlyForTheDemoStudyWhileTheDemoRuns() {
        assertThat(register("demo").offeredFor(DEMO)).isTrue();
        assertThat(register("demo").offeredFor(OTHER)).isFalse();
        assertThat(register().offeredFor(DEMO)).isFalse();
        assertThat(register("test").offeredFor(DEMO)).isFalse();
    }
}
