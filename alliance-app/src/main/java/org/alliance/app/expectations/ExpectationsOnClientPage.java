package org.alliance.app.expectations;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alliance.app.caseload.Client;
import org.alliance.app.caseload.ClientPagePart;
import org.alliance.app.caseload.Meeting;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Formats;
import org.alliance.core.expectations.ExpectationItem;
import org.alliance.core.expectations.Occasion;
import org.alliance.core.expectations.RevisitMoment;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The expectations on the professional's client page: when they are asked, what each side expected next to how it
 * went (the client's under the release rule, {@link ExpectedNextToExperienced}), and the professional's own form at
 * intake and at the revisit.
 */
@Component
class ExpectationsOnClientPage implements ClientPagePart {

    static final String TEMPLATE = "expectations/part";

    /** Flash attribute of a refused professional's form, so the page shows it again with its errors. */
    static final String REFUSED = "expectationsRefused";

    /** Flash attribute after a professional's form was stored. */
    static final String SAVED = "expectationsSaved";

    /** A refused form: which occasion and what was sent. */
    record Refused(Occasion occasion, Map<String, String> sent) {}

    /** One row of a side's table: the item, what was expected and how it went, as text ("" when not shown). */
    record Row(String item, String expected, String experienced) {}

    /** One side's table: the state of each answer in words and, when any is shown, the rows. */
    record Table(String heading, String intakeState, String revisitState, boolean shown, List<Row> rows) {}

    /**
     * The professional's own form at one occasion.
     *
     * @param open whether it is shown unfolded (it came back refused)
     * @param error why it came back, or null
     */
    record Form(
            Occasion occasion,
            String heading,
            String idempotencyKey,
            ExpectationQuestions questions,
            boolean open,
            @Nullable String error) {}

    /** Everything the section shows. */
    record Part(long clientId, String moment, List<Table> tables, List<Form> forms, @Nullable String saved) {}

    private final Expectations expectations;
    private final MessageSource messages;
    private final Clock clock;

    ExpectationsOnClientPage(Expectations expectations, MessageSource messages, Clock clock) {
        this.expectations = expectations;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Optional<Shown> on(CurrentUser professional, Client client, Locale locale) {
        Expectations.Schedule schedule = expectations.schedule(client.organisationId(), client.id());
        if (schedule.intake().isEmpty()) {
            return Optional.empty();
        }
        List<Expectations.Stored> stored = expectations.of(client.id());
        ExpectedNextToExperienced view =
                ExpectedNextToExperienced.of(stored, schedule.dates(), clock.getZone(), clock.instant());
        Map<String, ?> flash = flash();
        Refused refused = flash.get(REFUSED) instanceof Refused r ? r : null;
        List<Form> forms = new ArrayList<>();
        for (Occasion occasion : Occasion.values()) {
            Optional<Meeting> meeting = schedule.meetingOf(occasion);
            if (meeting.isEmpty()) {
                continue;
            }
            boolean back = refused != null && refused.occasion() == occasion;
            ExpectationForm form = back ? ExpectationForm.read(refused.sent()) : ownLatest(stored, occasion);
            forms.add(new Form(
                    occasion,
                    text(
                            "expectations.form." + occasion.name().toLowerCase(Locale.ROOT),
                            locale,
                            Formats.date(meeting.get().date(), locale)),
                    UUID.randomUUID().toString(),
                    ExpectationQuestions.of(Expectations.PROFESSIONAL, occasion, form),
                    back,
                    back && form.acceptable() ? text("expectations.error.empty", locale) : null));
        }
        Object saved = flash.get(SAVED);
        return Optional.of(new Shown(
                TEMPLATE,
                new Part(
                        client.id(),
                        moment(schedule, locale),
                        List.of(table(view.client(), locale), table(view.professional(), locale)),
                        forms,
                        saved == null ? null : text("expectations.saved", locale))));
    }

    private static Map<String, ?> flash() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
            if (flash != null) {
                return flash;
            }
        }
        return Map.of();
    }

    /** The professional's answers given last at this occasion, to start the form from. */
    private static ExpectationForm ownLatest(List<Expectations.Stored> stored, Occasion occasion) {
        return ExpectedNextToExperienced.latest(stored, Expectations.PROFESSIONAL, occasion)
                .map(s -> {
                    Map<ExpectationItem, Integer> levels = new java.util.EnumMap<>(ExpectationItem.class);
                    Map<ExpectationItem, String> texts = new java.util.EnumMap<>(ExpectationItem.class);
                    s.answers().forEach((item, answer) -> {
                        if (answer.level() != null) {
                            levels.put(item, answer.level());
                        }
                        if (!answer.text().isEmpty()) {
                            texts.put(item, answer.text());
                        }
                    });
                    return new ExpectationForm(levels, texts, Map.of());
                })
                .orElse(ExpectationForm.EMPTY);
    }

    private String moment(Expectations.Schedule schedule, Locale locale) {
        RevisitMoment moment = schedule.moment();
        String rule = moment.kind() == RevisitMoment.Kind.MEETING
                ? text("expectations.moment.meeting", locale, moment.number())
                : text("expectations.moment.weeks", locale, moment.number());
        String intake = Formats.date(schedule.intake().orElseThrow().date(), locale);
        return schedule.revisit()
                .map(m -> text("expectations.moment.planned", locale, intake, rule, Formats.date(m.date(), locale)))
                .orElseGet(() -> text("expectations.moment.notYet", locale, intake, rule));
    }

    private Table table(ExpectedNextToExperienced.Side side, Locale locale) {
        List<Row> rows = new ArrayList<>();
        if (side.anyShown()) {
            for (ExpectationItem item : ExpectationItem.values()) {
                rows.add(new Row(
                        text("expectations.item." + side.perspective() + "." + item.code(), locale),
                        cell(side.intake(), item, Occasion.INTAKE, locale),
                        cell(side.revisit(), item, Occasion.REVISIT, locale)));
            }
        }
        return new Table(
                text("expectations.table." + side.perspective(), locale),
                state(side.intake(), "intake", locale),
                state(side.revisit(), "revisit", locale),
                side.anyShown(),
                rows);
    }

    private String cell(ExpectedNextToExperienced.Seen seen, ExpectationItem item, Occasion occasion, Locale locale) {
        if (seen.state() != ExpectedNextToExperienced.State.SHOWN) {
            return "–";
        }
        Expectations.Answer answer = seen.answers().get(item);
        if (answer == null) {
            return text("expectations.cell.none", locale);
        }
        String when = occasion.name().toLowerCase(Locale.ROOT);
        String level = answer.level() == null
                ? ""
                : text(
                        "expectations.cell.level",
                        locale,
                        answer.level(),
                        ExpectationItem.HIGHEST,
                        text("expectations." + when + ".level." + answer.level(), locale));
        if (answer.text().isEmpty()) {
            return level;
        }
        return level.isEmpty() ? "“" + answer.text() + "”" : level + " — “" + answer.text() + "”";
    }

    private String state(ExpectedNextToExperienced.Seen seen, String occasion, Locale locale) {
        String key = "expectations.state." + occasion + ".";
        return switch (seen.state()) {
            case NONE -> text(key + "none", locale);
            case SHOWN ->
                text(
                        key + "shown",
                        locale,
                        Formats.date(
                                seen.submitted()
                                        .orElseThrow()
                                        .atZone(clock.getZone())
                                        .toLocalDate(),
                                locale));
            case HELD_UNTIL ->
                text(key + "held", locale, Formats.date(seen.until().orElseThrow(), locale));
            case HELD_NEXT_MEETING -> text(key + "heldNext", locale);
            case TEAM_ONLY -> text(key + "team", locale);
        };
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
