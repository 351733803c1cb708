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

    ResearchController(JdbcClient jdbc, InstrumentCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    record InstrumentRow(String id, String version, String title, long responses) {}

    @GetMapping("/research")
    String research(Locale locale, Model model) {
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
        return "research/research";
    }
}
