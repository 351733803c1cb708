package org.alliance.app.research;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.research.ExportCsv;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The professionals' own questionnaire ({@value #INSTRUMENT}) in studies (issue 13, "the professionals' side"): who
 * is asked, which wave is open, and the one answer set per study, professional and wave. A professional of a study is
 * one whose own team takes part or who has a client in one of its teams; a wave is open while today's date (in the
 * application's time zone, the organisation's) lies within it. A second answer for a wave is refused
 * (docs/rules.md, "Research").
 */
@Repository
public class PracticeAnswers {

    /** The questionnaire the professionals answer. */
    public static final String INSTRUMENT = "alliance-practice";

    /** An answer set as stored. */
    record Answer(
            long study,
            long professional,
            String wave,
            String instrumentId,
            String instrumentVersion,
            String language,
            Map<String, Double> answers,
            Instant submittedAt) {
        Answer {
            answers = Map.copyOf(answers);
        }
    }

    /** A questionnaire a professional is asked to fill in now: the study and its open wave. */
    public record Due(long studyId, String studyTitle, String wave) {}

    private final JdbcClient jdbc;
    private final Studies studies;
    private final InstrumentCatalog catalog;
    private final Clock clock;

    PracticeAnswers(JdbcClient jdbc, Studies studies, InstrumentCatalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.studies = studies;
        this.catalog = catalog;
        this.clock = clock;
    }

    Instrument instrument() {
        return catalog.find(INSTRUMENT).orElseThrow();
    }

    /** Whether the account is a professional of the study: their own team takes part, or a client of theirs does. */
    boolean isProfessionalOf(Study study, long userId) {
        return jdbc.sql(
                                """
                        SELECT COUNT(*) FROM app_user u
                        WHERE u.id = ? AND u.organisation_id = ? AND u.role = 'PROFESSIONAL'
                          AND (u.team_id IN (SELECT team_id FROM study_team WHERE study_id = ?)
                               OR EXISTS (SELECT 1 FROM client c WHERE c.professional_id = u.id
                                          AND c.team_id IN (SELECT team_id FROM study_team WHERE study_id = ?)))""")
                        .params(userId, study.organisationId(), study.id(), study.id())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The wave of the study open today, if any (waves do not overlap). */
    Optional<Study.Wave> openWave(Study study) {
        return study.waveOf(LocalDate.now(clock));
    }

    /** What the professional is asked to fill in now: per study of theirs its open wave, when not answered yet. */
    public List<Due> due(long organisationId, long userId) {
        List<Due> due = new ArrayList<>();
        for (Study study : studies.ofOrganisation(organisationId)) {
            Optional<Study.Wave> wave = openWave(study);
            if (wave.isPresent()
                    && isProfessionalOf(study, userId)
                    && !answered(study.id(), userId, wave.get().name())) {
                due.add(new Due(study.id(), study.title(), wave.get().name()));
            }
        }
        return due;
    }

    boolean answered(long studyId, long userId, String wave) {
        return jdbc.sql("SELECT COUNT(*) FROM practice_answer WHERE study_id = ? AND professional_id = ? AND wave = ?")
                        .params(studyId, userId, wave)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Stores the answer set; false (and nothing stored) when the professional answered this wave already. Runs in the
     * caller's transaction; the unique key (study, professional, wave) stops a second one that slips past the check.
     */
    boolean submit(Study study, long userId, String wave, Language language, Map<String, Double> answers) {
        if (answered(study.id(), userId, wave)) {
            return false;
        }
        Instrument instrument = instrument();
        jdbc.sql(
                        """
                        INSERT INTO practice_answer (study_id, professional_id, wave, instrument_id, instrument_version,
                                                     language, answers, submitted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        study.id(),
                        userId,
                        wave,
                        instrument.id(),
                        instrument.version(),
                        language.code(),
                        lines(instrument, answers),
                        clock.millis())
                .update();
        return true;
    }

    /** The study's answer sets, by wave (in the study's order of waves) and then as stored. */
    List<Answer> ofStudy(Study study) {
        List<String> waves = study.waves().stream().map(Study.Wave::name).toList();
        return jdbc
                .sql(
                        """
                        SELECT professional_id, wave, instrument_id, instrument_version, language, answers,
                               submitted_at
                        FROM practice_answer WHERE study_id = ? ORDER BY id""")
                .params(study.id())
                .query((rs, row) -> new Answer(
                        study.id(),
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        parse(rs.getString(6)),
                        Instant.ofEpochMilli(rs.getLong(7))))
                .list()
                .stream()
                .sorted(Comparator.comparingInt(a -> waves.indexOf(a.wave())))
                .toList();
    }

    private static String lines(Instrument instrument, Map<String, Double> answers) {
        StringBuilder text = new StringBuilder();
        instrument.items().forEach(item -> {
            Double value = answers.get(item.id());
            if (value != null) {
                text.append(item.id())
                        .append('=')
                        .append(ExportCsv.number(value))
                        .append('\n');
            }
        });
        return text.toString();
    }

    private static Map<String, Double> parse(String lines) {
        Map<String, Double> answers = new LinkedHashMap<>();
        lines.lines().filter(l -> l.contains("=")).forEach(l -> {
            int at = l.indexOf('=');
            answers.put(l.substring(0, at), Double.parseDouble(l.substring(at + 1)));
        });
        return answers;
    }
}
