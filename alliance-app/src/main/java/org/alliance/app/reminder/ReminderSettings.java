package org.alliance.app.reminder;

import java.time.Duration;
import java.util.Optional;

/**
 * How links and reminders are sent (docs/deployment.md, "Sending links").
 *
 * @param publicAddress the address clients reach the application at ({@code https://alliance.example.org}); the
 *     scheduled job needs it to write links, as it has no request to take it from. Empty: the job sends nothing.
 * @param reminderDelay how long after the invitation the reminder goes; empty: at half the invitation's life
 * @param mailFrom the sender of the e-mails
 */
public record ReminderSettings(Optional<String> publicAddress, Optional<Duration> reminderDelay, String mailFrom) {

    public ReminderSettings {
        publicAddress = publicAddress.map(a -> a.endsWith("/") ? a.substring(0, a.length() - 1) : a);
        if (reminderDelay.isPresent()
                && (reminderDelay.get().isNegative() || reminderDelay.get().isZero())) {
            throw new IllegalArgumentException("the reminder delay must be positive, got " + reminderDelay.get());
        }
    }
}
