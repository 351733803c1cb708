package org.alliance.core.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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

    private static final String[][] PROFESSIONALS = {
        {"Anouk de Vries", "anouk"}, {"Youssef El Amrani", "youssef"}, {"Marieke Jansen", "marieke"},
        {"Daan Bakker", "daan"}, {"Sanne Visser", "sanne"}, {"Kofi Mensah", "kofi"}
    };
    private static final String HIGHER_RATER = "daan";
    private static final String[] FIRST_NAMES = {
        "Fatima", "Jan", "Noah", "Emma", "Mohamed", "Lotte", "Sem", "Julia", "Ahmed", "Sara", "Lucas", "Mila",
        "Bram", "Nadia", "Kevin", "Ingrid", "Lars", "Sofie", "Mehmet", "Anna", "Rik", "Yara", "Tim", "Eva"
    };

    private final InstrumentCatalog catalog;

    public DemoGenerator(InstrumentCatalog catalog) {
        this.catalog = catalog;
    }

    /** Generates with the built-in instruments. */
    public static DemoData generate(DemoOptions options) {
        return new DemoGenerator(InstrumentCatalog.builtIn()).run(options);
    }

    public DemoData run(DemoOptions options) {
        SplittableRandom random = new SplittableRandom(options.seed());
        Instrument sessionCheck = instrument("alliance-session-check");
        Instrument clientForm = instrument("alliance-client");
        Instrument professionalForm = instrument("alliance-professional");

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

        double[][] cholesky = cholesky(DIMENSION_CORRELATIONS);
        LocalDate end = options.start().plusMonths(options.months());
        List<Client> clients = new ArrayList<>();
        List<Meeting> meetings = new ArrayList<>();
        List<CheckIn> checkIns = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            Professional professional = professionals.get(c % professionals.size());
            Client client = new Client(
                    String.format("client-%03d", c + 1),
                    professional.id(),
                    FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + (char) ('A' + random.nextInt(26)) + ".",
                    language(random),
                    trajectory(random));
            clients.add(client);

            double intercept = 0.3 * gaussian(random);
            double[] clientDeviation = correlated(random, cholesky, 0.6);
            List<LocalDate> dates = meetingDates(random, options.start(), end);
            int conflictAt = dates.size() / 2;
            for (int m = 0; m < dates.size(); m++) {
                Meeting meeting = new Meeting(
                        String.format("m-%05d", meetings.size() + 1),
                        client.id(),
                        professional.id(),
                        dates.get(m),
                        m + 1);
                meetings.add(meeting);
                double progress = dates.size() == 1 ? 0 : (double) m / (dates.size() - 1);
                double level = level(client.trajectory(), progress, m, conflictAt) + intercept;
                double[] meetingNoise = correlated(random, cholesky, 0.35);
                double[] dimensions = new double[3];
                for (int d = 0; d < 3; d++) {
                    dimensions[d] = level + clientDeviation[d] + meetingNoise[d];
                }
                ReleaseChoice release = release(random);
                if (random.nextDouble() < 0.85) {
                    checkIns.add(checkIn(
                            checkIns,
                            meeting,
                            sessionCheck,
                            Perspective.CLIENT,
                            release,
                            sessionAnswers(random, dimensions)));
                }
                if (m % 3 == 0) {
                    if (random.nextDouble() < 0.9) {
                        checkIns.add(checkIn(
                                checkIns,
                                meeting,
                                clientForm,
                                Perspective.CLIENT,
                                release,
                                frequencyAnswers(random, dimensions)));
                    }
                    if (random.nextDouble() < 0.95) {
                        // Most professionals see the alliance about as their clients do on average, but
                        // only moderately the same per client; one rates it clearly higher.
                        double bias = professional.ratesHigher() ? 1.0 : 0.0;
                        double[] view = new double[3];
                        double[] own = correlated(random, cholesky, 0.6);
                        for (int d = 0; d < 3; d++) {
                            view[d] = 0.45 * dimensions[d] + 0.55 * POPULATION_LEVEL + own[d] + bias;
                        }
                        checkIns.add(checkIn(
                                checkIns,
                                meeting,
                                professionalForm,
                                Perspective.PROFESSIONAL,
                                ReleaseChoice.NOW,
                                frequencyAnswers(random, view)));
                    }
                }
            }
        }
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
                new DemoData.GroundTruth(loadings, copy(DIMENSION_CORRELATIONS)));
    }

    private Instrument instrument(String id) {
        return catalog.find(id).orElseThrow(() -> new IllegalStateException("instrument " + id + " is missing"));
    }

    private static CheckIn checkIn(
            List<CheckIn> existing,
            Meeting meeting,
            Instrument instrument,
            Perspective perspective,
            ReleaseChoice release,
            Map<String, Double> answers) {
        return new CheckIn(
                String.format("ci-%05d", existing.size() + 1),
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

    private static List<LocalDate> meetingDates(SplittableRandom random, LocalDate start, LocalDate end) {
        List<LocalDate> dates = new ArrayList<>();
        long span = Math.max(1, ChronoUnit.DAYS.between(start, end));
        LocalDate date = start.plusDays(random.nextLong(Math.max(1, Math.min(45, span / 4))));
        while (date.isBefore(end) || dates.isEmpty()) {
            dates.add(date);
            date = date.plusDays(18 + random.nextInt(17));
        }
        return dates;
    }

    private static Language language(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.80) {
            return Language.NL;
        }
        if (u < 0.90) {
            return Language.EN;
        }
        return u < 0.95 ? Language.NB : Language.DA;
    }

    private static Trajectory trajectory(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.45) {
            return Trajectory.RISING;
        }
        if (u < 0.65) {
            return Trajectory.DROP_AFTER_CONFLICT;
        }
        return u < 0.85 ? Trajectory.CEILING : Trajectory.FLAT;
    }

    private static ReleaseChoice release(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.70) {
            return ReleaseChoice.NOW;
        }
        return u < 0.90 ? ReleaseChoice.NEXT_MEETING : ReleaseChoice.TEAM_ONLY;
    }

    /** A standard normal draw (Box–Muller; one of the pair is discarded to keep the stream simple). */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double[] correlated(SplittableRandom random, double[][] cholesky, double sd) {
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

    /** Lower-triangular L with L·Lᵀ = a, for a small symmetric positive-definite matrix. */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (sum <= 0) {
                        throw new IllegalArgumentException("matrix is not positive definite");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[][] copy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }
}
