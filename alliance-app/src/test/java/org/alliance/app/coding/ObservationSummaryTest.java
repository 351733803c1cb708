package org.alliance.app.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;
import org.junit.jupiter.api.Test;

/** The meeting summary on the check values of the reference page (docs/observation.md, OBSERVATION.md). */
class ObservationSummaryTest {

    private static final Map<Character, String> CODES = Map.of(
            'I', "introducing-client",
            'O', "open-communication",
            'T', "team-support",
            'V', "vision-goals",
            'S', "shared-decision",
            'C', "conflict");

    /** One point event per letter, one second apart, alternating client and professional. */
    private static List<ObservationEvent> sequence(String letters) {
        List<ObservationEvent> events = new ArrayList<>();
        int i = 0;
        for (char c : letters.replace(" ", "").toCharArray()) {
            String actor = i % 2 == 0 ? "client" : "professional-a";
            events.add(ObservationEvent.state(actor, Modality.VERBAL, CODES.get(c), i * 1000L, i * 1000L + 500));
            i++;
        }
        return events;
    }

    @Test
    void theTransitionTeamSupportToVisionStandsOutAsOnTheReferencePage() {
        // Reference: I O T O T V S O C S T V S O S, lag 1: T→V f = 2, e = 0.429, z = 2.925.
        ObservationSummary summary = ObservationSummary.of(sequence("I O T O T V S O C S T V S O S"));
        ObservationSummary.Transition tv = summary.transitions().stream()
                .filter(t -> t.from().equals("team-support") && t.to().equals("vision-goals"))
                .findFirst()
                .orElseThrow();
        assertThat(tv.count()).isEqualTo(2);
        assertThat(tv.expected()).isCloseTo(0.429, within(0.0005));
        assertThat(tv.adjustedResidual()).isCloseTo(2.925, within(0.0005));
        assertThat(summary.transitions())
                .allSatisfy(t -> assertThat(Math.abs(t.adjustedResidual())).isGreaterThan(1.96));
        assertThat(summary.orderOccurred()).isTrue();
    }

    @Test
    void participationGivesTheClientsShareAndTheOrderNamesTheMissingStep() {
        // Client: 3 turns of 500 ms; professional 2 turns (one of two events): I O T O T.
        ObservationSummary summary = ObservationSummary.of(sequence("I O T O T"));
        assertThat(summary.clientTurnShare()).isCloseTo(3 / 5.0, within(1e-12));
        assertThat(summary.clientTimeShare()).isCloseTo(1500 / 2500.0, within(1e-12));
        assertThat(summary.orderOccurred()).isFalse();
        assertThat(summary.failedStep()).isEqualTo("vision-goals");
    }

    @Test
    void noEventsGiveAnEmptySummary() {
        ObservationSummary summary = ObservationSummary.of(List.of());
        assertThat(summary.empty()).isTrue();
        assertThat(summary.transitions()).isEmpty();
        assertThat(summary.orderOccurred()).isFalse();
    }
}
