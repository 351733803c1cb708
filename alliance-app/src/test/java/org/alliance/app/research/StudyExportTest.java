package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.ImportedCheckIn;
import org.alliance.app.organisation.Organisations;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Perspective;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.research.StudyPseudonyms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The export of a small study whose check-ins cover every rule: released now, held back until a meeting still to
 * come, kept for team figures only, replaced by a newer answer, outside the period, of a team outside the study.
 */
@AllianceWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyExportTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Studies studies;

    @Autowired
    CheckIns checkIns;

    @Autowired
    JdbcClient jdbc;

    private MockMvc mvc;
    private TestWorld world;
    private long study;
    private long otherStudy;
    private long clientB;

    /** The twelve items of alliance-client, all answered 4 unless changed. */
    private static Map<String, Double> answers(Map<String, Double> changes) {
        Map<String, Double> answers = new LinkedHashMap<>();
        for (String scale : List.of("bond", "tasks", "goals")) {
            for (int i = 1; i <= 4; i++) {
                answers.put(scale + "-" + i, 4.0);
            }
        }
        answers.putAll(changes);
        answers.values().removeIf(v -> v.isNaN());
        return answers;
    }

    /** A check-in of the client's own questionnaire (alliance-client), answered by the client. */
    private void clientCheckIn(
            long meeting,
            long client,
            Language language,
            ReleaseChoice release,
            String submitted,
            Map<String, Double> answers) {
        checkIn(meeting, client, "alliance-client", Perspective.CLIENT, language, release, submitted, answers);
    }

    private void checkIn(
            long meeting,
            long client,
            String instrument,
            Perspective perspective,
            Language language,
            ReleaseChoice release,
            String submitted,
            Map<String, Double> answers) {
        Instant at = Instant.parse(submitted);
        checkIns.importHistory(new ImportedCheckIn(
                meeting,
                client,
                instrument,
                "1.0.0",
                perspective,
                language,
                release,
                "export-" + UUID.randomUUID(),
                at,
                release == ReleaseChoice.NOW ? Optional.of(at) : Optional.empty(),
                answers));
    }

    private long createStudy(boolean shiftDates) {
        return studies.create(
                TestStudy.of(world.organisation, world.team)
                        .title("Alliance and work")
                        .purpose("Does the alliance predict employment?")
                        .shiftDates(shiftDates)
                        .instruments("alliance-client", "alliance-professional")
                        .waves(
                                new Study.Wave("T1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                                new Study.Wave("T2", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)))
                        .researchers(List.of(world.researcher.id()))
                        .build(),
                world.admin.id());
    }

    @BeforeAll
    void setUp() {
        mvc = TestWorld.mvc(context);
        world = new TestWorld(context);
        long pro = world.professional.id();
        // Client A: a meeting before the study (the first meeting), 2 March (world.meeting), 16 March, 1 July (to
        // come).
        long before = world.newMeeting(world.client, pro, LocalDate.of(2025, 12, 1));
        long march16 = world.newMeeting(world.client, pro, LocalDate.of(2026, 3, 16));
        world.newMeeting(world.client, pro, LocalDate.of(2026, 7, 1));
        clientCheckIn(before, world.client, Language.NL, ReleaseChoice.NOW, "2025-12-01T10:00:00Z", answers(Map.of()));
        // An older answer about 2 March, replaced by the newer one below.
        clientCheckIn(
                world.meeting,
                world.client,
                Language.NL,
                ReleaseChoice.NOW,
                "2026-03-02T09:00:00Z",
                answers(Map.of("bond-1", 1.0)));
        clientCheckIn(
                world.meeting,
                world.client,
                Language.NL,
                ReleaseChoice.NOW,
                "2026-03-02T10:00:00Z",
                answers(Map.of("bond-1", 5.0, "goals-4", Double.NaN)));
        // Held back until the next meeting, which is on 1 July: not released on 15 June.
        clientCheckIn(
                march16,
                world.client,
                Language.NL,
                ReleaseChoice.NEXT_MEETING,
                "2026-03-16T10:00:00Z",
                answers(Map.of()));
        checkIn(
                march16,
                world.client,
                "alliance-professional",
                Perspective.PROFESSIONAL,
                Language.NL,
                ReleaseChoice.NOW,
                "2026-03-16T11:00:00Z",
                answers(Map.of("tasks-2", 3.0)));
        // Client B: team figures only on 1 April; on 10 April only two items answered.
        clientB = world.newClient(pro, "Sam");
        long april1 = world.newMeeting(clientB, pro, LocalDate.of(2026, 4, 1));
        long april10 = world.newMeeting(clientB, pro, LocalDate.of(2026, 4, 10));
        clientCheckIn(april1, clientB, Language.EN, ReleaseChoice.TEAM_ONLY, "2026-04-01T10:00:00Z", answers(Map.of()));
        clientCheckIn(
                april10,
                clientB,
                Language.DA,
                ReleaseChoice.NOW,
                "2026-04-10T10:00:00Z",
                Map.of("bond-1", 2.0, "bond-2", 3.0));
        // Client C of a team outside the study.
        long otherTeam = context.getBean(Organisations.class).createTeam(world.organisation, "Other " + world.suffix);
        long clientC = context.getBean(Caseload.class)
                .createClient(world.organisation, otherTeam, pro, "Lee", "L-" + world.suffix);
        long meetingC = world.newMeeting(clientC, pro, LocalDate.of(2026, 3, 3));
        clientCheckIn(meetingC, clientC, Language.NL, ReleaseChoice.NOW, "2026-03-03T10:00:00Z", answers(Map.of()));
        study = createStudy(false);
        otherStudy = createStudy(true);
    }

    byte[] download(long studyId) throws Exception {
        MvcResult started = mvc.perform(MockMvcRequestBuilders.get("/research/studies/" + studyId + "/export.zip")
                        .with(user(world.researcher)))
                .andReturn();
        assertThat(started.getRequest().isAsyncStarted()).isTrue();
        var response = mvc.perform(asyncDispatch(started)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Content-Disposition")).contains("study-" + studyId + "-2026-06-15.zip");
        return response.getContentAsByteArray();
    }

    /** The coding store over a test database, as the export reads it. */
    /** A StudyExport outside Spring, on the application's message bundles, as the persistence tests build it. */
    static StudyExport exporter(
            javax.sql.DataSource dataSource,
            java.time.Clock clock,
            Studies studies,
            org.alliance.app.coding.Codings codings) {
        org.springframework.context.support.ResourceBundleMessageSource messages =
                new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new StudyExport(
                dataSource,
                org.alliance.core.instrument.InstrumentCatalog.builtIn(),
                messages,
                clock,
                studies,
                codings);
    }

    /** {@link #exporter(javax.sql.DataSource, java.time.Clock, Studies, org.alliance.app.coding.Codings)} on its own codings. */
    static StudyExport exporter(javax.sql.DataSource dataSource, java.time.Clock clock, Studies studies) {
        return exporter(dataSource, clock, studies, codings(dataSource, clock));
    }

    static org.alliance.app.coding.Codings codings(javax.sql.DataSource dataSource, java.time.Clock clock) {
        return new org.alliance.app.coding.Codings(
                org.springframework.jdbc.core.simple.JdbcClient.create(dataSource),
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource)),
                clock);
    }

    /** The files of the study's export, by name, as {@code export} writes them. */
    static Map<String, String> files(StudyExport export, Study study) throws IOException {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        export.write(study, zip);
        return unzip(zip.toByteArray());
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** data.csv as rows of fields (the test data hold no quoted fields). */
    /**
     * A do-file reads {@code dataFile} and gives every column of its header a name and a variable label, in order
     * (the structure Stata needs; there is no Stata here to run it).
     */
    static void assertStataReadsEveryColumn(String doFile, String dataFile, String csv) {
        assertThat(doFile).contains("import delimited using \"" + dataFile + "\"");
        String[] header = csv.split("\r\n")[0].split(",", -1);
        for (int i = 0; i < header.length; i++) {
            java.util.regex.Matcher rename = java.util.regex.Pattern.compile("(?m)^rename v" + (i + 1) + " (\\S+)$")
                    .matcher(doFile);
            assertThat(rename.find())
                    .as("column %d (%s) renamed", i + 1, header[i])
                    .isTrue();
            assertThat(doFile).contains("\nlabel variable " + rename.group(1) + " `\"");
        }
        assertThat(doFile).doesNotContainPattern("(?m)^rename v" + (header.length + 1) + " ");
    }

    static List<Map<String, String>> rows(String csv) {
        String[] lines = csv.split("\r\n");
        String[] header = lines[0].split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            assertThat(fields).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int f = 0; f < header.length; f++) {
                row.put(header[f], fields[f]);
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void onlyTheClientsReleasedLatestAnswersInTheStudyAreExported() throws Exception {
        Map<String, String> files = unzip(download(study));
        assertThat(files)
                .containsOnlyKeys("data.csv", "codebook.csv", "codebook.html", "study.sps", "study.R", "study.do");
        List<Map<String, String>> rows = rows(files.get("data.csv"));
        assertThat(rows).hasSize(3);

        StudyPseudonyms pseudonyms = new StudyPseudonyms(studies.secret(study));
        Map<String, String> first = rows.get(0);
        assertThat(first.get("client")).isEqualTo(pseudonyms.pseudonym(StudyPseudonyms.Kind.CLIENT, world.client));
        assertThat(first.get("professional"))
                .isEqualTo(pseudonyms.pseudonym(StudyPseudonyms.Kind.PROFESSIONAL, world.professional.id()));
        assertThat(first)
                .containsEntry("wave", "T1")
                .containsEntry("meeting_number", "2")
                .containsEntry("days_since_first", "91")
                .containsEntry("meeting_date", "2026-03-02")
                .containsEntry("language", "nl")
                .containsEntry("perspective", "client")
                .containsEntry("instrument", "alliance-client")
                .containsEntry("instrument_version", "1.0.0")
                .containsEntry("release_state", "NOW")
                .containsEntry("alliance_client_bond_1", "5")
                .containsEntry("alliance_client_goals_4", "-9")
                .containsEntry("alliance_client_bond_score", "4.25")
                .containsEntry("alliance_client_goals_score", "4")
                .containsEntry("alliance_professional_bond_1", "");

        Map<String, String> rating = rows.get(1);
        assertThat(rating)
                .containsEntry("perspective", "professional")
                .containsEntry("meeting_number", "3")
                .containsEntry("alliance_client_bond_1", "")
                .containsEntry("alliance_professional_tasks_2", "3")
                .containsEntry("alliance_professional_tasks_score", "3.75");

        Map<String, String> sam = rows.get(2);
        assertThat(sam.get("client")).isEqualTo(pseudonyms.pseudonym(StudyPseudonyms.Kind.CLIENT, clientB));
        assertThat(sam)
                .containsEntry("wave", "T2")
                .containsEntry("meeting_number", "2")
                .containsEntry("days_since_first", "9")
                .containsEntry("language", "da")
                .containsEntry("alliance_client_bond_2", "3")
                .containsEntry("alliance_client_tasks_1", "-9")
                .containsEntry("alliance_client_bond_score", "-8");
        assertThat(files.get("data.csv")).doesNotContain("Kim", "Sam", "K-" + world.suffix);
    }

    @Test
    void aStudyThatShiftsDatesMovesEachClientsDatesByItsOwnFixedOffset() throws Exception {
        List<Map<String, String>> rows = rows(unzip(download(otherStudy)).get("data.csv"));
        StudyPseudonyms pseudonyms = new StudyPseudonyms(studies.secret(otherStudy));
        LocalDate shifted = LocalDate.parse(rows.get(0).get("meeting_date"));
        assertThat(ChronoUnit.DAYS.between(shifted, LocalDate.of(2026, 3, 2)))
                .isEqualTo(pseudonyms.dayShift(world.client));
        assertThat(rows.get(0)).containsEntry("days_since_first", "91");
        // The same clients, other pseudonyms: two studies cannot be linked.
        List<Map<String, String>> unshifted = rows(unzip(download(study)).get("data.csv"));
        assertThat(rows.get(0).get("client")).isNotEqualTo(unshifted.get(0).get("client"));
    }

    @Test
    void everyExportIsAuditedWithItsRowsAndTheHashOfTheZip() throws Exception {
        byte[] zip = download(study);
        String hash =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));
        List<String> subjects = jdbc.sql("SELECT subject FROM audit_log WHERE actor = ? AND action = 'study exported'")
                .param(world.researcher.username())
                .query(String.class)
                .list();
        assertThat(subjects).contains("study " + study + ": 3 rows, sha256 " + hash);
    }

    /** The export in a fresh folder, as a researcher unpacks it. */
    private java.nio.file.Path unpacked(java.nio.file.Path dir) throws Exception {
        ExternalTools.unpack(dir, unzip(download(study)));
        return dir;
    }

    @Test
    void psppReadsTheExportWithEveryLabel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        unpacked(dir);
        String output = ExternalTools.pspp(
                dir,
                "study.sps",
                "DISPLAY DICTIONARY.\n"
                        + "LIST /VARIABLES=client meeting_number days_since_first meeting_date perspective"
                        + " alliance_client_bond_1 alliance_client_bond_score /CASES=FROM 1 TO 3.\n");

        // Variable labels, measurement levels and missing codes (DISPLAY DICTIONARY).
        assertThat(output)
                .containsPattern("\\|client +\\| +1\\|Client \\(study pseudonym\\) *\\|Nominal")
                .containsPattern("\\|days_since_first +\\| +5\\|Days since the client’s first meeting *\\|Scale")
                .containsPattern("\\|alliance_client_bond_1 +\\| +12\\|I trust my counsellor\\. *\\|Ordinal"
                        + " .*\\|F8\\.0 .*\\|-9 *\\|")
                .containsPattern(
                        "\\|alliance_client_bond_score +\\|.*\\|Bond \\(scale score\\) *\\|Scale .*\\|F10\\.2 ");
        // Value labels, also of the missing codes and of text codes.
        assertThat(output)
                .containsPattern("I trust my counsellor\\. +-9\\[a\\] *\\|not answered")
                .containsPattern("\\| +1 +\\|never +\\|")
                .containsPattern("\\| +5 +\\|always +\\|")
                .containsPattern("-8\\.00\\[a\\] *\\|too few items answered for a score")
                .containsPattern("da +\\|Dansk")
                .containsPattern("network-member +\\|network member");
        // A few values (LIST).
        StudyPseudonyms pseudonyms = new StudyPseudonyms(studies.secret(study));
        String kim = pseudonyms.pseudonym(StudyPseudonyms.Kind.CLIENT, world.client);
        String sam = pseudonyms.pseudonym(StudyPseudonyms.Kind.CLIENT, clientB);
        assertThat(output)
                .containsPattern("\\|" + kim + "\\| +2\\| +91\\| +2026/03/02\\|client +\\| +5\\| +4\\.25\\|")
                .containsPattern("\\|" + kim + "\\| +3\\| +105\\| +2026/03/16\\|professional *\\| +\\.\\| +\\.\\|")
                .containsPattern("\\|" + sam + "\\| +2\\| +9\\| +2026/04/10\\|client +\\| +2\\| +-8\\.00\\|");
    }

    @Test
    void rReadsTheExportWithEveryLabel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        unpacked(dir);
        String output = ExternalTools.rscript(
                dir,
                """
                source("study.R")
                cat("rows", nrow(data), "\\n", sep = "|")
                for (name in c("client", "days_since_first", "alliance_client_bond_1", "alliance_client_bond_score"))
                  cat("label", name, attr(data[[name]], "label"), "\\n", sep = "|")
                labels <- attr(data$alliance_client_bond_1, "labels")
                cat("labels", paste(names(labels), labels, sep = "=", collapse = ";"), "\\n", sep = "|")
                cat("levels", paste(levels(data$perspective), collapse = ";"), "\\n", sep = "|")
                cat("language", as.character(data$language), "\\n", sep = "|")
                cat("bond_1", data$alliance_client_bond_1, "\\n", sep = "|")
                cat("bond", format(data$alliance_client_bond_score), "\\n", sep = "|")
                cat("dates", class(data$meeting_date), format(data$meeting_date), "\\n", sep = "|")
                cat("na_values", attr(data$alliance_client_bond_score, "na_values"), "\\n", sep = "|")
                """);
        assertThat(output)
                .contains("rows|3|")
                .contains("label|client|Client (study pseudonym)|")
                .contains("label|days_since_first|Days since the client’s first meeting|")
                .contains("label|alliance_client_bond_1|I trust my counsellor.|")
                .contains("label|alliance_client_bond_score|Bond (scale score)|")
                .contains("labels|never=1;rarely=2;sometimes=3;often=4;always=5|")
                .contains("levels|client;professional;network member;observer|")
                .contains("language|Nederlands|Nederlands|Dansk|")
                .contains("bond_1|5|NA|2|")
                .contains("bond|4.25|  NA|  NA|")
                .contains("dates|Date|2026-03-02|2026-03-16|2026-04-10|")
                .contains("na_values|-8|");
    }

    @Test
    void theCodebookLabelsEveryColumnInTheStudysLanguage() throws Exception {
        Map<String, String> files = unzip(download(study));
        String codebook = files.get("codebook.csv");
        assertThat(codebook)
                .contains("client,Client (study pseudonym),text,A14,nominal,,,")
                .contains("alliance_client_bond_1,I trust my counsellor.,number,F8.0,ordinal,1=never | 2=rarely")
                .contains("-9=not answered,alliance-client@1.0.0")
                .contains("alliance_client_bond_score,Bond (scale score),number,F10.2,scale,,"
                        + "-8=too few items answered for a score,alliance-client@1.0.0; ");
        String header = files.get("data.csv").split("\r\n")[0];
        assertThat(codebook.split("\r\n")).hasSize(header.split(",").length + 1);
        // The readable codebook beside it: the same labels, in the study's language, one row per column.
        String html = files.get("codebook.html");
        assertThat(html)
                .contains("<html lang=\"en\">")
                .contains("<th scope=\"col\">Value labels</th>")
                .contains("<code>alliance_client_bond_1</code></th><td>I trust my counsellor.</td>"
                        + "<td>number, ordinal</td><td><ul><li><code>1</code> = never</li>")
                .contains("<li><code>-8</code> = too few items answered for a score</li>");
        assertThat(html.split("<tr><th scope=\"row\"", -1)).hasSize(header.split(",").length + 1);
    }
}
