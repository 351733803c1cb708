package org.alliance.core.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * What the demo promises a newcomer: each situation, who signs in to see it and on which clients' pages. The
 * generator builds these situations on purpose (they hold on every date and do not depend on the random draw); the
 * start page renders this list, and the tests check every entry through the pages a professional sees.
 *
 * @param situations in the order the start page lists them
 */
public record DemoStory(List<Situation> situations) {

    public DemoStory {
        situations = List.copyOf(situations);
    }

    /** The kinds of situation the demo shows; each has a sentence on the start page in every language. */
    public enum Kind {
        /** A professional who rates the alliance clearly higher than the clients: the gap alert on their pages. */
        GAP,
        /** A client whose alliance dropped after a conflict at the latest meeting: the drop alert. */
        DROP_AFTER_CONFLICT,
        /** A client who rates everything near the top from the start (ceiling effect). */
        CEILING,
        /**
         * A client who chose "at our next meeting": the answers of the meeting before the latest were released when
         * the latest meeting took place; those of the latest meeting are still held back.
         */
        HELD_BACK,
        /** Joint meetings with another organisation in which the client's bond with one professional falls. */
        JOINT_SPLIT
    }

    /**
     * One promised situation.
     *
     * @param login the demo account that sees it
     * @param clientIds the generated ids of the clients whose pages show it (for the joint meetings: the client)
     */
    public record Situation(Kind kind, String login, List<String> clientIds) {
        public Situation {
            clientIds = List.copyOf(clientIds);
        }
    }

    /** This story with one more situation (the application adds the joint meetings it makes itself). */
    public DemoStory with(Situation situation) {
        List<Situation> all = new ArrayList<>(situations);
        all.add(situation);
        return new DemoStory(all);
    }

    /** The situations of one kind. */
    public List<Situation> of(Kind kind) {
        return situations.stream().filter(s -> s.kind() == kind).toList();
    }
}
