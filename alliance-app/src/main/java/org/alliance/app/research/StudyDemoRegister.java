package org.alliance.app.research;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the demo's synthetic register file ({@link StudyDemoSeeder#register}) is offered for a study: only while
 * the demo runs (profile {@code demo}) and only for the demo's study. The outcomes page that offers it and the
 * endpoint that serves it ({@link StudyDemoRegisterController}, demo profile only) both ask here.
 */
@Component
class StudyDemoRegister {

    private final boolean demo;

    StudyDemoRegister(Environment environment) {
        this.demo = environment.matchesProfiles("demo");
    }

    boolean offeredFor(Study study) {
        return demo && study.title().equals(StudyDemoSeeder.TITLE);
    }
}
