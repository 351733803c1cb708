package org.alliance.app.caseload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.alliance.app.checkin.StoredCheckIn;
import org.alliance.app.conversation.ConversationPrompts;
import org.alliance.app.system.Formats;
import org.alliance.app.system.svg.Svg;
import org.alliance.core.alert.Alert;
import org.alliance.core.alert.AlertThresholds;
import org.alliance.core.alert.ScaleRange;
import org.alliance.core.alert.ShownNumber;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Scale;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;
import org.alliance.core.scoring.Scoring;
import org.springframework.context.MessageSource;

/**
 * What the professional's client page shows, computed from the check-ins the professional may see: scores per
 * scale over time (chart and table), the professional's rating beside the client's with the gap, and alerts with
 * the rule in words.
 *
 * @param signals the kinds of the alerts (low, drop, gap), each once, for the conversation prompts beside them
 */
record ClientReport(
        List<InstrumentTrend> trends,
        Optional<Comparison> comparison,
        List<String> alerts,
        List<ConversationPrompts.Signal> signals) {

    /** The scores of one instrument over the meetings, as an SVG chart and as table rows. */
    record InstrumentTrend(String title, Svg chartSvg, List<String> scaleNames, List<TrendRow> rows) {}

    /** One meeting's scores, formatted; "–" for a missing score. */
    record TrendRow(LocalDate date, String dateText, List<String> scores) {}

    /** The client's and the professional's view of the same meeting. */
    record Comparison(LocalDate date, String dateText, List<GapRow> scales, List<GapRow> items) {}

    /** One scale or item: client, professional, difference (professional minus client). */
    record GapRow(String label, String client, String professional, String difference, boolean professionalHigher) {}

    /**
     * @param band the organisation's expected band at this client's meetings (drawn with the client questionnaire)
     */
    static ClientReport build(
            List<StoredCheckIn> visible,
            InstrumentCatalog catalog,
            AlertThresholds thresholds,
            Optional<LineChart.Band> band,
            MessageSource messages,
            Locale locale) {
        Language language = Language.fromCode(locale.getLanguage()).orElse(Language.NL);
        ClientSignals signals = ClientSignals.of(visible, catalog, thresholds);
        List<InstrumentTrend> trends = signals.perInstrument().stream()
                .map(scores -> trend(scores, ownTotals(visible, catalog), band, language, messages, locale))
                .toList();
        List<String> alerts = signals.alerts().stream()
                .map(raised -> describe(raised.alert(), raised.instrument(), language, messages, locale, thresholds))
                .toList();
        Map<Long, ScoreSheet> professionalByMeeting = signals.professionalByMeeting();
        List<ConversationPrompts.Signal> signalKinds = signals.alerts().stream()
                .map(raised -> signal(raised.alert()))
                .distinct()
                .sorted()
                .toList();
        return new ClientReport(
                trends, comparison(visible, catalog, professionalByMeeting, language, locale), alerts, signalKinds);
    }

    /** The conversation prompts' name for an alert's kind. */
    static ConversationPrompts.Signal signal(Alert alert) {
        if (alert instanceof Alert.BelowCutOff) {
            return ConversationPrompts.Signal.LOW;
        }
        return alert instanceof Alert.Drop ? ConversationPrompts.Signal.DROP : ConversationPrompts.Signal.GAP;
    }

    /** The professional's own total per meeting date, oldest first. */
    private static List<LineChart.Point> ownTotals(List<StoredCheckIn> visible, InstrumentCatalog catalog) {
        Optional<Instrument> own = catalog.find(ClientSignals.PROFESSIONAL_QUESTIONNAIRE);
        if (own.isEmpty()) {
            return List.of();
        }
        List<LineChart.Point> points = new ArrayList<>();
        for (StoredCheckIn checkIn : visible) {
            if (checkIn.instrumentId().equals(own.get().id())) {
                score(Scoring.score(own.get(), checkIn.answers()), "total")
                        .ifPresent(total -> points.add(new LineChart.Point(checkIn.meetingDate(), total)));
            }
        }
        return points;
    }

    /**
     * One questionnaire's scores over time: a chart by date and a table with the same numbers. For the client
     * questionnaire the chart and the table also hold the professional's own total and the expected band.
     */
    private static InstrumentTrend trend(
            ClientSignals.InstrumentScores scores,
            List<LineChart.Point> ownTotals,
            Optional<LineChart.Band> band,
            Language language,
            MessageSource messages,
            Locale locale) {
        Instrument instrument = scores.instrument();
        boolean main = instrument.id().equals(ClientSignals.CLIENT_QUESTIONNAIRE);
        List<LineChart.Point> own = main ? ownTotals : List.of();
        Optional<LineChart.Band> expected = main ? band.filter(b -> !b.points().isEmpty()) : Optional.empty();
        List<String> names = new ArrayList<>(
                instrument.scales().stream().map(s -> s.name().get(language)).toList());
        String ownName = messages.getMessage(
                "client.chart.own",
                new Object[] {
                    instrument
                            .findScale("total")
                            .map(t -> t.name().get(language))
                            .orElse("")
                },
                locale);
        List<LineChart.DatedSeries> series = new ArrayList<>();
        for (Scale scale : instrument.scales()) {
            List<LineChart.Point> points = new ArrayList<>();
            for (int i = 0; i < scores.checkIns().size(); i++) {
                LocalDate date = scores.checkIns().get(i).meetingDate();
                score(scores.sheets().get(i), scale.id()).ifPresent(v -> points.add(new LineChart.Point(date, v)));
            }
            series.add(new LineChart.DatedSeries(scale.name().get(language), points));
        }
        if (!own.isEmpty()) {
            series.add(new LineChart.DatedSeries(ownName, own));
            names.add(ownName);
        }
        expected.ifPresent(b -> names.add(messages.getMessage("client.chart.bandColumn", null, locale)));
        ScaleRange range = ScaleRange.of(instrument, instrument.scales().get(0));
        String title = instrument.title().get(language);
        Svg svg = LineChart.renderByDate(
                messages.getMessage("client.chart.label", new Object[] {title}, locale),
                series,
                expected,
                range.min(),
                range.max(),
                date -> Formats.date(date, locale));
        // One row per date that has a client score, an own score or a band: the same numbers as the chart.
        TreeMap<LocalDate, List<String>> byDate = new TreeMap<>();
        int columns = names.size();
        java.util.function.Function<LocalDate, List<String>> row = date -> byDate.computeIfAbsent(date, d -> {
            List<String> empty = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                empty.add("–");
            }
            return empty;
        });
        for (int i = 0; i < scores.checkIns().size(); i++) {
            List<String> cells = row.apply(scores.checkIns().get(i).meetingDate());
            ScoreSheet sheet = scores.sheets().get(i);
            for (int c = 0; c < instrument.scales().size(); c++) {
                cells.set(c, format(score(sheet, instrument.scales().get(c).id()), locale));
            }
        }
        int ownColumn = instrument.scales().size();
        for (LineChart.Point point : own) {
            row.apply(point.date()).set(ownColumn, number(point.value(), locale));
        }
        expected.ifPresent(b -> {
            for (LineChart.BandPoint point : b.points()) {
                row.apply(point.date())
                        .set(columns - 1, number(point.low(), locale) + "–" + number(point.high(), locale));
            }
        });
        List<TrendRow> rows = new ArrayList<>();
        byDate.forEach((date, cells) -> rows.add(new TrendRow(date, Formats.date(date, locale), List.copyOf(cells))));
        return new InstrumentTrend(title, svg, names, rows);
    }

    /** The latest meeting where both the client (alliance-client) and the professional answered. */
    private static Optional<Comparison> comparison(
            List<StoredCheckIn> visible,
            InstrumentCatalog catalog,
            Map<Long, ScoreSheet> professionalByMeeting,
            Language language,
            Locale locale) {
        Optional<Instrument> clientInstrument = catalog.find(ClientSignals.CLIENT_QUESTIONNAIRE);
        if (clientInstrument.isEmpty()) {
            return Optional.empty();
        }
        Instrument instrument = clientInstrument.get();
        for (int i = visible.size() - 1; i >= 0; i--) {
            StoredCheckIn checkIn = visible.get(i);
            ScoreSheet professional = professionalByMeeting.get(checkIn.meetingId());
            if (!checkIn.instrumentId().equals(ClientSignals.CLIENT_QUESTIONNAIRE) || professional == null) {
                continue;
            }
            ScoreSheet client = Scoring.score(instrument, checkIn.answers());
            List<GapRow> scales = new ArrayList<>();
            for (Scale scale : instrument.scales()) {
                scales.add(gap(
                        scale.name().get(language),
                        score(client, scale.id()),
                        score(professional, scale.id()),
                        locale));
            }
            List<GapRow> items = new ArrayList<>();
            for (Item item : instrument.items()) {
                items.add(gap(
                        item.text().get(language),
                        optional(client.recodedItems().get(item.id())),
                        optional(professional.recodedItems().get(item.id())),
                        locale));
            }
            return Optional.of(
                    new Comparison(checkIn.meetingDate(), Formats.date(checkIn.meetingDate(), locale), scales, items));
        }
        return Optional.empty();
    }

    /** The difference of the two numbers as shown, so it is the difference the gap rule judged. */
    private static GapRow gap(String label, OptionalDouble client, OptionalDouble professional, Locale locale) {
        boolean both = client.isPresent() && professional.isPresent();
        double difference =
                both ? ShownNumber.round(professional.getAsDouble()) - ShownNumber.round(client.getAsDouble()) : 0;
        return new GapRow(
                label,
                format(client, locale),
                format(professional, locale),
                both ? signed(difference, locale) : "–",
                both && difference > 0);
    }

    static String describe(
            Alert alert,
            Instrument instrument,
            Language language,
            MessageSource messages,
            Locale locale,
            AlertThresholds thresholds) {
        String scale = instrument
                .findScale(alert.scale())
                .map(s -> s.name().get(language))
                .orElse(alert.scale());
        if (alert instanceof Alert.BelowCutOff low) {
            return messages.getMessage(
                    "alert.low",
                    new Object[] {
                        scale,
                        number(low.score(), locale),
                        low.cutOff().comparison().symbol() + " "
                                + number(low.cutOff().value(), locale),
                        low.cutOff().meaning().get(language)
                    },
                    locale);
        }
        if (alert instanceof Alert.Drop drop) {
            return messages.getMessage(
                    "alert.drop",
                    new Object[] {
                        scale,
                        number(drop.previous(), locale),
                        number(drop.current(), locale),
                        number(drop.threshold(), locale),
                        thresholds.dropPercent()
                    },
                    locale);
        }
        Alert.Gap gap = (Alert.Gap) alert;
        return messages.getMessage(
                "alert.gap",
                new Object[] {
                    scale,
                    number(gap.professional(), locale),
                    number(gap.client(), locale),
                    number(gap.threshold(), locale),
                    thresholds.gapPercent()
                },
                locale);
    }

    private static OptionalDouble score(ScoreSheet sheet, String scaleId) {
        return sheet.scale(scaleId).map(ScaleScore::score).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    static String format(OptionalDouble value, Locale locale) {
        return value.isPresent() ? number(value.getAsDouble(), locale) : "–";
    }

    /** A score as shown: rounded to two decimals, as the alert rules see it ({@link ShownNumber}). */
    static String number(double value, Locale locale) {
        return Formats.score(value, locale);
    }

    private static String signed(double value, Locale locale) {
        return (value > 0 ? "+" : "") + number(value, locale);
    }
}
