package org.alliance.core.demo;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.alliance.core.alert.Alert;
import org.alliance.core.alert.AlertRules;
import org.alliance.core.alert.AlertThresholds;
import org.alliance.core.demo.DemoData.CheckIn;
import org.alliance.core.demo.DemoData.Client;
import org.alliance.core.demo.DemoData.Meeting;
import org.alliance.core.demo.DemoData.Organisation;
import org.alliance.core.demo.DemoData.Professional;
import org.alliance.core.demo.DemoData.Team;
import org.alliance.core.demo.DemoData.Trajectory;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Perspective;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;
import org.alliance.core.scoring.Scoring;
import org.alliance.stats.linalg.Cholesky;

/**
 * Generates believable, fully synthetic data from a seed.
 *
 * <p>The model: every client has an alliance level that follows a {@link Trajectory} over the meetings, plus a
 * client-specific deviation per dimension (bond, tasks, goals) drawn from a multivariate normal with the
 * correlations in {@link #DIMENSION_CORRELATIONS}, plus meeting-to-meeting noise. An item's latent response is
 * {@code loading × dimension + 0.6 × noise}; it is cut into the 1–5 answer points at thresholds set high, so
 * answers pile up near the top as real alliance ratings do (ceiling effect). The professional's rating follows
 * the client's only moderately (as in the literature, r ≈ .4) and one professional rates clearly higher than
 * their clients. About 3 % of item answers and 15 % of session checks are missing.
 *
 * <p><b>Built, not drawn.</b> Every client draws from a random stream of its own ({@link SplittableRandom#split()}
 * of the seed's stream, one per client in order), so a change to one client changes no other. The meetings of a
 * client are laid out backwards from the end of the window in days, so their number does not depend on how many
 * days the calendar months happen to hold. The situations the demo promises ({@link DemoStory}) are assigned to
 * fixed clients and checked with the same rules the client page applies ({@link AlertRules}); a client whose draw
 * does not show its situation is drawn again from a further split of its own stream (a handful of times at most).
 */
public final class DemoGenerator {

    /** Correlations between the bond, tasks and goals dimensions of the generating model. */
    static final double[][] DIMENSION_CORRELATIONS = {
        {1.00, 0.65, 0.60},
        {0.65, 1.00, 0.75},
        {0.60, 0.75, 1.00}
    };

    static final String[] DIMENSIONS = {"bond", "tasks", "goals"};

    /** Loading of item k (1–4) of each dimension, in the order of {@link #DIMENSIONS}. */
    static final double[][] LOADINGS = {
        {0.90, 0.80, 0.85, 0.70},
        {0.80, 0.75, 0.85, 0.70},
        {0.85, 0.80, 0.75, 0.70}
    };

    private static final double RESIDUAL_SD = 0.6;
    /** Roughly the average alliance level of the generated clients. */
    private static final double POPULATION_LEVEL = 0.4;

    private static final double[] THRESHOLDS = {-1.6, -0.8, 0.0, 0.8};
    private static final double ANSWER_SHIFT = 0.9;
    private static final double MISSING_ITEM = 0.03;

    /** A story situation needs a window of at least this many days (enough meetings to show a trend). */
    static final int STORY_MIN_DAYS = 120;
    /** How often a story client is drawn again before the generator gives up (it never needs more than a few). */
    private static final int STORY_ATTEMPTS = 200;
    /** The lowest total score of the ceiling client's latest questionnaire. */
    static final double CEILING_TOTAL = 4.5;

    private static final String[][] PROFESSIONALS = {
        {"Anouk de Vries", "anouk"}, {"Youssef El Amrani", "youssef"}, {"Marieke Jansen", "marieke"},
        {"Daan Bakker", "daan"}, {"Sanne Visser", "sanne"}, {"Kofi Mensah", "kofi"}
    };
    private static final String HIGHER_RATER = "daan";
    /** The professional whose clients show the drop, the ceiling and the held-back answers. */
    private static final int STORY_PROFESSIONAL = 0;

    private static final String[] FIRST_NAMES = {
        "Fatima", "Jan", "Noah", "Emma", "Mohamed", "Lotte", "Sem", "Julia", "Ahmed", "Sara", "Lucas", "Mila",
        "Bram", "Nadia", "Kevin", "Ingrid", "Lars", "Sofie", "Mehmet", "Anna", "Rik", "Yara", "Tim", "Eva"
    };

    /**
     * The course of a professional's k-th client (k = 0, 1, …, repeating): 40 % rising, 20 % each of a drop after a
     * conflict, a ceiling and a flat course, for every professional alike.
     */
    private static final Trajectory[] TRAJECTORIES = {
        Trajectory.RISING, Trajectory.DROP_AFTER_CONFLICT, Trajectory.CEILING, Trajectory.RISING, Trajectory.FLAT,
        Trajectory.RISING, Trajectory.DROP_AFTER_CONFLICT, Trajectory.CEILING, Trajectory.RISING, Trajectory.FLAT
    };

    /** The story role of a client: which promised situation its page must show, if any. */
    private enum Role {
        NONE,
        GAP,
        DROP_NOW,
        CEILING,
        HELD_BACK
    }

    private final InstrumentCatalog catalog;
    private final Instrument sessionCheck;
    private final Instrument clientForm;
    private final Instrument professionalForm;
    private final double[][] cholesky =
            Cholesky.decompose(DIMENSION_CORRELATIONS).lower();

    public DemoGenerator(InstrumentCatalog catalog) {
        this.catalog = catalog;
        this.sessionCheck = instrument("alliance-session-check");
        this.clientForm = instrument("alliance-client");
        this.professionalForm = instrument("alliance-professional");
    }

    /** Generates with the built-in instruments. */
    public static DemoData generate(DemoOptions options) {
        return new DemoGenerator(InstrumentCatalog.builtIn()).run(options);
    }

    public DemoData run(DemoOptions options) {
        SplittableRandom seedStream = new SplittableRandom(options.seed());
        Organisation organisation = new Organisation("org-1", "Gemeente Rivierstad");
        List<Team> teams = List.of(
                new Team("team-1", organisation.id(), "Wijkteam Noord"),
                new Team("team-2", organisation.id(), "Schuldhulp en Werk"));
        List<Professional> professionals = new ArrayList<>();
        for (int p = 0; p < PROFESSIONALS.length; p++) {
            String login = PROFESSIONALS[p][1];
            professionals.add(new Professional(
                    "pro-" + (p + 1), teams.get(p / 3).id(), PROFESSIONALS[p][0], login, login.equals(HIGHER_RATER)));
        }

        List<Client> clients = new ArrayList<>();
        List<Meeting> meetings = new ArrayList<>();
        List<CheckIn> checkIns = new ArrayList<>();
        Map<DemoStory.Kind, List<String>> storyClients = new LinkedHashMap<>();
        Map<DemoStory.Kind, String> storyLogins = new LinkedHashMap<>();
        for (int c = 0; c < options.clients(); c++) {
            SplittableRandom clientStream = seedStream.split();
            int professionalIndex = c % professionals.size();
            Professional professional = professionals.get(professionalIndex);
            int position = c / professionals.size();
            Trajectory trajectory = TRAJECTORIES[position % TRAJECTORIES.length];
            Role role = options.days() >= STORY_MIN_DAYS
                    ? role(professional, professionalIndex, position, trajectory)
                    : Role.NONE;
            String clientId = String.format("client-%03d", c + 1);
            ClientRecord record = null;
            for (int attempt = 0; record == null; attempt++) {
                if (attempt == STORY_ATTEMPTS) {
                    throw new IllegalStateException("the demo story (" + role + ") cannot be built for " + clientId);
                }
                ClientRecord drawn = client(clientStream.split(), options, clientId, professional, trajectory, role);
                if (shows(drawn, role)) {
                    record = drawn;
                }
            }
            clients.add(record.client());
            meetings.addAll(record.meetings());
            checkIns.addAll(record.checkIns());
            DemoStory.Kind kind = kind(role);
            if (kind != null) {
                storyClients.computeIfAbsent(kind, k -> new ArrayList<>()).add(clientId);
                storyLogins.put(kind, professional.login());
            }
        }
        List<DemoStory.Situation> situations = new ArrayList<>();
        storyClients.forEach((kind, ids) -> situations.add(new DemoStory.Situation(kind, storyLogins.get(kind), ids)));
        situations.sort((a, b) -> a.kind().compareTo(b.kind()));
        Map<String, Double> loadings = new LinkedHashMap<>();
        for (int d = 0; d < 3; d++) {
            for (int k = 0; k < 4; k++) {
                loadings.put(DIMENSIONS[d] + "-" + (k + 1), LOADINGS[d][k]);
            }
        }
        return new DemoData(
                List.of(organisation),
                teams,
                professionals,
                clients,
                meetings,
                checkIns,
                new DemoStory(situations),
                new DemoData.GroundTruth(loadings, copy(DIMENSION_CORRELATIONS)));
    }

    private static Role role(Professional professional, int professionalIndex, int position, Trajectory trajectory) {
        if (professional.ratesHigher()) {
            return trajectory == Trajectory.CEILING ? Role.NONE : Role.GAP;
        }
        if (professionalIndex != STORY_PROFESSIONAL) {
            return Role.NONE;
        }
        return switch (position) {
            case 1 -> Role.DROP_NOW;
            case 2 -> Role.CEILING;
            case 3 -> Role.HELD_BACK;
            default -> Role.NONE;
        };
    }

    private static DemoStory.Kind kind(Role role) {
        return switch (role) {
            case NONE -> null;
            case GAP -> DemoStory.Kind.GAP;
            case DROP_NOW -> DemoStory.Kind.DROP_AFTER_CONFLICT;
            case CEILING -> DemoStory.Kind.CEILING;
            case HELD_BACK -> DemoStory.Kind.HELD_BACK;
        };
    }

    /** One client with their meetings and check-ins, all drawn from the client's own stream. */
    private record ClientRecord(Client client, List<Meeting> meetings, List<CheckIn> checkIns) {}

    private ClientRecord client(
            SplittableRandom random,
            DemoOptions options,
            String clientId,
            Professional professional,
            Trajectory trajectory,
            Role role) {
        Client client = new Client(
                clientId,
                professional.id(),
                FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + (char) ('A' + random.nextInt(26)) + ".",
                language(random),
                trajectory);
        double intercept = 0.3 * gaussian(random);
        double[] clientDeviation = correlated(random, 0.6);
        List<LocalDate> dates = schedule(random, options, role != Role.NONE);
        int last = dates.size() - 1;
        int conflictAt = role == Role.DROP_NOW ? last : dates.size() / 2;
        List<Meeting> meetings = new ArrayList<>();
        List<CheckIn> checkIns = new ArrayList<>();
        for (int m = 0; m < dates.size(); m++) {
            Meeting meeting = new Meeting(
                    String.format("%s-m%02d", clientId, m + 1), clientId, professional.id(), dates.get(m), m + 1);
            meetings.add(meeting);
            double progress = dates.size() == 1 ? 0 : (double) m / last;
            double level = level(trajectory, progress, m, conflictAt) + intercept;
            double[] meetingNoise = correlated(random, 0.35);
            double[] dimensions = new double[3];
            for (int d = 0; d < 3; d++) {
                dimensions[d] = level + clientDeviation[d] + meetingNoise[d];
            }
            ReleaseChoice drawnRelease = release(random);
            boolean recent = m >= last - 1;
            ReleaseChoice release =
                    switch (role) {
                        case HELD_BACK -> recent ? ReleaseChoice.NEXT_MEETING : drawnRelease;
                        case DROP_NOW -> recent ? ReleaseChoice.NOW : drawnRelease;
                        case GAP, CEILING -> m == last ? ReleaseChoice.NOW : drawnRelease;
                        case NONE -> drawnRelease;
                    };
            boolean sessionRequired = (role == Role.DROP_NOW || role == Role.HELD_BACK) && recent;
            if (random.nextDouble() < 0.85 || sessionRequired) {
                checkIns.add(checkIn(
                        meeting, sessionCheck, Perspective.CLIENT, release, sessionAnswers(random, dimensions)));
            }
            // The questionnaires every third meeting, counted back from the latest, so every client has them there.
            if ((last - m) % 3 == 0) {
                boolean formsRequired = (role == Role.GAP || role == Role.CEILING) && m == last;
                if (random.nextDouble() < 0.9 || formsRequired) {
                    checkIns.add(checkIn(
                            meeting, clientForm, Perspective.CLIENT, release, frequencyAnswers(random, dimensions)));
                }
                if (random.nextDouble() < 0.95 || formsRequired) {
                    // Most professionals see the alliance about as their clients do on average, but
                    // only moderately the same per client; one rates it clearly higher.
                    double bias = professional.ratesHigher() ? 1.0 : 0.0;
                    double[] view = new double[3];
                    double[] own = correlated(random, 0.6);
                    for (int d = 0; d < 3; d++) {
                        view[d] = 0.45 * dimensions[d] + 0.55 * POPULATION_LEVEL + own[d] + bias;
                    }
                    checkIns.add(checkIn(
                            meeting,
                            professionalForm,
                            Perspective.PROFESSIONAL,
                            ReleaseChoice.NOW,
                            frequencyAnswers(random, view)));
                }
            }
        }
        return new ClientRecord(client, meetings, checkIns);
    }

    /** Whether the client's draw shows its story situation, judged by the rules of the client page. */
    private boolean shows(ClientRecord record, Role role) {
        Meeting latest = record.meetings().get(record.meetings().size() - 1);
        return switch (role) {
            case NONE, HELD_BACK -> true;
            case GAP -> {
                List<ScoreSheet> history = sheets(record, clientForm);
                Optional<ScoreSheet> own = latestAt(record, professionalForm, latest);
                yield AlertRules.evaluate(clientForm, history, own, AlertThresholds.DEFAULT).stream()
                        .anyMatch(a -> a instanceof Alert.Gap);
            }
            case DROP_NOW ->
                AlertRules.evaluate(
                                sessionCheck, sheets(record, sessionCheck), Optional.empty(), AlertThresholds.DEFAULT)
                        .stream()
                        .anyMatch(a -> a instanceof Alert.Drop);
            case CEILING ->
                latestAt(record, clientForm, latest)
                        .flatMap(sheet -> sheet.scale("total"))
                        .map(ScaleScore::score)
                        .filter(score -> score.isPresent() && score.getAsDouble() >= CEILING_TOTAL)
                        .isPresent();
        };
    }

    /** The client's score sheets of one instrument that the professional sees ("now"), oldest first. */
    private static List<ScoreSheet> sheets(ClientRecord record, Instrument instrument) {
        return record.checkIns().stream()
                .filter(c -> c.instrumentId().equals(instrument.id()) && c.release() == ReleaseChoice.NOW)
                .map(c -> Scoring.score(instrument, c.answers()))
                .toList();
    }

    private static Optional<ScoreSheet> latestAt(ClientRecord record, Instrument instrument, Meeting meeting) {
        return record.checkIns().stream()
                .filter(c -> c.instrumentId().equals(instrument.id())
                        && c.meetingId().equals(meeting.id()))
                .map(c -> Scoring.score(instrument, c.answers()))
                .findFirst();
    }

    private Instrument instrument(String id) {
        return catalog.find(id).orElseThrow(() -> new IllegalStateException("instrument " + id + " is missing"));
    }

    /** A check-in's id is its meeting's with the instrument: adding a check-in elsewhere renames nothing here. */
    private static CheckIn checkIn(
            Meeting meeting,
            Instrument instrument,
            Perspective perspective,
            ReleaseChoice release,
            Map<String, Double> answers) {
        return new CheckIn(
                meeting.id() + "-" + instrument.id(),
                meeting.id(),
                instrument.id(),
                instrument.version(),
                perspective,
                release,
                answers);
    }

    /** The alliance level of a trajectory at a point of the course (0 = first meeting, 1 = last). */
    static double level(Trajectory trajectory, double progress, int meeting, int conflictAt) {
        return switch (trajectory) {
            case RISING -> -0.5 + 1.3 * progress;
            case FLAT -> -0.1;
            case CEILING -> 1.7;
            case DROP_AFTER_CONFLICT -> {
                double base = -0.2 + 1.1 * progress;
                if (meeting < conflictAt) {
                    yield base;
                }
                // The drop is sharp at the conflict and is half repaired two meetings later.
                yield base - 1.6 * Math.pow(0.7, meeting - conflictAt);
            }
        };
    }

    private static Map<String, Double> frequencyAnswers(SplittableRandom random, double[] dimensions) {
        Map<String, Double> answers = new LinkedHashMap<>();
        for (int d = 0; d < 3; d++) {
            for (int k = 0; k < 4; k++) {
                if (random.nextDouble() < MISSING_ITEM) {
                    continue;
                }
                double latent = LOADINGS[d][k] * dimensions[d] + RESIDUAL_SD * gaussian(random) + ANSWER_SHIFT;
                int answer = 1;
                for (double threshold : THRESHOLDS) {
                    if (latent > threshold) {
                        answer++;
                    }
                }
                answers.put(DIMENSIONS[d] + "-" + (k + 1), (double) answer);
            }
        }
        return answers;
    }

    private static Map<String, Double> sessionAnswers(SplittableRandom random, double[] dimensions) {
        double overall = (dimensions[0] + dimensions[1] + dimensions[2]) / 3;
        Map<String, Double> answers = new LinkedHashMap<>();
        String[] items = {"relationship", "way-of-working", "goals-topics", "overall"};
        double[] latent = {dimensions[0], dimensions[1], dimensions[2], overall};
        for (int i = 0; i < items.length; i++) {
            if (random.nextDouble() < MISSING_ITEM) {
                continue;
            }
            double value = 7.4 + 1.6 * (0.8 * latent[i] + 0.5 * gaussian(random));
            answers.put(items[i], (double) Math.max(0, Math.min(10, Math.round(value))));
        }
        return answers;
    }

    /**
     * The meeting dates of a client, laid out backwards from the end of the window: the latest meeting 1–14 days
     * before the end, then every 18–34 days back to the intake, which falls in the first 45 days of the window (in
     * its first three weeks for a story client, so the story has a history). All in days, so the count does not
     * depend on the calendar.
     */
    private static List<LocalDate> schedule(SplittableRandom random, DemoOptions options, boolean longHistory) {
        int intakeWithin = longHistory ? 21 : Math.max(1, Math.min(46, options.days() / 4));
        LocalDate first = options.start().plusDays(random.nextInt(intakeWithin));
        LocalDate date = options.end().minusDays(1 + random.nextInt(14));
        Deque<LocalDate> dates = new ArrayDeque<>();
        while (!date.isBefore(first)) {
            dates.addFirst(date);
            date = date.minusDays(18 + random.nextInt(17));
        }
        if (dates.isEmpty()) {
            dates.add(options.end().minusDays(1));
        }
        return new ArrayList<>(dates);
    }

    private static Language language(SplittableRandom random) {
        return draw(random, List.of(Language.NL, Language.EN, Language.NB, Language.DA), 0.80, 0.90, 0.95);
    }

    private static Trajectory trajectory(SplittableRandom random) {
        return draw(
                random,
                List.of(Trajectory.RISING, Trajectory.DROP_AFTER_CONFLICT, Trajectory.CEILING, Trajectory.FLAT),
                0.45,
                0.65,
                0.85);
    }

    private static ReleaseChoice release(SplittableRandom random) {
        return draw(
                random, List.of(ReleaseChoice.NOW, ReleaseChoice.NEXT_MEETING, ReleaseChoice.TEAM_ONLY), 0.70, 0.90);
    }

    /**
     * One of {@code choices} from one uniform draw: the first whose cumulative probability {@code upTo} the draw stays
     * below, the last one for the rest.
     */
    private static <T> T draw(SplittableRandom random, List<T> choices, double... upTo) {
        double u = random.nextDouble();
        for (int i = 0; i < upTo.length; i++) {
            if (u < upTo[i]) {
                return choices.get(i);
            }
        }
        return choices.get(upTo.length);
    }

    /** A standard normal draw (Box–Muller; one of the pair is discarded to keep the stream simple). */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private double[] correlated(SplittableRandom random, double sd) {
        int n = cholesky.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = gaussian(random);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j <= i; j++) {
                sum += cholesky[i][j] * z[j];
            }
            x[i] = sd * sum;
        }
        return x;
    }

    private static double[][] copy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }
}
