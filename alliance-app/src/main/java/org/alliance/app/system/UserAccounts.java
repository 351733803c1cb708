package org.alliance.app.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** User accounts in {@code app_user}: sign-in look-up and creation with a hashed password. */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock) {
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

    /** The shortest password anyone may choose (setup, new accounts, changing one's own). */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** Why a new password was refused, as a message key; empty when it is acceptable. */
    public static Optional<String> passwordProblem(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("account.error.tooShort");
        }
        if (password.length() > 200) {
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
