package org.alliance.app.research;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.UserAccounts;
import org.alliance.core.instrument.Language;
import org.alliance.core.research.OutcomeFile;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Adds a study to the demo database (profile {@code demo}, after the other demo seeders): "Alliance and work", of
 * the demo organisation's two teams and the alliance questionnaires, with the researcher {@code research}, and
 * synthetic register outcomes imported as a researcher would import them. The outcomes come from a known model on
 * the client's alliance as the reports compute it (the mean total over the first three months), so the Danish
 * analysis can be seen end to end and its estimate compared with the truth:
 *
 * <ul>
 *   <li>{@value #EMPLOYED} (yes/no, six months after the first meeting): logit P(employed) = {@value #EMPLOYED_BASE}
 *       + {@value #EMPLOYED_EFFECT} · (alliance − {@value #CENTRE}) {@value #EMPLOYED_YEARS} · years on benefit;
 *   <li>{@value #HOURS} (number, the same date): {@value #HOURS_BASE} + {@value #HOURS_EFFECT} · (alliance −
 *       {@value #CENTRE}) {@value #HOURS_YEARS} · years on benefit + normal noise with SD {@value #HOURS_NOISE};
 *   <li>covariates {@code years_on_benefit} (0 to 8, uniform) and {@code age_band} (three bands, no effect).
 * </ul>
 *
 * <p>The study has two waves of {@value #WAVE_DAYS} days, the second ending today, and its professionals answered
 * their own questionnaire for them with a known positive relation to their clients' alliance ({@link #practice}).
 *
 * <p>Draws come from a {@link Random} with seed {@value #SEED} in the order of the clients' own references, so the
 * same demo gets the same outcomes whatever the study's secret (and so its pseudonyms) and whatever today's date.
 */
@Component
@Profile("demo")
@Order(20)
class StudyDemoSeeder implements ApplicationRunner {

    static final long SEED = 42;
    static final String EMPLOYED = "employed_6m";
    static final String HOURS = "hours_6m";
    static final double CENTRE = 3.5;
    static final double EMPLOYED_BASE = 0.3;
    static final double EMPLOYED_EFFECT = 1.5;
    static final double EMPLOYED_YEARS = -0.25;
    static final double HOURS_BASE = 14.0;
    static final double HOURS_EFFECT = 6.0;
    static final double HOURS_YEARS = -1.0;
    static final double HOURS_NOISE = 3.0;
    static final String TITLE = "Alliance and work (demo)";
    /** The length of each of the demo study's two waves in days: T2 ends today, T1 the day before T2 starts. */
    static final long WAVE_DAYS = 135;

    static final double PRACTICE_BASE = 3.8;
    static final double PRACTICE_EFFECT = 0.6;
    static final double PRACTICE_NOISE = 0.15;
    static final double PRACTICE_ITEM_NOISE = 0.4;
    private static final List<String> AGE_BANDS = List.of("18-29", "30-49", "50-66");

    /** The declarations of the synthetic register file, as a researcher types them in the import form. */
    static final String DECLARATIONS =
            EMPLOYED + " yes-no\n" + HOURS + " number\nyears_on_benefit number\nage_band category";

    private final JdbcClient jdbc;
    private final Studies studies;
    private final StudyClients clients;
    private final StudyOutcomes outcomes;
    private final OutcomeAnalysis analysis;
    private final PracticeAnalysis practiceAnalysis;
    private final PracticeAnswers practiceAnswers;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    StudyDemoSeeder(
            JdbcClient jdbc,
            Studies studies,
            StudyClients clients,
            StudyOutcomes outcomes,
            OutcomeAnalysis analysis,
            PracticeAnalysis practiceAnalysis,
            PracticeAnswers practiceAnswers,
            UserAccounts accounts,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.studies = studies;
        this.clients = clients;
        this.outcomes = outcomes;
        this.analysis = analysis;
        this.practiceAnalysis = practiceAnalysis;
        this.practiceAnswers = practiceAnswers;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM study").query(Long.class).single() > 0) {
            return;
        }
        Optional<CurrentUser> researcher = accounts.find("research");
        Optional<CurrentUser> admin = accounts.find("admin");
        if (researcher.isEmpty() || admin.isEmpty()) {
            return;
        }
        try {
            seed(researcher.get(), admin.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the study and imports its register outcomes; returns the study's id. */
    long seed(CurrentUser researcher, CurrentUser admin) throws IOException {
        long organisation = researcher.organisationId();
        List<Long> teams = jdbc.sql("SELECT id FROM team WHERE organisation_id = ? ORDER BY id")
                .param(organisation)
                .query(Long.class)
                .list();
        LocalDate today = LocalDate.now(clock);
        long id = studies.create(
                new Study(
                        0,
                        organisation,
                        TITLE,
                        "Does the working alliance in the first three months predict employment and hours worked"
                                + " six months after the first meeting? (Synthetic demo outcomes.)",
                        "Demo data: no real person",
                        today.minusYears(2),
                        today,
                        Language.EN,
                        false,
                        false,
                        false,
                        teams,
                        List.of("alliance-client", "alliance-professional"),
                        List.of(
                                new Study.Wave("T1", today.minusDays(WAVE_DAYS * 2 - 1), today.minusDays(WAVE_DAYS)),
                                new Study.Wave("T2", today.minusDays(WAVE_DAYS - 1), today)),
                        List.of(researcher.id())),
                admin.id());
        Study study = studies.find(organisation, id).orElseThrow();
        String file = register(study);
        byte[] content = file.getBytes(StandardCharsets.UTF_8);
        Map<String, Long> pseudonyms = clients.of(study).stream()
                .collect(Collectors.toMap(StudyClients.Member::pseudonym, StudyClients.Member::client));
        OutcomeFile.Result result = OutcomeFile.read(file, OutcomeFile.declarations(DECLARATIONS), pseudonyms.keySet());
        StudyOutcomes.Upload upload =
                new StudyOutcomes.Upload("demo-register.csv", Fingerprints.sha256(content), DECLARATIONS, content);
        outcomes.replace(id, researcher.id(), upload, result, pseudonyms);
        audit.record(
                organisation,
                researcher.username(),
                "study outcomes imported",
                "study " + id + ": " + result.outcomes().size() + " rows, " + result.clients() + " clients, sha256 "
                        + upload.sha256() + ", replaced 0 rows (demo)");
        practice(study);
        return id;
    }

    /**
     * The professionals' own questionnaire for both waves: each professional's latent competence and belief are
     * {@value #PRACTICE_BASE} + {@value #PRACTICE_EFFECT} · z, where z is the standardised mean alliance of their
     * clients in the wave (across the wave's professionals), plus normal noise (SD {@value #PRACTICE_NOISE}); each
     * item is that plus item noise (SD {@value #PRACTICE_ITEM_NOISE}), rounded and kept within 1 to 5. In the wave
     * open today the first professional (by username) has not answered yet, so signing in as them shows the
     * questionnaire on the caseload page.
     */
    void practice(Study study) throws IOException {
        Map<String, Map<String, Double>> alliances = practiceAnalysis.allianceMeans(study);
        List<CurrentUser> professionals = jdbc
                .sql("SELECT username FROM app_user WHERE organisation_id = ? AND role = 'PROFESSIONAL'"
                        + " ORDER BY username")
                .param(study.organisationId())
                .query(String.class)
                .list()
                .stream()
                .map(accounts::find)
                .flatMap(Optional::stream)
                .filter(p -> practiceAnswers.isProfessionalOf(study, p.id()))
                .toList();
        Random random = new Random(SEED + 1);
        LocalDate today = LocalDate.now(clock);
        for (Study.Wave wave : study.waves()) {
            Map<String, Double> means = alliances.getOrDefault(wave.name(), Map.of());
            double[] values =
                    means.values().stream().mapToDouble(Double::doubleValue).toArray();
            double centre = java.util.Arrays.stream(values).average().orElse(0);
            double spread = Math.sqrt(java.util.Arrays.stream(values)
                            .map(v -> (v - centre) * (v - centre))
                            .sum()
                    / Math.max(1, values.length - 1));
            for (int p = 0; p < professionals.size(); p++) {
                CurrentUser professional = professionals.get(p);
                Double alliance = means.get(clients.professional(study, professional.id()));
                double z = alliance == null || spread == 0 ? 0 : (alliance - centre) / spread;
                Map<String, Double> answers = new java.util.LinkedHashMap<>();
                for (String scale : PracticeAnalysis.SCALES) {
                    double latent = PRACTICE_BASE + PRACTICE_EFFECT * z + PRACTICE_NOISE * random.nextGaussian();
                    for (int i = 1; i <= 4; i++) {
                        double item = Math.rint(latent + PRACTICE_ITEM_NOISE * random.nextGaussian());
                        answers.put(scale + "-" + i, Math.max(1, Math.min(5, item)));
                    }
                }
                if (p == 0
                        && wave.startsOn().compareTo(today) <= 0
                        && wave.endsOn().compareTo(today) >= 0) {
                    continue; // still to answer in the open wave: the demo shows the questionnaire to this login
                }
                practiceAnswers.submit(study, professional.id(), wave.name(), Language.EN, answers);
            }
        }
    }

    /**
     * The synthetic register file as a statistics office would send it back (Nordic Excel: {@code ;} and decimal
     * commas): two outcomes per client dated six months after their first meeting, and the covariates.
     */
    String register(Study study) throws IOException {
        Map<String, Double> alliances = analysis.alliances(study, Optional.empty());
        List<StudyClients.Member> members = clients.of(study).stream()
                .sorted(Comparator.comparing(StudyClients.Member::reference))
                .toList();
        Random random = new Random(SEED);
        StringBuilder csv = new StringBuilder("study_pseudonym;outcome;date;value;years_on_benefit;age_band\n");
        for (StudyClients.Member member : members) {
            int years = random.nextInt(9);
            String band = AGE_BANDS.get(random.nextInt(AGE_BANDS.size()));
            double noise = random.nextGaussian();
            double uniform = random.nextDouble();
            Double alliance = alliances.get(member.pseudonym());
            Optional<String> first = jdbc.sql("SELECT MIN(meeting_date) FROM meeting WHERE client_id = ?")
                    .param(member.client())
                    .query(String.class)
                    .optional();
            if (alliance == null || first.isEmpty()) {
                continue; // no alliance in the first three months to generate from: not in the register extract
            }
            String date = LocalDate.parse(first.get()).plusMonths(6).toString();
            double centred = alliance - CENTRE;
            double logit = EMPLOYED_BASE + EMPLOYED_EFFECT * centred + EMPLOYED_YEARS * years;
            boolean employed = uniform < 1 / (1 + Math.exp(-logit));
            double hours = HOURS_BASE + HOURS_EFFECT * centred + HOURS_YEARS * years + HOURS_NOISE * noise;
            String common = ";" + years + ";" + band + "\n";
            csv.append(member.pseudonym())
                    .append(';')
                    .append(EMPLOYED)
                    .append(';')
                    .append(date)
                    .append(';')
                    .append(employed ? "ja" : "nej")
                    .append(common);
            csv.append(member.pseudonym())
                    .append(';')
                    .append(HOURS)
                    .append(';')
                    .append(date)
                    .append(';')
                    .append(String.format(Locale.ROOT, "%.1f", hours).replace('.', ','))
                    .append(common);
        }
        return csv.toString();
    }
}
