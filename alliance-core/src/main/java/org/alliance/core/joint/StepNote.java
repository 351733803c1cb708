package org.alliance.core.joint;

import java.time.Instant;

/** What the chair noted about one step of the guide. */
public record StepNote(GuideStep step, String text, Instant at) {

    public StepNote {
        if (text.isBlank()) {
            throw new IllegalArgumentException("a note on step " + step.code() + " is empty");
        }
    }
}
