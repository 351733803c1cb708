package org.alliance.app.joint;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.checkin.JointParticipants;
import org.alliance.app.joint.JointMeetings.Header;
import org.alliance.core.joint.BlockAudience;
import org.alliance.core.joint.Consent;
import org.alliance.core.joint.ConsentRules;
import org.alliance.core.joint.Party;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.release.ReleaseRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the results of a joint meeting are read from: its check-ins (the client's, the professionals' and the
 * network members' ratings) with the client's release choice per professional's block, and the client's consent
 * history. It is also what the client's joint check-in needs of the meeting ({@link JointParticipants}: the
 * professionals to ask about, where the consents go), so {@code checkin} does not depend on this package.
 */
@Repository
public class JointCheckIns implements JointParticipants {

    private final JdbcClient jdbc;
    private final JointMeetings meetings;
    private final Clock clock;

    JointCheckIns(JdbcClient jdbc, JointMeetings meetings, Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.clock = clock;
    }

    /**
     * One stored check-in of the meeting with its answers.
     *
     * @param perProfessional professional (user) id → item id → answer
     * @param blockReleases professional (user) id → the client's release choice for the block about them; empty
     *     for check-ins without per-block choices (the check-in's own choice then applies to every block)
     */
    public record StoredJointCheckIn(
            long id,
            String instrumentId,
            ReleaseChoice release,
            Optional<Instant> releasedAt,
            Instant submittedAt,
            Optional<Long> raterId,
            Optional<Long> jointPartyId,
            Map<String, Double> answers,
            Map<Long, Map<String, Double>> perProfessional,
            Map<Long, BlockRelease> blockReleases) {}

    /**
     * The client's release choice for one professional's block of a joint check-in.
     *
     * @param releasedAt when the block was released; empty while it is not (and always for "only team figures")
     */
    public record BlockRelease(ReleaseChoice choice, Optional<Instant> releasedAt, BlockAudience audience) {}

    // ---------------------------------------------------------------- consent

    /** Every consent event of a client, oldest first. */
    public List<Consent> consents(long clientId) {
        return jdbc.sql("SELECT professional_id, action, at FROM joint_consent WHERE client_id = ? ORDER BY at, id")
                .param(clientId)
                .query((rs, row) -> new Consent(
                        String.valueOf(clientId),
                        String.valueOf(rs.getLong(1)),
                        Consent.Action.valueOf(rs.getString(2)),
                        Instant.ofEpochMilli(rs.getLong(3))))
                .list();
    }

    public void recordConsent(long clientId, long professionalId, Consent.Action action, String recordedBy) {
        recordConsent(clientId, professionalId, action, recordedBy, clock.instant());
    }

    private void recordConsent(
            long clientId, long professionalId, Consent.Action action, String recordedBy, Instant at) {
        jdbc.sql(
                        """
                        INSERT INTO joint_consent (client_id, professional_id, action, at, recorded_by)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(clientId, professionalId, action.name(), at.toEpochMilli(), recordedBy)
                .update();
    }

    @Override
    public void recordConsents(long clientId, Map<Long, Boolean> given) {
        recordConsents(clientId, given, clock.instant());
    }

    /** The client's consents as they stood at {@code at} (the demo records its history at the meetings' times). */
    public void recordConsents(long clientId, Map<Long, Boolean> given, Instant at) {
        List<Consent> history = consents(clientId);
        given.forEach((professional, yes) -> {
            Optional<Consent.Action> standing =
                    ConsentRules.standing(String.valueOf(clientId), String.valueOf(professional), history, at);
            if (yes && standing.filter(Consent.Action.GIVEN::equals).isEmpty()) {
                recordConsent(clientId, professional, Consent.Action.GIVEN, "client", at);
            } else if (!yes && standing.filter(Consent.Action.GIVEN::equals).isPresent()) {
                recordConsent(clientId, professional, Consent.Action.WITHDRAWN, "client", at);
            }
        });
    }

    @Override
    public List<Professional> professionals(long meetingId) {
        Optional<Header> header = meetings.findByMeeting(meetingId);
        if (header.isEmpty()) {
            return List.of();
        }
        return meetings.parties(header.get().id()).stream()
                .filter(p -> p.kind() == Party.Kind.PROFESSIONAL)
                .map(p -> new Professional(
                        p.userId().orElseThrow(),
                        p.label(),
                        p.organisationName(),
                        p.organisationId().orElseThrow() != header.get().clientOrganisationId()))
                .toList();
    }

    // ---------------------------------------------------------------- check-ins of the meeting

    /** When the answers were released by {@link ReleaseRule}, if that instant has passed. */
    private Optional<Instant> released(
            ReleaseChoice choice,
            Instant submitted,
            LocalDate meetingDate,
            List<LocalDate> clientMeetings,
            Instant now) {
        return ReleaseRule.releasedAt(choice, submitted, meetingDate, clientMeetings, clock.getZone())
                .filter(at -> !at.isAfter(now));
    }

    /** Every check-in of the meeting with its answers, oldest first. */
    public List<StoredJointCheckIn> checkIns(long meetingId) {
        Map<Long, Map<String, Double>> answers = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        SELECT a.check_in_id, a.item_id, a.numeric_value FROM answer a
                        JOIN check_in ci ON ci.id = a.check_in_id
                        WHERE ci.meeting_id = ? AND a.numeric_value IS NOT NULL""")
                .param(meetingId)
                .query(rs -> {
                    answers.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getDouble(3));
                });
        Map<Long, Map<Long, Map<String, Double>>> blocks = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        SELECT a.check_in_id, a.professional_id, a.item_id, a.numeric_value
                        FROM answer_per_professional a JOIN check_in ci ON ci.id = a.check_in_id
                        WHERE ci.meeting_id = ?""")
                .param(meetingId)
                .query(rs -> {
                    blocks.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getLong(2), k -> new LinkedHashMap<>())
                            .put(rs.getString(3), rs.getDouble(4));
                });
        // "At our next meeting" is decided by ReleaseRule from the client's meeting dates when the answers are read;
        // a release instant is given only once it has passed.
        LocalDate meetingDate = LocalDate.parse(jdbc.sql("SELECT meeting_date FROM meeting WHERE id = ?")
                .param(meetingId)
                .query(String.class)
                .single());
        List<LocalDate> clientMeetings = jdbc.sql(
                        """
                        SELECT other.meeting_date FROM meeting m JOIN meeting other ON other.client_id = m.client_id
                        WHERE m.id = ?""")
                .param(meetingId)
                .query((rs, row) -> LocalDate.parse(rs.getString(1)))
                .list();
        Instant now = clock.instant();
        Map<Long, Map<Long, BlockRelease>> releases = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        SELECT r.check_in_id, r.professional_id, r.release_choice, r.released_at, r.audience
                        FROM check_in_block_release r JOIN check_in ci ON ci.id = r.check_in_id
                        WHERE ci.meeting_id = ?""")
                .param(meetingId)
                .query(rs -> {
                    long released = rs.getLong(4);
                    Optional<Instant> releasedAt =
                            rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(released));
                    releases.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(
                                    rs.getLong(2),
                                    new BlockRelease(
                                            ReleaseChoice.valueOf(rs.getString(3)),
                                            releasedAt,
                                            BlockAudience.parse(rs.getString(5))));
                });
        return jdbc.sql(
                        """
                        SELECT id, instrument_id, release_choice, released_at, submitted_at, rater_id, joint_party_id
                        FROM check_in WHERE meeting_id = ? ORDER BY submitted_at, id""")
                .param(meetingId)
                .query((rs, row) -> {
                    long id = rs.getLong("id");
                    Instant submitted = Instant.ofEpochMilli(rs.getLong("submitted_at"));
                    ReleaseChoice choice = ReleaseChoice.valueOf(rs.getString("release_choice"));
                    Optional<Instant> releasedAt = released(choice, submitted, meetingDate, clientMeetings, now);
                    Map<Long, BlockRelease> blockReleases = new LinkedHashMap<>();
                    releases.getOrDefault(id, Map.of())
                            .forEach((professional, block) -> blockReleases.put(
                                    professional,
                                    new BlockRelease(
                                            block.choice(),
                                            released(block.choice(), submitted, meetingDate, clientMeetings, now),
                                            block.audience())));
                    long rater = rs.getLong("rater_id");
                    Optional<Long> raterId = rs.wasNull() ? Optional.empty() : Optional.of(rater);
                    long party = rs.getLong("joint_party_id");
                    Optional<Long> partyId = rs.wasNull() ? Optional.empty() : Optional.of(party);
                    return new StoredJointCheckIn(
                            id,
                            rs.getString("instrument_id"),
                            choice,
                            releasedAt,
                            submitted,
                            raterId,
                            partyId,
                            answers.getOrDefault(id, Map.of()),
                            blocks.getOrDefault(id, Map.of()),
                            blockReleases);
                })
                .list();
    }
}
