package org.alliance.core.joint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The check before closing a joint meeting, after multi-directed partiality: has every party's interest been
 * named, including parties who are absent, and has a win-win option been noted for every conflict between
 * goals? Findings are data (a code and the party or goals concerned); the app words them without blame.
 *
 * <p>Parties checked for an interest: the client and every network member except interpreters (who help people
 * understand each other and have no stake of their own). Professionals are not checked: their interests are
 * their organisations' mandates, which belong to the team's shared vision (a guide step), not to the balance
 * between the people in the conflict.
 */
public final class BalanceCheck {

    private BalanceCheck() {}

    /** What the balance check found. */
    public enum Code {
        /** A party who counts has no interest recorded. */
        INTEREST_NOT_NAMED,
        /** Same, for a party who was not in the room (the child in a divorce): easy to forget. */
        ABSENT_PARTY_INTEREST_NOT_NAMED,
        /** The chair flagged two goals as conflicting and no win-win option is noted yet. */
        CONFLICT_WITHOUT_WIN_WIN,
        /** The chair flagged two goals as conflicting and noted an option good for both. */
        CONFLICT_WITH_WIN_WIN
    }

    /**
     * One finding.
     *
     * @param partyIds the parties concerned: the party without an interest, or the owners of the two goals
     * @param goalIds the two conflicting goals, empty for an interest finding
     */
    public record Finding(Code code, List<String> partyIds, List<String> goalIds) {
        public Finding {
            partyIds = List.copyOf(partyIds);
            goalIds = List.copyOf(goalIds);
        }

        /** True when the chair should act before closing (every code except a conflict with a win-win option). */
        public boolean needsAttention() {
            return code != Code.CONFLICT_WITH_WIN_WIN;
        }
    }

    /** Every finding, in the order of the parties and then of the conflicts. */
    public static List<Finding> check(JointMeeting meeting) {
        List<Finding> findings = new ArrayList<>();
        Set<String> withInterest = new HashSet<>();
        meeting.interests().forEach(interest -> withInterest.add(interest.partyId()));
        for (Party party : meeting.parties()) {
            if (!counts(party) || withInterest.contains(party.id())) {
                continue;
            }
            Code code = party.present() ? Code.INTEREST_NOT_NAMED : Code.ABSENT_PARTY_INTEREST_NOT_NAMED;
            findings.add(new Finding(code, List.of(party.id()), List.of()));
        }
        for (GoalConflict conflict : meeting.conflicts()) {
            Goal goal = meeting.goal(conflict.goalId()).orElseThrow();
            Goal other = meeting.goal(conflict.otherGoalId()).orElseThrow();
            List<String> owners = goal.partyId().equals(other.partyId())
                    ? List.of(goal.partyId())
                    : List.of(goal.partyId(), other.partyId());
            Code code =
                    conflict.winWinOption().isPresent() ? Code.CONFLICT_WITH_WIN_WIN : Code.CONFLICT_WITHOUT_WIN_WIN;
            findings.add(new Finding(code, owners, List.of(goal.id(), other.id())));
        }
        return findings;
    }

    /** True when nothing needs attention before closing. */
    public static boolean balanced(JointMeeting meeting) {
        return check(meeting).stream().noneMatch(Finding::needsAttention);
    }

    private static boolean counts(Party party) {
        return switch (party.kind()) {
            case CLIENT -> true;
            case PROFESSIONAL -> false;
            case NETWORK_MEMBER -> !party.isInterpreter();
        };
    }
}
