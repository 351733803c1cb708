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
    private static final List<String> AGE_BANDS = List.of("18-29", "30-49", "50-66");

    /** The declarations of the synthetic register file, as a researcher types them in the import form. */
    static final String DECLARATIONS =
            EMPLOYED + " yes-no\n" + HOURS + " number\nyears_on_benefit number\nage_band category";

    private final JdbcClient jdbc;
    private final Studies studies;
    private final StudyClients clients;
    private final StudyOutcomes outcomes;
    private final OutcomeAnalysis analysis;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    StudyDemoSeeder(
            JdbcClient jdbc,
            Studies studies,
            StudyClients clients,
            StudyOutcomes outcomes,
            OutcomeAnalysis analysis,
            UserAccounts accounts,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.studies = studies;
        this.clients = clients;
        this.outcomes = outcomes;
        this.analysis = analysis;
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
                        List.of(),
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
        return id;
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
