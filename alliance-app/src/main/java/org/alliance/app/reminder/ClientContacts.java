package org.alliance.app.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clients' contact details ({@code client_contact}); callers check that the client is theirs. */
@Repository
public class ClientContacts {

    /** How long contact details are kept when nothing needs them (docs/privacy.md). */
    public static final Duration UNUSED_FOR = Duration.ofDays(90);

    private final JdbcClient jdbc;

    ClientContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ContactDetails> of(long clientId) {
        return jdbc.sql("SELECT client_id, channel, address, consent_at, consent_by FROM client_contact"
                        + " WHERE client_id = ?")
                .param(clientId)
                .query((rs, row) -> new ContactDetails(
                        rs.getLong(1),
                        Channel.valueOf(rs.getString(2)),
                        rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getLong(5)))
                .optional();
    }

    /** Records (or replaces) the client's contact details with the consent given now. */
    public void save(ContactDetails contact) {
        int changed = jdbc.sql("UPDATE client_contact SET channel = ?, address = ?, consent_at = ?, consent_by = ?"
                        + " WHERE client_id = ?")
                .params(
                        contact.channel().name(),
                        contact.address(),
                        contact.consentAt().toEpochMilli(),
                        contact.consentBy(),
                        contact.clientId())
                .update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO client_contact (client_id, channel, address, consent_at, consent_by)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(
                            contact.clientId(),
                            contact.channel().name(),
                            contact.address(),
                            contact.consentAt().toEpochMilli(),
                            contact.consentBy())
                    .update();
        }
    }

    public boolean delete(long clientId) {
        return jdbc.sql("DELETE FROM client_contact WHERE client_id = ?")
                        .param(clientId)
                        .update()
                > 0;
    }

    /**
     * Deletes the contact details nothing has needed for {@link #UNUSED_FOR}: recorded longer ago than that, the
     * client has no schedule, and none of the client's invitations worked at any time in that period.
     *
     * @return per organisation, how many were deleted
     */
    public Map<Long, Integer> deleteUnused(Instant now) {
        long cutoff = now.minus(UNUSED_FOR).toEpochMilli();
        List<Map.Entry<Long, Long>> unused = jdbc.sql(
                        """
                        SELECT cc.client_id, c.organisation_id FROM client_contact cc JOIN client c ON c.id = cc.client_id
                        WHERE cc.consent_at < ?
                          AND NOT EXISTS (SELECT 1 FROM client_schedule s WHERE s.client_id = cc.client_id)
                          AND NOT EXISTS (SELECT 1 FROM check_in_invitation i JOIN meeting m ON m.id = i.meeting_id
                                          WHERE m.client_id = cc.client_id AND i.expires_at >= ?)""")
                .params(cutoff, cutoff)
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list();
        Map<Long, Integer> deleted = new TreeMap<>();
        for (Map.Entry<Long, Long> contact : unused) {
            // The same conditions again, so an address saved or needed since the look-up stays.
            int gone = jdbc.sql(
                            """
                            DELETE FROM client_contact WHERE client_id = ? AND consent_at < ?
                              AND NOT EXISTS (SELECT 1 FROM client_schedule s WHERE s.client_id = ?)
                              AND NOT EXISTS (SELECT 1 FROM check_in_invitation i JOIN meeting m ON m.id = i.meeting_id
                                              WHERE m.client_id = ? AND i.expires_at >= ?)""")
                    .params(contact.getKey(), cutoff, contact.getKey(), contact.getKey(), cutoff)
                    .update();
            deleted.merge(contact.getValue(), gone, Integer::sum);
        }
        deleted.values().removeIf(n -> n == 0);
        return deleted;
    }
}
