package org.alliance.core.joint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.core.joint.ConsentRules.Decision;
import org.alliance.core.joint.ConsentRules.Reason;
import org.alliance.core.joint.ConsentRules.SharedResult;
import org.alliance.core.joint.ConsentRules.Viewer;
import org.alliance.core.release.ReleaseChoice;
import org.junit.jupiter.api.Test;

class ConsentRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final SharedResult RESULT =
            new SharedResult("client-1", "jm-1", "org-1", Set.of("pro-1", "pro-2", "pro-7"));
    /** pro-1 works for the client's own organisation, pro-7 for another. */
    private static final Viewer OWN = new Viewer("pro-1", "org-1");

    private static final Viewer OTHER = new Viewer("pro-7", "org-2");
    private static final ReleaseState NOW = ReleaseState.of(ReleaseChoice.NOW);

    private static Decision see(Viewer viewer, List<Consent> consents, ReleaseState release, Instant now) {
        return ConsentRules.canSee(viewer, RESULT, consents, release, now);
    }

    private static Instant days(int days) {
        return T0.plusSeconds(86_400L * days);
    }

    @Test
    void aProfessionalOfTheClientsOwnOrganisationNeedsNoConsent() {
        assertThat(see(OWN, List.of(), NOW, T0)).isEqualTo(new Decision(true, Reason.SAME_ORGANISATION));
    }

    @Test
    void aProfessionalOfAnotherOrganisationSeesNothingWithoutConsent() {
        assertThat(see(OTHER, List.of(), NOW, T0)).isEqualTo(new Decision(false, Reason.NO_CONSENT));
    }

    @Test
    void consentGivenToThatProfessionalShowsTheResult() {
        List<Consent> consents = List.of(Consent.given("client-1", "pro-7", T0));
        assertThat(see(OTHER, consents, NOW, T0)).isEqualTo(new Decision(true, Reason.CONSENT_GIVEN));
        assertThat(see(OTHER, consents, NOW, T0.minusSeconds(1))).isEqualTo(new Decision(false, Reason.NO_CONSENT));
    }

    @Test
    void consentForAnotherProfessionalOrAnotherClientDoesNotCount() {
        List<Consent> consents =
                List.of(Consent.given("client-1", "pro-8", T0), Consent.given("client-2", "pro-7", T0));
        assertThat(see(OTHER, consents, NOW, days(1)).reason()).isEqualTo(Reason.NO_CONSENT);
    }

    @Test
    void fromTheMomentOfWithdrawalNothingMoreIsShown() {
        List<Consent> consents =
                List.of(Consent.given("client-1", "pro-7", T0), Consent.withdrawn("client-1", "pro-7", days(5)));
        assertThat(see(OTHER, consents, NOW, days(4)).allowed()).isTrue();
        assertThat(see(OTHER, consents, NOW, days(5))).isEqualTo(new Decision(false, Reason.CONSENT_WITHDRAWN));
        assertThat(see(OTHER, consents, NOW, days(30)).reason()).isEqualTo(Reason.CONSENT_WITHDRAWN);
    }

    @Test
    void aNewConsentAfterAWithdrawalShowsTheResultAgain() {
        List<Consent> consents = List.of(
                Consent.withdrawn("client-1", "pro-7", days(5)),
                Consent.given("client-1", "pro-7", days(9)),
                Consent.given("client-1", "pro-7", T0));
        assertThat(see(OTHER, consents, NOW, days(6)).reason()).isEqualTo(Reason.CONSENT_WITHDRAWN);
        assertThat(see(OTHER, consents, NOW, days(9))).isEqualTo(new Decision(true, Reason.CONSENT_GIVEN));
    }

    @Test
    void aWithdrawalAtTheSameMomentAsAConsentWins() {
        List<Consent> consents =
                List.of(Consent.withdrawn("client-1", "pro-7", T0), Consent.given("client-1", "pro-7", T0));
        assertThat(see(OTHER, consents, NOW, T0).reason()).isEqualTo(Reason.CONSENT_WITHDRAWN);
    }

    @Test
    void onlyProfessionalsWhoTookPartSeeTheResultEvenWithConsent() {
        Viewer outsider = new Viewer("pro-9", "org-1");
        List<Consent> consents = List.of(Consent.given("client-1", "pro-9", T0));
        assertThat(see(outsider, consents, NOW, days(1))).isEqualTo(new Decision(false, Reason.NOT_A_PARTY));
    }

    @Test
    void teamFiguresOnlyHidesTheResultFromEveryoneDespiteConsent() {
        List<Consent> consents = List.of(Consent.given("client-1", "pro-7", T0));
        ReleaseState teamOnly = ReleaseState.of(ReleaseChoice.TEAM_ONLY);
        assertThat(see(OTHER, consents, teamOnly, days(1))).isEqualTo(new Decision(false, Reason.TEAM_ONLY));
        assertThat(see(OWN, consents, teamOnly, days(1)).reason()).isEqualTo(Reason.TEAM_ONLY);
    }

    @Test
    void nextMeetingWaitsUntilTheNextMeetingHasStarted() {
        List<Consent> consents = List.of(Consent.given("client-1", "pro-7", T0));
        ReleaseState notYet = ReleaseState.of(ReleaseChoice.NEXT_MEETING);
        assertThat(see(OWN, consents, notYet, days(3)).reason()).isEqualTo(Reason.WAITING_FOR_NEXT_MEETING);
        ReleaseState started = new ReleaseState(ReleaseChoice.NEXT_MEETING, Map.of(), Optional.of(days(7)));
        assertThat(see(OTHER, consents, started, days(6)).reason()).isEqualTo(Reason.WAITING_FOR_NEXT_MEETING);
        assertThat(see(OTHER, consents, started, days(7))).isEqualTo(new Decision(true, Reason.CONSENT_GIVEN));
    }

    @Test
    void theReleaseChoiceAppliesPerParty() {
        List<Consent> consents = List.of(Consent.given("client-1", "pro-7", T0));
        ReleaseState perParty =
                new ReleaseState(ReleaseChoice.NOW, Map.of("pro-7", ReleaseChoice.TEAM_ONLY), Optional.empty());
        assertThat(see(OWN, consents, perParty, days(1)).allowed()).isTrue();
        assertThat(see(OTHER, consents, perParty, days(1)).reason()).isEqualTo(Reason.TEAM_ONLY);
    }

    @Test
    void aConsentDatedInTheFutureDoesNotCountYet() {
        List<Consent> consents = List.of(Consent.given("client-1", "pro-7", days(2)));
        assertThat(ConsentRules.standing("client-1", "pro-7", consents, days(1)))
                .isEmpty();
        assertThat(ConsentRules.standing("client-1", "pro-7", consents, days(2)))
                .contains(Consent.Action.GIVEN);
    }
}
