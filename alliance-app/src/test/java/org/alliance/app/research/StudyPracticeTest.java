package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.alliance.core.instrument.Language;
import org.alliance.core.research.StudyPseudonyms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The professionals' side of a study in the export and the report (issue 13): {@code professionals.csv} with its
 * codebooks and syntax files, read with every label by GNU PSPP and R; the "Professionals" report per wave (count,
 * scale means, Pearson correlation with the clients' alliance) whose figures R's {@code cor.test} reproduces from
 * the export; and the small-number rule for a wave with fewer than five professionals.
 */
class StudyPracticeTest extends ReportPageTest {

    @Autowired
    Studies studies;

    @Autowired
    PracticeAnswers practice;

    @TempDir
    Path folder;

    private final List<Long> professionals = new ArrayList<>();

    /**
     * {@code count} professionals with two clients each, whose clients answer alliance-client twice in March (wave
     * T1); every professional answers the practice questionnaire for T1, the first three also for T2. A
     * professional's own answers rise with their clients' level, so the correlation is positive.
     */
    private void setUp(int count, long seed) {
        study = studies.create(
                TestStudy.of(world.organisation, world.team)
                        .title("Professionals and alliance")
                        .waves(
                                new Study.Wave("T1", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
                                new Study.Wave("T2", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)))
                        .researchers(List.of(world.researcher.id()))
                        .build(),
                world.admin.id());
        Study stored = studies.find(world.organisation, study).orElseThrow();
        Random random = new Random(seed);
        for (int p = 0; p < count; p++) {
            String name = "pq" + p + "-" + world.suffix;
            long professional = world.newProfessional(name).id();
            professionals.add(professional);
            int level = 1 + p % 4;
            for (int c = 0; c < 2; c++) {
                long client = world.newClient(professional, "Q" + p + c);
                for (int m = 0; m < 2; m++) {
                    long meeting = world.newMeeting(client, professional, LocalDate.of(2026, 3, 2 + 7 * m));
                    Map<String, Double> answers = new LinkedHashMap<>();
                    for (String scale : List.of("bond", "tasks", "goals")) {
                        for (int i = 1; i <= 4; i++) {
                            answers.put(scale + "-" + i, (double) Math.min(5, level + random.nextInt(2)));
                        }
                    }
                    Instant at = Instant.parse("2026-03-02T10:00:00Z").plusSeconds(7L * 86400 * m);
                    world.imported(meeting, client, Language.EN, at, answers);
                }
            }
            for (String wave : p < 3 ? List.of("T1", "T2") : List.of("T1")) {
                Map<String, Double> own = new LinkedHashMap<>();
                for (int i = 1; i <= 4; i++) {
                    own.put("competence-" + i, (double) Math.min(5, 1 + level + random.nextInt(2)));
                    own.put("belief-" + i, (double) Math.min(5, level + random.nextInt(3)));
                }
                if (p == 0) {
                    own.remove("belief-4"); // three of four answered: the score is still computed
                }
                assertThat(practice.submit(stored, professional, wave, Language.EN, own))
                        .isTrue();
            }
        }
    }

    private String run() throws Exception {
        return started(
                MockMvcRequestBuilders.post("/research/studies/" + study + "/reports/professionals"), world.researcher);
    }

    @Test
    void theExportHoldsOneRowPerProfessionalAndWaveThatPsppAndRReadWithLabels() throws Exception {
        setUp(6, 3);
        Map<String, String> files = export();
        assertThat(files)
                .containsKeys(
                        "professionals.csv",
                        "professionals-codebook.csv",
                        "professionals-codebook.html",
                        "professionals.sps",
                        "professionals.R",
                        "professionals.do");
        String csv = files.get("professionals.csv");
        String header = csv.split("\r\n")[0];
        assertThat(header)
                .startsWith("professional,wave,language,instrument,instrument_version,")
                .containsPattern(",[a-z_]*competence_score,[a-z_]*belief_score$");
        List<Map<String, String>> rows = StudyExportTest.rows(csv);
        assertThat(rows).hasSize(9);
        assertThat(rows)
                .extracting(r -> r.get("wave"))
                .containsExactly("T1", "T1", "T1", "T1", "T1", "T1", "T2", "T2", "T2");
        StudyPseudonyms pseudonyms = new StudyPseudonyms(studies.secret(study));
        String first = pseudonyms.pseudonym(StudyPseudonyms.Kind.PROFESSIONAL, professionals.get(0));
        assertThat(rows).filteredOn(r -> r.get("professional").equals(first)).hasSize(2);
        assertThat(rows).allSatisfy(r -> assertThat(r)
                .containsEntry("instrument", "alliance-practice")
                .containsEntry("instrument_version", "1.0.0")
                .containsEntry("language", "en"));
        // The first professional left one belief item out: -9 for it, and the score still computed from three.
        Map<String, String> firstRow = rows.stream()
                .filter(r -> r.get("professional").equals(first))
                .findFirst()
                .orElseThrow();
        assertThat(firstRow.entrySet())
                .filteredOn(e -> e.getKey().endsWith("belief_4"))
                .extracting(Map.Entry::getValue)
                .containsExactly(StudyExport.NOT_ANSWERED);
        assertThat(csv).doesNotContain("Name pq", "pq0-");
        assertThat(files.get("professionals-codebook.csv").split("\r\n")).hasSize(header.split(",").length + 1);
        assertThat(files.get("professionals-codebook.csv")).contains("alliance-practice@1.0.0; mean");
        StudyExportTest.assertStataReadsEveryColumn(files.get("professionals.do"), "professionals.csv", csv);

        String competence = header.split(",")[5];
        ExternalTools.unpack(folder, files);
        String spss = ExternalTools.pspp(
                folder,
                "professionals.sps",
                "DISPLAY DICTIONARY /VARIABLES=wave " + competence + ".\nLIST /VARIABLES=wave " + competence + ".\n");
        assertThat(spss)
                .contains("I know how to build a good working relationship with my clients.")
                .contains("strongly agree");
        String r = ExternalTools.rscript(
                folder,
                """
                source("professionals.R")
                cat("rows", nrow(data), "\\n", sep = "|")
                cat("label", attr(data$%s, "label"), "\\n", sep = "|")
                cat("waves", as.character(data$wave), "\\n", sep = "|")
                """
                        .formatted(competence));
        assertThat(r)
                .contains("rows|9|")
                .contains("label|I know how to build a good working relationship with my clients.|")
                .contains("waves|T1|T1|T1|T1|T1|T1|T2|T2|T2|");
    }

    @Test
    void theReportRelatesEachScaleToTheClientsAllianceAndRReproducesIt() throws Exception {
        setUp(6, 5);
        String report = run();
        String page = get(report).getContentAsString();
        assertThat(page)
                .contains("Professionals")
                .contains("Answers and scale means per wave")
                .contains("Association with the clients’ alliance (Pearson correlation)")
                .contains("Wave T2: not shown, fewer than 5 professionals answered.")
                .contains("stats::cor.test");
        StudyReport stored = stored(report);
        assertThat(stored.figures())
                .containsEntry("practice.wave1.n", 6.0)
                .containsEntry("practice.wave1.competence.pairs", 6.0)
                .doesNotContainKey("practice.wave2.n");
        // The generator ties the professionals' own answers to their clients' level.
        assertThat(stored.figures().get("practice.wave1.competence.r")).isGreaterThan(0.5);

        // Reproduce in R on the files the researcher downloads.
        ExternalTools.unpack(folder, export());
        Files.write(folder.resolve("report.R"), get(report + "/reproduce.R").getContentAsByteArray());
        String output = ExternalTools.run(folder, ExternalTools.require("Rscript", "r-base-core"), "report.R");
        Map<String, Double> printed = ExternalTools.printed(output, "practice\\..+");
        // The tolerance of the outcome report's check: R prints 15 significant digits.
        List<String> wrong = ExternalTools.differences(stored.figures(), printed, 1e-8);
        assertThat(wrong).as(output).isEmpty();
        assertThat(printed.keySet())
                .containsExactlyInAnyOrderElementsOf(stored.figures().keySet());
    }

    @Test
    void withFewerThanFiveProfessionalsNoWaveIsShown() throws Exception {
        setUp(4, 9);
        String page = get(run()).getContentAsString();
        assertThat(page)
                .contains("Wave T1: not shown, fewer than 5 professionals answered.")
                .contains("Wave T2: not shown, fewer than 5 professionals answered.")
                .doesNotContain("Association with the clients’ alliance");
    }
}
