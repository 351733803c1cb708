package org.alliance.app.research;

import static org.alliance.app.research.TestStudy.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.alliance.app.DatabaseTest;
import org.alliance.app.TestDatabases;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Meeting;
import org.alliance.app.checkin.CheckInSubmission;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.Invitations;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.joint.BlockAudience;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.research.StudyPseudonyms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The long file of joint meetings ({@code joint.csv}) on both databases: a client's joint check-in about two
 * professionals gives one row per professional and one for the team; a block the client held back (until a meeting
 * not held yet) and answers kept for team figures only are not exported, as {@code data.csv} leaves them out; and
 * PSPP and R read the file with its labels.
 */
class StudyExportJointTest extends DatabaseTest {

    private static final Instrument JOINT =
            InstrumentCatalog.builtIn().find("alliance-joint-client").orElseThrow();

    private static final Instrument PARTIALITY =
            InstrumentCatalog.builtIn().find("alliance-partiality").orElseThrow();

    /** One exported study: the files of the zip and the people behind the pseudonyms. */
    record Export(
            Map<String, String> files,
            long rows,
            StudyPseudonyms pseudonyms,
            long chair,
            long colleague,
            long client) {}

    private static long user(JdbcClient jdbc, long organisation, long team, String username, String name) {
        return TestDatabases.user(jdbc, organisation, team, username, name, "PROFESSIONAL");
    }

    /** A joint meeting of the client with the chair and the colleague, as JointMeetings stores it. */
    private static long jointMeeting(
            JdbcClient jdbc, Caseload caseload, long client, long chair, long colleague, LocalDate date) {
        long meeting = caseload.createMeeting(client, chair, date, Meeting.Kind.JOINT);
        long joint = jdbc.sql(
                        "INSERT INTO joint_meeting (meeting_id, chair_id, created_at) VALUES (?, ?, 0) RETURNING id")
                .params(meeting, chair)
                .query(Long.class)
                .single();
        String party =
                "INSERT INTO joint_party (joint_meeting_id, kind, user_id, network_role, label, present) VALUES (?, ?, ?, NULL, ?, TRUE)";
        jdbc.sql(party).params(joint, "CLIENT", null, "Kim").update();
        jdbc.sql(party).params(joint, "PROFESSIONAL", chair, "Anna").update();
        jdbc.sql(party).params(joint, "PROFESSIONAL", colleague, "Ben").update();
        return meeting;
    }

    private static Map<String, Double> bond(double trust, double listened, Double respect, double understood) {
        Map<String, Double> block = new LinkedHashMap<>();
        block.put("bond-trust", trust);
        block.put("bond-listened", listened);
        if (respect != null) {
            block.put("bond-respect", respect);
        }
        block.put("bond-understood", understood);
        return block;
    }

    private static void submit(
            Invitations invitations,
            CheckIns checkIns,
            long meeting,
            long chair,
            String key,
            ReleaseChoice release,
            Map<Long, Map<String, Double>> blocks,
            Map<Long, ReleaseChoice> blockReleases,
            Map<String, Double> team) {
        var invitation = invitations
                .find(invitations
                        .issue(meeting, JOINT.id(), chair, Duration.ofHours(72))
                        .token())
                .orElseThrow();
        Map<Long, BlockAudience> audiences = new LinkedHashMap<>();
        blocks.keySet().forEach(p -> audiences.put(p, BlockAudience.CONCERNED));
        assertThat(checkIns.submit(
                        invitation,
                        new CheckInSubmission(
                                JOINT, Language.EN, release, key, team, blocks, blockReleases, audiences)))
                .isEqualTo(CheckIns.Outcome.SAVED);
    }

    private static void partiality(
            Invitations invitations,
            CheckIns checkIns,
            long meeting,
            long chair,
            long party,
            String key,
            Map<Long, Double> ratings) {
        var invitation = invitations
                .find(invitations
                        .issue(meeting, PARTIALITY.id(), chair, Duration.ofHours(72), java.util.Optional.of(party))
                        .token())
                .orElseThrow();
        Map<Long, Map<String, Double>> blocks = new LinkedHashMap<>();
        ratings.forEach((professional, value) -> blocks.put(
                professional,
                Map.of(
                        "partiality-every-side", value,
                        "partiality-no-blame", value,
                        "partiality-win-win", value,
                        "partiality-dialogue", value)));
        assertThat(checkIns.submit(
                        invitation,
                        new CheckInSubmission(
                                PARTIALITY, Language.EN, ReleaseChoice.NOW, key, Map.of(), blocks, Map.of(), Map.of())))
                .isEqualTo(CheckIns.Outcome.SAVED);
    }

    static Export export(String vendor) throws Exception {
        DataSource dataSource = TestDatabases.migrated(vendor, folder);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        long organisation = TestDatabases.organisation(jdbc);
        long team = TestDatabases.team(jdbc, organisation, "T");
        long chair = user(jdbc, organisation, team, "anna-" + vendor, "Anna");
        long colleague = user(jdbc, organisation, team, "ben-" + vendor, "Ben");
        Caseload caseload = new Caseload(jdbc, transactions, CLOCK);
        long client = caseload.createClient(organisation, team, chair, "Kim", "K-" + vendor);
        long first = jointMeeting(jdbc, caseload, client, chair, colleague, LocalDate.of(2026, 1, 5));
        long second = jointMeeting(jdbc, caseload, client, chair, colleague, LocalDate.of(2026, 2, 2));
        long joint = jdbc.sql("SELECT id FROM joint_meeting WHERE meeting_id = ?")
                .param(first)
                .query(Long.class)
                .single();
        List<Long> network = new java.util.ArrayList<>();
        for (String member : List.of("Sam", "Mira")) {
            network.add(jdbc.sql(
                            """
                            INSERT INTO joint_party (joint_meeting_id, kind, user_id, network_role, label, present)
                            VALUES (?, 'NETWORK_MEMBER', NULL, 'PARTNER', ?, TRUE) RETURNING id""")
                    .params(joint, member)
                    .query(Long.class)
                    .single());
        }
        Invitations invitations = new Invitations(jdbc, CLOCK);
        CheckIns checkIns = new CheckIns(jdbc, transactions, CLOCK);
        Map<Long, Map<String, Double>> blocks = new LinkedHashMap<>();
        blocks.put(chair, bond(5, 5, 5.0, 5));
        blocks.put(colleague, bond(4, 3, null, 5)); // three of four answered: the bond score is their mean, 4
        // First meeting: everything released at once. Team 4 and 2 (teamwork 3), voice all 3.
        submit(
                invitations,
                checkIns,
                first,
                chair,
                vendor + "-1",
                ReleaseChoice.NOW,
                blocks,
                Map.of(chair, ReleaseChoice.NOW, colleague, ReleaseChoice.NOW),
                Map.of(
                        "team-vision", 4.0,
                        "team-support", 2.0,
                        "voice-decisions", 3.0,
                        "voice-honest", 3.0,
                        "voice-central", 3.0,
                        "voice-conflicts", 3.0));
        // Second meeting, the last one: the block about the colleague waits for a meeting not planned yet, and the
        // team answers are kept for team figures only; only the block about the chair is released.
        submit(
                invitations,
                checkIns,
                second,
                chair,
                vendor + "-2",
                ReleaseChoice.TEAM_ONLY,
                Map.of(chair, bond(3, 3, 3.0, 3), colleague, bond(1, 1, 1.0, 1)),
                Map.of(chair, ReleaseChoice.NOW, colleague, ReleaseChoice.NEXT_MEETING),
                Map.of("team-vision", 1.0, "team-support", 1.0));
        // The two network members rate each professional's eye for everyone: 2 for the chair, 4 for the colleague
        // by the first; the second rates only the chair, 5.
        partiality(
                invitations,
                checkIns,
                first,
                chair,
                network.get(0),
                vendor + "-n1",
                Map.of(chair, 2.0, colleague, 4.0));
        partiality(invitations, checkIns, first, chair, network.get(1), vendor + "-n2", Map.of(chair, 5.0));
        Studies studies = new Studies(jdbc, transactions, CLOCK);
        long studyId = studies.create(
                TestStudy.of(organisation, team)
                        .title("Joint meetings")
                        .instruments(JOINT.id(), PARTIALITY.id())
                        .waves(new Study.Wave("T1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)))
                        .build(),
                chair);
        StudyExport export = StudyExportTest.exporter(dataSource, CLOCK, studies);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        long rows = export.write(studies.find(organisation, studyId).orElseThrow(), zip);
        return new Export(
                StudyExportTest.unzip(zip.toByteArray()),
                rows,
                new StudyPseudonyms(studies.secret(studyId)),
                chair,
                colleague,
                client);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aJointMeetingWithTwoProfessionalsGivesTwoRowsPerClientCheckInAndOneForTheTeam(String vendor) throws Exception {
        Export export = export(vendor);
        assertThat(export.files())
                .containsKeys(
                        "joint.csv", "joint-codebook.csv", "joint-codebook.html", "joint.sps", "joint.R", "joint.do");
        StudyExportTest.assertStataReadsEveryColumn(
                export.files().get("joint.do"), "joint.csv", export.files().get("joint.csv"));
        String anna = export.pseudonyms().pseudonym(StudyPseudonyms.Kind.PROFESSIONAL, export.chair());
        String ben = export.pseudonyms().pseudonym(StudyPseudonyms.Kind.PROFESSIONAL, export.colleague());
        String kim = export.pseudonyms().pseudonym(StudyPseudonyms.Kind.CLIENT, export.client());

        List<Map<String, String>> all = StudyExportTest.rows(export.files().get("joint.csv"));
        assertThat(all)
                .allSatisfy(r -> assertThat(r).containsEntry("client", kim).containsEntry("language", "en"));
        // The network members: one row per professional of the meeting (a block not answered gives -9 and -8), and
        // no team row, as their questionnaire asks nothing once.
        assertThat(all.stream().filter(r -> r.get("perspective").equals("network-member")))
                .extracting(r -> r.get("rater_number") + "/" + r.get("rated") + "/" + r.get("rated_professional") + "/"
                        + r.get("alliance_partiality_partiality_no_blame") + "/"
                        + r.get("alliance_partiality_partiality_score"))
                .containsExactly(
                        "1/professional/" + anna + "/2/2",
                        "1/professional/" + ben + "/4/4",
                        "2/professional/" + anna + "/5/5",
                        "2/professional/" + ben + "/-9/-8");
        List<Map<String, String>> rows = all.stream()
                .filter(r -> r.get("instrument").equals("alliance-joint-client"))
                .toList();
        assertThat(rows)
                .extracting(r -> r.get("meeting_number") + "/" + r.get("rated") + "/" + r.get("rated_professional"))
                .containsExactly(
                        "1/professional/" + anna, "1/professional/" + ben, "1/team/", "2/professional/" + anna);
        assertThat(rows).allSatisfy(r -> assertThat(r)
                .containsEntry("perspective", "client")
                .containsEntry("rater_number", "0")
                .containsEntry("alliance_partiality_partiality_no_blame", ""));
        assertThat(rows.get(0))
                .containsEntry("wave", "T1")
                .containsEntry("days_since_first", "0")
                .containsEntry("meeting_date", "2026-01-05")
                .containsEntry("release_state", "NOW")
                .containsEntry("alliance_joint_client_bond_trust", "5")
                .containsEntry("alliance_joint_client_bond_with_professional_score", "5")
                .containsEntry("alliance_joint_client_team_vision", "")
                .containsEntry("alliance_joint_client_team_alliance_score", "");
        assertThat(rows.get(1))
                .containsEntry("alliance_joint_client_bond_listened", "3")
                .containsEntry("alliance_joint_client_bond_respect", "-9")
                .containsEntry("alliance_joint_client_bond_with_professional_score", "4");
        assertThat(rows.get(2))
                .containsEntry("alliance_joint_client_bond_trust", "")
                .containsEntry("alliance_joint_client_bond_with_professional_score", "")
                .containsEntry("alliance_joint_client_team_vision", "4")
                .containsEntry("alliance_joint_client_team_support", "2")
                .containsEntry("alliance_joint_client_team_alliance_score", "3")
                .containsEntry("alliance_joint_client_client_voice_score", "3");
        assertThat(rows.get(3))
                .containsEntry("wave", "")
                .containsEntry("days_since_first", "28")
                .containsEntry("alliance_joint_client_bond_trust", "3");

        // data.csv asks the same rule of the check-in's own choice: the team answers of the first meeting only.
        List<Map<String, String>> data = StudyExportTest.rows(export.files().get("data.csv")).stream()
                .filter(r -> r.get("instrument").equals("alliance-joint-client"))
                .toList();
        assertThat(data).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("meeting_number", "1")
                .containsEntry("alliance_joint_client_team_vision", "4")
                .doesNotContainKey("alliance_joint_client_bond_trust"));
        assertThat(export.files().get("joint.csv")).doesNotContain("Anna", "Ben", "Kim", "Sam", "Mira");
        assertThat(export.files().get("joint-codebook.csv").split("\r\n"))
                .hasSize(export.files().get("joint.csv").split("\r\n")[0].split(",").length + 1);
    }

    @Test
    void psppAndRReadTheJointFileWithItsLabels(@TempDir Path dir) throws Exception {
        ExternalTools.unpack(dir, export("sqlite").files());
        String spss = ExternalTools.pspp(
                dir,
                "joint.sps",
                "DISPLAY DICTIONARY /VARIABLES=rated rater_number alliance_joint_client_bond_trust.\n"
                        + "LIST /VARIABLES=meeting_number rated alliance_joint_client_bond_respect"
                        + " alliance_joint_client_bond_with_professional_score.\n");
        assertThat(spss)
                .containsPattern("\\|rated +\\| +\\d+\\|Who was rated *\\|Nominal")
                .containsPattern(
                        "\\|alliance_joint_client_bond_trust *\\| +\\d+\\|I could trust the professional\\. *\\|Ordinal")
                .containsPattern("team +\\|the professionals as a team")
                .containsPattern("-9\\[a\\] *\\|not answered")
                .containsPattern("\\| +1\\|professional *\\| +-9\\| +4\\.00\\|");

        String r = ExternalTools.rscript(
                dir,
                """
                source("joint.R")
                cat("rows", nrow(data), "\\n", sep = "|")
                cat("label", attr(data$rated_professional, "label"), "\\n", sep = "|")
                # Subsetting drops the columns' attributes: the labels are read above.
                data <- data[data$instrument == "Our meeting with several professionals", ]
                cat("rated", as.character(data$rated), "\\n", sep = "|")
                cat("respect", data$alliance_joint_client_bond_respect, "\\n", sep = "|")
                cat("bond", data$alliance_joint_client_bond_with_professional_score, "\\n", sep = "|")
                """);
        assertThat(r)
                .contains("rows|8|")
                .contains("rated|one professional|one professional|the professionals as a team|one professional|")
                .contains("label|Professional rated (study pseudonym)|")
                .contains("respect|5|NA|NA|3|")
                .contains("bond|5|4|NA|3|");
    }
}
