package org.alliance.app.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clients' schedules ({@code client_schedule}); callers check that the client is theirs. */
@Repository
public class ClientSchedules {

    private final JdbcClient jdbc;

    ClientSchedules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS =
            "SELECT client_id, kind, weeks, instrument_id, starts_at, set_by" + " FROM client_schedule";

    public Optional<Schedule> of(long clientId) {
        return jdbc.sql(COLUMNS + " WHERE client_id = ?")
                .param(clientId)
                .query((rs, row) -> map(rs))
                .optional();
    }

    /** Every schedule of a client who has contact details: those the job acts on. */
    List<Schedule> withContact() {
        return jdbc.sql(COLUMNS + " WHERE client_id IN (SELECT client_id FROM client_contact) ORDER BY client_id")
                .query((rs, row) -> map(rs))
                .list();
    }

    public void save(Schedule schedule) {
        delete(schedule.clientId());
        jdbc.sql("INSERT INTO client_schedule (client_id, kind, weeks, instrument_id, starts_at, set_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        schedule.clientId(),
                        schedule.kind().name(),
                        schedule.weeks().isPresent() ? schedule.weeks().getAsInt() : null,
                        schedule.instrumentId(),
                        schedule.startsAt().toEpochMilli(),
                        schedule.setBy())
                .update();
    }

    public boolean delete(long clientId) {
        return jdbc.sql("DELETE FROM client_schedule WHERE client_id = ?")
                        .param(clientId)
                        .update()
                > 0;
    }

    private static Schedule map(java.sql.ResultSet rs) throws java.sql.SQLException {
        int weeks = rs.getInt("weeks");
        OptionalInt n = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(weeks);
        return new Schedule(
                rs.getLong("client_id"),
                Schedule.Kind.valueOf(rs.getString("kind")),
                n,
                rs.getString("instrument_id"),
                Instant.ofEpochMilli(rs.getLong("starts_at")),
                rs.getLong("set_by"));
    }
}
