package org.alliance.app.joint;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.checkin.IssuedInvitation;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.core.joint.BalanceCheck;
import org.alliance.core.joint.Consent;
import org.alliance.core.joint.GuideStep;
import org.alliance.core.joint.MeetingDecision;
import org.alliance.core.joint.Party;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
    private final AuditLog audit;
    private final JointAccess access;
    private final JointMeetingPage page;
    private final TransactionTemplate transactions;

    JointRecordController(
            JointMeetings meetings,
            JointRecords records,
            JointCheckIns jointCheckIns,
            Invitations invitations,
            Organisations organisations,
            AuditLog audit,
            JointAccess access,
            JointMeetingPage page,
            TransactionTemplate transactions) {
        this.meetings = meetings;
        this.records = records;
        this.jointCheckIns = jointCheckIns;
        this.invitations = invitations;
        this.organisations = organisations;
        this.audit = audit;
        this.access = access;
        this.page = page;
        this.transactions = transactions;
    }

    /**
     * The end of every record the chair writes: the write and its audit row ({@code joint <what> written}) in one
     * transaction, then back to the place on the meeting page where it shows.
     */
    private String written(CurrentUser user, long id, String what, String anchor, Runnable write) {
        transactions.executeWithoutResult(status -> {
            write.run();
            audit.record(user.username(), "joint " + what + " written", "joint meeting " + id);
        });
        return "redirect:/joint/" + id + anchor;
    }

    private Optional<String> text(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    private String invalid(
            CurrentUser user,
            JointMeetings.Header header,
            String error,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page.show(user, header, List.of(error), false, locale, model);
    }

    private Optional<JointMeetings.StoredParty> party(JointMeetings.Header header, String value) {
        try {
            long partyId = Long.parseLong(value == null ? "" : value);
            return meetings.parties(header.id()).stream()
                    .filter(p -> p.id() == partyId)
                    .findFirst();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @PostMapping("/joint/{id}/notes")
    String addNote(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String step,
            @RequestParam(defaultValue = "") String note,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        JointMeetings.Header header = access.chaired(user, id);
        Optional<String> text = text(note);
        GuideStep guideStep;
        try {
            guideStep = JointRecords.step(step);
        } catch (IllegalArgumentException e) {
            return invalid(user, header, "joint.error.note", response, locale, model);
        }
        if (text.isEmpty()) {
            return invalid(user, header, "joint.error.note", response, locale, model);
        }
        GuideStep chosen = guideStep;
        return written(
                user, id, "note", "#step-" + chosen.code(), () -> records.addNote(header.id(), chosen, text.get()));
    }

    @PostMapping("/joint/{id}/decisions")
    String addDecision(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String proposedBy,
            @RequestParam(defaultValue = "") String agreement,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        JointMeetings.Header header = access.chaired(user, id);
        Optional<String> text = text(decision);
        Optional<JointMeetings.StoredParty> proposer = party(header, proposedBy);
        Optional<MeetingDecision.ClientAgreement> agreed = List.of(MeetingDecision.ClientAgreement.values()).stream()
                .filter(a -> a.name().equals(agreement))
                .findFirst();
        if (text.isEmpty() || proposer.isEmpty() || agreed.isEmpty()) {
            return invalid(user, header, "joint.error.decision", response, locale, model);
        }
        return written(
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
            HttpServletResponse response,
            Locale locale,
            Model model) {
        return addForParty(user, id, party, interest, "interest", records::addInterest, response, locale, model);
    }

    @PostMapping("/joint/{id}/goals")
    String addGoal(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String party,
            @RequestParam(defaultValue = "") String goal,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        return addForParty(user, id, party, goal, "goal", records::addGoal, response, locale, model);
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
            CurrentUser user,
            long id,
            String party,
            String statement,
            String kind,
            PartyWrite write,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        JointMeetings.Header header = access.chaired(user, id);
        Optional<String> text = text(statement);
        Optional<JointMeetings.StoredParty> owner = party(header, party);
        if (text.isEmpty() || owner.isEmpty()) {
            return invalid(user, header, "joint.error." + kind, response, locale, model);
        }
        return written(
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
            HttpServletResponse response,
            Locale locale,
            Model model) {
        JointMeetings.Header header = access.chaired(user, id);
        List<Long> goalIds = records.goals(header.id()).stream()
                .map(JointRecords.StoredGoal::id)
                .toList();
        long first;
        long second;
        try {
            first = Long.parseLong(goal);
            second = Long.parseLong(otherGoal);
        } catch (NumberFormatException e) {
            return invalid(user, header, "joint.error.conflict", response, locale, model);
        }
        if (first == second || !goalIds.contains(first) || !goalIds.contains(second) || winWin.length() > MAX_TEXT) {
            return invalid(user, header, "joint.error.conflict", response, locale, model);
        }
        long one = first;
        long other = second;
        return written(
                user, id, "conflict", "#interests", () -> records.addConflict(header.id(), one, other, text(winWin)));
    }

    @PostMapping("/joint/{id}/conflicts/{conflictId}")
    String noteWinWin(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @PathVariable long conflictId,
            @RequestParam(defaultValue = "") String winWin,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        JointMeetings.Header header = access.chaired(user, id);
        Optional<String> text = text(winWin);
        boolean known = records.conflicts(header.id()).stream().anyMatch(c -> c.id() == conflictId);
        if (!known) {
            throw new JointAccess.NotFound();
        }
        if (text.isEmpty()) {
            return invalid(user, header, "joint.error.winWin", response, locale, model);
        }
        return written(
                user, id, "win-win", "#interests", () -> records.noteWinWin(header.id(), conflictId, text.get()));
    }

    /** Closing: the balance check first. With something still open the chair is asked to confirm. */
    @PostMapping("/joint/{id}/close")
    String close(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String confirm,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        JointMeetings.Header header = access.chaired(user, id);
        if (!BalanceCheck.balanced(records.domain(header)) && !"yes".equals(confirm)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page.show(user, header, List.of(), true, locale, model);
        }
        meetings.close(header.id());
        audit.record(user.username(), "joint meeting closed", "joint meeting " + id);
        return "redirect:/joint/" + id;
    }

    @PostMapping("/joint/{id}/invitations")
    String invite(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "client") String party,
            RedirectAttributes redirect) {
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
        IssuedInvitation issued = invitations.issue(
                header.meetingId(),
                instrument,
                user.id(),
                organisations.get(user.organisationId()).invitationLifetime(),
                networkMember);
        audit.record(user.username(), "invitation created", "meeting " + header.meetingId());
        issued.flashTo(redirect);
        return "redirect:/meetings/" + header.meetingId() + "/invitation";
    }

    /** The chair records that the client gives or withdraws consent (the client said so); it counts at once. */
    @PostMapping("/joint/{id}/consents")
    String consent(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") String professional,
            @RequestParam(defaultValue = "") String action) {
        JointMeetings.Header header = access.chaired(user, id);
        long professionalId;
        try {
            professionalId = Long.parseLong(professional);
        } catch (NumberFormatException e) {
            throw new JointAccess.NotFound();
        }
        if (!JointResults.otherOrganisation(header, meetings.parties(header.id()))
                .contains(professionalId)) {
            throw new JointAccess.NotFound();
        }
        Consent.Action consentAction = action.equals("GIVEN") ? Consent.Action.GIVEN : Consent.Action.WITHDRAWN;
        jointCheckIns.recordConsent(header.clientId(), professionalId, consentAction, user.username());
        audit.record(
                user.username(),
                "joint consent " + consentAction.name().toLowerCase(Locale.ROOT),
                "client " + header.clientId() + ", professional " + professionalId);
        return "redirect:/joint/" + id + "/results";
    }
}
