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
