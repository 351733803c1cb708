package org.alliance.app.research;

import static org.alliance.app.research.TestStudy.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.alliance.app.DatabaseTest;
import org.alliance.app.TestDatabases;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Meeting;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.ImportedCheckIn;
import org.alliance.app.privacy.ClientErasure;
import org.alliance.app.privacy.Retention;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Perspective;
import org.alliance.core.privacy.ErasureRule;
import org.alliance.core.release.ReleaseChoice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16, anonymise instead of erase, on SQLite and PostgreSQL, row by row (docs/privacy.md, "Anonymising"): what
 * identifies the client goes, what an allowing study exports stays under the same pseudonym, the client leaves the
 * professional's views, and a client in no allowing study is erased as before.
 */
class AnonymisationPersistenceTest extends DatabaseTest {

    private record World(
            DataSource dataSource,
            JdbcClient jdbc,
            TestDatabases.Seeded seeded,
            Studies studies,
            Caseload caseload,
            ClientErasure erasure,
            Retention retention,
            long allowing,
            long other,
            long kept,
            long otherInstrument,
            long outsidePeriod,
            long networkMember,
            long earlyMeeting,
            long jointMeeting) {}

    private static World world(String vendor) {
        TestDatabases.Seeded seeded = TestDatabases.seeded(vendor, folder, LocalDate.of(2026, 3, 2));
        DataSource dataSource = seeded.dataSource();
        JdbcClient jdbc = seeded.jdbc();
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Studies studies = new Studies(jdbc, transactions, CLOCK);
        Caseload caseload = new Caseload(jdbc, transactions, CLOCK);
        CheckIns checkIns = new CheckIns(jdbc, transactions, CLOCK);
        ClientErasure erasure = new ClientErasure(jdbc, transactions);
        Retention retention = new Retention(jdbc, erasure, null, CLOCK);
        long client = seeded.client();
        long allowing = studies.create(study(seeded, "Allows", true), seeded.professional());
        long other = studies.create(study(seeded, "Keeps nothing", false), seeded.professional());
        long earlyMeeting =
                caseload.createMeeting(client, seeded.professional(), LocalDate.of(2025, 6, 2), Meeting.Kind.REGULAR);

        long kept =
                checkIn(checkIns, seeded.meeting(), client, "alliance-client", Perspective.CLIENT, vendor + "-kept");
        long otherInstrument = checkIn(
                checkIns, seeded.meeting(), client, "alliance-professional", Perspective.PROFESSIONAL, vendor + "-pro");
        long outsidePeriod =
                checkIn(checkIns, earlyMeeting, client, "alliance-client", Perspective.CLIENT, vendor + "-early");
        // A free-text answer beside the numbers of the kept check-in: it may name the client.
        jdbc.sql("INSERT INTO answer (check_in_id, item_id, text_value) VALUES (?, 'comment', 'I am Kim from Utrecht')")
                .param(kept)
                .update();
        long invitation = jdbc.sql(
                        """
                        INSERT INTO check_in_invitation (meeting_id, instrument_id, token_hash, short_code_hash,
                                                         created_by, created_at, expires_at, consumed_at)
                        VALUES (?, 'alliance-client', ?, ?, ?, 0, 1, 1) RETURNING id""")
                .params(seeded.meeting(), vendor + "-token", vendor + "-code", seeded.professional())
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE check_in SET invitation_id = ? WHERE id = ?")
                .params(invitation, kept)
                .update();
        jdbc.sql("INSERT INTO client_contact (client_id, channel, address, consent_at, consent_by) VALUES (?, 'EMAIL',"
                        + " 'kim@example.org', 0, ?)")
                .params(client, seeded.professional())
                .update();
        // A joint meeting on a later date, with a named network member who answered too.
        long jointDay =
                caseload.createMeeting(client, seeded.professional(), LocalDate.of(2026, 4, 6), Meeting.Kind.JOINT);
        long jointMeeting = jdbc.sql("INSERT INTO joint_meeting (meeting_id, chair_id, created_at) VALUES (?, ?, 0)"
                        + " RETURNING id")
                .params(jointDay, seeded.professional())
                .query(Long.class)
                .single();
        long party = jdbc.sql("INSERT INTO joint_party (joint_meeting_id, kind, network_role, label, present)"
                        + " VALUES (?, 'NETWORK_MEMBER', 'CHILD', 'Mira (daughter)', TRUE) RETURNING id")
                .param(jointMeeting)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO joint_step_note (joint_meeting_id, step, note, written_at) VALUES (?, 'introduce-client',"
                        + " 'Kim lives with Mira', 0)")
                .param(jointMeeting)
                .update();
        long networkMember =
                checkIn(checkIns, jointDay, client, "alliance-client", Perspective.CLIENT, vendor + "-mira");
        jdbc.sql("UPDATE check_in SET joint_party_id = ? WHERE id = ?")
                .params(party, networkMember)
                .update();
        // The professional's own diary entry after the meeting stays theirs.
        jdbc.sql(
                        "INSERT INTO diary_entry (author_id, meeting_id, created_at, nonce, ciphertext) VALUES (?, ?, 0, ?, ?)")
                .params(seeded.professional(), seeded.meeting(), new byte[12], new byte[16])
                .update();
        for (long study : List.of(allowing, other)) {
            jdbc.sql("INSERT INTO study_outcome (study_id, client_id, name, observed_on, value)"
                            + " VALUES (?, ?, 'employed', '2026-06-01', '1')")
                    .params(study, client)
                    .update();
        }
        return new World(
                dataSource,
                jdbc,
                seeded,
                studies,
                caseload,
                erasure,
                retention,
                allowing,
                other,
                kept,
                otherInstrument,
                outsidePeriod,
                networkMember,
                earlyMeeting,
                jointMeeting);
    }

    private static Study study(TestDatabases.Seeded seeded, String title, boolean allows) {
        return TestStudy.of(seeded.organisation(), seeded.team())
                .title(title)
                .allowsAnonymisation(allows)
                .build();
    }

    private static long checkIn(
            CheckIns checkIns, long meeting, long client, String instrument, Perspective perspective, String key) {
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        Map<String, Double> answers = instrument.equals("alliance-client")
                ? Map.of("bond-1", 4.0, "bond-2", 3.0, "bond-3", 4.0, "bond-4", 5.0)
                : Map.of("bond-1", 2.0);
        return checkIns.importHistory(new ImportedCheckIn(
                meeting,
                client,
                instrument,
                "1.0.0",
                perspective,
                Language.EN,
                ReleaseChoice.NOW,
                key,
                at,
                Optional.of(at),
                answers));
    }

    private static long count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static List<Map<String, String>> export(World world, long studyId) throws Exception {
        StudyExport export = StudyExportTest.exporter(world.dataSource(), CLOCK, world.studies());
        return StudyExportTest.rows(StudyExportTest.files(
                        export,
                        world.studies()
                                .find(world.seeded().organisation(), studyId)
                                .orElseThrow())
                .get("data.csv"));
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void anonymisingKeepsOnlyWhatTheAllowingStudyExportsUnderTheSamePseudonym(String vendor) throws Exception {
        World world = world(vendor);
        JdbcClient jdbc = world.jdbc();
        long client = world.seeded().client();
        long organisation = world.seeded().organisation();
        assertThat(world.retention().decide(organisation, client).reason())
                .as("the organisation does not anonymise yet")
                .isEqualTo(ErasureRule.Reason.ORGANISATION_ERASES);
        world.retention().setAnonymise(organisation, true);
        ErasureRule.Decision decision = world.retention().decide(organisation, client);
        assertThat(decision.action()).isEqualTo(ErasureRule.Action.ANONYMISE);
        assertThat(decision.studies()).extracting(ErasureRule.Study::id).containsExactly(world.allowing());
        List<Map<String, String>> before = export(world, world.allowing());

        ClientErasure.Anonymised preview = world.erasure()
                .whatAnonymisingWouldDo(organisation, client, decision)
                .orElseThrow();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM check_in WHERE client_id = ?", client))
                .as("the preview is rolled back")
                .isEqualTo(4);
        ClientErasure.Anonymised done = world.erasure()
                .anonymise(organisation, client, decision, CLOCK.millis())
                .orElseThrow();
        assertThat(done).isEqualTo(preview);
        assertThat(done.keptCheckIns()).isEqualTo(1);
        assertThat(done.removed())
                .containsEntry("check-ins", 3L)
                .containsEntry("invitations", 1L)
                .containsEntry("contacts", 1L)
                .containsEntry("joint-meetings", 1L)
                .containsEntry("joint-parties", 1L)
                .containsEntry("joint-notes", 1L)
                .containsEntry("study-outcomes", 1L)
                .containsEntry("free-text-answers", 1L)
                .doesNotContainKeys("meetings", "client");

        // The client row: no alias, no reference, the time it was anonymised; the team stays (study membership).
        Map<String, Object> row = jdbc.sql("SELECT alias, internal_id, anonymised_at, team_id FROM client WHERE id = ?")
                .param(client)
                .query()
                .singleRow();
        assertThat(row.get("alias")).isEqualTo(ClientErasure.ANONYMOUS_ALIAS);
        assertThat(row.get("internal_id")).isEqualTo("anonymised-" + client);
        assertThat(((Number) row.get("anonymised_at")).longValue()).isEqualTo(CLOCK.millis());
        assertThat(((Number) row.get("team_id")).longValue())
                .isEqualTo(world.seeded().team());
        // Check-ins: only the one the study exports, without its invitation or the browser's key.
        assertThat(jdbc.sql("SELECT id FROM check_in WHERE client_id = ?")
                        .param(client)
                        .query(Long.class)
                        .list())
                .containsExactly(world.kept());
        Map<String, Object> keptRow = jdbc.sql("SELECT invitation_id, idempotency_key FROM check_in WHERE id = ?")
                .param(world.kept())
                .query()
                .singleRow();
        assertThat(keptRow.get("invitation_id")).isNull();
        assertThat(keptRow.get("idempotency_key")).isEqualTo("anonymised-" + world.kept());
        // Answers: the four numbers stay, the free text is gone; nothing of the dropped check-ins stays.
        assertThat(count(
                        jdbc,
                        "SELECT COUNT(*) FROM answer WHERE check_in_id = ? AND numeric_value IS NOT NULL",
                        world.kept()))
                .isEqualTo(4);
        assertThat(count(
                        jdbc,
                        "SELECT COUNT(*) FROM answer WHERE check_in_id = ? AND text_value IS NOT NULL",
                        world.kept()))
                .isZero();
        assertThat(count(
                        jdbc,
                        "SELECT COUNT(*) FROM answer WHERE check_in_id IN (?, ?, ?)",
                        world.otherInstrument(),
                        world.outsidePeriod(),
                        world.networkMember()))
                .isZero();
        // Meetings (dates and kinds) stay: the export numbers meetings and shifts dates from the first.
        assertThat(count(jdbc, "SELECT COUNT(*) FROM meeting WHERE client_id = ?", client))
                .isEqualTo(3);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM check_in_invitation")).isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM client_contact WHERE client_id = ?", client))
                .isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM joint_meeting")).isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM joint_party")).isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM joint_step_note")).isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM diary_entry WHERE meeting_id IS NULL"))
                .as("the professional's diary entry stays, without the meeting")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT study_id FROM study_outcome WHERE client_id = ?")
                        .param(client)
                        .query(Long.class)
                        .list())
                .containsExactly(world.allowing());

        // Gone from the professional's views.
        assertThat(world.caseload().clientsOf(world.seeded().professional())).isEmpty();
        assertThat(world.caseload().clientOf(world.seeded().professional(), client))
                .isEmpty();
        assertThat(world.caseload()
                        .meetingOf(world.seeded().professional(), world.seeded().meeting()))
                .isEmpty();
        // Still in the study export: the same row, the same pseudonym; never due again.
        List<Map<String, String>> after = export(world, world.allowing());
        assertThat(after).hasSize(1);
        assertThat(before).contains(after.get(0));
        world.retention().setMonths(organisation, java.util.OptionalInt.of(1));
        assertThat(world.retention().due(organisation)).isEmpty();
        assertThat(world.erasure().anonymise(organisation, client, decision, CLOCK.millis()))
                .as("twice is nothing")
                .isEmpty();

        // Erasing the anonymised client afterwards removes what stayed too.
        assertThat(world.erasure().erase(organisation, client)).isPresent();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM client WHERE id = ?", client))
                .isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM check_in")).isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM study_outcome")).isZero();
        assertThat(export(world, world.allowing())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aClientInNoAllowingStudyIsErasedAsBefore(String vendor) {
        World world = world(vendor);
        JdbcClient jdbc = world.jdbc();
        long client = world.seeded().client();
        long organisation = world.seeded().organisation();
        world.retention().setAnonymise(organisation, true);
        world.studies().setAllowsAnonymisation(organisation, world.allowing(), false);
        ErasureRule.Decision decision = world.retention().decide(organisation, client);
        assertThat(decision.action()).isEqualTo(ErasureRule.Action.ERASE);
        assertThat(decision.reason()).isEqualTo(ErasureRule.Reason.NO_ALLOWING_STUDY);

        Map<String, Long> removed = world.erasure().erase(organisation, client).orElseThrow();
        assertThat(removed)
                .containsEntry("client", 1L)
                .containsEntry("meetings", 3L)
                .containsEntry("study-outcomes", 2L);
        for (String table : List.of(
                "client",
                "meeting",
                "check_in",
                "answer",
                "check_in_invitation",
                "client_contact",
                "joint_meeting",
                "joint_party",
                "joint_step_note",
                "study_outcome")) {
            assertThat(count(jdbc, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
        }
        assertThat(count(jdbc, "SELECT COUNT(*) FROM diary_entry WHERE meeting_id IS NULL"))
                .isEqualTo(1);
    }
}
