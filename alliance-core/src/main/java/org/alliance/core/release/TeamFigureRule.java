package org.alliance.core.release;

/**
 * The one rule for figures over several clients (the team page, the team's joint-meeting figures, anything a team
 * lead sees): a figure is shown only when it rests on at least {@value #MIN_CLIENTS} distinct clients, so that no
 * single client's answer can be read back from it — the promise behind the "only in team figures" release choice.
 * Never per professional: that would be a ranking, which would end honest answering.
 */
public final class TeamFigureRule {

    /** The fewest distinct clients a team figure may rest on. */
    public static final int MIN_CLIENTS = 5;

    private TeamFigureRule() {}

    /** Whether a figure over this many distinct clients may be shown. */
    public static boolean mayShow(long distinctClients) {
        return distinctClients >= MIN_CLIENTS;
    }
}
