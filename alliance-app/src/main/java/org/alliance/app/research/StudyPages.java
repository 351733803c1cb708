package org.alliance.app.research;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.Languages;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.springframework.stereotype.Component;

/** What the study pages show besides the study: names of its teams, questionnaires and researchers. */
@Component
class StudyPages {

    /** A study with names instead of ids, as the pages show it. */
    record StudyView(Study study, List<String> teams, List<String> instruments, List<String> researchers) {}

    /** A choice on the form: value and what it is called. */
    record Choice(String value, String name) {}

    private final Organisations organisations;
    private final UserAccounts accounts;
    private final InstrumentCatalog catalog;

    StudyPages(Organisations organisations, UserAccounts accounts, InstrumentCatalog catalog) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    List<Choice> teams(long organisationId) {
        return organisations.teams(organisationId).stream()
                .map(t -> new Choice(String.valueOf(t.id()), t.name()))
                .toList();
    }

    /**
     * The questionnaires a study can use: those that collect answers (a skeleton without its texts cannot). The
     * professionals' own questionnaire is not among them: every study with waves asks it of its professionals.
     */
    List<Choice> instruments(Locale locale) {
        return catalog.all().stream()
                .filter(i -> !i.usableLanguages().isEmpty())
                .filter(i -> !i.id().equals(PracticeAnswers.INSTRUMENT))
                .map(i -> new Choice(i.id(), i.title().get(Languages.of(locale)) + " (" + i.reference() + ")"))
                .toList();
    }

    /** The organisation's researchers who can sign in. */
    List<Choice> researchers(long organisationId) {
        return accounts.ofOrganisation(organisationId).stream()
                .filter(a -> a.role() == Role.RESEARCHER && a.enabled())
                .map(a -> new Choice(String.valueOf(a.id()), a.displayName() + " (" + a.username() + ")"))
                .toList();
    }

    static Set<Long> ids(List<Choice> choices) {
        return choices.stream().map(c -> Long.parseLong(c.value())).collect(Collectors.toSet());
    }

    static Set<String> values(List<Choice> choices) {
        return choices.stream().map(Choice::value).collect(Collectors.toSet());
    }

    StudyView view(Study study, Locale locale) {
        Map<String, String> teamNames = byValue(teams(study.organisationId()));
        Map<String, String> researcherNames = byValue(researchers(study.organisationId()));
        return new StudyView(
                study,
                study.teams().stream()
                        .map(id -> teamNames.getOrDefault(String.valueOf(id), String.valueOf(id)))
                        .toList(),
                study.instruments().stream()
                        .map(id -> catalog.find(id)
                                .map(Instrument::title)
                                .map(t -> t.get(Languages.of(locale)))
                                .orElse(id))
                        .toList(),
                study.researchers().stream()
                        .map(id -> researcherNames.getOrDefault(String.valueOf(id), String.valueOf(id)))
                        .toList());
    }

    private static Map<String, String> byValue(List<Choice> choices) {
        return choices.stream().collect(Collectors.toMap(Choice::value, Choice::name, (a, b) -> a));
    }
}
