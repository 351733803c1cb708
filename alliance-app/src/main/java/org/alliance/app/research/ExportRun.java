package org.alliance.app.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alliance.app.research.ExportClients.ClientMeetings;
import org.alliance.app.research.ExportColumns.Column;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.research.ExportCsv;

/**
 * What a writer of one data file of the export ({@link DataRows}, {@link JointRows}) is given: the study, the file's
 * columns and CSV, the study's pseudonyms, the file's questionnaires by id, the study's clients and the one moment of
 * the export (a block released between two files would be in one and not the other).
 */
record ExportRun(
        Study study,
        List<Column> columns,
        ExportCsv csv,
        ExportPseudonyms pseudonyms,
        Map<String, Instrument> instruments,
        ExportClients clients,
        Instant now) {

    /** Whether a check-in (or one professional's block of it) with {@code choice} is exported at the run's moment. */
    boolean exported(ReleaseChoice choice, Instant submitted, LocalDate meetingDate, ClientMeetings client) {
        return clients.exported(choice, submitted, meetingDate, client, now);
    }

    /** The value of one of the study's own columns for {@code row}. */
    String value(ExportColumns.Field field, ExportClients.Facts row, ClientMeetings client) {
        return ExportClients.value(field, study, row, client, pseudonyms);
    }
}
