package org.alliance.core.joint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.alliance.core.joint.BalanceCheck.Code;
import org.alliance.core.joint.BalanceCheck.Finding;
import org.junit.jupiter.api.Test;

class BalanceCheckTest {

    private static final List<Goal> GOALS = List.of(
            new Goal("g-client", "client", "The children live with me during the week."),
            new Goal("g-partner", "partner", "The children live with me during the week."),
            new Goal("g-child", "child", "I stay at my own school."));

    @Test
    void anAbsentPartyWithoutAnInterestIsFoundButInterpretersAndProfessionalsAreNotChecked() {
        JointMeeting meeting = JointMeetingTest.meeting(
                List.of(new Interest("client", "Stable income"), new Interest("partner", "Time with the children")),
                List.of(),
                List.of(),
                List.of());
        assertThat(BalanceCheck.check(meeting))
                .containsExactly(new Finding(Code.ABSENT_PARTY_INTEREST_NOT_NAMED, List.of("child"), List.of()));
        assertThat(BalanceCheck.balanced(meeting)).isFalse();
    }

    @Test
    void aPresentPartyWithoutAnInterestIsFoundToo() {
        JointMeeting meeting = JointMeetingTest.meeting(
                List.of(new Interest("child", "Stay at school")), List.of(), List.of(), List.of());
        assertThat(BalanceCheck.check(meeting))
                .extracting(Finding::code, Finding::partyIds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Code.INTEREST_NOT_NAMED, List.of("client")),
                        org.assertj.core.groups.Tuple.tuple(Code.INTEREST_NOT_NAMED, List.of("partner")));
    }

    @Test
    void aConflictWithoutAWinWinOptionNeedsAttentionAndNamesBothGoalsAndOwners() {
        JointMeeting meeting = JointMeetingTest.meeting(
                everyInterest(),
                GOALS,
                List.of(new GoalConflict("g-client", "g-partner", Optional.empty())),
                List.of());
        List<Finding> findings = BalanceCheck.check(meeting);
        assertThat(findings)
                .containsExactly(new Finding(
                        Code.CONFLICT_WITHOUT_WIN_WIN, List.of("client", "partner"), List.of("g-client", "g-partner")));
        assertThat(findings.get(0).needsAttention()).isTrue();
        assertThat(BalanceCheck.balanced(meeting)).isFalse();
    }

    @Test
    void aConflictWithAWinWinOptionIsReportedButTheMeetingIsBalanced() {
        JointMeeting meeting = JointMeetingTest.meeting(
                everyInterest(),
                GOALS,
                List.of(new GoalConflict(
                        "g-client", "g-partner", Optional.of("Alternate weeks, both homes near the school"))),
                List.of());
        assertThat(BalanceCheck.check(meeting)).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(Code.CONFLICT_WITH_WIN_WIN);
            assertThat(finding.needsAttention()).isFalse();
        });
        assertThat(BalanceCheck.balanced(meeting)).isTrue();
    }

    private static List<Interest> everyInterest() {
        return List.of(
                new Interest("client", "Stable income"),
                new Interest("partner", "Time with the children"),
                new Interest("child", "Stay at school"));
    }
}
