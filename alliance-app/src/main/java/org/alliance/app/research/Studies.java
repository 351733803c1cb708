package org.alliance.app.research;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Language;
import org.alliance.core.research.StudyPseudonyms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Studies and who may see them. Every read names the organisation or the researcher, so a study of another
 * organisation, or one a researcher is not assigned to, is simply not found.
 */
@Repository
public class Studies {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Studies(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Stores a new study with a new random secret; returns its id. */
    public long create(Study study, long createdBy) {
        byte[] secret = StudyPseudonyms.newSecret(random);
        Long id = transactions.execute(status -> {
            long studyId = jdbc.sql(
                            """
                            INSERT INTO study (organisation_id, title, purpose, legal_basis, starts_on, ends_on,
                                               language, shift_dates, include_free_text, allows_anonymisation,
                                               pseudonym_secret, created_by, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(
                            study.organisationId(),
                            study.title(),
                            study.purpose(),
                            study.legalBasis(),
                            study.startsOn().toString(),
                            study.endsOn().toString(),
                            study.language().code(),
                            study.shiftDates(),
                            study.includeFreeText(),
                            study.allowsAnonymisation(),
                            secret,
                            createdBy,
                            clock.millis())
                    .query(Long.class)
                    .single();
            for (long team : study.teams()) {
                jdbc.sql("INSERT INTO study_team (study_id, team_id) VALUES (?, ?)")
                        .params(studyId, team)
                        .update();
            }
            for (String instrument : study.instruments()) {
                jdbc.sql("INSERT INTO study_instrument (study_id, instrument_id) VALUES (?, ?)")
                        .params(studyId, instrument)
                        .update();
            }
            for (Study.Wave wave : study.waves()) {
                jdbc.sql("INSERT INTO study_wave (study_id, name, starts_on, ends_on) VALUES (?, ?, ?, ?)")
                        .params(
                                studyId,
                                wave.name(),
                                wave.startsOn().toString(),
                                wave.endsOn().toString())
                        .update();
            }
            insertResearchers(studyId, study.researchers());
            return studyId;
        });
        return id == null ? 0 : id;
    }

    private void insertResearchers(long studyId, List<Long> researchers) {
        for (long researcher : researchers) {
            jdbc.sql("INSERT INTO study_researcher (study_id, user_id) VALUES (?, ?)")
                    .params(studyId, researcher)
                    .update();
        }
    }

    /** Replaces the study's researchers; false when the organisation has no such study. */
    public boolean setResearchers(long organisationId, long studyId, List<Long> researchers) {
        Boolean done = transactions.execute(status -> {
            if (find(organisationId, studyId).isEmpty()) {
                return false;
            }
            jdbc.sql("DELETE FROM study_researcher WHERE study_id = ?")
                    .param(studyId)
                    .update();
            insertResearchers(studyId, researchers);
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /**
     * Says whether the study may keep anonymised answers after a client is erased; false when the organisation has no
     * such study. The caller checks {@link Study}'s rule first (never with free text).
     */
    public boolean setAllowsAnonymisation(long organisationId, long studyId, boolean allows) {
        return jdbc.sql("UPDATE study SET allows_anonymisation = ? WHERE organisation_id = ? AND id = ?")
                        .params(allows, organisationId, studyId)
                        .update()
                > 0;
    }

    /** The organisation's studies, newest first. */
    public List<Study> ofOrganisation(long organisationId) {
        return read("WHERE s.organisation_id = ? ORDER BY s.starts_on DESC, s.id DESC", organisationId);
    }

    /** A study of the organisation. */
    public Optional<Study> find(long organisationId, long studyId) {
        return read("WHERE s.organisation_id = ? AND s.id = ?", organisationId, studyId).stream()
                .findFirst();
    }

    /** The studies a researcher is assigned to (only of the researcher's own organisation), newest first. */
    public List<Study> ofResearcher(long organisationId, long userId) {
        return read(
                """
                WHERE s.organisation_id = ?
                  AND EXISTS (SELECT 1 FROM study_researcher r WHERE r.study_id = s.id AND r.user_id = ?)
                ORDER BY s.starts_on DESC, s.id DESC""",
                organisationId,
                userId);
    }

    /** A study the researcher is assigned to, in the researcher's own organisation. */
    public Optional<Study> findForResearcher(long organisationId, long userId, long studyId) {
        return read(
                        """
                        WHERE s.organisation_id = ? AND s.id = ?
                          AND EXISTS (SELECT 1 FROM study_researcher r WHERE r.study_id = s.id AND r.user_id = ?)""",
                        organisationId,
                        studyId,
                        userId)
                .stream()
                .findFirst();
    }

    /** The key of the study's pseudonyms; only the export reads it. */
    byte[] secret(long studyId) {
        return jdbc.sql("SELECT pseudonym_secret FROM study WHERE id = ?")
                .param(studyId)
                .query((rs, row) -> rs.getBytes(1))
                .single();
    }

    private List<Study> read(String where, Object... params) {
        List<Study> heads = jdbc.sql(
                        """
                        SELECT s.id, s.organisation_id, s.title, s.purpose, s.legal_basis, s.starts_on, s.ends_on,
                               s.language, s.shift_dates, s.include_free_text, s.allows_anonymisation
                        FROM study s
                        """
                                + where)
                .params(params)
                .query((rs, row) -> new Study(
                        rs.getLong("id"),
                        rs.getLong("organisation_id"),
                        rs.getString("title"),
                        rs.getString("purpose"),
                        rs.getString("legal_basis"),
                        LocalDate.parse(rs.getString("starts_on")),
                        LocalDate.parse(rs.getString("ends_on")),
                        Language.fromCode(rs.getString("language")).orElse(Language.NL),
                        rs.getBoolean("shift_dates"),
                        rs.getBoolean("include_free_text"),
                        rs.getBoolean("allows_anonymisation"),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()))
                .list();
        List<Study> studies = new ArrayList<>(heads.size());
        for (Study head : heads) {
            studies.add(new Study(
                    head.id(),
                    head.organisationId(),
                    head.title(),
                    head.purpose(),
                    head.legalBasis(),
                    head.startsOn(),
                    head.endsOn(),
                    head.language(),
                    head.shiftDates(),
                    head.includeFreeText(),
                    head.allowsAnonymisation(),
                    ids("SELECT team_id FROM study_team WHERE study_id = ? ORDER BY team_id", head.id()),
                    jdbc.sql("SELECT instrument_id FROM study_instrument WHERE study_id = ? ORDER BY instrument_id")
                            .param(head.id())
                            .query(String.class)
                            .list(),
                    jdbc.sql(
                                    """
                                    SELECT name, starts_on, ends_on FROM study_wave WHERE study_id = ?
                                    ORDER BY starts_on, name""")
                            .param(head.id())
                            .query((rs, row) -> new Study.Wave(
                                    rs.getString(1),
                                    LocalDate.parse(rs.getString(2)),
                                    LocalDate.parse(rs.getString(3))))
                            .list(),
                    ids("SELECT user_id FROM study_researcher WHERE study_id = ? ORDER BY user_id", head.id())));
        }
        return studies;
    }

    private List<Long> ids(String sql, long studyId) {
        return jdbc.sql(sql).param(studyId).query(Long.class).list();
    }
}
