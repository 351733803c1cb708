package org.alliance.app.research;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.alliance.core.instrument.Language;

/**
 * A {@link Study} for tests, with the defaults most tests share: the year 2026, purpose "Purpose" and legal basis
 * "Consent", English, the client questionnaire, no date shift, no free text, no anonymisation, no waves and no
 * researchers. A test names only what it is about.
 */
public final class TestStudy {

    /** The clock of the tests that store a study: mid-June of its year, in Amsterdam. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T08:00:00Z"), ZoneId.of("Europe/Amsterdam"));

    private long id;
    private final long organisation;
    private List<Long> teams;
    private String title = "Study";
    private String purpose = "Purpose";
    private String legalBasis = "Consent";
    private LocalDate startsOn = LocalDate.of(2026, 1, 1);
    private LocalDate endsOn = LocalDate.of(2026, 12, 31);
    private Language language = Language.EN;
    private boolean shiftDates;
    private boolean includeFreeText;
    private boolean allowsAnonymisation;
    private List<String> instruments = List.of("alliance-client");
    private List<Study.Wave> waves = List.of();
    private List<Long> researchers = List.of();

    private TestStudy(long organisation, List<Long> teams) {
        this.organisation = organisation;
        this.teams = teams;
    }

    /** A study of the organisation's team. */
    public static TestStudy of(long organisation, long team) {
        return new TestStudy(organisation, List.of(team));
    }

    public TestStudy id(long value) {
        id = value;
        return this;
    }

    public TestStudy title(String value) {
        title = value;
        return this;
    }

    public TestStudy purpose(String value) {
        purpose = value;
        return this;
    }

    public TestStudy legalBasis(String value) {
        legalBasis = value;
        return this;
    }

    public TestStudy language(Language value) {
        language = value;
        return this;
    }

    public TestStudy shiftDates(boolean value) {
        shiftDates = value;
        return this;
    }

    public TestStudy includeFreeText(boolean value) {
        includeFreeText = value;
        return this;
    }

    public TestStudy allowsAnonymisation(boolean value) {
        allowsAnonymisation = value;
        return this;
    }

    public TestStudy instruments(String... ids) {
        instruments = List.of(ids);
        return this;
    }

    public TestStudy waves(Study.Wave... value) {
        waves = List.of(value);
        return this;
    }

    public TestStudy researchers(List<Long> value) {
        researchers = value;
        return this;
    }

    public Study build() {
        return new Study(
                id,
                organisation,
                title,
                purpose,
                legalBasis,
                startsOn,
                endsOn,
                language,
                shiftDates,
                includeFreeText,
                allowsAnonymisation,
                teams,
                instruments,
                waves,
                researchers);
    }
}
