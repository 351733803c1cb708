package org.alliance.core.joint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see a client's individual result of a joint meeting. In the order applied:
 *
 * <ol>
 *   <li>Only a professional who took part in the meeting sees its individual results.
 *   <li>The client's release choice for that professional applies: "only team figures" never shows the result;
 *       "next meeting" shows it from the start of the next meeting.
 *   <li>A professional of the client's own organisation then sees it. A professional of another organisation
 *       sees it only while the client's consent to share with them stands: the latest consent event for that
 *       professional at or before now is "given". From the moment of a withdrawal nothing more is shown, also
 *       results seen before; a new consent shows them again. A withdrawal and a consent at the same instant
 *       count as a withdrawal.
 * </ol>
 *
 * Pure functions of their arguments: the caller passes the time.
 */
public final class ConsentRules {

    private ConsentRules() {}

    /** Why a result is or is not shown: a code the app words in the user's language. */
    public enum Reason {
        SAME_ORGANISATION,
        CONSENT_GIVEN,
        NOT_A_PARTY,
        TEAM_ONLY,
        WAITING_FOR_NEXT_MEETING,
        NO_CONSENT,
        CONSENT_WITHDRAWN
    }

    /** The outcome and the rule that decided it. */
    public record Decision(boolean allowed, Reason reason) {}

    /** A professional who wants to see a result. */
    public record Viewer(String professionalId, String organisationId) {}

    /**
     * One individual result of a joint meeting.
     *
     * @param organisationId the client's own organisation, the one that holds the client's file
     * @param professionalIds the professionals who took part in the meeting
     */
    public record SharedResult(String clientId, String meetingId, String organisationId, Set<String> professionalIds) {
        public SharedResult {
            professionalIds = Set.copyOf(professionalIds);
        }
    }

    public static Decision canSee(
            Viewer viewer, SharedResult result, List<Consent> consents, ReleaseState release, Instant now) {
        if (!result.professionalIds().contains(viewer.professionalId())) {
            return new Decision(false, Reason.NOT_A_PARTY);
        }
        switch (release.choiceFor(viewer.professionalId())) {
            case TEAM_ONLY -> {
                return new Decision(false, Reason.TEAM_ONLY);
            }
            case NEXT_MEETING -> {
                boolean started = release.nextMeetingStartedAt()
                        .filter(start -> !start.isAfter(now))
                        .isPresent();
                if (!started) {
                    return new Decision(false, Reason.WAITING_FOR_NEXT_MEETING);
                }
            }
            case NOW -> {
                // shown at once
            }
        }
        if (viewer.organisationId().equals(result.organisationId())) {
            return new Decision(true, Reason.SAME_ORGANISATION);
        }
        Optional<Consent.Action> standing = standing(result.clientId(), viewer.professionalId(), consents, now);
        if (standing.isEmpty()) {
            return new Decision(false, Reason.NO_CONSENT);
        }
        return standing.get() == Consent.Action.GIVEN
                ? new Decision(true, Reason.CONSENT_GIVEN)
                : new Decision(false, Reason.CONSENT_WITHDRAWN);
    }

    /** The latest consent action of this client for this party at or before {@code now}. */
    public static Optional<Consent.Action> standing(
            String clientId, String partyId, List<Consent> consents, Instant now) {
        Consent latest = null;
        for (Consent consent : consents) {
            if (!consent.clientId().equals(clientId)
                    || !consent.partyId().equals(partyId)
                    || consent.at().isAfter(now)) {
                continue;
            }
            if (latest == null
                    || consent.at().isAfter(latest.at())
                    || (consent.at().equals(latest.at()) && consent.action() == Consent.Action.WITHDRAWN)) {
                latest = consent;
            }
        }
        return Optional.ofNullable(latest).map(Consent::action);
    }
}
