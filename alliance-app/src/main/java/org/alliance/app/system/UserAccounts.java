package org.alliance.app.system;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** User accounts in {@code app_user}: sign-in look-up and creation with a hashed password. */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final SessionRegistry sessions;
    private final Clock clock;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock, SessionRegistry sessions) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public CurrentUser loadUserByUsername(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = ?")
                .param(username.strip())
                .query(UserAccounts::map)
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** The account with this user name, if there is one. */
    public Optional<CurrentUser> find(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = ?")
                .param(username.strip())
                .query(UserAccounts::map)
                .optional();
    }

    /**
     * Gives an account the role and team its identity provider's claims say (single sign-on, at sign-in). The
     * sessions it has keep the role they signed in with; the next sign-in has the new one.
     */
    void setRoleAndTeam(long userId, Role role, @Nullable Long teamId) {
        jdbc.sql("UPDATE app_user SET role = ?, team_id = ? WHERE id = ?")
                .params(role.name(), teamId, userId)
                .update();
    }

    /**
     * Creates an account for a person their identity provider vouches for (a provider set to create accounts from
     * claims). Its password is 256 random bits nobody knows: the person signs in through the provider, and an
     * administrator may still set a password for them.
     */
    long createFromClaims(long organisationId, @Nullable Long teamId, String username, String displayName, Role role) {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return create(
                organisationId,
                teamId,
                username,
                displayName,
                java.util.Base64.getEncoder().encodeToString(random).substring(0, 40),
                role);
    }

    /** The shortest password anyone may choose (setup, new accounts, changing one's own). */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** bcrypt reads at most 72 bytes of a password, and Spring's encoder refuses longer ones. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** Why a new password was refused, as a message key; empty when it is acceptable. */
    public static Optional<String> passwordProblem(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("account.error.tooShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("account.error.tooLong");
        }
        return Optional.empty();
    }

    /**
     * Replaces a user's password after checking the current one; false (and nothing changed) when the current
     * password is wrong.
     */
    public boolean changePassword(long userId, String current, String replacement) {
        Optional<String> hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?")
                .param(userId)
                .query(String.class)
                .optional();
        if (hash.isEmpty() || !passwordEncoder.matches(current, hash.get())) {
            return false;
        }
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?")
                .params(passwordEncoder.encode(replacement), userId)
                .update();
        return true;
    }

    /** An account as the administrator's list shows it. */
    public record Account(long id, String username, String displayName, Role role, boolean enabled) {}

    /** The accounts of one organisation, by display name. */
    public List<Account> ofOrganisation(long organisationId) {
        return jdbc.sql(
                        """
                        SELECT id, username, display_name, role, enabled FROM app_user
                        WHERE organisation_id = ? ORDER BY display_name, id""")
                .param(organisationId)
                .query((rs, row) -> new Account(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled")))
                .list();
    }

    /**
     * Lets an account of this organisation sign in again, or stops it: a stopped account cannot sign in and its open
     * sessions end at their next request. False when the organisation has no such account.
     */
    public boolean setEnabled(long organisationId, long userId, boolean enabled) {
        int changed = jdbc.sql("UPDATE app_user SET enabled = ? WHERE id = ? AND organisation_id = ?")
                .params(enabled, userId, organisationId)
                .update();
        if (changed > 0 && !enabled) {
            endSessionsOf(userId);
        }
        return changed > 0;
    }

    /**
     * Sets a new password for an account of this organisation (the administrator's reset); the account's open
     * sessions end. False when the organisation has no such account.
     */
    public boolean resetPassword(long organisationId, long userId, String password) {
        int changed = jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ? AND organisation_id = ?")
                .params(passwordEncoder.encode(password), userId, organisationId)
                .update();
        if (changed > 0) {
            endSessionsOf(userId);
        }
        return changed > 0;
    }

    /**
     * Erases what identifies an account of this organisation: it can never sign in again (no
     * password matches, no two-step secret), its username and name become "erased-ID" / "Erased account ID", and it
     * leaves every study it was a researcher of. The row stays, nameless, because the organisation's records
     * (meetings, ratings, codings) point at it; its open sessions end at their next request, since it is stopped
     * ({@link #stillValid}), and at once with {@link #endSessionsOf(String)}. False when there is no such account.
     */
    public boolean anonymise(long organisationId, long userId) {
        int changed = jdbc.sql(
                        """
                        UPDATE app_user SET username = ?, display_name = ?, password_hash = ?, enabled = ?,
                            totp_secret = NULL, totp_last_step = NULL
                        WHERE id = ? AND organisation_id = ?""")
                .params("erased-" + userId, "Erased account " + userId, ERASED_PASSWORD, false, userId, organisationId)
                .update();
        if (changed > 0) {
            jdbc.sql("DELETE FROM study_researcher WHERE user_id = ?")
                    .param(userId)
                    .update();
        }
        return changed > 0;
    }

    /** Not a BCrypt hash, so no password ever matches an erased account. */
    private static final String ERASED_PASSWORD = "!erased";

    /**
     * Marks every session of this username expired, on every server. Outside a transaction: the session registry
     * opens its own, which SQLite's single connection could not give inside another.
     */
    public void endSessionsOf(String username) {
        sessions.getAllSessions(username, false).forEach(SessionInformation::expireNow);
    }

    /** Marks every session of the account expired, on every server (the registry reads the session table). */
    private void endSessionsOf(long userId) {
        jdbc.sql("SELECT username FROM app_user WHERE id = ?")
                .param(userId)
                .query(String.class)
                .optional()
                .ifPresent(username -> sessions.getAllSessions(username, false).forEach(SessionInformation::expireNow));
    }

    /**
     * Whether a session signed in with this password hash may go on: the account exists, is not stopped, and its
     * password was not set anew since (asked on every signed-in request by {@link AccountStillValidFilter}).
     */
    public boolean stillValid(long userId, String passwordHash) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = ? AND enabled = ?")
                .params(userId, true)
                .query(String.class)
                .optional()
                .filter(passwordHash::equals)
                .isPresent();
    }

    /** True until the first account exists; the setup page works only then. */
    public boolean noUserYet() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single() == 0;
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
                        .param(username.strip())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Creates an account; the password is stored only as a hash (bcrypt via Spring's delegating encoder). */
    /**
     * Whether a user name and display name fit their columns (100 and 200 characters, after stripping): PostgreSQL
     * refuses longer text, so a form checks this first and answers with an error beside the field.
     */
    public static boolean namesFit(String username, String displayName) {
        return username.strip().length() <= 100 && displayName.strip().length() <= 200;
    }

    public long create(
            long organisationId,
            @Nullable Long teamId,
            String username,
            String displayName,
            String password,
            Role role) {
        return jdbc.sql(
                        """
                        INSERT INTO app_user (organisation_id, team_id, username, display_name, password_hash, role,
                                              enabled, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, TRUE, ?) RETURNING id""")
                .params(
                        organisationId,
                        teamId,
                        username.strip(),
                        displayName.strip(),
                        passwordEncoder.encode(password),
                        role.name(),
                        clock.millis())
                .query(Long.class)
                .single();
    }

    static CurrentUser map(ResultSet rs, int row) throws SQLException {
        long team = rs.getLong("team_id");
        Long teamId = rs.wasNull() ? null : team;
        return new CurrentUser(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                teamId,
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getString("password_hash"),
                rs.getBoolean("enabled"));
    }
}
