package org.alliance.core.joint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.core.joint.MeetingDecision.ClientAgreement;
import org.alliance.core.joint.Party.NetworkRole;
import org.junit.jupiter.api.Test;

class JointMeetingTest {

    static final LocalDate DATE = LocalDate.of(2026, 11, 2);

    /** A divorce: the client, three professionals of two organisations, the ex-partner, an absent child, an interpreter. */
    static List<Party> divorce() {
        return List.of(
                Party.client("client", "Fatima A."),
                Party.professional("pro-1", "org-1", "Anouk de Vries"),
                Party.professional("pro-4", "org-1", "Daan Bakker"),
                Party.professional("pro-7", "org-2", "Iris Postma"),
                Party.networkMember("partner", NetworkRole.PARTNER, "ex-partner", true),
                Party.networkMember("child", NetworkRole.CHILD, "son, 12", false),
                Party.networkMember("interpreter", NetworkRole.INTERPRETER, "interpreter", true));
    }

    static JointMeeting meeting(
            List<Interest> interests, List<Goal> goals, List<GoalConflict> conflicts, List<MeetingDecision> decisions) {
        return new JointMeeting(
                "jm-1",
                DATE,
                "pro-1",
                divorce(),
                List.of(new StepNote(GuideStep.INTRODUCE_CLIENT, "Fatima told her story first.", Instant.EPOCH)),
                decisions,
                interests,
                goals,
                conflicts);
    }

    @Test
    void aMeetingKnowsItsClientProfessionalsAndOrganisations() {
        JointMeeting meeting = meeting(List.of(), List.of(), List.of(), List.of());
        assertThat(meeting.client().id()).isEqualTo("client");
        assertThat(meeting.professionals()).extracting(Party::id).containsExactly("pro-1", "pro-4", "pro-7");
        assertThat(meeting.organisations()).containsExactly("org-1", "org-2");
    }

    @Test
    void aMeetingNeedsExactlyOneClientAndAProfessionalInTheChair() {
        List<Party> twoClients = new ArrayList<>(divorce());
        twoClients.add(Party.client("client-2", "Jan B."));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JointMeeting(
                        "jm-1", DATE, "pro-1", twoClients, List.of(), List.of(), List.of(), List.of(), List.of()))
                .withMessageContaining("exactly one client, has 2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JointMeeting(
                        "jm-1", DATE, "partner", divorce(), List.of(), List.of(), List.of(), List.of(), List.of()))
                .withMessageContaining("the chair partner");
    }

    @Test
    void referencesToUnknownPartiesOrGoalsAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> meeting(
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(new MeetingDecision("d1", "x", "nobody", ClientAgreement.YES))))
                .withMessageContaining("unknown party nobody");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> meeting(
                        List.of(),
                        List.of(new Goal("g1", "client", "a job")),
                        List.of(new GoalConflict("g1", "g9", Optional.empty())),
                        List.of()))
                .withMessageContaining("unknown goal g9");
    }

    @Test
    void rolesBelongToNetworkMembersAndOrganisationsToProfessionals() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new Party("x", Party.Kind.CLIENT, Optional.of(NetworkRole.PARENT), Optional.empty(), "x", true))
                .withMessageContaining("role parent");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new Party("x", Party.Kind.PROFESSIONAL, Optional.empty(), Optional.empty(), "x", true))
                .withMessageContaining("organisation none");
    }

    @Test
    void decisionOwnershipCountsWhoProposedAndWhetherTheClientAgreed() {
        JointMeeting meeting = meeting(
                List.of(),
                List.of(),
                List.of(),
                List.of(
                        new MeetingDecision("d1", "Apply for debt relief", "client", ClientAgreement.YES),
                        new MeetingDecision("d2", "Job trial in March", "pro-7", ClientAgreement.PARTLY),
                        new MeetingDecision("d3", "Weekly budget check", "pro-4", ClientAgreement.NO),
                        new MeetingDecision("d4", "Meet again in four weeks", "pro-1", ClientAgreement.YES)));
        assertThat(DecisionOwnership.of(meeting)).isEqualTo(new DecisionOwnership(4, 1, 2, 1, 1));
    }
}
