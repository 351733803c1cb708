package org.alliance.app.system;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who signs in with a second step (an authenticator app's code, {@link Totp}) and whether an organisation demands
 * it of its administrators. Checking a code also uses it up: the step it belongs to is stored in the same
 * statement that compares it with the last one used, so a code seen over someone's shoulder, or sent twice at once,
 * works once.
 */
@Component
public class TwoStep {

    private final JdbcClient jdbc;
    private final Clock clock;

    TwoStep(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<String> secret(long userId) {
        return jdbc.sql("SELECT totp_secret FROM app_user WHERE id = ?")
                .param(userId)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(s -> s);
    }

    public boolean enabled(long userId) {
        return secret(userId).isPresent();
    }

    /** Turns the second step on when the code fits the new secret (the person's app has it); false otherwise. */
    boolean enable(long userId, String secret, String code) {
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant().getEpochSecond());
        if (step.isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE app_user SET totp_secret = ?, totp_last_step = ? WHERE id = ?")
                .params(secret, step.getAsLong(), userId)
                .update();
        return true;
    }

    void disable(long userId) {
        jdbc.sql("UPDATE app_user SET totp_secret = NULL, totp_last_step = NULL WHERE id = ?")
                .param(userId)
                .update();
    }

    /** Whether the code is the account's current one and was not used before (it is used up now). */
    boolean check(long userId, String code) {
        Optional<String> secret = secret(userId);
        if (secret.isEmpty()) {
            return false;
        }
        OptionalLong step =
                Totp.matchingStep(secret.get(), code, clock.instant().getEpochSecond());
        return step.isPresent()
                && jdbc.sql(
                                        """
                                UPDATE app_user SET totp_last_step = ?
                                WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)""")
                                .params(step.getAsLong(), userId, step.getAsLong())
                                .update()
                        == 1;
    }

    public boolean adminsNeedIt(long organisationId) {
        return jdbc.sql("SELECT admins_need_two_step FROM organisation WHERE id = ?")
                        .param(organisationId)
                        .query(Integer.class)
                        .optional()
                        .orElse(0)
                == 1;
    }

    public void setAdminsNeedIt(long organisationId, boolean need) {
        jdbc.sql("UPDATE organisation SET admins_need_two_step = ? WHERE id = ?")
                .params(need ? 1 : 0, organisationId)
                .update();
    }
}
