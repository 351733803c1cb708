package org.alliance.app.joint;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.checkin.CheckInSubmission;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.Invitation;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.coding.CodedEvent;
import org.alliance.app.coding.Codings;
import org.alliance.app.demo.DemoSeeder;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.alliance.core.demo.DemoStory;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.joint.BlockAudience;
import org.alliance.core.joint.GuideStep;
import org.alliance.core.joint.MeetingDecision;
import org.alliance.core.joint.Party;
import org.alliance.core.observation.DefaultCodingScheme;
import org.alliance.core.observation.Modality;
import org.alliance.core.release.ReleaseChoice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Adds joint meetings to the demo database (profile {@code demo}, after {@link DemoSeeder}): a debt service as a
 * second organisation with one professional ({@code dirk}, password {@code demo}), and three joint meetings of a
 * client of the first demo professional with two professionals of the demo organisation and Dirk, with the
 * guide notes, a decision, interests and goals, the client's joint check-in and the professionals' ratings. The
 * client consents to share with Dirk, withdraws the consent in the second check-in and gives it again in the
 * third. The answers are synthetic, drawn from a fixed seed; the last meeting has a split alliance.
 *
 * <p>The meetings lie {@link #WEEKS_BEFORE_TODAY} weeks before today by the {@link Clock}, and the consents are
 * recorded at the meetings' times, so the story (a split-alliance index that rises) is the same on every date.
 */
@Component
@Profile("demo")
@Order(10)
class JointDemoSeeder implements ApplicationRunner {

    static final long SEED = 42;

    /** How many weeks before today each of the three joint meetings took place. */
    static final int[] WEEKS_BEFORE_TODAY = {16, 8, 2};

    private static final LocalTime MEETING_TIME = LocalTime.of(14, 0);

    private final JdbcClient jdbc;
    private final JointMeetings meetings;
    private final JointRecords records;
    private final JointCheckIns jointCheckIns;
    private final Caseload caseload;
    private final Invitations invitations;
    private final CheckIns checkIns;
    private final Organisations organisations;
    private final UserAccounts accounts;
    private final Optional<DemoSeeder> demo;
    private final InstrumentCatalog catalog;
    private final Codings codings;
    private final Clock clock;

    JointDemoSeeder(
            JdbcClient jdbc,
            JointMeetings meetings,
            JointRecords records,
            JointCheckIns jointCheckIns,
            Caseload caseload,
            Invitations invitations,
            CheckIns checkIns,
            Organisations organisations,
            UserAccounts accounts,
            ObjectProvider<DemoSeeder> demo,
            InstrumentCatalog catalog,
            Codings codings,
            Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.records = records;
        this.jointCheckIns = jointCheckIns;
        this.caseload = caseload;
        this.invitations = invitations;
        this.checkIns = checkIns;
        this.organisations = organisations;
        this.accounts = accounts;
        this.demo = Optional.ofNullable(demo.getIfAvailable());
        this.catalog = catalog;
        this.codings = codings;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM joint_meeting").query(Long.class).single() > 0 || accounts.exists("dirk")) {
            return;
        }
        seed();
    }

    /** Adds the debt service, Dirk and three joint meetings; returns their ids (empty without two professionals). */
    List<Long> seed() {
        List<Long> created = new java.util.ArrayList<>();
        List<Long> professionals = jdbc.sql(
                        """
                        SELECT id FROM app_user WHERE role = 'PROFESSIONAL' AND team_id IS NOT NULL
                        ORDER BY organisation_id, id""")
                .query(Long.class)
                .list();
        if (professionals.size() < 2) {
            return created;
        }
        JointMeetings.Account chair = meetings.account(professionals.get(0));
        Optional<JointMeetings.Account> sameOrganisation = professionals.stream()
                .skip(1)
                .map(meetings::account)
                .filter(a -> a.organisationId() == chair.organisationId())
                .findFirst();
        if (sameOrganisation.isEmpty()) {
            return created;
        }
        JointMeetings.Account colleague = sameOrganisation.get();
        long debtService = organisations.create("Demo debt service");
        accounts.create(debtService, null, "dirk", "Dirk Mulder", DemoSeeder.PASSWORD, Role.PROFESSIONAL);
        demo.ifPresent(d -> d.addLogin(new DemoSeeder.DemoLogin("dirk", "professional", "Demo debt service")));
        JointMeetings.Account dirk = meetings.professional("dirk").orElseThrow();
        long team = jdbc.sql("SELECT team_id FROM app_user WHERE id = ?")
                .param(chair.id())
                .query(Long.class)
                .single();
        long client = jdbc
                .sql("SELECT id FROM client WHERE professional_id = ? ORDER BY id")
                .param(chair.id())
                .query(Long.class)
                .list()
                .stream()
                .findFirst()
                .orElseGet(() -> caseload.createClient(
                        chair.organisationId(), team, chair.id(), "Joint demo client", "JOINT-DEMO-1"));
        String alias = jdbc.sql("SELECT alias FROM client WHERE id = ?")
                .param(client)
                .query(String.class)
                .single();
        Random random = new Random(SEED);
        Instrument clientInstrument =
                catalog.find(JointResults.CLIENT_INSTRUMENT).orElseThrow();
        Instrument professionalInstrument =
                catalog.find(JointResults.PROFESSIONAL_INSTRUMENT).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        LocalDate[] dates = new LocalDate[WEEKS_BEFORE_TODAY.length];
        for (int m = 0; m < dates.length; m++) {
            dates[m] = today.minusWeeks(WEEKS_BEFORE_TODAY[m]);
        }
        // The client's bond with Dirk: close in the first meeting, lower after the withdrawal (a split alliance).
        double[] dirkBond = {4, 3.5, 2};
        for (int m = 0; m < dates.length; m++) {
            long id = meetings.create(
                    client,
                    alias,
                    chair,
                    dates[m],
                    List.of(colleague, dirk),
                    List.of(
                            new JointMeetings.NewNetworkMember(Party.NetworkRole.PARTNER, "Sam", true),
                            new JointMeetings.NewNetworkMember(Party.NetworkRole.CHILD, "Mira", false)));
            created.add(id);
            JointMeetings.Header header = meetings.find(id).orElseThrow();
            List<JointMeetings.StoredParty> parties = meetings.parties(id);
            long clientParty = parties.get(0).id();
            long partner = parties.get(parties.size() - 2).id();
            long child = parties.get(parties.size() - 1).id();
            records.addNote(id, GuideStep.INTRODUCE_CLIENT, "The client told in their own words what is at stake.");
            records.addNote(id, GuideStep.TEAM_SUPPORT, "The professionals agreed who does what.");
            records.addDecision(
                    id, "Budget plan before the job search", clientParty, MeetingDecision.ClientAgreement.YES);
            records.addInterest(id, clientParty, "A calm home");
            records.addInterest(id, partner, "Time with Mira");
            records.addGoal(id, clientParty, "Move out in June");
            records.addGoal(id, partner, "Stay until the summer");
            if (m > 0) {
                records.addInterest(id, child, "Both parents nearby");
            }
            List<JointRecords.StoredGoal> goals = records.goals(id);
            records.addConflict(
                    id,
                    goals.get(0).id(),
                    goals.get(1).id(),
                    m > 0 ? Optional.of("Move out in August, after the holiday") : Optional.empty());
            if (m > 0) {
                meetings.close(id);
            }
            Map<Long, Map<String, Double>> blocks = new LinkedHashMap<>();
            blocks.put(chair.id(), bond(random, 4.5));
            blocks.put(colleague.id(), bond(random, 4));
            blocks.put(dirk.id(), bond(random, dirkBond[m]));
            Map<String, Double> teamAnswers = new LinkedHashMap<>();
            for (String item : List.of(
                    "team-vision",
                    "team-support",
                    "voice-decisions",
                    "voice-honest",
                    "voice-central",
                    "voice-conflicts")) {
                teamAnswers.put(item, answer(random, 4));
            }
            String token = invitations
                    .issue(header.meetingId(), clientInstrument.id(), chair.id(), Duration.ofDays(3650))
                    .token();
            Invitation invitation = invitations.find(token).orElseThrow();
            // The client shares every block with all professionals of the meeting, so each sees the split index.
            Map<Long, ReleaseChoice> releases = new LinkedHashMap<>();
            Map<Long, BlockAudience> audiences = new LinkedHashMap<>();
            for (Long professional : blocks.keySet()) {
                releases.put(professional, ReleaseChoice.NOW);
                audiences.put(professional, BlockAudience.ALL_PROFESSIONALS);
            }
            checkIns.submit(
                    invitation,
                    new CheckInSubmission(
                            clientInstrument,
                            Language.NL,
                            ReleaseChoice.NOW,
                            "joint-demo-" + m,
                            teamAnswers,
                            blocks,
                            releases,
                            audiences));
            // The chair coded the recording: the client speaks more from meeting to meeting.
            codings.addAll(codings.openSession(header.meetingId(), chair.id()), coding(random, m));
            // Consent for Dirk: given, withdrawn after the second meeting, given again in the third.
            jointCheckIns.recordConsents(
                    client,
                    Map.of(dirk.id(), m != 1),
                    dates[m].atTime(MEETING_TIME).atZone(clock.getZone()).toInstant());
            for (JointMeetings.Account professional : List.of(chair, colleague, dirk)) {
                Map<String, Double> own = new LinkedHashMap<>(bond(random, 4.5));
                own.put("team-vision", answer(random, 4));
                own.put("team-support", answer(random, 4));
                checkIns.submitRating(
                        header.meetingId(),
                        client,
                        Optional.of(professional.id()),
                        CheckInSubmission.ordinary(
                                professionalInstrument,
                                Language.NL,
                                ReleaseChoice.NOW,
                                "joint-demo-" + m + "-" + professional.id(),
                                own));
            }
        }
        String chairLogin = jdbc.sql("SELECT username FROM app_user WHERE id = ?")
                .param(chair.id())
                .query(String.class)
                .single();
        demo.ifPresent(d -> d.addStory(new DemoSeeder.StoryLine(
                DemoStory.Kind.JOINT_SPLIT,
                chairLogin,
                List.of(new DemoSeeder.StoryClient(client, alias, "/clients/" + client + "/joint/trends")))));
        return created;
    }

    /**
     * A coded recording of joint meeting {@code m}: forty turns of 15–45 s, in the facilitating order of the scheme's
     * steps over the meeting's time, with the client taking a fifth of the turns in the first meeting, then three and
     * four tenths (client centrality growing).
     */
    private static List<CodedEvent> coding(Random random, int m) {
        double clientShare = 0.2 + 0.1 * m;
        List<String> others = List.of("professional-a", "professional-b", "professional-c", "network-member");
        List<String> steps = DefaultCodingScheme.FACILITATING_ORDER;
        List<CodedEvent> events = new ArrayList<>();
        long start = 5_000;
        int turns = 40;
        for (int i = 0; i < turns; i++) {
            String actor = random.nextDouble() < clientShare ? "client" : others.get(random.nextInt(others.size()));
            String code = steps.get(Math.min(steps.size() - 1, i * steps.size() / turns));
            long end = start + 15_000 + random.nextInt(30_000);
            events.add(new CodedEvent(
                    "joint-demo-" + m + "-" + i, actor, Modality.VERBAL, code, start, end, CodedEvent.Kind.STATE, ""));
            start = end + random.nextInt(3_000);
        }
        return events;
    }

    private static Map<String, Double> bond(Random random, double centre) {
        Map<String, Double> answers = new LinkedHashMap<>();
        for (String item : List.of("bond-trust", "bond-listened", "bond-respect", "bond-understood")) {
            answers.put(item, answer(random, centre));
        }
        return answers;
    }

    /** An answer on the 1–5 scale near {@code centre}. */
    private static double answer(Random random, double centre) {
        long value = Math.round(centre + random.nextGaussian() * 0.5);
        return Math.max(1, Math.min(5, value));
    }
}
