package org.alliance.app.team;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import org.alliance.core.release.TeamFigureRule;

/**
 * Caseload next to alliance (issue 17, docs/rules.md "Caseload next to alliance"): the team's professionals grouped
 * by caseload (their number of clients in the team) into bands, with the mean alliance of the clients of each band.
 * Never per professional: nothing is shown unless the team has at least {@value #MIN_PROFESSIONALS} professionals
 * with clients, and a band with fewer than {@value #MIN_PROFESSIONALS} professionals is merged with its smaller
 * neighbour until every band holds at least that many, so no band is one professional or a few. A band's mean is
 * shown only over at least {@value TeamFigureRule#MIN_CLIENTS} clients who answered, as every team figure. The bands
 * carry counts only: no professional's id or name leaves this class.
 */
final class CaseloadBands {

    /** At least this many professionals in the team, and in each band. */
    static final int MIN_PROFESSIONALS = 5;

    /** The upper bounds (clients, inclusive) of the starting bands; the last band is open. */
    static final List<Integer> UPPER_BOUNDS = List.of(10, 20, 30);

    private CaseloadBands() {}

    /** One professional's caseload and the latest alliance totals of those of their clients who answered. */
    record Caseload(int clients, List<Double> latestTotals) {
        Caseload {
            if (clients < 1) {
                throw new IllegalArgumentException("a caseload of " + clients + " clients has no place in a band");
            }
            latestTotals = List.copyOf(latestTotals);
        }
    }

    /**
     * One band: caseloads from {@code lowest} to {@code highest} clients (highest empty for the open band), how many
     * professionals and clients it holds, and the clients' mean alliance when enough of them answered.
     */
    record Band(int lowest, int highest, int professionals, int clients, int answered, OptionalDouble mean) {
        boolean open() {
            return highest == Integer.MAX_VALUE;
        }

        boolean shown() {
            return mean.isPresent();
        }
    }

    /** The bands of a team, lowest caseloads first; empty when the team has too few professionals. */
    static List<Band> of(Collection<Caseload> caseloads) {
        if (caseloads.size() < MIN_PROFESSIONALS) {
            return List.of();
        }
        List<int[]> bounds = new ArrayList<>();
        int lowest = 1;
        for (int upper : UPPER_BOUNDS) {
            bounds.add(new int[] {lowest, upper});
            lowest = upper + 1;
        }
        bounds.add(new int[] {lowest, Integer.MAX_VALUE});
        bounds.removeIf(b -> count(caseloads, b) == 0);
        // Merge the smallest band under the minimum with its smaller neighbour until every band holds enough.
        while (true) {
            int smallest = -1;
            for (int i = 0; i < bounds.size(); i++) {
                long n = count(caseloads, bounds.get(i));
                if (n < MIN_PROFESSIONALS && (smallest < 0 || n < count(caseloads, bounds.get(smallest)))) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break;
            }
            int neighbour;
            if (smallest == 0) {
                neighbour = 1;
            } else if (smallest == bounds.size() - 1) {
                neighbour = smallest - 1;
            } else {
                neighbour = count(caseloads, bounds.get(smallest - 1)) <= count(caseloads, bounds.get(smallest + 1))
                        ? smallest - 1
                        : smallest + 1;
            }
            int first = Math.min(smallest, neighbour);
            int[] merged = {bounds.get(first)[0], bounds.get(first + 1)[1]};
            bounds.remove(first + 1);
            bounds.set(first, merged);
        }
        List<Band> bands = new ArrayList<>();
        for (int[] b : bounds) {
            List<Caseload> in = caseloads.stream().filter(c -> within(c, b)).toList();
            int clients = in.stream().mapToInt(Caseload::clients).sum();
            List<Double> totals =
                    in.stream().flatMap(c -> c.latestTotals().stream()).toList();
            OptionalDouble mean = TeamFigureRule.mayShow(totals.size())
                    ? totals.stream().mapToDouble(Double::doubleValue).average()
                    : OptionalDouble.empty();
            bands.add(new Band(b[0], b[1], in.size(), clients, totals.size(), mean));
        }
        return List.copyOf(bands);
    }

    private static long count(Collection<Caseload> caseloads, int[] bounds) {
        return caseloads.stream().filter(c -> within(c, bounds)).count();
    }

    private static boolean within(Caseload caseload, int[] bounds) {
        return caseload.clients() >= bounds[0] && caseload.clients() <= bounds[1];
    }
}
