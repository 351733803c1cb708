package org.alliance.app.research;

import java.util.List;
import java.util.Locale;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.InstrumentCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The researcher's page: the instruments and how many responses each has. No personal data. */
@Controller
class ResearchController {

    private final JdbcClient jdbc;
    private final InstrumentCatalog catalog;
    private final org.alliance.app.coding.Codings codings;

    ResearchController(JdbcClient jdbc, InstrumentCatalog catalog, org.alliance.app.coding.Codings codings) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.codings = codings;
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
                        jdbc.sql("SELECT COUNT(*) FROM check_in WHERE instrument_id = ?")
                                .param(i.id())
                                .query(Long.class)
                                .single()))
                .toList();
        model.addAttribute("instruments", rows);
        model.addAttribute("meetings", codings.meetingsForResearch(user.organisationId()));
        return "research/research";
    }
}
