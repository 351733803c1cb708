package org.alliance.core.joint;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One joint meeting: the client, several professionals (possibly of different organisations) and network
 * members, with what the chair recorded along the guide. Every reference to a party or goal must exist.
 *
 * @param chairId the professional who chairs the meeting
 */
public record JointMeeting(
        String id,
        LocalDate date,
        String chairId,
        List<Party> parties,
        List<StepNote> notes,
        List<MeetingDecision> decisions,
        List<Interest> interests,
        List<Goal> goals,
        List<GoalConflict> conflicts) {

    public JointMeeting {
        parties = List.copyOf(parties);
        notes = List.copyOf(notes);
        decisions = List.copyOf(decisions);
        interests = List.copyOf(interests);
        goals = List.copyOf(goals);
        conflicts = List.copyOf(conflicts);
        Set<String> partyIds = new HashSet<>();
        for (Party party : parties) {
            if (!partyIds.add(party.id())) {
                throw new IllegalArgumentException("meeting " + id + ": party id " + party.id() + " appears twice");
            }
        }
        long clients =
                parties.stream().filter(p -> p.kind() == Party.Kind.CLIENT).count();
        if (clients != 1) {
            throw new IllegalArgumentException("meeting " + id + " must have exactly one client, has " + clients);
        }
        if (parties.stream().noneMatch(p -> p.kind() == Party.Kind.PROFESSIONAL)) {
            throw new IllegalArgumentException("meeting " + id + " has no professional");
        }
        boolean chairIsProfessional =
                parties.stream().anyMatch(p -> p.id().equals(chairId) && p.kind() == Party.Kind.PROFESSIONAL);
        if (!chairIsProfessional) {
            throw new IllegalArgumentException(
                    "meeting " + id + ": the chair " + chairId + " is not one of the meeting's professionals");
        }
        for (MeetingDecision decision : decisions) {
            requireParty(id, partyIds, decision.proposedBy(), "decision " + decision.id());
        }
        for (Interest interest : interests) {
            requireParty(id, partyIds, interest.partyId(), "an interest");
        }
        Set<String> goalIds = new HashSet<>();
        for (Goal goal : goals) {
            requireParty(id, partyIds, goal.partyId(), "goal " + goal.id());
            if (!goalIds.add(goal.id())) {
                throw new IllegalArgumentException("meeting " + id + ": goal id " + goal.id() + " appears twice");
            }
        }
        for (GoalConflict conflict : conflicts) {
            for (String goalId : List.of(conflict.goalId(), conflict.otherGoalId())) {
                if (!goalIds.contains(goalId)) {
                    throw new IllegalArgumentException("meeting " + id + ": a conflict names unknown goal " + goalId);
                }
            }
        }
    }

    private static void requireParty(String meetingId, Set<String> partyIds, String partyId, String what) {
        if (!partyIds.contains(partyId)) {
            throw new IllegalArgumentException(
                    "meeting " + meetingId + ": " + what + " names unknown party " + partyId);
        }
    }

    public Party client() {
        return parties.stream()
                .filter(p -> p.kind() == Party.Kind.CLIENT)
                .findFirst()
                .orElseThrow();
    }

    public List<Party> professionals() {
        return parties.stream().filter(p -> p.kind() == Party.Kind.PROFESSIONAL).toList();
    }

    public Optional<Party> party(String partyId) {
        return parties.stream().filter(p -> p.id().equals(partyId)).findFirst();
    }

    public Optional<Goal> goal(String goalId) {
        return goals.stream().filter(g -> g.id().equals(goalId)).findFirst();
    }

    /** The professionals' distinct organisations, in the order they appear. */
    public List<String> organisations() {
        return professionals().stream()
                .map(p -> p.organisationId().orElseThrow())
                .distinct()
                .toList();
    }
}
