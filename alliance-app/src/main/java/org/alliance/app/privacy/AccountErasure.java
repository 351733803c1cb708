package org.alliance.app.privacy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.alliance.app.diary.Diary;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasing a staff account (a professional who leaves, GDPR art. 17 for staff): in one transaction the author's
 * reflection diary is deleted — only they ever read it, so it goes with them — and the account is made nameless and
 * unusable ({@link UserAccounts#anonymise}). Refused for one's own account and while clients are still in the
 * account's caseload (they would have no professional): {@link #handOver} moves them to a colleague first. The
 * audit trail keeps who erased which account and how many diary entries went, never their content.
 */
@Component
public class AccountErasure {

    /** What became of the request. */
    public enum Outcome {
        ERASED,
        NOT_FOUND,
        OWN_ACCOUNT,
        HAS_CLIENTS
    }

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Diary diary;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    AccountErasure(
            JdbcClient jdbc,
            UserAccounts accounts,
            Diary diary,
            AuditLog audit,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.diary = diary;
        this.audit = audit;
    }

    /** The account's clients still in its caseload (an anonymised client is in no caseload). */
    private static final String CLIENTS =
            "SELECT COUNT(*) FROM client WHERE professional_id = ? AND anonymised_at IS NULL";

    /** What the confirmation page names: the account and what will go. */
    public record Preview(long id, String displayName, String username, long diaryEntries, long clients) {}

    /** The account of the administrator's organisation, with what erasing it would delete; empty for no such one. */
    public Optional<Preview> preview(CurrentUser admin, long userId) {
        return jdbc.sql("SELECT id, display_name, username FROM app_user WHERE id = ? AND organisation_id = ?")
                .params(userId, admin.organisationId())
                .query((rs, row) -> new Preview(
                        rs.getLong("id"),
                        rs.getString("display_name"),
                        rs.getString("username"),
                        count("SELECT COUNT(*) FROM diary_entry WHERE author_id = ?", userId),
                        count(CLIENTS, userId)))
                .optional();
    }

    private long count(String sql, long userId) {
        return jdbc.sql(sql).param(userId).query(Long.class).single();
    }

    /** A colleague who can take over the clients: an enabled professional or team lead with a team, not the leaver. */
    public record Receiver(long id, String displayName, long teamId) {}

    /** The colleagues of the administrator's organisation who can take over the clients of {@code userId}. */
    public List<Receiver> receivers(CurrentUser admin, long userId) {
        return jdbc.sql("SELECT id, display_name, team_id FROM app_user WHERE organisation_id = ? AND id <> ?"
                        + " AND enabled = ? AND team_id IS NOT NULL AND role IN ('PROFESSIONAL', 'TEAM_LEAD')"
                        + " ORDER BY display_name, id")
                .params(admin.organisationId(), userId, true)
                .query((rs, row) -> new Receiver(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /**
     * Hands the account's clients over to a colleague in one transaction, so the account can then be erased: each
     * client moves to the receiver and to the receiver's team (a client's team is their professional's team), with
     * everything recorded about them. The audit trail keeps from whom, to whom and how many. Returns the number of
     * clients handed over, or empty when {@code receiverId} is not one of {@link #receivers}.
     */
    public OptionalInt handOver(CurrentUser admin, long userId, long receiverId) {
        // The receiver is checked inside the transaction that moves the clients, so a colleague disabled or moved
        // out of their team between the check and the update cannot receive a caseload.
        Integer moved = transactions.execute(status -> {
            Optional<Receiver> receiver = receivers(admin, userId).stream()
                    .filter(r -> r.id() == receiverId)
                    .findFirst();
            if (receiver.isEmpty()) {
                return null;
            }
            int n = jdbc.sql("UPDATE client SET professional_id = ?, team_id = ? WHERE professional_id = ?"
                            + " AND organisation_id = ? AND anonymised_at IS NULL")
                    .params(receiverId, receiver.get().teamId(), userId, admin.organisationId())
                    .update();
            audit.record(
                    admin.username(),
                    "clients handed over",
                    "from user " + userId + " to user " + receiverId + "; clients: " + n);
            return n;
        });
        return moved == null ? OptionalInt.empty() : OptionalInt.of(moved);
    }

    /** Erases in one transaction, then ends the account's sessions (the registry needs a connection of its own). */
    public Outcome erase(CurrentUser admin, long userId) {
        if (userId == admin.id()) {
            return Outcome.OWN_ACCOUNT;
        }
        Optional<Preview> account = preview(admin, userId);
        if (account.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        Outcome outcome = transactions.execute(status -> eraseInTransaction(admin, userId));
        if (outcome == Outcome.ERASED) {
            accounts.endSessionsOf(account.get().username());
        }
        return outcome;
    }

    /** The caseload check, the diary and the account in one transaction; the account is known to be the admin's. */
    private Outcome eraseInTransaction(CurrentUser admin, long userId) {
        long clients = count(CLIENTS, userId);
        if (clients > 0) {
            return Outcome.HAS_CLIENTS;
        }
        int entries = diary.deleteAllOf(userId);
        accounts.anonymise(admin.organisationId(), userId);
        audit.record(admin.username(), "account erased", "user " + userId + "; diary entries deleted: " + entries);
        return Outcome.ERASED;
    }
}
