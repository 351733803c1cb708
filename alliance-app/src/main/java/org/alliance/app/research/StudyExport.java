package org.alliance.app.research;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.alliance.app.coding.Codings;
import org.alliance.app.research.ExportColumns.Column;
import org.alliance.app.research.ExportColumns.ItemColumn;
import org.alliance.app.research.ExportColumns.ScoreColumn;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.research.Codebook;
import org.alliance.core.research.CodebookHtml;
import org.alliance.core.research.ExportCsv;
import org.alliance.core.research.ExportVariable;
import org.alliance.core.research.ExportVariable.Level;
import org.alliance.core.research.RScript;
import org.alliance.core.research.SpssSyntax;
import org.alliance.core.research.StudyPseudonyms;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A study's export as a zip: {@code data.csv} (one row per check-in), {@code codebook.csv}, {@code codebook.html},
 * {@code study.sps}, {@code study.R} and {@code study.do} (Stata, {@link StataSyntax}; each further data file below has its
 * {@code .do} too); and when the study has a questionnaire that asks about each professional of
 * a joint meeting, {@code joint.csv} in long form (one row per check-in and professional rated, one for the team;
 * {@link JointRows}) with {@code joint-codebook.csv}, {@code joint-codebook.html}, {@code joint.sps} and
 * {@code joint.R}; and when at least one meeting of the study's clients within the study's period has been coded,
 * {@code observations.csv} (one row per coded meeting and actor; {@link ObservationRows}) with
 * {@code observations-codebook.csv}, {@code observations-codebook.html}, {@code observations.sps} and
 * {@code observations.R}, and {@code transitions.csv} (per coded meeting the lag-1 transitions between its codes: count,
 * expected count and adjusted residual, one row per pair of codes; {@link ObservationRows#writeTransitions}) with its
 * codebooks and syntax files the same way; and when professionals of the study answered their own questionnaire,
 * {@code professionals.csv} (one row per professional and wave; {@link PracticeRows}) with its codebooks, {@code .sps},
 * {@code .R} and {@code .do}. The rows are written while they are read from the database, a group of
 * {@value #CLIENTS_PER_QUERY} clients at a time (a cursor over the study's clients, then one query for the group's
 * check-ins; {@link ExportClients}), so memory holds one check-in and one group's meeting dates whatever the size of
 * the study, and the first rows leave before the database has looked at the last client.
 *
 * <p>Which check-ins (docs/rules.md, "Research"): of clients in the study's teams, about meetings within the study's
 * period, to the study's questionnaires; of each meeting, questionnaire, perspective and rater the one submitted last
 * (as for trends); and only when the client released it to their professional under the release rule at the moment
 * of the export ({@link ExportClients#exported}, for both files). Answers kept "only for team figures", or not
 * released yet, are never exported. The professionals' own ratings are released at once and exported.
 */
@Component
class StudyExport {

    /** Code of an item of the row's questionnaire that was not answered. */
    static final String NOT_ANSWERED = "-9";

    /** Code of a scale score that could not be computed: too few of its items answered. */
    static final String TOO_FEW = "-8";

    /** Clients whose check-ins are read (and sorted by the database) in one query. */
    static final int CLIENTS_PER_QUERY = ExportClients.CLIENTS_PER_QUERY;

    private final ExportColumns columns;
    private final ExportClients clients;
    private final MessageSource messages;
    private final Clock clock;
    private final Studies studies;
    private final Codings codings;
    private final PracticeAnswers practice;

    StudyExport(
            DataSource dataSource,
            InstrumentCatalog catalog,
            MessageSource messages,
            Clock clock,
            Studies studies,
            Codings codings) {
        this.codings = codings;
        this.columns = new ExportColumns(catalog, messages);
        this.clients = new ExportClients(dataSource, clock);
        this.messages = messages;
        this.clock = clock;
        this.studies = studies;
        // The export's own reader of the professionals' answers: the same database, the same catalogue.
        this.practice = new PracticeAnswers(JdbcClient.create(dataSource), studies, catalog, clock);
    }

    /** The columns of a study's export, in order. */
    List<ExportVariable> variables(Study study) {
        return columns.data(study).stream().map(Column::variable).toList();
    }

    /** The column of each numeric item, by instrument and item ({@code alliance-client} → {@code bond-1} → name). */
    Map<String, Map<String, String>> itemColumns(Study study) {
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        for (Column column : columns.data(study)) {
            if (column instanceof ItemColumn item && !item.text()) {
                names.computeIfAbsent(item.instrument(), i -> new LinkedHashMap<>())
                        .put(item.item(), item.variable().name());
            }
        }
        return names;
    }

    /** The column of each scale score of {@code professionals.csv}, by scale ({@code competence} → name). */
    Map<String, String> practiceScoreColumns(Study study) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Column column : columns.professionals(study)) {
            if (column instanceof ScoreColumn score) {
                names.put(score.scale(), score.variable().name());
            }
        }
        return names;
    }

    /** The column of each scale score, by instrument and scale. */
    Map<String, Map<String, String>> scoreColumns(Study study) {
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        for (Column column : columns.data(study)) {
            if (column instanceof ScoreColumn score) {
                names.computeIfAbsent(score.instrument(), i -> new LinkedHashMap<>())
                        .put(score.scale(), score.variable().name());
            }
        }
        return names;
    }

    /**
     * Writes the whole zip to {@code out} (not closed) and returns how many check-ins {@code data.csv} holds.
     */
    long write(Study study, OutputStream out) throws IOException {
        return write(study, out, null);
    }

    /**
     * The same, telling {@code progress} after each group of clients which share (0 to 1) of the study's clients
     * {@code data.csv} holds so far (an analysis shows it while it reads the data); null: no progress, no count.
     */
    long write(Study study, OutputStream out, DoubleConsumer progress) throws IOException {
        List<Column> data = columns.data(study);
        long total;
        try {
            total = progress == null ? 0 : clients.count(study);
        } catch (SQLException e) {
            throw new IOException("export of study " + study.id() + " failed", e);
        }
        long[] done = {0};
        List<ExportVariable> variables = data.stream().map(Column::variable).toList();
        // Deflate hands on 512 bytes at a time; the buffer passes them on in blocks.
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
        Map<String, Instrument> instruments = new HashMap<>();
        columns.instruments(study).forEach(i -> instruments.put(i.id(), i));
        ExportPseudonyms pseudonyms = new ExportPseudonyms(new StudyPseudonyms(studies.secret(study.id())));
        // One moment for both files: a block released between them would be in one and not the other.
        Instant now = clock.instant();
        // The pass over the study's clients that writes data.csv also notes their coded meetings (observations.csv),
        // so the clients and their meetings are read once for both.
        ObservationRows observations = new ObservationRows(study, codings);
        long rows = stream(zip, "data.csv", study, variables, csv -> {
            DataRows writer = new DataRows(new ExportRun(study, data, csv, pseudonyms, instruments, clients, now));
            clients.forEachGroup(study, (connection, ids, in, meetings) -> {
                writer.write(connection, ids, in, meetings);
                observations.write(connection, ids, in, meetings);
                done[0] += ids.size();
                if (progress != null && total > 0) {
                    progress.accept(Math.min(1.0, done[0] / (double) total));
                }
            });
            return writer.written;
        });
        String title = study.title();
        entry(zip, "codebook.csv", Codebook.csv(variables));
        entry(zip, "codebook.html", codebookHtml(study, variables));
        entry(zip, "study.sps", SpssSyntax.write(title, "data.csv", variables));
        entry(zip, "study.R", RScript.write(title, "data.csv", variables));
        entry(zip, "study.do", StataSyntax.write(title, "data.csv", variables));
        Map<String, Instrument> joint = new HashMap<>();
        columns.jointInstruments(study).forEach(i -> joint.put(i.id(), i));
        if (!joint.isEmpty()) {
            List<Column> jointColumns = columns.joint(study);
            sideFile(zip, study, "joint", jointColumns, csv -> {
                JointRows writer =
                        new JointRows(new ExportRun(study, jointColumns, csv, pseudonyms, joint, clients, now));
                clients.forEachGroup(study, writer);
                return writer.written;
            });
        }
        if (observations.read()) {
            List<Column> observationColumns = columns.observations(study);
            sideFile(zip, study, "observations", observationColumns, csv -> {
                observations.write(observationColumns, csv, pseudonyms);
                return observations.written;
            });
            List<Column> transitionColumns = columns.transitions(study);
            sideFile(zip, study, "transitions", transitionColumns, csv -> {
                observations.writeTransitions(transitionColumns, csv, pseudonyms);
                return observations.transitionsWritten;
            });
        }
        List<PracticeAnswers.Answer> practiceAnswers = practice.ofStudy(study);
        if (!practiceAnswers.isEmpty()) {
            List<Column> practiceColumns = columns.professionals(study);
            Instrument instrument = practice.instrument();
            sideFile(
                    zip,
                    study,
                    "professionals",
                    practiceColumns,
                    csv -> PracticeRows.write(study, practiceColumns, csv, pseudonyms, instrument, practiceAnswers));
        }
        zip.finish();
        zip.flush();
        return rows;
    }

    /** A data file beside data.csv, {@code name.csv}, with its codebooks and its SPSS, R and Stata syntax. */
    private void sideFile(ZipOutputStream zip, Study study, String name, List<Column> columns, Rows rows)
            throws IOException {
        List<ExportVariable> variables = columns.stream().map(Column::variable).toList();
        String title = study.title();
        stream(zip, name + ".csv", study, variables, rows);
        entry(zip, name + "-codebook.csv", Codebook.csv(variables));
        entry(zip, name + "-codebook.html", codebookHtml(study, variables));
        entry(zip, name + ".sps", SpssSyntax.write(title, name + ".csv", variables));
        entry(zip, name + ".R", rScript(title, name, variables));
        entry(zip, name + ".do", StataSyntax.write(title, name + ".csv", variables));
    }

    /** The R script of a data file beside data.csv: RScript's first lines tell to run study.R, this one is its own. */
    private static String rScript(String title, String file, List<ExportVariable> variables) {
        return RScript.write(title, file + ".csv", variables)
                .replace("Rscript study.R", "Rscript " + file + ".R")
                .replace("source(\"study.R\")", "source(\"" + file + ".R\")");
    }

    /** Writes the rows of one data file. */
    private interface Rows {
        long write(ExportCsv csv) throws SQLException;
    }

    /** One data file as an entry of the zip: the header row, then the rows as they are read. */
    private static long stream(ZipOutputStream zip, String name, Study study, List<ExportVariable> variables, Rows rows)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Writer writer = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        ExportCsv csv = new ExportCsv(writer);
        csv.row(variables.stream().map(ExportVariable::name).toList());
        long written;
        try {
            written = rows.write(csv);
        } catch (SQLException e) {
            throw new IOException("export of study " + study.id() + " failed", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
        zip.closeEntry();
        return written;
    }

    /** The readable codebook, every word in the study's language. */
    private String codebookHtml(Study study, List<ExportVariable> variables) {
        Locale locale = study.language().locale();
        Map<ExportVariable.Type, String> types = new EnumMap<>(ExportVariable.Type.class);
        for (ExportVariable.Type type : ExportVariable.Type.values()) {
            types.put(type, text("export.codebook.type." + type.name().toLowerCase(Locale.ROOT), locale));
        }
        Map<Level, String> levels = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            levels.put(level, text("export.codebook.level." + level.name().toLowerCase(Locale.ROOT), locale));
        }
        CodebookHtml.Texts texts = new CodebookHtml.Texts(
                text("export.codebook.intro", locale),
                text("export.codebook.caption", locale),
                Stream.of("variable", "label", "type", "values", "missing", "source")
                        .map(h -> text("export.codebook." + h, locale))
                        .toList(),
                types,
                levels);
        return CodebookHtml.write(study.title(), study.language().code(), texts, variables);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
