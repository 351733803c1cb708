package org.alliance.app.coding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.observation.ObservationEvent;
import org.alliance.stats.agreement.CohensKappa;
import org.alliance.stats.agreement.EventAlignmentKappa;
import org.alliance.stats.agreement.TimeUnitKappa;
import org.jspecify.annotations.Nullable;

/**
 * Agreement of two coders of one meeting, compared by code (as {@code observe agreement --by code}): Cohen's κ
 * pairing the i-th events (only when both coded as many events), time-unit κ over units of {@link #UNIT_MS}
 * (a unit takes the state covering its midpoint, else a point inside it, else "none"), and event-alignment κ
 * (Needleman–Wunsch, mismatch 1, gap 1, no onset tolerance) with its confusion table and the aligned pairs that
 * disagree — the places a settled version has to choose.
 *
 * @param codes category names of the tables; the alignment table adds "nil" (a gap), the time-unit one "none"
 * @param cohen empty when the coders coded different numbers of events
 * @param timeUnit empty when the events span no time
 * @param pairs every aligned pair in sequence order (agreements included)
 */
public record CoderAgreement(
        List<String> codes,
        Optional<CohensKappa.Result> cohen,
        Optional<TimeUnitKappa.Result> timeUnit,
        EventAlignmentKappa.Result alignment,
        List<Pair> pairs) {

    /** The time unit of the time-unit κ; it is both step and tolerance. */
    public static final long UNIT_MS = 1000;

    /** Two aligned events; one may be missing (a gap). */
    public record Pair(int index, @Nullable CodedEvent first, @Nullable CodedEvent second, boolean agree) {}

    static final Comparator<CodedEvent> ORDER = Comparator.comparingLong(CodedEvent::startMs)
            .thenComparingLong(e -> e.endMs() == null ? e.startMs() : e.endMs())
            .thenComparing(CodedEvent::actor)
            .thenComparing(CodedEvent::modality)
            .thenComparing(CodedEvent::code);

    /** Compares two codings; at least one of them must hold an event. */
    public static CoderAgreement of(List<CodedEvent> firstEvents, List<CodedEvent> secondEvents) {
        List<CodedEvent> a = firstEvents.stream().sorted(ORDER).toList();
        List<CodedEvent> b = secondEvents.stream().sorted(ORDER).toList();
        if (a.isEmpty() && b.isEmpty()) {
            throw new IllegalArgumentException("neither coder has coded an event");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] codesA = indices(a, index);
        int[] codesB = indices(b, index);
        int k = index.size();
        List<ObservationEvent> oa = a.stream().map(e -> e.toObservation("")).toList();
        List<ObservationEvent> ob = b.stream().map(e -> e.toObservation("")).toList();

        Optional<CohensKappa.Result> cohen =
                a.size() == b.size() ? Optional.of(CohensKappa.fit(codesA, codesB, k)) : Optional.empty();

        long start = Math.min(
                oa.stream().mapToLong(ObservationEvent::onsetMs).min().orElse(Long.MAX_VALUE),
                ob.stream().mapToLong(ObservationEvent::onsetMs).min().orElse(Long.MAX_VALUE));
        long end = Math.max(
                oa.stream().mapToLong(ObservationEvent::offsetMs).max().orElse(Long.MIN_VALUE),
                ob.stream().mapToLong(ObservationEvent::offsetMs).max().orElse(Long.MIN_VALUE));
        Optional<TimeUnitKappa.Result> timeUnit = end > start
                ? Optional.of(TimeUnitKappa.fit(
                        new TimeUnitKappa.Coding(codesA, onsets(oa), offsets(oa)),
                        new TimeUnitKappa.Coding(codesB, onsets(ob), offsets(ob)),
                        k,
                        start,
                        end,
                        UNIT_MS))
                : Optional.empty();

        EventAlignmentKappa.Result alignment =
                EventAlignmentKappa.fit(codesA, onsets(oa), codesB, onsets(ob), k, EventAlignmentKappa.NO_TOLERANCE);
        List<Pair> pairs = new ArrayList<>();
        for (EventAlignmentKappa.Pair p : alignment.alignment()) {
            CodedEvent first = p.first() < 0 ? null : a.get(p.first());
            CodedEvent second = p.second() < 0 ? null : b.get(p.second());
            boolean agree = first != null && second != null && first.code().equals(second.code());
            pairs.add(new Pair(pairs.size(), first, second, agree));
        }
        return new CoderAgreement(List.copyOf(index.keySet()), cohen, timeUnit, alignment, pairs);
    }

    public List<Pair> disagreements() {
        return pairs.stream().filter(p -> !p.agree()).toList();
    }

    /**
     * The settled events: where the coders agree, the first coder's event; where they disagree, the side chosen
     * for that pair ({@code first}, {@code second} or {@code none}; by default the first coder's event when there
     * is one). Every settled event gets a new key.
     */
    public List<CodedEvent> settle(Map<Integer, String> choices) {
        List<CodedEvent> settled = new ArrayList<>();
        for (Pair p : pairs) {
            CodedEvent chosen;
            if (p.agree()) {
                chosen = p.first();
            } else {
                String choice = choices.getOrDefault(p.index(), p.first() != null ? "first" : "second");
                chosen = switch (choice) {
                    case "second" -> p.second();
                    case "none" -> null;
                    default -> p.first();
                };
            }
            if (chosen != null) {
                settled.add(new CodedEvent(
                        Codings.newKey(),
                        chosen.actor(),
                        chosen.modality(),
                        chosen.code(),
                        chosen.startMs(),
                        chosen.endMs(),
                        chosen.kind(),
                        chosen.comment()));
            }
        }
        return settled;
    }

    private static int[] indices(List<CodedEvent> events, Map<String, Integer> index) {
        int[] result = new int[events.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = index.computeIfAbsent(events.get(i).code(), c -> index.size());
        }
        return result;
    }

    private static long[] onsets(List<ObservationEvent> events) {
        return events.stream().mapToLong(ObservationEvent::onsetMs).toArray();
    }

    private static long[] offsets(List<ObservationEvent> events) {
        return events.stream().mapToLong(ObservationEvent::offsetMs).toArray();
    }
}
