package org.alliance.app.research;

import java.util.Comparator;
import java.util.List;
import org.alliance.core.research.StudyPseudonyms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clients of a study (every client of the study's teams, as the export reads them) with their study pseudonyms.
 * The linkage file and the outcome import use them; the export hashes client by client as it streams.
 */
@Component
class StudyClients {

    /**
     * A client of the study.
     *
     * @param reference the organisation's own client reference ({@code client.internal_id}); only the linkage file
     *     for the trusted third party holds it, never a page or file of the researcher
     * @param professional the client's professional (internal id), the cluster of the outcome analyses
     * @param anonymised whether the client was anonymised: the answers stay under the pseudonym, but there is no
     *     reference any more, so the linkage file leaves the client out
     */
    record Member(long client, String reference, long professional, String pseudonym, boolean anonymised) {}

    private final JdbcClient jdbc;
    private final Studies studies;

    StudyClients(JdbcClient jdbc, Studies studies) {
        this.jdbc = jdbc;
        this.studies = studies;
    }

    /** The study's clients, sorted by pseudonym (so the order gives nothing of the internal ids away). */
    List<Member> of(Study study) {
        StudyPseudonyms pseudonyms = new StudyPseudonyms(studies.secret(study.id()));
        return jdbc
                .sql(
                        """
                        SELECT c.id, c.internal_id, c.professional_id, c.anonymised_at FROM client c
                        WHERE c.organisation_id = ?
                          AND c.team_id IN (SELECT team_id FROM study_team WHERE study_id = ?)""")
                .params(study.organisationId(), study.id())
                .query((rs, row) -> new Member(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        pseudonyms.pseudonym(StudyPseudonyms.Kind.CLIENT, rs.getLong(1)),
                        rs.getObject(4) != null))
                .list()
                .stream()
                .sorted(Comparator.comparing(Member::pseudonym))
                .toList();
    }

    /** A professional's pseudonym in the study. */
    String professional(Study study, long professional) {
        return new StudyPseudonyms(studies.secret(study.id()))
                .pseudonym(StudyPseudonyms.Kind.PROFESSIONAL, professional);
    }
}
