package org.alliance.app.research;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The analyses run on a study, each kept as a dated report (migration V19). */
@Repository
class StudyReports {

    enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    /** A report as stored; {@code content} is the JSON of a {@link StudyReport} when done, the reason when failed. */
    record Row(
            long id,
            long studyId,
            String kind,
            String options,
            Status status,
            int progress,
            String content,
            long createdBy,
            Instant createdAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    StudyReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long create(long studyId, String kind, String options, long userId) {
        return jdbc.sql(
                        """
                        INSERT INTO study_report (study_id, kind, options, status, progress, created_by, created_at)
                        VALUES (?, ?, ?, 'RUNNING', 0, ?, ?) RETURNING id""")
                .params(studyId, kind, options, userId, clock.millis())
                .query(Long.class)
                .single();
    }

    void progress(long id, int percent) {
        jdbc.sql("UPDATE study_report SET progress = ? WHERE id = ? AND status = 'RUNNING'")
                .params(percent, id)
                .update();
    }

    void finish(long id, Status status, String content) {
        jdbc.sql("UPDATE study_report SET status = ?, progress = 100, content = ?, finished_at = ? WHERE id = ?")
                .params(status.name(), content, clock.millis(), id)
                .update();
    }

    Optional<Row> find(long studyId, long id) {
        return read("WHERE study_id = ? AND id = ?", studyId, id).stream().findFirst();
    }

    List<Row> ofStudy(long studyId) {
        return read("WHERE study_id = ? ORDER BY created_at DESC, id DESC", studyId);
    }

    private List<Row> read(String where, Object... params) {
        return jdbc.sql("SELECT id, study_id, kind, options, status, progress, content, created_by, created_at"
                        + " FROM study_report " + where)
                .params(params)
                .query((rs, row) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        Status.valueOf(rs.getString(5)),
                        rs.getInt(6),
                        rs.getString(7) == null ? "" : rs.getString(7),
                        rs.getLong(8),
                        Instant.ofEpochMilli(rs.getLong(9))))
                .list();
    }
}
