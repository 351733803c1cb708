package org.alliance.app.joint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.FormPost;
import org.alliance.app.system.FormValues;
import org.alliance.core.joint.BalanceCheck;
import org.alliance.core.joint.Consent;
import org.alliance.core.joint.GuideStep;
import org.alliance.core.joint.MeetingDecision;
import org.alliance.core.joint.Party;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the chair records during a joint meeting — notes per step of the guide, decisions, interests, goals,
 * conflicts between goals, closing after the balance check, invitations, the client's consents — each the same
 * way: only the chair, a text that fits, one write, an audit row, back to the meeting page (with the error beside
 * the form when the text does not fit).
 */
@Controller
class JointRecordController {

    static final int MAX_TEXT = 4000;

    private final JointMeetings meetings;
    private final JointRecords records;
    private final JointCheckIns jointCheckIns;
    private final Invitations invitations;
    private final Organisations organisations;
    private final JointAccess access;
    private final JointMeetingPage page;

    JointRecordController(
            JointMeetings meetings,
            JointRecords records,
            JointCheckIns jointCheckIns,
            Invitations invitations,
            Organisations organisations,
            JointAccess access,
            JointMeetingPage page) {
        this.meetings = meetings;
        this.records = records;
        this.jointCheckIns = jointCheckIns;
        this.invitations = invitations;
        this.organisations = organisations;
        this.access = access;
        this.page = page;
    }

    /**
     * The end of every record the chair writes: the write and its audit row ({@code joint <what> written}) in one
     * transaction, then back to the place on the meeting page where it shows.
     */
    private static String written(
            FormPost post, CurrentUser user, long id, String what, String anchor, Runnable write) {
        return post.written(user, "/joint/" + id + anchor, () -> {
            write.run();
            return new FormPost.Audit("joint " + what + " written", "joint meeting " + id);
        });
    }

    private Optional<String> text(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    private String invalid(CurrentUser user, JointMeetings.Header header, String error, FormPost post) {
        return post.refused(() -> page.show(user, header, List.of(error), false, post.locale(), post.model()));
    }

    /** A whole number as a form sends it, or empty for anything else. */
    private static Optional<Long> number(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<JointMeetings.StoredParty> party(JointMeetings.Header header, String value) {
        return number(value).flatMap(partyId -> meetings.parties(header.id()).stream()
                .filter(p -> p.id() == partyId)
                .findFirst());
    }

    @PostMapping("/joint/{id}/notes")
    String addNote(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String step,
            @RequestParam(defaultValue = "") String note,
            FormPost post) {
        JointMeetings.Header header = access.chaired(user, id);
        Optional<String> text = text(note);
        GuideStep guideStep;
        try {
            guideStep = JointRecords.step(step);
        } catch (IllegalArgumentException e) {
            return invalid(user, header, "joint.error.note", post);
        }
        if (text.isEmpty()) {
            return invalid(user, header, "joint.error.note", post);
        }
        GuideStep chosen = guideStep;
        return written(
                post,
                user,
                id,
                "note",
                "#step-" + chosen.code(),
                () -> records.addNote(header.id(), chosen, text.get()));
    }

    @PostMapping("/joint/{id}/decisions")
    String addDecision(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String proposedBy,
            @RequestParam(defaultValue = "") String agreement,
            FormPost post) {
        JointMeetings.Header header = access.chaired(user, id);
        Optional<String> text = text(decision);
        Optional<JointMeetings.StoredParty> proposer = party(header, proposedBy);
        Optional<MeetingDecision.ClientAgreement> agreed =
                FormValues.constant(MeetingDecision.ClientAgreement.class, agreement);
        if (text.isEmpty() || proposer.isEmpty() || agreed.isEmpty()) {
            return invalid(user, header, "joint.error.decision", post);
        }
        return written(
                post,
                user,
                id,
                "decision",
                "#decisions",
                () -> records.addDecision(
                        header.id(), text.get(), proposer.get().id(), agreed.get()));
    }

    @PostMapping("/joint/{id}/interests")
    String addInterest(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String party,
            @RequestParam(defaultValue = "") String interest,
            FormPost post) {
        return addForParty(user, id, party, interest, "interest", records::addInterest, post);
    }

    @PostMapping("/joint/{id}/goals")
    String addGoal(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String party,
            @RequestParam(defaultValue = "") String goal,
            FormPost post) {
        return addForParty(user, id, party, goal, "goal", records::addGoal, post);
    }

    /** Stores something one party of the meeting holds (an interest or a goal). */
    @FunctionalInterface
    private interface PartyWrite {
        void add(long jointId, long partyId, String text);
    }

    /**
     * An interest or goal of one party, written by the chair: the text and the party are checked (an inline error
     * {@code joint.error.<kind>} otherwise), then stored and audited.
     */
    private String addForParty(
            CurrentUser user, long id, String party, String statement, String kind, PartyWrite write, FormPost post) {
        JointMeetings.Header header = access.chaired(user, id);
        Optional<String> text = text(statement);
        Optional<JointMeetings.StoredParty> owner = party(header, party);
        if (text.isEmpty() || owner.isEmpty()) {
            return invalid(user, header, "joint.error." + kind, post);
        }
        return written(
                post,
                user,
                id,
                kind,
                "#interests",
                () -> write.add(header.id(), owner.get().id(), text.get()));
    }

    @PostMapping("/joint/{id}/conflicts")
    String addConflict(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String goal,
            @RequestParam(defaultValue = "") String otherGoal,
            @RequestParam(defaultValue = "") String winWin,
            FormPost post) {
        JointMeetings.Header header = access.chaired(user, id);
        List<Long> goalIds = records.goals(header.id()).stream()
                .map(JointRecords.StoredGoal::id)
                .toList();
        Optional<Long> first = number(goal).filter(goalIds::contains);
        Optional<Long> second = number(otherGoal).filter(goalIds::contains);
        if (first.isEmpty() || second.isEmpty() || first.equals(second) || winWin.length() > MAX_TEXT) {
            return invalid(user, header, "joint.error.conflict", post);
        }
        return written(
                post,
                user,
                id,
                "conflict",
                "#interests",
                () -> records.addConflict(header.id(), first.get(), second.get(), text(winWin)));
    }

    @PostMapping("/joint/{id}/conflicts/{conflictId}")
    String noteWinWin(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @PathVariable long conflictId,
            @RequestParam(defaultValue = "") String winWin,
            FormPost post) {
        JointMeetings.Header header = access.chaired(user, id);
        Optional<String> text = text(winWin);
        boolean known = records.conflicts(header.id()).stream().anyMatch(c -> c.id() == conflictId);
        if (!known) {
            throw new JointAccess.NotFound();
        }
        if (text.isEmpty()) {
            return invalid(user, header, "joint.error.winWin", post);
        }
        return written(
                post, user, id, "win-win", "#interests", () -> records.noteWinWin(header.id(), conflictId, text.get()));
    }

    /** Closing: the balance check first. With something still open the chair is asked to confirm. */
    @PostMapping("/joint/{id}/close")
    String close(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String confirm,
            FormPost post) {
        JointMeetings.Header header = access.chaired(user, id);
        if (!BalanceCheck.balanced(records.domain(header)) && !"yes".equals(confirm)) {
            return post.refused(
                    HttpStatus.CONFLICT, () -> page.show(user, header, List.of(), true, post.locale(), post.model()));
        }
        return post.written(user, "/joint/" + id, () -> {
            meetings.close(header.id());
            return new FormPost.Audit("joint meeting closed", "joint meeting " + id);
        });
    }

    @PostMapping("/joint/{id}/invitations")
    String invite(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "client") String party,
            FormPost post) {
        JointMeetings.Header header = access.chaired(user, id);
        Optional<Long> networkMember = Optional.empty();
        String instrument = JointResults.CLIENT_INSTRUMENT;
        if (!party.equals("client")) {
            JointMeetings.StoredParty member = party(header, party)
                    .filter(p -> p.kind() == Party.Kind.NETWORK_MEMBER)
                    .orElseThrow(JointAccess.NotFound::new);
            networkMember = Optional.of(member.id());
            instrument = JointResults.PARTIALITY_INSTRUMENT;
        }
        String chosenInstrument = instrument;
        Optional<Long> chosenMember = networkMember;
        return post.written(user, "/meetings/" + header.meetingId() + "/invitation", () -> {
            invitations
                    .issue(
                            header.meetingId(),
                            chosenInstrument,
                            user.id(),
                            organisations.get(user.organisationId()).invitationLifetime(),
                            chosenMember)
                    .flashTo(post.redirect());
            return new FormPost.Audit("invitation created", "meeting " + header.meetingId());
        });
    }

    /** The chair records that the client gives or withdraws consent (the client said so); it counts at once. */
    @PostMapping("/joint/{id}/consents")
    String consent(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") String professional,
            @RequestParam(defaultValue = "") String action,
            FormPost post) {
        JointMeetings.Header header = access.chaired(user, id);
        long professionalId = number(professional)
                .filter(JointResults.otherOrganisation(header, meetings.parties(header.id()))::contains)
                .orElseThrow(JointAccess.NotFound::new);
        Consent.Action consentAction = action.equals("GIVEN") ? Consent.Action.GIVEN : Consent.Action.WITHDRAWN;
        return post.written(user, "/joint/" + id + "/results", () -> {
            jointCheckIns.recordConsent(header.clientId(), professionalId, consentAction, user.username());
            return new FormPost.Audit(
                    "joint consent " + consentAction.name().toLowerCase(Locale.ROOT),
                    "client " + header.clientId() + ", professional " + professionalId);
        });
    }
}
