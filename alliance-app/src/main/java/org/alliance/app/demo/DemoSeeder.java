package org.alliance.app.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Meeting;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.ImportedCheckIn;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.alliance.core.demo.DemoData;
import org.alliance.core.demo.DemoGenerator;
import org.alliance.core.demo.DemoOptions;
import org.alliance.core.demo.DemoStory;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Perspective;
import org.alliance.core.release.ReleaseChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the demo database (profile {@code demo} only) with the data of {@link DemoGenerator} (seed
 * {@value #SEED}, sixty clients over the nine months (270 days) up to today by the {@link Clock}): one organisation, two teams, six
 * professionals with their clients, meetings and check-ins from both perspectives, plus a team lead, a researcher
 * and an administrator. Everything is stored in one transaction through the application's own repositories.
 * The benchmark (bench/web) makes a bigger demo with {@code --alliance.demo.clients=100 --alliance.demo.months=12}.
 *
 * <p>Release state follows the client's choice as the live application stores it: "now" is released at
 * submission; "at our next meeting" is decided when the answers are read ({@link
 * org.alliance.core.release.ReleaseRule}: on the date of the client's next meeting); "team figures only" never. The
 * professional's own ratings are released to them at once.
 *
 * <p>The demo's story ({@link DemoStory}: what the start page promises and on which clients' pages it shows) comes
 * from the generator, with the clients' database ids, plus what other demo seeders add (the joint meetings).
 */
@Component
@Profile("demo")
@Order(0)
public class DemoSeeder implements ApplicationRunner {

    /** The password of every demo account. Never use the demo database for real data. */
    public static final String PASSWORD = "demo";

    /** The generator's seed: the same demo every time (relative to today's date). */
    public static final long SEED = 42;

    /** When on a meeting day the demo's answers are submitted and the next meeting starts. */
    private static final LocalTime MEETING_TIME = LocalTime.of(10, 0);

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    /** A demo account as printed by {@code ./alliance demo}. */
    public record DemoLogin(String username, String role, String team) {}

    /** A client of the story, as the start page links to the page that shows the situation. */
    public record StoryClient(long id, String alias, String path) {
        /** The client's own page. */
        public static StoryClient page(long id, String alias) {
            return new StoryClient(id, alias, "/clients/" + id);
        }
    }

    /** One promised situation of the demo with the clients (database ids) whose pages show it. */
    public record StoryLine(DemoStory.Kind kind, String login, List<StoryClient> clients) {
        public StoryLine {
            clients = List.copyOf(clients);
        }

        /** The start page's sentence for this kind of situation, in every language. */
        public String messageKey() {
            return "home.demo.story." + kind.name().toLowerCase(Locale.ROOT);
        }
    }

    private final Organisations organisations;
    private final UserAccounts accounts;
    private final Caseload caseload;
    private final CheckIns checkIns;
    private final InstrumentCatalog catalog;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int clients;
    private final int months;
    // Filled on start-up while the server may already answer the start page.
    private final List<DemoLogin> logins = new CopyOnWriteArrayList<>();
    private final List<StoryLine> story = new CopyOnWriteArrayList<>();

    DemoSeeder(
            Organisations organisations,
            UserAccounts accounts,
            Caseload caseload,
            CheckIns checkIns,
            InstrumentCatalog catalog,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${alliance.demo.clients:60}") int clients,
            @Value("${alliance.demo.months:9}") int months) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.caseload = caseload;
        this.checkIns = checkIns;
        this.catalog = catalog;
        this.transactions = transactions;
        this.clock = clock;
        this.clients = clients;
        this.months = months;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.noUserYet()) {
            return;
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        DemoData data = new DemoGenerator(catalog).run(DemoOptions.endingOn(SEED, clients, today, months));
        transactions.executeWithoutResult(status -> store(data));
        LOG.info(
                "Demo database filled: {} professionals, {} clients, {} meetings, {} check-ins in {} ms",
                data.professionals().size(),
                data.clients().size(),
                data.meetings().size(),
                data.checkIns().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void store(DemoData data) {
        DemoData.Organisation generatedOrganisation = data.organisations().get(0);
        long organisation = organisations.create(generatedOrganisation.name());
        Map<String, Long> teams = new HashMap<>();
        Map<String, String> teamNames = new HashMap<>();
        for (DemoData.Team team : data.teams()) {
            teams.put(team.id(), organisations.createTeam(organisation, team.name()));
            teamNames.put(team.id(), team.name());
        }
        Map<String, Long> professionals = new HashMap<>();
        Map<String, String> teamOfProfessional = new HashMap<>();
        for (DemoData.Professional professional : data.professionals()) {
            long id = add(
                    organisation,
                    teams.get(professional.teamId()),
                    professional.login(),
                    professional.name(),
                    Role.PROFESSIONAL,
                    teamNames.get(professional.teamId()));
            professionals.put(professional.id(), id);
            teamOfProfessional.put(professional.id(), professional.teamId());
        }
        DemoData.Team firstTeam = data.teams().get(0);
        add(organisation, teams.get(firstTeam.id()), "lead", "Lotte Bakker", Role.TEAM_LEAD, firstTeam.name());
        add(organisation, null, "research", "Rik Visser", Role.RESEARCHER, "");
        add(organisation, null, "admin", "Ada Smit", Role.ADMIN, "");

        Map<String, Long> clients = new HashMap<>();
        Map<String, Language> languages = new HashMap<>();
        Map<String, String> aliases = new HashMap<>();
        for (DemoData.Client client : data.clients()) {
            aliases.put(client.id(), client.alias());
            String teamId = teamOfProfessional.get(client.professionalId());
            clients.put(
                    client.id(),
                    caseload.createClient(
                            organisation,
                            teams.get(teamId),
                            professionals.get(client.professionalId()),
                            client.alias(),
                            client.id()));
            languages.put(client.id(), client.language());
        }
        for (DemoStory.Situation situation : data.story().situations()) {
            story.add(new StoryLine(
                    situation.kind(),
                    situation.login(),
                    situation.clientIds().stream()
                            .map(id -> StoryClient.page(clients.get(id), aliases.get(id)))
                            .toList()));
        }

        Map<String, Long> meetings = new HashMap<>();
        Map<String, DemoData.Meeting> generatedMeetings = new HashMap<>();
        for (DemoData.Meeting meeting : data.meetings()) {
            long id = caseload.importMeeting(
                    clients.get(meeting.clientId()),
                    professionals.get(meeting.professionalId()),
                    meeting.date(),
                    meeting.number() == 1 ? Meeting.Kind.INTAKE : Meeting.Kind.REGULAR,
                    at(meeting.date()).toEpochMilli());
            meetings.put(meeting.id(), id);
            generatedMeetings.put(meeting.id(), meeting);
        }

        for (DemoData.CheckIn checkIn : data.checkIns()) {
            DemoData.Meeting meeting = generatedMeetings.get(checkIn.meetingId());
            Instant submitted = at(meeting.date()).plusSeconds(3600);
            boolean client = checkIn.perspective() == Perspective.CLIENT;
            ReleaseChoice release = client ? checkIn.release() : ReleaseChoice.NOW;
            // Stored as the application stores it: the release instant only for "now".
            Optional<Instant> released = release == ReleaseChoice.NOW ? Optional.of(submitted) : Optional.empty();
            checkIns.importHistory(new ImportedCheckIn(
                    meetings.get(meeting.id()),
                    clients.get(meeting.clientId()),
                    checkIn.instrumentId(),
                    checkIn.instrumentVersion(),
                    checkIn.perspective(),
                    client ? languages.get(meeting.clientId()) : Language.NL,
                    release,
                    "demo-" + checkIn.id(),
                    submitted,
                    released,
                    checkIn.answers()));
        }
    }

    private Instant at(LocalDate date) {
        return date.atTime(MEETING_TIME).atZone(clock.getZone()).toInstant();
    }

    private long add(long organisation, Long team, String username, String name, Role role, String teamName) {
        long id = accounts.create(organisation, team, username, name, PASSWORD, role);
        logins.add(new DemoLogin(username, role.name().toLowerCase(Locale.ROOT), teamName));
        return id;
    }

    /** An account another demo seeder made (for example the joint meetings' professional of another organisation). */
    public void addLogin(DemoLogin login) {
        logins.add(login);
    }

    public List<DemoLogin> logins() {
        return List.copyOf(logins);
    }

    /** A situation another demo seeder built (for example the joint meetings). */
    public void addStory(StoryLine line) {
        story.add(line);
    }

    /** What the demo promises, in the order of {@link DemoStory.Kind}: the start page renders this. */
    public List<StoryLine> story() {
        return story.stream().sorted((a, b) -> a.kind().compareTo(b.kind())).toList();
    }
}
