package org.alliance.app.joint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.app.caseload.LineChart;
import org.alliance.app.coding.ObservationSummary;
import org.alliance.app.system.svg.Svg;
import org.alliance.core.joint.JointIndices;
import org.alliance.core.joint.JointScoreSheet;
import org.alliance.core.joint.Party;
import org.alliance.core.scoring.ScaleScore;
import org.springframework.context.MessageSource;

/**
 * A client's joint meetings over time, as their own professional sees them (docs/rules.md, "Joint meetings over
 * time"). Per meeting, oldest first:
 *
 * <ul>
 *   <li><b>client centrality</b>: the client's own rating of having a voice (the {@code client-voice} scale of
 *       {@code alliance-joint-client}: the four voice-* items, mean of at least 3) and, where the meeting was
 *       coded, the client's observed share of the turns and of the speaking time ({@link ObservationSummary});
 *       a meeting without coding is "not coded", never 0;
 *   <li><b>trends</b>: the client's bond with each professional of the client's joint meetings, and the
 *       split-alliance index.
 * </ul>
 *
 * Every client figure comes from {@link JointResults} for this viewer, so exactly the release and consent rules
 * of the results page apply: what the viewer may not see is "–" here too.
 *
 * @param professionals the professionals of all the meetings, in order of first appearance (bond columns)
 * @param participationChart empty when no meeting was coded
 */
record JointTrends(
        List<MeetingRow> meetings,
        List<String> professionals,
        Svg voiceChart,
        Optional<Svg> participationChart,
        Svg bondChart,
        Svg splitChart,
        int thresholdPercent) {

    /**
     * One joint meeting's row.
     *
     * @param voice the client's voice score (1–5), "–" when not shown or not answered
     * @param coded whether the meeting was coded (observation); when false the shares read "not coded"
     * @param bonds per professional in {@link #professionals} order: the client's bond score, "–" when missing
     *     or not shown, empty text when the professional was not in this meeting
     * @param split the split-alliance index in % of the scale range, "–" when there is none
     */
    record MeetingRow(
            long jointId,
            LocalDate date,
            String voice,
            boolean coded,
            String turnShare,
            String timeShare,
            List<String> bonds,
            String split) {}

    /** What one meeting contributes: its header, parties, the results as this viewer sees them, its coding. */
    record MeetingInput(
            JointMeetings.Header header,
            List<JointMeetings.StoredParty> parties,
            JointResults results,
            Optional<ObservationSummary> observed) {}

    static JointTrends build(List<MeetingInput> inputs, double threshold, MessageSource messages, Locale locale) {
        Map<Long, String> professionals = new LinkedHashMap<>();
        for (MeetingInput input : inputs) {
            for (JointMeetings.StoredParty party : input.parties()) {
                if (party.kind() == Party.Kind.PROFESSIONAL) {
                    professionals.putIfAbsent(party.userId().orElseThrow(), party.label());
                }
            }
        }
        List<String> dates = new ArrayList<>();
        List<OptionalDouble> voices = new ArrayList<>();
        List<OptionalDouble> turnShares = new ArrayList<>();
        List<OptionalDouble> timeShares = new ArrayList<>();
        List<OptionalDouble> splits = new ArrayList<>();
        List<OptionalDouble> thresholds = new ArrayList<>();
        Map<Long, List<OptionalDouble>> bonds = new LinkedHashMap<>();
        professionals.keySet().forEach(id -> bonds.put(id, new ArrayList<>()));
        List<MeetingRow> rows = new ArrayList<>();
        boolean anyCoded = false;
        for (MeetingInput input : inputs) {
            dates.add(org.alliance.app.system.Formats.date(input.header().date(), locale));
            Optional<JointScoreSheet> sheet = input.results().sheet();
            OptionalDouble voice = sheet.flatMap(s -> s.teamScale(JointResults.VOICE_SCALE))
                    .map(ScaleScore::score)
                    .orElse(OptionalDouble.empty());
            voices.add(voice);
            Optional<ObservationSummary> coded = input.observed().filter(summary -> !summary.empty());
            anyCoded |= coded.isPresent();
            // A coded meeting in which the client has no event: the client took no turn, an observed 0 %.
            OptionalDouble turns = coded.map(s -> OptionalDouble.of(share(s.clientTurnShare())))
                    .orElse(OptionalDouble.empty());
            OptionalDouble time = coded.map(s -> OptionalDouble.of(share(s.clientTimeShare())))
                    .orElse(OptionalDouble.empty());
            turnShares.add(turns);
            timeShares.add(time);
            OptionalDouble split = input.results()
                    .split()
                    .map(index -> OptionalDouble.of(index.value().rangeIndex() * 100))
                    .orElse(OptionalDouble.empty());
            splits.add(split);
            thresholds.add(OptionalDouble.of(threshold * 100));
            Map<Long, String> keys = new LinkedHashMap<>();
            input.parties().stream()
                    .filter(p -> p.kind() == Party.Kind.PROFESSIONAL)
                    .forEach(p -> keys.put(p.userId().orElseThrow(), p.key()));
            List<String> bondTexts = new ArrayList<>();
            for (long professional : professionals.keySet()) {
                String key = keys.get(professional);
                OptionalDouble bond = key == null
                        ? OptionalDouble.empty()
                        : sheet.flatMap(s -> s.scale(key, JointIndices.BOND_SCALE))
                                .map(ScaleScore::score)
                                .orElse(OptionalDouble.empty());
                bonds.get(professional).add(bond);
                bondTexts.add(key == null ? "" : JointResults.text(bond, locale));
            }
            rows.add(new MeetingRow(
                    input.header().id(),
                    input.header().date(),
                    JointResults.text(voice, locale),
                    coded.isPresent(),
                    percent(turns),
                    percent(time),
                    bondTexts,
                    percent(split)));
        }
        String voiceName = message(messages, "joint.trends.voice", locale);
        Svg voiceChart = LineChart.render(
                message(messages, "joint.trends.voice.chart", locale),
                dates,
                List.of(new LineChart.Series(voiceName, voices)),
                1,
                5);
        Optional<Svg> participationChart = anyCoded
                ? Optional.of(LineChart.render(
                        message(messages, "joint.trends.participation.chart", locale),
                        dates,
                        List.of(
                                new LineChart.Series(message(messages, "joint.trends.turnShare", locale), turnShares),
                                new LineChart.Series(message(messages, "joint.trends.timeShare", locale), timeShares)),
                        0,
                        100,
                        20))
                : Optional.empty();
        List<LineChart.Series> bondSeries = new ArrayList<>();
        professionals.forEach((id, name) -> bondSeries.add(new LineChart.Series(name, bonds.get(id))));
        Svg bondChart = LineChart.render(message(messages, "joint.trends.bond.chart", locale), dates, bondSeries, 1, 5);
        Svg splitChart = LineChart.render(
                message(messages, "joint.trends.split.chart", locale),
                dates,
                List.of(
                        new LineChart.Series(message(messages, "joint.trends.split.legend", locale), splits),
                        new LineChart.Series(message(messages, "joint.trends.threshold", locale), thresholds)),
                0,
                100,
                20);
        return new JointTrends(
                rows, List.copyOf(professionals.values()), voiceChart, participationChart, bondChart, splitChart, (int)
                        Math.round(threshold * 100));
    }

    private static double share(double share) {
        return Double.isNaN(share) ? 0 : share * 100;
    }

    /** A percentage as a whole number with the sign, "–" when there is none. */
    static String percent(OptionalDouble value) {
        return value.isPresent() ? Math.round(value.getAsDouble()) + " %" : "–";
    }

    private static String message(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
