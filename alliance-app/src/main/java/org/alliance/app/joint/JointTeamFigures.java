package org.alliance.app.joint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.joint.JointIndices;
import org.alliance.core.joint.JointScoreSheet;
import org.alliance.core.joint.JointScoring;
import org.alliance.core.joint.MeetingDecision;
import org.alliance.core.joint.Party;
import org.alliance.core.release.TeamFigureRule;
import org.alliance.core.scoring.ScaleScore;
import org.springframework.stereotype.Component;

/**
 * The team lead's figures over the team's joint meetings (docs/rules.md, "Team figures of joint meetings"): the
 * mean client voice rating, the mean split-alliance index, the share of meetings whose index reached the
 * organisation's threshold, and the share of decisions the client agreed to. Aggregated over meetings, never per
 * professional, no ranking; each figure only when the meetings it rests on belong to at least {@value TeamFigureRule#MIN_CLIENTS} ({@link TeamFigureRule})
 * different clients. As for every team figure, all client answers count, also those released only for team
 * figures.
 */
@Component
public class JointTeamFigures {

    /** The fewest distinct clients a team figure may rest on. */
    private final JointMeetings meetings;

    private final InstrumentCatalog catalog;

    JointTeamFigures(JointMeetings meetings, InstrumentCatalog catalog) {
        this.meetings = meetings;
        this.catalog = catalog;
    }

    /**
     * One team figure.
     *
     * @param value formatted, empty when not shown
     * @param meetings how many joint meetings it rests on
     * @param clients how many distinct clients those meetings belong to
     * @param shown false when {@code clients} is below {@link TeamFigureRule#MIN_CLIENTS}
     */
    public record Figure(String value, int meetings, int clients, boolean shown) {}

    /**
     * The team's joint figures.
     *
     * @param meetings the team's joint meetings
     * @param clients distinct clients with a joint meeting
     * @param thresholdPercent the organisation's split-alliance threshold
     */
    public record Figures(
            int meetings,
            int clients,
            Figure voice,
            Figure split,
            Figure splitAtThreshold,
            Figure decisionsAgreed,
            int thresholdPercent) {

        /** The figures in the page's order, each with the name its label is found under. */
        public List<Row> rows() {
            return List.of(
                    new Row("voice", voice),
                    new Row("split", split),
                    new Row("splitAtThreshold", splitAtThreshold),
                    new Row("decisionsAgreed", decisionsAgreed));
        }
    }

    /** A figure with the name of its label. */
    public record Row(String name, Figure figure) {}

    /**
     * What one joint meeting adds to the team figures.
     *
     * @param voice the client's voice score, if the client answered enough voice items
     * @param split the split-alliance index (share of the scale range), if there is one
     * @param alert whether that index reached the threshold
     * @param decisions the decisions recorded
     * @param agreed of these, the decisions the client agreed to (fully)
     */
    record MeetingFacts(
            long clientId, OptionalDouble voice, OptionalDouble split, boolean alert, int decisions, int agreed) {}

    /** The figures of a team's joint meetings (the clients of the team), with the organisation's threshold. */
    public Figures of(long teamId, long organisationId, Locale locale) {
        double threshold = meetings.splitThreshold(organisationId);
        Instrument instrument = catalog.find(JointResults.CLIENT_INSTRUMENT).orElseThrow();
        List<MeetingFacts> facts = new ArrayList<>();
        for (JointMeetings.Header header : meetings.meetingsOfTeam(teamId)) {
            List<JointMeetings.StoredParty> professionals = meetings.parties(header.id()).stream()
                    .filter(p -> p.kind() == Party.Kind.PROFESSIONAL)
                    .toList();
            Optional<JointMeetings.StoredJointCheckIn> answered = meetings.checkIns(header.meetingId()).stream()
                    .filter(c -> c.instrumentId().equals(JointResults.CLIENT_INSTRUMENT)
                            && c.raterId().isEmpty()
                            && c.jointPartyId().isEmpty())
                    // The list is ordered by submission time, then id: the last one is the latest, also when two were
                    // submitted in the same millisecond.
                    .reduce((earlier, later) -> later);
            OptionalDouble voice = OptionalDouble.empty();
            Optional<JointIndices.Index> split = Optional.empty();
            if (answered.isPresent()) {
                Map<String, Map<String, Double>> blocks = new LinkedHashMap<>();
                for (JointMeetings.StoredParty professional : professionals) {
                    blocks.put(
                            professional.key(),
                            answered.get()
                                    .perProfessional()
                                    .getOrDefault(professional.userId().orElseThrow(), Map.of()));
                }
                JointScoreSheet sheet =
                        JointScoring.score(instrument, blocks, answered.get().answers());
                voice = sheet.teamScale(JointResults.VOICE_SCALE)
                        .map(ScaleScore::score)
                        .orElse(OptionalDouble.empty());
                split = JointIndices.splitAlliance(JointMeetings.CLIENT_PARTY, instrument, sheet);
            }
            List<JointMeetings.StoredDecision> decisions = meetings.decisions(header.id());
            facts.add(new MeetingFacts(
                    header.clientId(),
                    voice,
                    split.map(i -> OptionalDouble.of(i.value().rangeIndex())).orElse(OptionalDouble.empty()),
                    JointIndices.alert(split, threshold).isPresent(),
                    decisions.size(),
                    (int) decisions.stream()
                            .filter(d -> d.agreement() == MeetingDecision.ClientAgreement.YES)
                            .count()));
        }
        return aggregate(facts, threshold, locale);
    }

    /** The aggregation itself, on facts already gathered. */
    static Figures aggregate(List<MeetingFacts> facts, double threshold, Locale locale) {
        Set<Long> clients = new HashSet<>();
        facts.forEach(f -> clients.add(f.clientId()));
        List<MeetingFacts> withVoice =
                facts.stream().filter(f -> f.voice().isPresent()).toList();
        List<MeetingFacts> withSplit =
                facts.stream().filter(f -> f.split().isPresent()).toList();
        List<MeetingFacts> withDecisions =
                facts.stream().filter(f -> f.decisions() > 0).toList();
        double voiceMean = withVoice.stream()
                .mapToDouble(f -> f.voice().getAsDouble())
                .average()
                .orElse(Double.NaN);
        double splitMean = withSplit.stream()
                .mapToDouble(f -> f.split().getAsDouble())
                .average()
                .orElse(Double.NaN);
        long atThreshold = withSplit.stream().filter(MeetingFacts::alert).count();
        int decisions = withDecisions.stream().mapToInt(MeetingFacts::decisions).sum();
        int agreed = withDecisions.stream().mapToInt(MeetingFacts::agreed).sum();
        return new Figures(
                facts.size(),
                clients.size(),
                figure(withVoice, withVoice.isEmpty() ? "" : org.alliance.app.system.Formats.score(voiceMean, locale)),
                figure(withSplit, percent(splitMean)),
                figure(withSplit, withSplit.isEmpty() ? "" : percent((double) atThreshold / withSplit.size())),
                figure(withDecisions, decisions == 0 ? "" : percent((double) agreed / decisions)),
                (int) Math.round(threshold * 100));
    }

    private static Figure figure(List<MeetingFacts> basis, String value) {
        int clients = (int)
                basis.stream().mapToLong(MeetingFacts::clientId).distinct().count();
        boolean shown = TeamFigureRule.mayShow(clients);
        return new Figure(shown ? value : "", basis.size(), clients, shown);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }
}
