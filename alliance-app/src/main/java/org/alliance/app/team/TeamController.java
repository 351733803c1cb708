package org.alliance.app.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.alliance.app.joint.JointTeamFigures;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Scale;
import org.alliance.core.release.TeamFigureRule;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The team lead's page: team figures for intervision. Only aggregates over the whole team, never per
 * professional (a ranking would destroy honest answering), and nothing over fewer than {@value TeamFigureRule#MIN_CLIENTS}
 * clients. Every client answer counts here, including answers released "only for team figures".
 */
@Controller
class TeamController {

    private final JdbcClient jdbc;
    private final InstrumentCatalog catalog;
    private final JointTeamFigures jointFigures;
    private final CaseloadNextToAlliance caseloads;

    TeamController(
            JdbcClient jdbc,
            InstrumentCatalog catalog,
            JointTeamFigures jointFigures,
            CaseloadNextToAlliance caseloads) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.jointFigures = jointFigures;
        this.caseloads = caseloads;
    }

    /** One scale's team figure: the mean over clients of each client's latest score. */
    record TeamScale(String name, String mean, int clients) {}

    @GetMapping("/team")
    String team(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        List<Long> clients = user.teamId() == null
                ? List.of()
                : jdbc.sql("SELECT id FROM client WHERE team_id = ? AND anonymised_at IS NULL")
                        .param(user.teamId())
                        .query(Long.class)
                        .list();
        long meetings = user.teamId() == null
                ? 0
                : jdbc.sql("SELECT COUNT(*) FROM meeting m JOIN client c ON c.id = m.client_id"
                                + " WHERE c.team_id = ? AND c.anonymised_at IS NULL")
                        .param(user.teamId())
                        .query(Long.class)
                        .single();
        Instrument instrument = catalog.find("alliance-client").orElseThrow();
        Language language = Languages.of(locale);
        java.util.Map<Long, List<Long>> clientsOf = user.teamId() == null
                ? java.util.Map.of()
                : caseloads.clientsOfProfessionals(CaseloadNextToAlliance.Scope.TEAM, user.teamId());
        java.util.Map<Long, ScoreSheet> sheets = caseloads.latestSheets(clients);
        List<ScoreSheet> latest = List.copyOf(sheets.values());
        java.util.Map<Long, Double> latestTotal = CaseloadNextToAlliance.totals(sheets);
        List<TeamScale> scales = new ArrayList<>();
        for (Scale scale : instrument.scales()) {
            double sum = 0;
            int n = 0;
            for (ScoreSheet sheet : latest) {
                OptionalDouble score =
                        sheet.scale(scale.id()).map(ScaleScore::score).orElse(OptionalDouble.empty());
                if (score.isPresent()) {
                    sum += score.getAsDouble();
                    n++;
                }
            }
            if (TeamFigureRule.mayShow(n)) {
                scales.add(new TeamScale(
                        scale.name().get(language), org.alliance.app.system.Formats.score(sum / n, locale), n));
            }
        }
        CaseloadNextToAlliance.Shown bands = caseloads.of(clientsOf, latestTotal, locale);
        model.addAttribute("caseloadBands", bands.bands());
        model.addAttribute("caseloadProfessionals", bands.professionals());
        model.addAttribute("caseloadMinimum", CaseloadBands.MIN_PROFESSIONALS);
        model.addAttribute("clientCount", clients.size());
        model.addAttribute("meetingCount", meetings);
        model.addAttribute("answeredCount", latest.size());
        model.addAttribute("scales", scales);
        model.addAttribute("tooFew", !TeamFigureRule.mayShow(latest.size()));
        model.addAttribute("minClients", TeamFigureRule.MIN_CLIENTS);
        model.addAttribute("instrumentTitle", instrument.title().get(language));
        model.addAttribute(
                "joint", user.teamId() == null ? null : jointFigures.of(user.teamId(), user.organisationId(), locale));
        return "team/team";
    }

    /**
     * Caseload next to alliance over the whole organisation, as the Danish municipality's investment in smaller
     * caseloads asks: bands of at least {@value CaseloadBands#MIN_PROFESSIONALS} professionals, never one.
     */
    @GetMapping("/team/organisation")
    String organisation(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        CaseloadNextToAlliance.Shown bands = caseloads.ofOrganisation(user.organisationId(), locale);
        model.addAttribute("caseloadBands", bands.bands());
        model.addAttribute("caseloadProfessionals", bands.professionals());
        model.addAttribute("caseloadMinimum", CaseloadBands.MIN_PROFESSIONALS);
        model.addAttribute("minClients", TeamFigureRule.MIN_CLIENTS);
        return "team/organisation";
    }
}
