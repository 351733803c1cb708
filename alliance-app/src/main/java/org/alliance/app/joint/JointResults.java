package org.alliance.app.joint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.alliance.app.system.Formats;
import org.alliance.app.system.Languages;
import org.alliance.app.system.svg.Svg;
import org.alliance.core.alert.ShownNumber;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.joint.BlockAudience;
import org.alliance.core.joint.BlockVisibility;
import org.alliance.core.joint.Consent;
import org.alliance.core.joint.ConsentRules;
import org.alliance.core.joint.JointIndices;
import org.alliance.core.joint.JointScoreSheet;
import org.alliance.core.joint.JointScoring;
import org.alliance.core.joint.Party;
import org.alliance.core.joint.ReleaseState;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;
import org.alliance.core.scoring.Scoring;
import org.jspecify.annotations.Nullable;

/**
 * What the results page of a joint meeting shows to one professional: the decision of {@link ConsentRules}
 * (whether this viewer sees the client's individual result, and why), the client's bond score per professional
 * beside each professional's own, the team scales, the split-alliance index with the organisation's alert, and
 * the alliance map. When the viewer may not see the client's result, nothing of it is in here: only the
 * professionals' own scores.
 *
 * <p>The client chooses the release per professional block (see {@link #release}): a viewer sees the result
 * only once the block about them is released to them. Which blocks of the result the viewer then sees, and whether
 * the split-alliance index is shown, is {@link BlockVisibility}'s rule: a block only once it is released and only
 * by the professional it is about unless the client chose every professional of the meeting; the index only when
 * the viewer sees every answered block. The team questions are shown once the check-in's own choice released them.
 *
 * @param decision empty while the client has not answered
 * @param sheet the scores of what the viewer sees: the shown blocks and, when released, the team scales; empty
 *     when the viewer sees nothing of the client's answers
 * @param withheld true when the viewer sees the result but the client held back at least one block (or the team
 *     questions) for now or for team figures only
 * @param keptForOthers true when the client chose that at least one answered block is seen only by the
 *     professional it is about, not by this viewer ({@link BlockVisibility})
 * @param partiality per professional, the partiality balance index over the network members' released
 *     partiality check-ins (empty when no network member answered)
 */
record JointResults(
        Optional<ConsentRules.Decision> decision,
        List<ProfessionalRow> professionals,
        List<TeamRow> team,
        Optional<JointIndices.Index> split,
        Optional<JointIndices.Alert> alert,
        List<PartialityRow> partiality,
        @Nullable Svg mapSvg,
        Optional<JointScoreSheet> sheet,
        boolean withheld,
        boolean keptForOthers) {

    static final String CLIENT_INSTRUMENT = "alliance-joint-client";
    static final String PROFESSIONAL_INSTRUMENT = "alliance-joint-professional";
    static final String PARTIALITY_INSTRUMENT = "alliance-partiality";
    static final String TEAM_SCALE = "team-alliance";
    /** The client's voice: the team items about having a say (voice-*), scored once per meeting. */
    static final String VOICE_SCALE = "client-voice";

    /** One professional's line: the client's score (if shown), their own, and the difference (own − client). */
    record ProfessionalRow(
            String name, String organisation, String clientScore, String ownScore, String difference, String team) {}

    /**
     * One professional's partiality balance: how unevenly the network members rated their eye for everyone, and
     * the mean of their ratings (1–5, the scale the professional's self-check uses).
     *
     * @param key the professional's party key in the meeting
     */
    record PartialityRow(String name, String index, int parties, String key, OptionalDouble mean) {

        /** The network members' mean, "–" when none rated the professional. */
        String meanText(Locale locale) {
            return text(mean, locale);
        }
    }

    /** One scale asked once: the client's score. */
    record TeamRow(String scale, String clientScore) {}

    /** True when the viewer sees the client's individual result. */
    boolean visible() {
        return decision.map(ConsentRules.Decision::allowed).orElse(false);
    }

    /** The split-alliance index as a percentage of the scale range, "–" when there is none. */
    String splitPercent() {
        return split.map(i -> String.valueOf(Math.round(i.value().rangeIndex() * 100)))
                .orElse("–");
    }

    static JointResults build(
            JointMeetings.Header header,
            List<JointMeetings.StoredParty> parties,
            List<JointMeetings.StoredJointCheckIn> checkIns,
            List<Consent> consents,
            ConsentRules.Viewer viewer,
            InstrumentCatalog catalog,
            double threshold,
            Instant now,
            Locale locale,
            @Nullable String mapLabel,
            String ownLabel) {
        Language language = Languages.of(locale);
        Instrument clientInstrument = catalog.find(CLIENT_INSTRUMENT).orElseThrow();
        Instrument professionalInstrument =
                catalog.find(PROFESSIONAL_INSTRUMENT).orElseThrow();
        List<JointMeetings.StoredParty> professionals = parties.stream()
                .filter(p -> p.kind() == Party.Kind.PROFESSIONAL)
                .toList();
        Optional<JointMeetings.StoredJointCheckIn> clientCheckIn = checkIns.stream()
                .filter(c -> c.instrumentId().equals(CLIENT_INSTRUMENT)
                        && c.raterId().isEmpty()
                        && c.jointPartyId().isEmpty())
                // The list is ordered by submission time, then id: the last one is the latest, also when two were
                // submitted in the same millisecond.
                .reduce((earlier, later) -> later);
        Optional<ConsentRules.Decision> decision = clientCheckIn.map(checkIn -> ConsentRules.canSee(
                viewer,
                new ConsentRules.SharedResult(
                        String.valueOf(header.clientId()),
                        String.valueOf(header.id()),
                        String.valueOf(header.clientOrganisationId()),
                        professionals.stream()
                                .map(JointMeetings.StoredParty::key)
                                .collect(Collectors.toSet())),
                consents,
                release(checkIn),
                now));
        boolean visible = decision.map(ConsentRules.Decision::allowed).orElse(false);
        Optional<JointScoreSheet> sheet = Optional.empty();
        Optional<BlockVisibility.View> view = Optional.empty();
        boolean teamWithheld = false;
        if (visible) {
            JointMeetings.StoredJointCheckIn answered = clientCheckIn.get();
            BlockVisibility.View seen =
                    BlockVisibility.of(viewer.professionalId(), blocks(answered, professionals), now);
            view = Optional.of(seen);
            Map<String, Map<String, Double>> blocks = new LinkedHashMap<>();
            for (JointMeetings.StoredParty professional : professionals) {
                long id = professional.userId().orElseThrow();
                blocks.put(
                        professional.key(),
                        seen.sees(String.valueOf(id))
                                ? answered.perProfessional().getOrDefault(id, Map.of())
                                : Map.of());
            }
            boolean teamShown = released(answered.releasedAt(), now);
            teamWithheld = !teamShown && !answered.answers().isEmpty();
            sheet = Optional.of(
                    JointScoring.score(clientInstrument, blocks, teamShown ? answered.answers() : Map.of()));
        }
        Map<String, ScoreSheet> own = new LinkedHashMap<>();
        for (JointMeetings.StoredJointCheckIn checkIn : checkIns) {
            if (checkIn.instrumentId().equals(PROFESSIONAL_INSTRUMENT)
                    && checkIn.raterId().isPresent()) {
                // Later ratings replace earlier ones (the list is oldest first).
                own.put(
                        String.valueOf(checkIn.raterId().get()),
                        Scoring.score(professionalInstrument, checkIn.answers()));
            }
        }
        List<ProfessionalRow> rows = new ArrayList<>();
        List<AllianceMap.Node> nodes = new ArrayList<>();
        for (JointMeetings.StoredParty professional : professionals) {
            String key = professional.key();
            OptionalDouble clientScore = sheet.flatMap(s -> s.scale(key, JointIndices.BOND_SCALE))
                    .map(ScaleScore::score)
                    .orElse(OptionalDouble.empty());
            OptionalDouble ownScore = score(own.get(key), JointIndices.BOND_SCALE);
            OptionalDouble teamScore = score(own.get(key), TEAM_SCALE);
            String difference = clientScore.isPresent() && ownScore.isPresent()
                    ? signed(ownScore.getAsDouble() - clientScore.getAsDouble(), locale)
                    : "–";
            rows.add(new ProfessionalRow(
                    professional.label(),
                    professional.organisationName(),
                    text(clientScore, locale),
                    text(ownScore, locale),
                    difference,
                    text(teamScore, locale)));
            nodes.add(new AllianceMap.Node(professional.label(), clientScore, ownScore, teamScore));
        }
        List<TeamRow> team = new ArrayList<>();
        if (sheet.isPresent()) {
            for (ScaleScore score : sheet.get().team()) {
                String name = clientInstrument
                        .findScale(score.scale())
                        .map(s -> s.name().get(language))
                        .orElse(score.scale());
                team.add(new TeamRow(name, text(score.score(), locale)));
            }
        }
        boolean indexShown = view.map(BlockVisibility.View::splitIndexShown).orElse(false);
        Optional<JointIndices.Index> split = sheet.filter(s -> indexShown)
                .flatMap(s -> JointIndices.splitAlliance(JointMeetings.CLIENT_PARTY, clientInstrument, s));
        Optional<JointIndices.Alert> alert = JointIndices.alert(split, threshold);
        // The trends page builds results for every meeting of the client and shows no map: it passes no label.
        Svg map = mapLabel == null
                ? null
                : AllianceMap.render(mapLabel, header.clientAlias(), ownLabel, nodes, 1, 5, locale);
        return new JointResults(
                decision,
                rows,
                team,
                split,
                alert,
                partiality(professionals, checkIns, catalog),
                map,
                sheet,
                view.map(v -> !v.heldBack().isEmpty()).orElse(false) || teamWithheld,
                view.map(v -> !v.notForViewer().isEmpty()).orElse(false));
    }

    /**
     * The client's blocks as {@link BlockVisibility} takes them: per professional, whether it was answered, when it
     * was released (by the block's own choice when the client made one, else by the check-in's, for check-ins from
     * before per-block choices) and who may see it (only the professional concerned unless the client chose all).
     */
    static List<BlockVisibility.Block> blocks(
            JointMeetings.StoredJointCheckIn checkIn, List<JointMeetings.StoredParty> professionals) {
        List<BlockVisibility.Block> blocks = new ArrayList<>();
        for (JointMeetings.StoredParty professional : professionals) {
            long id = professional.userId().orElseThrow();
            JointMeetings.BlockRelease block = checkIn.blockReleases().get(id);
            blocks.add(new BlockVisibility.Block(
                    String.valueOf(id),
                    !checkIn.perProfessional().getOrDefault(id, Map.of()).isEmpty(),
                    block == null ? checkIn.releasedAt() : block.releasedAt(),
                    block == null ? BlockAudience.CONCERNED : block.audience()));
        }
        return blocks;
    }

    private static boolean released(Optional<Instant> releasedAt, Instant now) {
        return releasedAt.filter(at -> !at.isAfter(now)).isPresent();
    }

    /**
     * The partiality balance index of each professional from the network members' partiality check-ins, those
     * released to the professionals (the network member's own release choice applies, as the client's does).
     */
    static List<PartialityRow> partiality(
            List<JointMeetings.StoredParty> professionals,
            List<JointMeetings.StoredJointCheckIn> checkIns,
            InstrumentCatalog catalog) {
        Instrument instrument = catalog.find(PARTIALITY_INSTRUMENT).orElseThrow();
        Map<String, JointScoreSheet> sheets = new LinkedHashMap<>();
        for (JointMeetings.StoredJointCheckIn checkIn : checkIns) {
            if (!checkIn.instrumentId().equals(PARTIALITY_INSTRUMENT)
                    || checkIn.jointPartyId().isEmpty()
                    || checkIn.releasedAt().isEmpty()) {
                continue;
            }
            Map<String, Map<String, Double>> blocks = new LinkedHashMap<>();
            for (JointMeetings.StoredParty professional : professionals) {
                blocks.put(
                        professional.key(),
                        checkIn.perProfessional()
                                .getOrDefault(professional.userId().orElseThrow(), Map.of()));
            }
            sheets.put("n" + checkIn.jointPartyId().get(), JointScoring.score(instrument, blocks, Map.of()));
        }
        if (sheets.isEmpty()) {
            return List.of();
        }
        List<PartialityRow> rows = new ArrayList<>();
        for (JointMeetings.StoredParty professional : professionals) {
            Optional<JointIndices.Index> index = JointIndices.partialityBalance(professional.key(), instrument, sheets);
            OptionalDouble mean = sheets.values().stream()
                    .flatMap(sheet -> sheet.scale(professional.key(), JointIndices.PARTIALITY_SCALE).stream())
                    .map(ScaleScore::score)
                    .filter(OptionalDouble::isPresent)
                    .mapToDouble(OptionalDouble::getAsDouble)
                    .average();
            rows.add(new PartialityRow(
                    professional.label(),
                    index.map(i -> String.valueOf(Math.round(i.value().rangeIndex() * 100)))
                            .orElse("–"),
                    index.map(i -> i.scores().size()).orElse(0),
                    professional.key(),
                    mean));
        }
        return rows;
    }

    /**
     * The client's release choices for this check-in as {@link ConsentRules} takes them: the check-in's choice,
     * and per professional the choice for the block about them (which decides when that professional sees the
     * result). "Next meeting" counts from when the answers were released, which happens for all such choices at
     * once, when the next meeting is opened.
     */
    static ReleaseState release(JointMeetings.StoredJointCheckIn checkIn) {
        Map<String, ReleaseChoice> perParty = new LinkedHashMap<>();
        Optional<Instant> nextMeeting =
                checkIn.release() == ReleaseChoice.NEXT_MEETING ? checkIn.releasedAt() : Optional.empty();
        for (Map.Entry<Long, JointMeetings.BlockRelease> block :
                checkIn.blockReleases().entrySet()) {
            perParty.put(String.valueOf(block.getKey()), block.getValue().choice());
            if (block.getValue().choice() == ReleaseChoice.NEXT_MEETING
                    && block.getValue().releasedAt().isPresent()
                    && (nextMeeting.isEmpty()
                            || block.getValue().releasedAt().get().isBefore(nextMeeting.get()))) {
                nextMeeting = block.getValue().releasedAt();
            }
        }
        return new ReleaseState(checkIn.release(), perParty, nextMeeting);
    }

    private static OptionalDouble score(ScoreSheet sheet, String scale) {
        if (sheet == null) {
            return OptionalDouble.empty();
        }
        return sheet.scale(scale).map(ScaleScore::score).orElse(OptionalDouble.empty());
    }

    /** A score as every page shows it (two decimals at most, the language's decimal mark), "–" when none. */
    static String text(OptionalDouble score, Locale locale) {
        return score.isPresent() ? Formats.score(score.getAsDouble(), locale) : "–";
    }

    /** A difference with its sign: "+0,75", "-0,5", "0". */
    private static String signed(double value, Locale locale) {
        String formatted = Formats.score(value, locale);
        return ShownNumber.round(value) > 0 ? "+" + formatted : formatted;
    }

    /** The ids of the professionals of another organisation than the client's. */
    static Set<Long> otherOrganisation(JointMeetings.Header header, List<JointMeetings.StoredParty> parties) {
        return parties.stream()
                .filter(p -> p.kind() == Party.Kind.PROFESSIONAL
                        && p.organisationId().orElseThrow() != header.clientOrganisationId())
                .map(p -> p.userId().orElseThrow())
                .collect(Collectors.toSet());
    }
}
