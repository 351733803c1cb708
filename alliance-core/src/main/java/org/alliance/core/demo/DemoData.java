package org.alliance.core.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Perspective;
import org.alliance.core.release.ReleaseChoice;

/**
 * Generated data, ready to be stored or written as CSV. Ids are stable for a given seed. Clients are
 * pseudonymous: an alias and an internal id, nothing else that identifies a person.
 *
 * @param story the situations the demo promises, built on purpose whatever the date and the seed
 * @param truth the parameters the answers were generated from, so analyses can be checked against them
 */
public record DemoData(
        List<Organisation> organisations,
        List<Team> teams,
        List<Professional> professionals,
        List<Client> clients,
        List<Meeting> meetings,
        List<CheckIn> checkIns,
        DemoStory story,
        GroundTruth truth) {

    public DemoData {
        organisations = List.copyOf(organisations);
        teams = List.copyOf(teams);
        professionals = List.copyOf(professionals);
        clients = List.copyOf(clients);
        meetings = List.copyOf(meetings);
        checkIns = List.copyOf(checkIns);
    }

    public record Organisation(String id, String name) {}

    public record Team(String id, String organisationId, String name) {}

    /** A professional; {@code ratesHigher} marks the one who, by design, rates the alliance above their clients. */
    public record Professional(String id, String teamId, String name, String login, boolean ratesHigher) {}

    /** A client as the professional knows them: an alias, a language, and the course their alliance takes. */
    public record Client(String id, String professionalId, String alias, Language language, Trajectory trajectory) {}

    public record Meeting(String id, String clientId, String professionalId, LocalDate date, int number) {}

    /**
     * One completed questionnaire. Unanswered items are absent from {@code answers}.
     *
     * @param release how the client chose to release the answers (always {@code NOW} for professionals)
     */
    public record CheckIn(
            String id,
            String meetingId,
            String instrumentId,
            String instrumentVersion,
            Perspective perspective,
            ReleaseChoice release,
            Map<String, Double> answers) {
        public CheckIn {
            answers = Map.copyOf(answers);
        }
    }

    /** The course of a client's alliance over time, so the demo shows every kind of pattern. */
    public enum Trajectory {
        /** Starts modest and grows. */
        RISING,
        /** Grows, then drops sharply after a conflict about halfway, then partly recovers. */
        DROP_AFTER_CONFLICT,
        /** Rates everything near the top from the start (ceiling effect). */
        CEILING,
        /** Stays middling throughout. */
        FLAT
    }

    /**
     * The generating model: three correlated dimensions (bond, tasks, goals) and the standardised loading of
     * every item of {@code alliance-client} on its dimension.
     */
    public record GroundTruth(Map<String, Double> loadings, double[][] dimensionCorrelations) {}
}
