package org.alliance.app.research;

import java.util.List;
import java.util.Locale;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.InstrumentCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The researcher's page: their studies, the instruments and how many responses each has in the researcher's
 * organisation, meetings to code; and the
 * page of one of their studies.
 */
@Controller
class ResearchController {

    private final JdbcClient jdbc;
    private final InstrumentCatalog catalog;
    private final org.alliance.app.coding.Codings codings;
    private final Studies studies;
    private final StudyPages pages;

    ResearchController(
            JdbcClient jdbc,
            InstrumentCatalog catalog,
            org.alliance.app.coding.Codings codings,
            Studies studies,
            StudyPages pages) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.codings = codings;
        this.studies = studies;
        this.pages = pages;
    }

    record InstrumentRow(String id, String version, String title, long responses) {}

    @GetMapping("/research")
    String research(
            @org.springframework.security.core.annotation.AuthenticationPrincipal
                    org.alliance.app.system.CurrentUser user,
            Locale locale,
            Model model) {
        List<InstrumentRow> rows = catalog.all().stream()
                .map(i -> new InstrumentRow(
                        i.id(),
                        i.version(),
                        i.title().get(Languages.of(locale)),
                        // Only the researcher's own organisation: another organisation's activity is not theirs to see.
                        jdbc.sql(
                                        """
                                        SELECT COUNT(*) FROM check_in ci JOIN client c ON c.id = ci.client_id
                                        WHERE ci.instrument_id = ? AND c.organisation_id = ?""")
                                .params(i.id(), user.organisationId())
                                .query(Long.class)
                                .single()))
                .toList();
        model.addAttribute("instruments", rows);
        model.addAttribute("meetings", codings.meetingsForResearch(user.organisationId()));
        model.addAttribute(
                "studies",
                studies.ofResearcher(user.organisationId(), user.id()).stream()
                        .map(s -> pages.view(s, locale))
                        .toList());
        return "research/research";
    }

    /** A study the researcher is assigned to; any other study, of any organisation, is not found. */
    @GetMapping("/research/studies/{studyId}")
    String study(
            @org.springframework.security.core.annotation.AuthenticationPrincipal
                    org.alliance.app.system.CurrentUser user,
            @org.springframework.web.bind.annotation.PathVariable long studyId,
            Locale locale,
            Model model) {
        Study study = studies.findForResearcher(user.organisationId(), user.id(), studyId)
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
        model.addAttribute("view", pages.view(study, locale));
        return "research/study";
    }
}
