package org.alliance.app.joint;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.joint.JointMeetings.Header;
import org.alliance.app.joint.JointMeetings.StoredParty;
import org.alliance.core.joint.Goal;
import org.alliance.core.joint.GoalConflict;
import org.alliance.core.joint.GuideStep;
import org.alliance.core.joint.Interest;
import org.alliance.core.joint.JointMeeting;
import org.alliance.core.joint.MeetingDecision;
import org.alliance.core.joint.Party;
import org.alliance.core.joint.StepNote;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the chair records of a joint meeting, in the database: the notes along the guide, decisions, interests, goals
 * and conflicts between goals. {@link #read} reads it once with the parties; {@link #domain} turns that into the
 * core {@link JointMeeting}, whose rules (balance check, decision ownership) the pages use as they are.
 */
@Repository
public class JointRecords {

    private final JdbcClient jdbc;
    private final JointMeetings meetings;
    private final Clock clock;

    JointRecords(JdbcClient jdbc, JointMeetings meetings, Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.clock = clock;
    }

    /** A stored goal with its row id (conflicts name goals by row id). */
    public record StoredGoal(long id, long partyId, String text) {}

    /** A stored conflict between two goals. */
    public record StoredConflict(long id, long goalId, long otherGoalId, Optional<String> winWin) {}

    /** A stored decision. */
    public record StoredDecision(long id, String text, long proposedBy, MeetingDecision.ClientAgreement agreement) {}

    /** A stored interest. */
    public record StoredInterest(long id, long partyId, String text) {}

    /**
     * Writes one row of the meeting's record: {@code joint_meeting_id}, the given columns and {@code written_at}
     * (now). The table and column names are this class's constants, never input.
     */
    private void insert(String table, String columns, long jointId, Object... values) {
        Object[] params = new Object[values.length + 2];
        params[0] = jointId;
        System.arraycopy(values, 0, params, 1, values.length);
        params[params.length - 1] = clock.millis();
        String marks = "?, ".repeat(params.length - 1) + "?";
        jdbc.sql("INSERT INTO " + table + " (joint_meeting_id, " + columns + ", written_at) VALUES (" + marks + ")")
                .params(params)
                .update();
    }

    /** The meeting's rows of one table in the order they were written, each read by {@code row}. */
    private <T> List<T> rows(String table, String columns, long jointId, RowMapper<T> row) {
        return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE joint_meeting_id = ? ORDER BY id")
                .param(jointId)
                .query(row)
                .list();
    }

    public void addNote(long jointId, GuideStep step, String text) {
        insert("joint_step_note", "step, note", jointId, step.code(), text.strip());
    }

    public List<StepNote> notes(long jointId) {
        return rows(
                "joint_step_note",
                "step, note, written_at",
                jointId,
                (rs, row) -> new StepNote(
                        step(rs.getString("step")), rs.getString("note"), Instant.ofEpochMilli(rs.getLong(3))));
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
        insert(
                "joint_decision",
                "decision, proposed_by, client_agreement",
                jointId,
                text.strip(),
                proposedByPartyId,
                agreement.name());
    }

    public List<StoredDecision> decisions(long jointId) {
        return rows(
                "joint_decision",
                "id, decision, proposed_by, client_agreement",
                jointId,
                (rs, row) -> new StoredDecision(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        MeetingDecision.ClientAgreement.valueOf(rs.getString(4))));
    }

    public void addInterest(long jointId, long partyId, String text) {
        insert("joint_interest", "party_id, interest", jointId, partyId, text.strip());
    }

    public List<StoredInterest> interests(long jointId) {
        return rows(
                "joint_interest",
                "id, party_id, interest",
                jointId,
                (rs, row) -> new StoredInterest(rs.getLong(1), rs.getLong(2), rs.getString(3)));
    }

    public void addGoal(long jointId, long partyId, String text) {
        insert("joint_goal", "party_id, goal", jointId, partyId, text.strip());
    }

    public List<StoredGoal> goals(long jointId) {
        return rows(
                "joint_goal",
                "id, party_id, goal",
                jointId,
                (rs, row) -> new StoredGoal(rs.getLong(1), rs.getLong(2), rs.getString(3)));
    }

    public void addConflict(long jointId, long goalId, long otherGoalId, Optional<String> winWin) {
        insert(
                "joint_goal_conflict",
                "goal_id, other_goal_id, win_win",
                jointId,
                goalId,
                otherGoalId,
                winWin.map(String::strip).orElse(null));
    }

    /** Notes the win-win option of a conflict flagged earlier. */
    public void noteWinWin(long jointId, long conflictId, String winWin) {
        jdbc.sql("UPDATE joint_goal_conflict SET win_win = ? WHERE id = ? AND joint_meeting_id = ?")
                .params(winWin.strip(), conflictId, jointId)
                .update();
    }

    public List<StoredConflict> conflicts(long jointId) {
        return rows(
                "joint_goal_conflict",
                "id, goal_id, other_goal_id, win_win",
                jointId,
                (rs, row) -> new StoredConflict(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        Optional.ofNullable(rs.getString(4)).filter(s -> !s.isBlank())));
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
        return new Snapshot(
                header, meetings.parties(id), notes(id), decisions(id), interests(id), goals(id), conflicts(id));
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
                        case CLIENT -> Party.client(JointMeetings.CLIENT_PARTY, party.label());
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
}
