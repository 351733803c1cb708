package org.alliance.app.research;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.ResponseFormat;
import org.alliance.core.instrument.Scale;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.release.ReleaseRule;
import org.alliance.core.research.Codebook;
import org.alliance.core.research.CodebookHtml;
import org.alliance.core.research.ExportCsv;
import org.alliance.core.research.ExportVariable;
import org.alliance.core.research.ExportVariable.Level;
import org.alliance.core.research.ExportVariable.ValueLabel;
import org.alliance.core.research.RScript;
import org.alliance.core.research.SpssSyntax;
import org.alliance.core.research.StudyPseudonyms;
import org.alliance.core.research.VariableNames;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;
import org.alliance.core.scoring.Scoring;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A study's export as a zip: {@code data.csv} (one row per check-in), {@code codebook.csv}, {@code study.sps} and
 * {@code study.R}. The rows are written while they are read from the database, a group of
 * {@value #CLIENTS_PER_QUERY} clients at a time (a cursor over the study's clients, then one query for the group's
 * check-ins), so memory holds one check-in and one group's meeting dates whatever the size of the study, and the first
 * rows leave before the database has looked at the last client.
 *
 * <p>Which check-ins (docs/rules.md, "Research"): of clients in the study's teams, about meetings within the study's
 * period, to the study's questionnaires; of each meeting, questionnaire, perspective and rater the one submitted last
 * (as for trends); and only when the client released it to their professional under the release rule at the moment
 * of the export. Answers kept "only for team figures", or not released yet, are never exported. The professionals'
 * own ratings are released at once and exported.
 */
@Component
class StudyExport {

    /** Code of an item of the row's questionnaire that was not answered. */
    static final String NOT_ANSWERED = "-9";

    /** Code of a scale score that could not be computed: too few of its items answered. */
    static final String TOO_FEW = "-8";

    private static final int FETCH_SIZE = 1000;

    /** Clients whose check-ins are read (and sorted by the database) in one query. */
    static final int CLIENTS_PER_QUERY = 500;

    private final DataSource dataSource;
    private final InstrumentCatalog catalog;
    private final MessageSource messages;
    private final Clock clock;
    private final Studies studies;

    StudyExport(
            DataSource dataSource, InstrumentCatalog catalog, MessageSource messages, Clock clock, Studies studies) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.messages = messages;
        this.clock = clock;
        this.studies = studies;
    }

    /** How one exported column is filled. */
    private sealed interface Column {
        ExportVariable variable();
    }

    /** The study's own columns, before the questionnaires' items and scores. */
    private enum Field {
        CLIENT,
        PROFESSIONAL,
        WAVE,
        MEETING_NUMBER,
        DAYS_SINCE_FIRST,
        MEETING_DATE,
        LANGUAGE,
        PERSPECTIVE,
        INSTRUMENT,
        INSTRUMENT_VERSION,
        RELEASE_STATE
    }

    /** A column of the study's own (pseudonyms, wave, meeting, ...). */
    private record Fixed(ExportVariable variable, Field field) implements Column {}

    /** An item's answer. */
    private record ItemColumn(ExportVariable variable, String instrument, String item, boolean text)
            implements Column {}

    /** A scale's score. */
    private record ScoreColumn(ExportVariable variable, String instrument, String scale) implements Column {}

    /** The columns of a study's export, in order. */
    List<ExportVariable> variables(Study study) {
        return columns(study).stream().map(Column::variable).toList();
    }

    /** The column of each numeric item, by instrument and item ({@code alliance-client} → {@code bond-1} → name). */
    Map<String, Map<String, String>> itemColumns(Study study) {
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        for (Column column : columns(study)) {
            if (column instanceof ItemColumn item && !item.text()) {
                names.computeIfAbsent(item.instrument(), i -> new LinkedHashMap<>())
                        .put(item.item(), item.variable().name());
            }
        }
        return names;
    }

    /** The column of each scale score, by instrument and scale. */
    Map<String, Map<String, String>> scoreColumns(Study study) {
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        for (Column column : columns(study)) {
            if (column instanceof ScoreColumn score) {
                names.computeIfAbsent(score.instrument(), i -> new LinkedHashMap<>())
                        .put(score.scale(), score.variable().name());
            }
        }
        return names;
    }

    private List<Column> columns(Study study) {
        Locale locale = study.language().locale();
        VariableNames names = new VariableNames();
        List<Column> columns = new ArrayList<>();
        columns.add(new Fixed(
                ExportVariable.text(names.of("client"), text("export.var.client", locale), 14, List.of(), ""),
                Field.CLIENT));
        columns.add(new Fixed(
                ExportVariable.text(
                        names.of("professional"), text("export.var.professional", locale), 14, List.of(), ""),
                Field.PROFESSIONAL));
        columns.add(new Fixed(
                ExportVariable.text(
                        names.of("wave"), text("export.var.wave", locale), StudyForm.MAX_WAVE_NAME, List.of(), ""),
                Field.WAVE));
        columns.add(new Fixed(
                ExportVariable.number(
                        names.of("meeting_number"),
                        text("export.var.meeting_number", locale),
                        0,
                        Level.SCALE,
                        List.of(),
                        List.of(),
                        ""),
                Field.MEETING_NUMBER));
        columns.add(new Fixed(
                ExportVariable.number(
                        names.of("days_since_first"),
                        text("export.var.days_since_first", locale),
                        0,
                        Level.SCALE,
                        List.of(),
                        List.of(),
                        ""),
                Field.DAYS_SINCE_FIRST));
        columns.add(new Fixed(
                ExportVariable.date(
                        names.of("meeting_date"),
                        text(
                                study.shiftDates() ? "export.var.meeting_date_shifted" : "export.var.meeting_date",
                                locale)),
                Field.MEETING_DATE));
        List<ValueLabel> languages = new ArrayList<>();
        for (Language language : Language.values()) {
            languages.add(new ValueLabel(language.code(), text("lang." + language.code(), locale)));
        }
        columns.add(new Fixed(
                ExportVariable.text(names.of("language"), text("export.var.language", locale), 5, languages, ""),
                Field.LANGUAGE));
        List<ValueLabel> perspectives = new ArrayList<>();
        for (var perspective : org.alliance.core.instrument.Perspective.values()) {
            perspectives.add(
                    new ValueLabel(perspective.code(), text("export.perspective." + perspective.code(), locale)));
        }
        columns.add(new Fixed(
                ExportVariable.text(
                        names.of("perspective"), text("export.var.perspective", locale), 20, perspectives, ""),
                Field.PERSPECTIVE));
        List<Instrument> instruments = instruments(study);
        List<ValueLabel> titles = instruments.stream()
                .map(i -> new ValueLabel(i.id(), i.title().get(study.language())))
                .toList();
        columns.add(new Fixed(
                ExportVariable.text(names.of("instrument"), text("export.var.instrument", locale), 100, titles, ""),
                Field.INSTRUMENT));
        columns.add(new Fixed(
                ExportVariable.text(
                        names.of("instrument_version"),
                        text("export.var.instrument_version", locale),
                        40,
                        List.of(),
                        ""),
                Field.INSTRUMENT_VERSION));
        columns.add(new Fixed(
                ExportVariable.text(
                        names.of("release_state"),
                        text("export.var.release_state", locale),
                        20,
                        List.of(
                                new ValueLabel(ReleaseChoice.NOW.name(), text("export.release.NOW", locale)),
                                new ValueLabel(
                                        ReleaseChoice.NEXT_MEETING.name(),
                                        text("export.release.NEXT_MEETING", locale))),
                        ""),
                Field.RELEASE_STATE));
        List<ValueLabel> notAnswered =
                List.of(new ValueLabel(NOT_ANSWERED, text("export.missing.notAnswered", locale)));
        List<ValueLabel> tooFew = List.of(new ValueLabel(TOO_FEW, text("export.missing.tooFew", locale)));
        for (Instrument instrument : instruments) {
            for (Item item : instrument.items()) {
                if (item.perProfessional()) {
                    continue; // asked once per professional of a joint meeting: not in this export yet
                }
                ResponseFormat format = instrument.format(item);
                String label = item.text().get(study.language());
                label = label.isBlank() ? instrument.id() + " " + item.id() : label;
                String name = names.of(instrument.id(), item.id());
                if (!format.numeric()) {
                    if (study.includeFreeText() && format instanceof ResponseFormat.FreeText free) {
                        columns.add(new ItemColumn(
                                ExportVariable.text(name, label, free.maxLength(), List.of(), instrument.reference()),
                                instrument.id(),
                                item.id(),
                                true));
                    }
                    continue;
                }
                columns.add(new ItemColumn(
                        ExportVariable.number(
                                name,
                                label,
                                0,
                                level(format),
                                valueLabels(format, study.language()),
                                notAnswered,
                                instrument.reference()),
                        instrument.id(),
                        item.id(),
                        false));
            }
            for (Scale scale : instrument.scales()) {
                if (instrument.scoredPerProfessional(scale)) {
                    continue;
                }
                String label = messages.getMessage(
                        "export.score", new Object[] {scale.name().get(study.language())}, locale);
                columns.add(new ScoreColumn(
                        ExportVariable.number(
                                names.of(instrument.id(), scale.id(), "score"),
                                label,
                                2,
                                Level.SCALE,
                                List.of(),
                                tooFew,
                                instrument.reference() + "; " + scale.scoring().describe()),
                        instrument.id(),
                        scale.id()));
            }
        }
        return columns;
    }

    private List<Instrument> instruments(Study study) {
        return study.instruments().stream()
                .map(catalog::find)
                .flatMap(Optional::stream)
                .toList();
    }

    private static Level level(ResponseFormat format) {
        if (format instanceof ResponseFormat.Likert) {
            return Level.ORDINAL;
        }
        return format instanceof ResponseFormat.YesNo ? Level.NOMINAL : Level.SCALE;
    }

    private static List<ValueLabel> valueLabels(ResponseFormat format, Language language) {
        List<ValueLabel> labels = new ArrayList<>();
        if (format instanceof ResponseFormat.Likert likert) {
            likert.points()
                    .forEach(p -> labels.add(
                            new ValueLabel(String.valueOf(p.value()), p.label().get(language))));
        } else if (format instanceof ResponseFormat.YesNo yesNo) {
            labels.add(new ValueLabel("0", yesNo.noLabel().get(language)));
            labels.add(new ValueLabel("1", yesNo.yesLabel().get(language)));
        } else if (format instanceof ResponseFormat.Slider slider) {
            labels.add(new ValueLabel(
                    String.valueOf(slider.minimum()), slider.minLabel().get(language)));
            labels.add(new ValueLabel(
                    String.valueOf(slider.maximum()), slider.maxLabel().get(language)));
        }
        return labels.stream().filter(l -> !l.label().isBlank()).toList();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /**
     * Writes the whole zip to {@code out} (not closed) and returns how many check-ins {@code data.csv} holds.
     */
    long write(Study study, OutputStream out) throws IOException {
        List<Column> columns = columns(study);
        List<ExportVariable> variables = columns.stream().map(Column::variable).toList();
        // Deflate hands on 512 bytes at a time; the buffer passes them on in blocks.
        ZipOutputStream zip =
                new ZipOutputStream(new java.io.BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("data.csv"));
        Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        ExportCsv csv = new ExportCsv(writer);
        csv.row(variables.stream().map(ExportVariable::name).toList());
        long rows;
        try {
            rows = rows(study, columns, csv);
        } catch (SQLException e) {
            throw new IOException("export of study " + study.id() + " failed", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
        zip.closeEntry();
        String title = study.title();
        entry(zip, "codebook.csv", Codebook.csv(variables));
        entry(zip, "codebook.html", codebookHtml(study, variables));
        entry(zip, "study.sps", SpssSyntax.write(title, "data.csv", variables));
        entry(zip, "study.R", RScript.write(title, "data.csv", variables));
        zip.finish();
        zip.flush();
        return rows;
    }

    /** The readable codebook, every word in the study's language. */
    private String codebookHtml(Study study, List<ExportVariable> variables) {
        Locale locale = study.language().locale();
        Map<ExportVariable.Type, String> types = new java.util.EnumMap<>(ExportVariable.Type.class);
        for (ExportVariable.Type type : ExportVariable.Type.values()) {
            types.put(type, text("export.codebook.type." + type.name().toLowerCase(Locale.ROOT), locale));
        }
        Map<Level, String> levels = new java.util.EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            levels.put(level, text("export.codebook.level." + level.name().toLowerCase(Locale.ROOT), locale));
        }
        CodebookHtml.Texts texts = new CodebookHtml.Texts(
                text("export.codebook.intro", locale),
                text("export.codebook.caption", locale),
                java.util.stream.Stream.of("variable", "label", "type", "values", "missing", "source")
                        .map(h -> text("export.codebook." + h, locale))
                        .toList(),
                types,
                levels);
        return CodebookHtml.write(study.title(), study.language().code(), texts, variables);
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** One check-in as read, with its answers. */
    private static final class CheckIn {
        long id;
        long client;
        long meeting;
        LocalDate meetingDate;
        long professional;
        String instrument = "";
        String version = "";
        String perspective = "";
        String language = "";
        ReleaseChoice release = ReleaseChoice.TEAM_ONLY;
        Instant submitted = Instant.EPOCH;
        String key = "";
        final Map<String, Double> numbers = new LinkedHashMap<>();
        final Map<String, String> texts = new HashMap<>();
    }

    /**
     * The pseudonyms and date shift of the client whose rows are being written (rows come client by client) and of
     * the organisation's professionals, so each is hashed once per export rather than once per row.
     */
    private static final class PseudonymCache {
        private final StudyPseudonyms pseudonyms;
        private final Map<Long, String> professionals = new HashMap<>();
        private long client = -1;
        private String clientPseudonym = "";
        private int clientShift;

        PseudonymCache(StudyPseudonyms pseudonyms) {
            this.pseudonyms = pseudonyms;
        }

        private void at(long id) {
            if (id != client) {
                client = id;
                clientPseudonym = pseudonyms.pseudonym(StudyPseudonyms.Kind.CLIENT, id);
                clientShift = pseudonyms.dayShift(id);
            }
        }

        String client(long id) {
            at(id);
            return clientPseudonym;
        }

        int dayShift(long id) {
            at(id);
            return clientShift;
        }

        String professional(long id) {
            return professionals.computeIfAbsent(id, p -> pseudonyms.pseudonym(StudyPseudonyms.Kind.PROFESSIONAL, p));
        }
    }

    /** The dates of one client's meetings, oldest first, by meeting id. */
    private record ClientMeetings(long client, List<Long> ids, List<LocalDate> dates) {
        int number(long meeting) {
            return ids.indexOf(meeting) + 1;
        }
    }

    private long rows(Study study, List<Column> columns, ExportCsv csv) throws SQLException {
        PseudonymCache pseudonyms = new PseudonymCache(new StudyPseudonyms(studies.secret(study.id())));
        Map<String, Instrument> instruments = new HashMap<>();
        instruments(study).forEach(i -> instruments.put(i.id(), i));
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
                Chunk chunk = new Chunk(study, columns, csv, pseudonyms, instruments, clock.instant());
                List<Long> ids = new ArrayList<>(CLIENTS_PER_QUERY);
                try (ResultSet rs = clients.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        if (ids.size() == CLIENTS_PER_QUERY) {
                            chunk.write(connection, ids);
                            ids.clear();
                        }
                    }
                }
                if (!ids.isEmpty()) {
                    chunk.write(connection, ids);
                }
                return chunk.written;
            } finally {
                if (!sqlite) {
                    connection.rollback();
                }
            }
        }
    }

    /**
     * Writes the rows of a few hundred clients at a time: the database sorts one group of clients' check-ins (not the
     * whole study's, which would keep the first row waiting until all are sorted) and the clients' meeting dates come
     * in one query per group.
     */
    private final class Chunk {
        private final Study study;
        private final List<Column> columns;
        private final ExportCsv csv;
        private final PseudonymCache pseudonyms;
        private final Map<String, Instrument> instruments;
        private final Instant now;
        long written;

        Chunk(
                Study study,
                List<Column> columns,
                ExportCsv csv,
                PseudonymCache pseudonyms,
                Map<String, Instrument> instruments,
                Instant now) {
            this.study = study;
            this.columns = columns;
            this.csv = csv;
            this.pseudonyms = pseudonyms;
            this.instruments = instruments;
            this.now = now;
        }

        void write(Connection connection, List<Long> clientIds) throws SQLException {
            String in = String.join(", ", java.util.Collections.nCopies(clientIds.size(), "?"));
            Map<Long, ClientMeetings> meetings = meetingsOf(connection, clientIds, in);
            String sql =
                    """
                    SELECT ci.id, ci.client_id, ci.meeting_id, m.meeting_date,
                           COALESCE(ci.rater_id, m.professional_id) AS professional_id, ci.instrument_id,
                           ci.instrument_version, ci.perspective, ci.language, ci.release_choice, ci.submitted_at,
                           ci.rater_id, ci.joint_party_id, a.item_id, a.numeric_value, a.text_value
                    FROM check_in ci
                    JOIN meeting m ON m.id = ci.meeting_id
                    LEFT JOIN answer a ON a.check_in_id = ci.id
                    WHERE ci.client_id IN (%s) AND m.meeting_date >= ? AND m.meeting_date <= ?
                      AND ci.instrument_id IN (SELECT instrument_id FROM study_instrument WHERE study_id = ?)
                    ORDER BY ci.client_id, m.meeting_date, ci.meeting_id, ci.instrument_id, ci.perspective,
                             COALESCE(ci.rater_id, 0), COALESCE(ci.joint_party_id, 0), ci.submitted_at DESC,
                             ci.id DESC, a.item_id"""
                            .formatted(in);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                int p = 1;
                for (long id : clientIds) {
                    statement.setLong(p++, id);
                }
                statement.setString(p++, study.startsOn().toString());
                statement.setString(p++, study.endsOn().toString());
                statement.setLong(p, study.id());
                String lastKey = "";
                CheckIn current = null;
                try (ResultSet rs = statement.executeQuery()) {
                    while (true) {
                        boolean more = rs.next();
                        long id = more ? rs.getLong("id") : -1;
                        if (current != null && (!more || id != current.id)) {
                            // The newest of its key comes first; older ones of the same key are history.
                            if (!current.key.equals(lastKey)) {
                                lastKey = current.key;
                                ClientMeetings client = meetings.get(current.client);
                                boolean released = ReleaseRule.released(
                                        current.release,
                                        current.submitted,
                                        current.meetingDate,
                                        client.dates(),
                                        clock.getZone(),
                                        now);
                                if (released) {
                                    csv.row(row(study, columns, current, client, pseudonyms, instruments));
                                    written++;
                                }
                            }
                            current = null;
                        }
                        if (!more) {
                            break;
                        }
                        if (current == null) {
                            current = checkIn(rs, id);
                        }
                        String item = rs.getString("item_id");
                        if (item != null) {
                            double number = rs.getDouble("numeric_value");
                            if (!rs.wasNull()) {
                                current.numbers.put(item, number);
                            }
                            String text = rs.getString("text_value");
                            if (text != null) {
                                current.texts.put(item, text);
                            }
                        }
                    }
                }
            }
        }
    }

    private static CheckIn checkIn(ResultSet rs, long id) throws SQLException {
        CheckIn checkIn = new CheckIn();
        checkIn.id = id;
        checkIn.client = rs.getLong("client_id");
        checkIn.meeting = rs.getLong("meeting_id");
        checkIn.meetingDate = LocalDate.parse(rs.getString("meeting_date"));
        checkIn.professional = rs.getLong("professional_id");
        checkIn.instrument = rs.getString("instrument_id");
        checkIn.version = rs.getString("instrument_version");
        checkIn.perspective = rs.getString("perspective");
        checkIn.language = rs.getString("language");
        checkIn.release = ReleaseChoice.valueOf(rs.getString("release_choice"));
        checkIn.submitted = Instant.ofEpochMilli(rs.getLong("submitted_at"));
        checkIn.key = checkIn.client + "|" + checkIn.meeting + "|" + checkIn.instrument + "|" + checkIn.perspective
                + "|" + rs.getString("rater_id") + "|" + rs.getString("joint_party_id");
        return checkIn;
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
            int p = 1;
            for (long id : clientIds) {
                statement.setLong(p++, id);
            }
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

    private static List<String> row(
            Study study,
            List<Column> columns,
            CheckIn checkIn,
            ClientMeetings client,
            PseudonymCache pseudonyms,
            Map<String, Instrument> instruments) {
        Instrument instrument = instruments.get(checkIn.instrument);
        Optional<ScoreSheet> scores = Optional.empty();
        if (instrument != null) {
            try {
                scores = Optional.of(Scoring.score(instrument, checkIn.numbers));
            } catch (IllegalArgumentException e) {
                // An answer the current version does not know (another version): the scores stay empty.
            }
        }
        LocalDate first =
                client.dates().isEmpty() ? checkIn.meetingDate : client.dates().get(0);
        LocalDate shown = study.shiftDates()
                ? checkIn.meetingDate.minusDays(pseudonyms.dayShift(checkIn.client))
                : checkIn.meetingDate;
        List<String> fields = new ArrayList<>(columns.size());
        for (Column column : columns) {
            fields.add(value(column, study, checkIn, client, pseudonyms, scores, shown, first));
        }
        return fields;
    }

    private static String value(
            Column column,
            Study study,
            CheckIn checkIn,
            ClientMeetings client,
            PseudonymCache pseudonyms,
            Optional<ScoreSheet> scores,
            LocalDate shown,
            LocalDate first) {
        if (column instanceof Fixed fixed) {
            return switch (fixed.field()) {
                case CLIENT -> pseudonyms.client(checkIn.client);
                case PROFESSIONAL -> pseudonyms.professional(checkIn.professional);
                case WAVE ->
                    study.waveOf(checkIn.meetingDate).map(Study.Wave::name).orElse("");
                case MEETING_NUMBER -> String.valueOf(client.number(checkIn.meeting));
                case DAYS_SINCE_FIRST -> String.valueOf(ChronoUnit.DAYS.between(first, checkIn.meetingDate));
                case MEETING_DATE -> shown.toString();
                case LANGUAGE -> checkIn.language;
                case PERSPECTIVE -> checkIn.perspective;
                case INSTRUMENT -> checkIn.instrument;
                case INSTRUMENT_VERSION -> checkIn.version;
                case RELEASE_STATE -> checkIn.release.name();
            };
        }
        if (column instanceof ItemColumn item) {
            if (!item.instrument().equals(checkIn.instrument)) {
                return "";
            }
            if (item.text()) {
                return checkIn.texts.getOrDefault(item.item(), "");
            }
            Double answer = checkIn.numbers.get(item.item());
            return answer == null ? NOT_ANSWERED : ExportCsv.number(answer);
        }
        ScoreColumn score = (ScoreColumn) column;
        if (!score.instrument().equals(checkIn.instrument)) {
            return "";
        }
        return scores.flatMap(sheet -> sheet.scale(score.scale()))
                .map(ScaleScore::score)
                .map(value -> value.isPresent() ? ExportCsv.number(value.getAsDouble()) : TOO_FEW)
                .orElse("");
    }
}
