package org.alliance.app.joint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Meeting;
import org.alliance.app.checkin.JointParticipants;
import org.alliance.core.joint.BlockAudience;
import org.alliance.core.joint.Consent;
import org.alliance.core.joint.Goal;
import org.alliance.core.joint.GoalConflict;
import org.alliance.core.joint.GuideStep;
import org.alliance.core.joint.Interest;
import org.alliance.core.joint.JointMeeting;
import org.alliance.core.joint.MeetingDecision;
import org.alliance.core.joint.Party;
import org.alliance.core.joint.StepNote;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.release.ReleaseRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Joint meetings in the database: the meeting (a row of {@code meeting} of kind JOINT for the client, chaired by
 * the client's own professional), its parties, what the chair noted along the guide, decisions, interests, goals
 * and conflicts, the client's consents, and the check-ins of the meeting. {@link #domain} turns a stored meeting
 * into the core {@link JointMeeting}, whose rules (balance check, decision ownership, consent, scoring, indices)
 * the pages use as they are.
 *
 * <p>Party ids in the core model: {@code client} for the client, the user id for a professional (so that
 * consents and score sheets are keyed by professional), {@code n} + row id for a network member.
 *
 * <p>Why one class of some 650 lines: it is the repository of one aggregate (the joint meeting and its ten tables,
 * written in one transaction at creation and read together by {@link #read}); each method is one SQL statement
 * with its mapping, and splitting by table would scatter the party-id mapping above over several classes.
 */
@Repository
public class JointMeetings implements JointParticipants {

    static final String CLIENT_PARTY = "client";

    private final JdbcClient jdbc;
    private final Caseload caseload;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JointMeetings(JdbcClient jdbc, Caseload caseload, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.caseload = caseload;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A joint meeting's header: whose it is, when, and who chairs it. */
    public record Header(
            long id,
            long meetingId,
            long clientId,
            String clientAlias,
            long clientOrganisationId,
            long chairId,
            LocalDate date,
            Optional<Instant> closedAt) {}

    /**
     * A party as stored.
     *
     * @param userId the account of a professional
     * @param organisationId the organisation of a professional
     */
    public record StoredParty(
            long id,
            Party.Kind kind,
            Optional<Long> userId,
            Optional<Party.NetworkRole> role,
            String label,
            boolean present,
            Optional<Long> organisationId,
            String organisationName) {

        /** The id of this party in the core model. */
        public String key() {
            return switch (kind) {
                case CLIENT -> CLIENT_PARTY;
                case PROFESSIONAL -> String.valueOf(userId.orElseThrow());
                case NETWORK_MEMBER -> "n" + id;
            };
        }
    }

    /** A network member to add when the meeting is created. */
    public record NewNetworkMember(Party.NetworkRole role, String label, boolean present) {}

    /** A professional's account as found by user name. */
    public record Account(long id, long organisationId, String displayName, String organisationName) {}

    /** A stored goal with its row id (conflicts name goals by row id). */
    public record StoredGoal(long id, long partyId, String text) {}

    /** A stored conflict between two goals. */
    public record StoredConflict(long id, long goalId, long otherGoalId, Optional<String> winWin) {}

    /** A stored decision. */
    public record StoredDecision(long id, String text, long proposedBy, MeetingDecision.ClientAgreement agreement) {}

    /** A stored interest. */
    public record StoredInterest(long id, long partyId, String text) {}

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

    // ---------------------------------------------------------------- creating and finding

    /**
     * Creates a joint meeting for a client: a meeting of kind JOINT (which, like any new meeting, releases answers
     * kept for "our next meeting"), the client, the chair and the other professionals, and the network members.
     */
    public long create(
            long clientId,
            String clientAlias,
            Account chair,
            LocalDate date,
            List<Account> professionals,
            List<NewNetworkMember> network) {
        return transactions.execute(status -> {
            long meetingId = caseload.createMeeting(clientId, chair.id(), date, Meeting.Kind.JOINT);
            long id = jdbc.sql(
                            """
                            INSERT INTO joint_meeting (meeting_id, chair_id, created_at) VALUES (?, ?, ?)
                            RETURNING id""")
                    .params(meetingId, chair.id(), clock.millis())
                    .query(Long.class)
                    .single();
            insertParty(id, Party.Kind.CLIENT, null, null, clientAlias, true);
            insertParty(id, Party.Kind.PROFESSIONAL, chair.id(), null, chair.displayName(), true);
            for (Account professional : professionals) {
                if (professional.id() != chair.id()) {
                    insertParty(id, Party.Kind.PROFESSIONAL, professional.id(), null, professional.displayName(), true);
                }
            }
            for (NewNetworkMember member : network) {
                insertParty(id, Party.Kind.NETWORK_MEMBER, null, member.role(), member.label(), member.present());
            }
            return id;
        });
    }

    private void insertParty(
            long jointId, Party.Kind kind, Long userId, Party.NetworkRole role, String label, boolean present) {
        jdbc.sql(
                        """
                        INSERT INTO joint_party (joint_meeting_id, kind, user_id, network_role, label, present)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(jointId, kind.name(), userId, role == null ? null : role.name(), label.strip(), present)
                .update();
    }

    private static final String HEADER =
            """
            SELECT j.id, j.meeting_id, j.chair_id, j.closed_at, m.client_id, m.meeting_date, c.alias,
                   c.organisation_id
            FROM joint_meeting j JOIN meeting m ON m.id = j.meeting_id JOIN client c ON c.id = m.client_id
            """;

    public Optional<Header> find(long jointId) {
        return jdbc.sql(HEADER + " WHERE j.id = ?")
                .param(jointId)
                .query(JointMeetings::header)
                .optional();
    }

    /** The joint meeting, only if this professional takes part in it. */
    public Optional<Header> findFor(long userId, long jointId) {
        return find(jointId).filter(header -> takesPart(jointId, userId));
    }

    public Optional<Header> findByMeeting(long meetingId) {
        return jdbc.sql(HEADER + " WHERE j.meeting_id = ?")
                .param(meetingId)
                .query(JointMeetings::header)
                .optional();
    }

    /** The joint meetings a professional takes part in, newest first. */
    public List<Header> meetingsOf(long userId) {
        return jdbc.sql(
                        HEADER
                                + """
                         WHERE j.id IN (SELECT joint_meeting_id FROM joint_party WHERE user_id = ?)
                         ORDER BY m.meeting_date DESC, j.id DESC""")
                .param(userId)
                .query(JointMeetings::header)
                .list();
    }

    /** The joint meetings of one client, oldest first. */
    public List<Header> meetingsOfClient(long clientId) {
        return jdbc.sql(HEADER + " WHERE m.client_id = ? ORDER BY m.meeting_date, j.id")
                .param(clientId)
                .query(JointMeetings::header)
                .list();
    }

    /** The joint meetings of the clients of one team, oldest first (for the team's aggregate figures). */
    public List<Header> meetingsOfTeam(long teamId) {
        return jdbc.sql(HEADER + " WHERE c.team_id = ? ORDER BY m.meeting_date, j.id")
                .param(teamId)
                .query(JointMeetings::header)
                .list();
    }

    public boolean takesPart(long jointId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM joint_party WHERE joint_meeting_id = ? AND user_id = ?")
                        .params(jointId, userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Header header(ResultSet rs, int row) throws SQLException {
        long closed = rs.getLong("closed_at");
        Optional<Instant> closedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(closed));
        return new Header(
                rs.getLong("id"),
                rs.getLong("meeting_id"),
                rs.getLong("client_id"),
                rs.getString("alias"),
                rs.getLong("organisation_id"),
                rs.getLong("chair_id"),
                LocalDate.parse(rs.getString("meeting_date")),
                closedAt);
    }

    /** An enabled professional's account by user name, in any organisation. */
    public Optional<Account> professional(String username) {
        return jdbc.sql(
                        """
                        SELECT u.id, u.organisation_id, u.display_name, o.name FROM app_user u
                        JOIN organisation o ON o.id = u.organisation_id
                        WHERE u.username = ? AND u.role = 'PROFESSIONAL' AND u.enabled = TRUE""")
                .param(username.strip())
                .query((rs, row) -> new Account(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public Account account(long userId) {
        return jdbc.sql(
                        """
                        SELECT u.id, u.organisation_id, u.display_name, o.name FROM app_user u
                        JOIN organisation o ON o.id = u.organisation_id WHERE u.id = ?""")
                .param(userId)
                .query((rs, row) -> new Account(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .single();
    }

    /** The organisation's split-alliance alert threshold as a share of the scale range. */
    public double splitThreshold(long organisationId) {
        return jdbc.sql("SELECT split_threshold_percent FROM organisation WHERE id = ?")
                        .param(organisationId)
                        .query(Integer.class)
                        .single()
                / 100.0;
    }

    // ---------------------------------------------------------------- parties and the chair's record

    public List<StoredParty> parties(long jointId) {
        return jdbc.sql(
                        """
                        SELECT p.id, p.kind, p.user_id, p.network_role, p.label, p.present, u.organisation_id,
                               o.name AS organisation_name
                        FROM joint_party p LEFT JOIN app_user u ON u.id = p.user_id
                        LEFT JOIN organisation o ON o.id = u.organisation_id
                        WHERE p.joint_meeting_id = ? ORDER BY p.id""")
                .param(jointId)
                .query((rs, row) -> {
                    long user = rs.getLong("user_id");
                    Optional<Long> userId = rs.wasNull() ? Optional.empty() : Optional.of(user);
                    long organisation = rs.getLong("organisation_id");
                    Optional<Long> organisationId = rs.wasNull() ? Optional.empty() : Optional.of(organisation);
                    String role = rs.getString("network_role");
                    String organisationName = rs.getString("organisation_name");
                    return new StoredParty(
                            rs.getLong("id"),
                            Party.Kind.valueOf(rs.getString("kind")),
                            userId,
                            Optional.ofNullable(role).map(Party.NetworkRole::valueOf),
                            rs.getString("label"),
                            rs.getBoolean("present"),
                            organisationId,
                            organisationName == null ? "" : organisationName);
                })
                .list();
    }

    public void addNote(long jointId, GuideStep step, String text) {
        jdbc.sql("INSERT INTO joint_step_note (joint_meeting_id, step, note, written_at) VALUES (?, ?, ?, ?)")
                .params(jointId, step.code(), text.strip(), clock.millis())
                .update();
    }

    public List<StepNote> notes(long jointId) {
        return jdbc.sql("SELECT step, note, written_at FROM joint_step_note WHERE joint_meeting_id = ? ORDER BY id")
                .param(jointId)
                .query((rs, row) -> new StepNote(
                        step(rs.getString("step")), rs.getString("note"), Instant.ofEpochMilli(rs.getLong(3))))
                .list();
    }

    static GuideStep step(String code) {
        for (GuideStep step : GuideStep.values()) {
            if (step.code().equals(code)) {
                return step;
            }
        }
        throw new IllegalArgumentException("unknown guide step " + code);
    }

    public void addDecision(
            long jointId, String text, long proposedByPartyId, MeetingDecision.ClientAgreement agreement) {
        jdbc.sql(
                        """
                        INSERT INTO joint_decision (joint_meeting_id, decision, proposed_by, client_agreement,
                                                    written_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(jointId, text.strip(), proposedByPartyId, agreement.name(), clock.millis())
                .update();
    }

    public List<StoredDecision> decisions(long jointId) {
        return jdbc.sql(
                        """
                        SELECT id, decision, proposed_by, client_agreement FROM joint_decision
                        WHERE joint_meeting_id = ? ORDER BY id""")
                .param(jointId)
                .query((rs, row) -> new StoredDecision(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        MeetingDecision.ClientAgreement.valueOf(rs.getString(4))))
                .list();
    }

    public void addInterest(long jointId, long partyId, String text) {
        jdbc.sql(
                        """
                        INSERT INTO joint_interest (joint_meeting_id, party_id, interest, written_at)
                        VALUES (?, ?, ?, ?)""")
                .params(jointId, partyId, text.strip(), clock.millis())
                .update();
    }

    public List<StoredInterest> interests(long jointId) {
        return jdbc.sql("SELECT id, party_id, interest FROM joint_interest WHERE joint_meeting_id = ? ORDER BY id")
                .param(jointId)
                .query((rs, row) -> new StoredInterest(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list();
    }

    public void addGoal(long jointId, long partyId, String text) {
        jdbc.sql("INSERT INTO joint_goal (joint_meeting_id, party_id, goal, written_at) VALUES (?, ?, ?, ?)")
                .params(jointId, partyId, text.strip(), clock.millis())
                .update();
    }

    public List<StoredGoal> goals(long jointId) {
        return jdbc.sql("SELECT id, party_id, goal FROM joint_goal WHERE joint_meeting_id = ? ORDER BY id")
                .param(jointId)
                .query((rs, row) -> new StoredGoal(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list();
    }

    public void addConflict(long jointId, long goalId, long otherGoalId, Optional<String> winWin) {
        jdbc.sql(
                        """
                        INSERT INTO joint_goal_conflict (joint_meeting_id, goal_id, other_goal_id, win_win, written_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(jointId, goalId, otherGoalId, winWin.map(String::strip).orElse(null), clock.millis())
                .update();
    }

    /** Notes the win-win option of a conflict flagged earlier. */
    public void noteWinWin(long jointId, long conflictId, String winWin) {
        jdbc.sql("UPDATE joint_goal_conflict SET win_win = ? WHERE id = ? AND joint_meeting_id = ?")
                .params(winWin.strip(), conflictId, jointId)
                .update();
    }

    public List<StoredConflict> conflicts(long jointId) {
        return jdbc.sql(
                        """
                        SELECT id, goal_id, other_goal_id, win_win FROM joint_goal_conflict
                        WHERE joint_meeting_id = ? ORDER BY id""")
                .param(jointId)
                .query((rs, row) -> new StoredConflict(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        Optional.ofNullable(rs.getString(4)).filter(s -> !s.isBlank())))
                .list();
    }

    public void close(long jointId) {
        jdbc.sql("UPDATE joint_meeting SET closed_at = ? WHERE id = ? AND closed_at IS NULL")
                .params(clock.millis(), jointId)
                .update();
    }

    /**
     * Everything the chair recorded of one meeting, read once: the meeting page shows it and builds the domain's
     * meeting from the same lists ({@link #domain(Snapshot)}), so a page is six queries, not twelve.
     */
    public record Snapshot(
            Header header,
            List<StoredParty> parties,
            List<StepNote> notes,
            List<StoredDecision> decisions,
            List<StoredInterest> interests,
            List<StoredGoal> goals,
            List<StoredConflict> conflicts) {}

    /** Reads the meeting's record (six queries). */
    public Snapshot read(Header header) {
        long id = header.id();
        return new Snapshot(header, parties(id), notes(id), decisions(id), interests(id), goals(id), conflicts(id));
    }

    /** The stored meeting as the core model, for the balance check and decision ownership. */
    public JointMeeting domain(Header header) {
        return domain(read(header));
    }

    /** The domain's meeting from a record already read. */
    public JointMeeting domain(Snapshot snapshot) {
        Header header = snapshot.header();
        List<StoredParty> stored = snapshot.parties();
        Map<Long, String> keys = new LinkedHashMap<>();
        List<Party> parties = new ArrayList<>();
        for (StoredParty party : stored) {
            keys.put(party.id(), party.key());
            parties.add(
                    switch (party.kind()) {
                        case CLIENT -> Party.client(CLIENT_PARTY, party.label());
                        case PROFESSIONAL ->
                            Party.professional(
                                    party.key(),
                                    String.valueOf(party.organisationId().orElseThrow()),
                                    party.label());
                        case NETWORK_MEMBER ->
                            Party.networkMember(
                                    party.key(), party.role().orElseThrow(), party.label(), party.present());
                    });
        }
        List<MeetingDecision> decisions = snapshot.decisions().stream()
                .map(d ->
                        new MeetingDecision(String.valueOf(d.id()), d.text(), keys.get(d.proposedBy()), d.agreement()))
                .toList();
        List<Interest> interests = snapshot.interests().stream()
                .map(i -> new Interest(keys.get(i.partyId()), i.text()))
                .toList();
        List<Goal> goals = snapshot.goals().stream()
                .map(g -> new Goal(String.valueOf(g.id()), keys.get(g.partyId()), g.text()))
                .toList();
        List<GoalConflict> conflicts = snapshot.conflicts().stream()
                .map(c -> new GoalConflict(String.valueOf(c.goalId()), String.valueOf(c.otherGoalId()), c.winWin()))
                .toList();
        return new JointMeeting(
                String.valueOf(header.id()),
                header.date(),
                String.valueOf(header.chairId()),
                parties,
                snapshot.notes(),
                decisions,
                interests,
                goals,
                conflicts);
    }

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
            Optional<Consent.Action> standing = org.alliance.core.joint.ConsentRules.standing(
                    String.valueOf(clientId), String.valueOf(professional), history, at);
            if (yes && standing.filter(Consent.Action.GIVEN::equals).isEmpty()) {
                recordConsent(clientId, professional, Consent.Action.GIVEN, "client", at);
            } else if (!yes && standing.filter(Consent.Action.GIVEN::equals).isPresent()) {
                recordConsent(clientId, professional, Consent.Action.WITHDRAWN, "client", at);
            }
        });
    }

    @Override
    public List<Professional> professionals(long meetingId) {
        Optional<Header> header = findByMeeting(meetingId);
        if (header.isEmpty()) {
            return List.of();
        }
        return parties(header.get().id()).stream()
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
