package org.alliance.app.team;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.StoredCheckIn;
import org.alliance.app.system.Formats;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;
import org.alliance.core.scoring.Scoring;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Caseload next to alliance for a team or for the whole organisation (issue 17, docs/rules.md "Caseload next to
 * alliance"): reads whose clients are whose and each client's latest alliance total, and hands them to {@link
 * CaseloadBands}, which alone decides what may be shown. Only counts and band means leave this class.
 */
@Component
final class CaseloadNextToAlliance {

    /** Where the professionals and their clients are counted. */
    enum Scope {
        TEAM("team_id"),
        ORGANISATION("organisation_id");

        private final String column;

        Scope(String column) {
            this.column = column;
        }
    }

    /** A caseload band as shown: {@code highest} 0 for the open band, {@code mean} empty when too few answered. */
    record ShownBand(int lowest, int highest, int professionals, int clients, int answered, String mean) {}

    /** The bands (empty when too few professionals) and how many professionals with clients were counted. */
    record Shown(List<ShownBand> bands, int professionals) {}

    private final JdbcClient jdbc;
    private final CheckIns checkIns;
    private final InstrumentCatalog catalog;

    CaseloadNextToAlliance(JdbcClient jdbc, CheckIns checkIns, InstrumentCatalog catalog) {
        this.jdbc = jdbc;
        this.checkIns = checkIns;
        this.catalog = catalog;
    }

    /** Each professional's clients in the scope (anonymised clients are no one's caseload any more). */
    Map<Long, List<Long>> clientsOfProfessionals(Scope scope, long id) {
        Map<Long, List<Long>> clientsOf = new TreeMap<>();
        jdbc.sql("SELECT id, professional_id FROM client WHERE " + scope.column + " = ? AND anonymised_at IS NULL")
                .param(id)
                .query((rs, row) -> clientsOf
                        .computeIfAbsent(rs.getLong(2), p -> new ArrayList<>())
                        .add(rs.getLong(1)))
                .list();
        return clientsOf;
    }

    /**
     * The score sheet of the latest alliance questionnaire of each client who answered it, in the order given,
     * counting every answer as team figures do (including "only in team figures").
     */
    Map<Long, ScoreSheet> latestSheets(Collection<Long> clients) {
        Instrument instrument = catalog.find("alliance-client").orElseThrow();
        Map<Long, ScoreSheet> sheets = new LinkedHashMap<>();
        for (long client : clients) {
            List<StoredCheckIn> history = checkIns.currentForClient(client, false).stream()
                    .filter(c -> c.instrumentId().equals(instrument.id()))
                    .toList();
            if (!history.isEmpty()) {
                sheets.put(
                        client,
                        Scoring.score(
                                instrument, history.get(history.size() - 1).answers()));
            }
        }
        return sheets;
    }

    /** The total of each sheet that has one. */
    static Map<Long, Double> totals(Map<Long, ScoreSheet> sheets) {
        Map<Long, Double> totals = new HashMap<>();
        sheets.forEach((client, sheet) -> sheet.scale("total")
                .map(ScaleScore::score)
                .orElse(OptionalDouble.empty())
                .ifPresent(t -> totals.put(client, t)));
        return totals;
    }

    /** The bands of these caseloads, with means formatted for the reader. */
    Shown of(Map<Long, List<Long>> clientsOf, Map<Long, Double> latestTotal, Locale locale) {
        List<CaseloadBands.Caseload> caseloads = clientsOf.values().stream()
                .map(own -> new CaseloadBands.Caseload(
                        own.size(),
                        own.stream()
                                .filter(latestTotal::containsKey)
                                .map(latestTotal::get)
                                .toList()))
                .toList();
        List<ShownBand> bands = CaseloadBands.of(caseloads).stream()
                .map(b -> new ShownBand(
                        b.lowest(),
                        b.open() ? 0 : b.highest(),
                        b.professionals(),
                        b.clients(),
                        b.answered(),
                        b.shown() ? Formats.score(b.mean().getAsDouble(), locale) : ""))
                .toList();
        return new Shown(bands, clientsOf.size());
    }

    /** The whole organisation's bands. */
    Shown ofOrganisation(long organisation, Locale locale) {
        Map<Long, List<Long>> clientsOf = clientsOfProfessionals(Scope.ORGANISATION, organisation);
        return of(
                clientsOf,
                totals(latestSheets(
                        clientsOf.values().stream().flatMap(List::stream).toList())),
                locale);
    }
}
