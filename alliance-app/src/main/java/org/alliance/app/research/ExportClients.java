package org.alliance.app.research;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.release.ReleaseRule;

/**
 * What both data files of an export share: the cursor over the study's clients, handed on
 * {@value #CLIENTS_PER_QUERY} at a time with their meetings; the one rule of which answers are exported; and
 * the study's own values of a row (pseudonyms, wave, meeting number, days since the first meeting, the date as
 * shown).
 */
final class ExportClients {

    /** Clients whose check-ins are read (and sorted by the database) in one query. */
    static final int CLIENTS_PER_QUERY = 500;

    static final int FETCH_SIZE = 1000;

    /** Writes the rows of one group of clients. */
    interface Group {
        void write(Connection connection, List<Long> clientIds, String in, Map<Long, ClientMeetings> meetings)
                throws SQLException;
    }

    /** The dates of one client's meetings, oldest first, by meeting id. */
    record ClientMeetings(long client, List<Long> ids, List<LocalDate> dates) {
        int number(long meeting) {
            return ids.indexOf(meeting) + 1;
        }
    }

    private final DataSource dataSource;
    private final Clock clock;

    ExportClients(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Whether answers are exported: only when the client released them to their professional under the release
     * rule at {@code now}. Both data files ask this, with the check-in's choice or the choice for one professional's
     * block of a joint check-in.
     */
    boolean exported(
            ReleaseChoice choice, Instant submitted, LocalDate meetingDate, ClientMeetings client, Instant now) {
        return ReleaseRule.released(choice, submitted, meetingDate, client.dates(), clock.getZone(), now);
    }

    /** How many clients {@link #forEachGroup} runs over: those of the study's teams. */
    long count(Study study) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        """
                        SELECT COUNT(*) FROM client c
                        WHERE c.organisation_id = ?
                          AND c.team_id IN (SELECT team_id FROM study_team WHERE study_id = ?)""")) {
            count.setLong(1, study.organisationId());
            count.setLong(2, study.id());
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Runs {@code group} over the study's clients, a group at a time, inside one cursor (one transaction). */
    void forEachGroup(Study study, Group group) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean sqlite = connection.getMetaData().getURL().startsWith("jdbc:sqlite:");
            if (!sqlite) {
                // PostgreSQL streams a result set only inside a transaction and with a fetch size.
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
            }
            try (PreparedStatement clients = connection.prepareStatement(
                    """
                    SELECT c.id FROM client c
                    WHERE c.organisation_id = ? AND c.team_id IN (SELECT team_id FROM study_team WHERE study_id = ?)
                    ORDER BY c.id""")) {
                clients.setFetchSize(FETCH_SIZE);
                clients.setLong(1, study.organisationId());
                clients.setLong(2, study.id());
                List<Long> ids = new ArrayList<>(CLIENTS_PER_QUERY);
                try (ResultSet rs = clients.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        if (ids.size() == CLIENTS_PER_QUERY) {
                            write(connection, ids, group);
                            ids.clear();
                        }
                    }
                }
                if (!ids.isEmpty()) {
                    write(connection, ids, group);
                }
            } finally {
                if (!sqlite) {
                    connection.rollback();
                }
            }
        }
    }

    private static void write(Connection connection, List<Long> ids, Group group) throws SQLException {
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        group.write(connection, ids, in, meetingsOf(connection, ids, in));
    }

    /** Binds the group's client ids to the statement's first parameters (its {@code IN (?, …)}); the next index. */
    static int bindClients(PreparedStatement statement, List<Long> clientIds) throws SQLException {
        int p = 1;
        for (long id : clientIds) {
            statement.setLong(p++, id);
        }
        return p;
    }

    /** The meetings of a group of clients, each client's oldest first. */
    private static Map<Long, ClientMeetings> meetingsOf(Connection connection, List<Long> clientIds, String in)
            throws SQLException {
        Map<Long, ClientMeetings> meetings = new HashMap<>();
        for (long id : clientIds) {
            meetings.put(id, new ClientMeetings(id, new ArrayList<>(), new ArrayList<>()));
        }
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT client_id, id, meeting_date FROM meeting WHERE client_id IN (" + in
                        + ") ORDER BY client_id, meeting_date, id")) {
            bindClients(statement, clientIds);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ClientMeetings client = meetings.get(rs.getLong(1));
                    client.ids().add(rs.getLong(2));
                    client.dates().add(LocalDate.parse(rs.getString(3)));
                }
            }
        }
        return meetings;
    }

    /**
     * The study's own facts of one row.
     *
     * @param professional the professional of the row (data.csv) or the professional rated (joint.csv); empty on
     *     the team's row of joint.csv
     * @param raterNumber 0 for the client, 1, 2, ... for the network members of a joint meeting
     */
    record Facts(
            long client,
            long meeting,
            LocalDate meetingDate,
            Optional<Long> professional,
            int raterNumber,
            String language,
            String perspective,
            String instrument,
            String version,
            ReleaseChoice release) {}

    /** The value of one of the study's own columns. */
    static String value(
            ExportColumns.Field field, Study study, Facts row, ClientMeetings client, ExportPseudonyms pseudonyms) {
        return switch (field) {
            case CLIENT -> pseudonyms.client(row.client());
            case PROFESSIONAL, RATED_PROFESSIONAL ->
                row.professional().map(pseudonyms::professional).orElse("");
            case RATER_NUMBER -> String.valueOf(row.raterNumber());
            case RATED -> row.professional().isPresent() ? ExportColumns.RATED_PROFESSIONAL : ExportColumns.RATED_TEAM;
            case WAVE -> study.waveOf(row.meetingDate()).map(Study.Wave::name).orElse("");
            case MEETING_NUMBER -> String.valueOf(client.number(row.meeting()));
            case DAYS_SINCE_FIRST -> {
                LocalDate first = client.dates().isEmpty()
                        ? row.meetingDate()
                        : client.dates().get(0);
                yield String.valueOf(ChronoUnit.DAYS.between(first, row.meetingDate()));
            }
            case MEETING_DATE ->
                (study.shiftDates()
                                ? row.meetingDate().minusDays(pseudonyms.dayShift(row.client()))
                                : row.meetingDate())
                        .toString();
            case LANGUAGE -> row.language();
            case PERSPECTIVE -> row.perspective();
            case INSTRUMENT -> row.instrument();
            case INSTRUMENT_VERSION -> row.version();
            case RELEASE_STATE -> row.release().name();
        };
    }
}
