package org.alliance.app.team;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A team's learning plan (issue 17): its goals, and its sessions with their date and notes (the closing
 * session's notes on what keeps it going among them). About the team as a whole: the tables name no client and no
 * professional but the one who last saved. Read and written only for the team lead's own team.
 */
@Repository
class LearningPlans {

    static final int MOST_CHARACTERS = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    LearningPlans(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One learning session. */
    record Session(long id, LocalDate date, String notes) {}

    Optional<String> goals(long teamId) {
        return jdbc.sql("SELECT goals FROM team_learning_plan WHERE team_id = ?")
                .param(teamId)
                .query(String.class)
                .optional();
    }

    void saveGoals(long teamId, String goals, long userId) {
        check(goals);
        jdbc.sql(
                        """
                        INSERT INTO team_learning_plan (team_id, goals, updated_by, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (team_id) DO UPDATE SET goals = excluded.goals, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .params(teamId, goals.strip(), userId, clock.millis())
                .update();
    }

    long addSession(long teamId, LocalDate date, String notes, long userId) {
        check(notes);
        return jdbc.sql(
                        """
                        INSERT INTO team_learning_session (team_id, session_date, notes, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(teamId, date.toString(), notes.strip(), userId, clock.millis())
                .query(Long.class)
                .single();
    }

    /** The team's sessions, in date order. */
    List<Session> sessions(long teamId) {
        return jdbc.sql("SELECT id, session_date, notes FROM team_learning_session WHERE team_id = ?"
                        + " ORDER BY session_date, id")
                .param(teamId)
                .query((rs, row) -> new Session(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getString(3)))
                .list();
    }

    private static void check(String text) {
        if (text.strip().length() > MOST_CHARACTERS) {
            throw new IllegalArgumentException(
                    "a text of " + text.strip().length() + " characters, at most " + MOST_CHARACTERS + " are kept");
        }
    }
}
