package org.alliance.core.joint;

import java.util.List;

/**
 * How far the decisions of a joint meeting were the client's own: how many the client proposed and how many
 * the client agreed with fully, partly or not.
 */
public record DecisionOwnership(int decisions, int proposedByClient, int agreed, int partlyAgreed, int notAgreed) {

    public DecisionOwnership {
        if (decisions < 0 || proposedByClient > decisions || agreed + partlyAgreed + notAgreed != decisions) {
            throw new IllegalArgumentException("inconsistent counts: " + decisions + " decisions, " + proposedByClient
                    + " proposed by the client, " + agreed + "/" + partlyAgreed + "/" + notAgreed + " agreed");
        }
    }

    public static DecisionOwnership of(JointMeeting meeting) {
        List<MeetingDecision> decisions = meeting.decisions();
        String client = meeting.client().id();
        int proposed = (int)
                decisions.stream().filter(d -> d.proposedBy().equals(client)).count();
        return new DecisionOwnership(
                decisions.size(),
                proposed,
                count(decisions, MeetingDecision.ClientAgreement.YES),
                count(decisions, MeetingDecision.ClientAgreement.PARTLY),
                count(decisions, MeetingDecision.ClientAgreement.NO));
    }

    private static int count(List<MeetingDecision> decisions, MeetingDecision.ClientAgreement agreement) {
        return (int)
                decisions.stream().filter(d -> d.clientAgreement() == agreement).count();
    }
}
