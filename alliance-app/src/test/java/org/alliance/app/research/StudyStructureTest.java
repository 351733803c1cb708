package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.ImportedCheckIn;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Perspective;
import org.alliance.core.release.ReleaseChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Reliability and factor structure on a study's own data: α with its intervals and ω per scale, the three-factor CFA
 * of the alliance questionnaire with its fit indices, held back under the small-number rule, and the report's R script
 * (psych and lavaan) giving the same figures on the downloaded data.csv.
 */
@AllianceWebTest
class StudyStructureTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Studies studies;

    @Autowired
    CheckIns checkIns;

    @Autowired
    UserAccounts accounts;

    @TempDir
    Path folder;

    private MockMvc mvc;
    private TestWorld world;
    private long study;

    /**
     * {@code professionals} × 6 clients, each with two alliance check-ins (the report takes the first). Answers follow
     * three correlated factors: a client's general level plus a level per dimension plus noise, rounded to 1..5; one
     * answer in 25 is left out.
     */
    private void setUp(int professionals, long seed) throws Exception {
        mvc = TestWorld.mvc(context);
        world = new TestWorld(context);
        study = StudyLinkageTest.study(studies, world);
        Random random = new Random(seed);
        for (int p = 0; p < professionals; p++) {
            String name = "s" + p + "-" + world.suffix;
            accounts.create(
                    world.organisation, world.team, name, "Name " + name, TestWorld.PASSWORD, Role.PROFESSIONAL);
            long professional = accounts.loadUserByUsername(name).id();
            for (int c = 0; c < 6; c++) {
                long client = world.newClient(professional, "S" + p + c);
                double general = random.nextGaussian();
                for (int m = 0; m < 2; m++) {
                    long meeting = world.newMeeting(client, professional, LocalDate.of(2026, 3, 2 + 7 * m));
                    Map<String, Double> answers = new LinkedHashMap<>();
                    for (String scale : List.of("bond", "tasks", "goals")) {
                        double level = 3.4 + 0.7 * general + 0.5 * random.nextGaussian();
                        for (int i = 1; i <= 4; i++) {
                            if (random.nextInt(25) == 0) {
                                continue;
                            }
                            long value = Math.round(level + 0.6 * random.nextGaussian());
                            answers.put(scale + "-" + i, (double) Math.max(1, Math.min(5, value)));
                        }
                    }
                    Instant at = Instant.parse("2026-03-02T10:00:00Z").plusSeconds(7L * 86400 * m);
                    checkIns.importHistory(new ImportedCheckIn(
                            meeting,
                            client,
                            "alliance-client",
                            "1.0.0",
                            Perspective.CLIENT,
                            Language.EN,
                            ReleaseChoice.NOW,
                            "structure-" + UUID.randomUUID(),
                            at,
                            Optional.of(at),
                            answers));
                }
            }
        }
    }

    private String run() throws Exception {
        MockHttpServletResponse started = mvc.perform(
                        MockMvcRequestBuilders.post("/research/studies/" + study + "/reports/structure")
                                .param("summary", "first")
                                .param("lang", "en")
                                .with(csrf())
                                .with(user(world.researcher)))
                .andReturn()
                .getResponse();
        assertThat(started.getStatus()).isEqualTo(302);
        return started.getRedirectedUrl();
    }

    private MockHttpServletResponse get(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).param("lang", "en").with(user(world.researcher)))
                .andReturn()
                .getResponse();
    }

    private StudyReport stored(String report) {
        long id = Long.parseLong(report.substring(report.lastIndexOf('/') + 1));
        return StudyAnalysisRunner.read(context.getBean(StudyReports.class)
                .find(study, id)
                .orElseThrow()
                .content());
    }

    /** STATISTICS.md: α is closed form (1e-8); ω and CFA estimates at lavaan's convergence (1e-4); χ² tighter. */
    private static double tolerance(String figure) {
        if (figure.startsWith("alpha.")) {
            return 1e-8;
        }
        if (figure.endsWith(".chisq") || figure.endsWith(".df")) {
            return 1e-6;
        }
        return 1e-4;
    }

    @Test
    void theReportShowsAlphaOmegaAndTheThreeFactorModelAndRReproducesThem() throws Exception {
        setUp(8, 13);
        String report = run();
        assertThat(report).matches("/research/studies/\\d+/reports/\\d+");
        String page = get(report).getContentAsString();
        assertThat(page)
                .contains("Reliability and factor structure")
                .contains("Reliability per scale: Our work together")
                .contains("95% interval (Feldt)")
                .contains("Factor analysis (CFA), Our work together: Bond, Tasks, Goals")
                .contains("bond =~ alliance_client_bond_1")
                .contains("rmsea.ci.upper")
                .contains("alliance-client 1.0.0")
                .contains("psych and lavaan")
                .doesNotContain("outcomes.csv\"");
        StudyReport stored = stored(report);
        assertThat(stored.figures())
                .containsKeys(
                        "alpha.alliance-client.bond.raw",
                        "alpha.alliance-client.goals.feldt.lower",
                        "omega.alliance-client.tasks",
                        "cfa.alliance-client.total.cfi",
                        "cfa.alliance-client.total.std.bond.tasks")
                .containsEntry("cfa.alliance-client.total.df", 51.0);
        assertThat(stored.figures().get("alpha.alliance-client.bond.raw")).isBetween(0.5, 1.0);

        String rscript = ExternalTools.require("Rscript", "r-base-core, r-cran-psych and r-cran-lavaan");
        MvcResult zip = mvc.perform(MockMvcRequestBuilders.get("/research/studies/" + study + "/export.zip")
                        .with(user(world.researcher)))
                .andReturn();
        byte[] bytes = mvc.perform(asyncDispatch(zip)).andReturn().getResponse().getContentAsByteArray();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals("data.csv")) {
                    Files.write(folder.resolve("data.csv"), in.readAllBytes());
                }
            }
        }
        Files.write(folder.resolve("report.R"), get(report + "/reproduce.R").getContentAsByteArray());
        String output = ExternalTools.run(folder, rscript, "report.R");
        Map<String, Double> printed = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.matches("(alpha|omega|cfa)\\.[^=\\s]+=\\S+")) {
                int eq = line.indexOf('=');
                printed.put(
                        line.substring(0, eq),
                        Double.parseDouble(line.substring(eq + 1).strip()));
            }
        }
        List<String> wrong = new ArrayList<>();
        stored.figures().forEach((name, value) -> {
            Double r = printed.get(name);
            if (r == null || Math.abs(r - value) > tolerance(name) * Math.max(1, Math.abs(value))) {
                wrong.add(name + ": Alliance " + value + ", R " + r);
            }
        });
        assertThat(wrong).as(output).isEmpty();
        assertThat(printed.keySet())
                .containsExactlyInAnyOrderElementsOf(stored.figures().keySet());
    }

    @Test
    void withFewerThanFiveProfessionalsNoFigureIsShown() throws Exception {
        setUp(4, 17);
        String report = run();
        String page = get(report).getContentAsString();
        assertThat(page)
                .contains("Our work together: not shown, fewer than 5 clients or professionals (24 clients, 4"
                        + " professionals).")
                .doesNotContain("95% interval (Feldt)");
        assertThat(stored(report).figures()).isEmpty();
    }
}
