package org.alliance.app.caseload;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alliance.app.checkin.AnswerForm;
import org.alliance.app.checkin.CheckInSubmission;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.checkin.IssuedInvitation;
import org.alliance.app.checkin.RatingPage;
import org.alliance.app.checkin.StoredCheckIn;
import org.alliance.app.coding.MeetingObservations;
import org.alliance.app.conversation.ConversationPrompts;
import org.alliance.app.conversation.Discussions;
import org.alliance.app.organisation.Organisation;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.reminder.Channel;
import org.alliance.app.reminder.ClientContacts;
import org.alliance.app.reminder.ClientSchedules;
import org.alliance.app.reminder.ContactAddresses;
import org.alliance.app.reminder.ContactDetails;
import org.alliance.app.reminder.InvitationMessages;
import org.alliance.app.reminder.LinkSender;
import org.alliance.app.reminder.Schedule;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Formats;
import org.alliance.app.system.Languages;
import org.alliance.app.system.svg.QrCodeSvg;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.release.ReleaseChoice;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The professional's pages: the caseload, a client's page, its meetings (add, change, delete), a meeting's
 * invitation and the own rating, and the client's contact details and schedule.
 *
 * <p>Over 400 lines, on purpose for now: every form here re-renders the client page with its inline error
 * ({@link #client}), so they share that one page builder. The next split is a {@code ClientPage} model
 * component, after which meetings and contacts can have controllers of their own.
 */
@Controller
class CaseloadController {

    /** The questionnaires a professional can invite a client to answer. */
    static final List<String> CLIENT_INSTRUMENTS = List.of("alliance-client", "alliance-session-check");

    private final Caseload caseload;
    private final CheckIns checkIns;
    private final Invitations invitations;
    private final Organisations organisations;
    private final InstrumentCatalog catalog;
    private final MessageSource messages;
    private final AuditLog audit;
    private final MeetingObservations observations;
    private final CaseloadOverview overview;
    private final ExpectedBand expectedBand;
    private final ClientContacts contacts;
    private final ClientSchedules schedules;
    private final LinkSender linkSender;
    private final Discussions discussions;

    private final Clock clock;

    /** Sections other features add to the client page (expectations, …), in bean order. */
    private final List<ClientPagePart> parts;

    CaseloadController(
            Caseload caseload,
            CheckIns checkIns,
            Invitations invitations,
            Organisations organisations,
            InstrumentCatalog catalog,
            MessageSource messages,
            AuditLog audit,
            MeetingObservations observations,
            CaseloadOverview overview,
            ExpectedBand expectedBand,
            ClientContacts contacts,
            ClientSchedules schedules,
            LinkSender linkSender,
            Discussions discussions,
            List<ClientPagePart> parts,
            Clock clock) {
        this.parts = List.copyOf(parts);
        this.caseload = caseload;
        this.checkIns = checkIns;
        this.invitations = invitations;
        this.organisations = organisations;
        this.catalog = catalog;
        this.messages = messages;
        this.audit = audit;
        this.observations = observations;
        this.overview = overview;
        this.expectedBand = expectedBand;
        this.contacts = contacts;
        this.schedules = schedules;
        this.linkSender = linkSender;
        this.discussions = discussions;
        this.clock = clock;
    }

    /** Another professional's client or meeting: answered as if it did not exist. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotYours extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotYours() {
            super("not found");
        }
    }

    @GetMapping("/caseload")
    String caseload(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String signal,
            @RequestParam(defaultValue = "") String sort,
            Locale locale,
            Model model) {
        Optional<CaseloadOverview.Signal> filter = Arrays.stream(CaseloadOverview.Signal.values())
                .filter(s -> s.name().equalsIgnoreCase(signal))
                .findFirst();
        CaseloadOverview.Page page = overview.page(
                user.id(),
                organisations.get(user.organisationId()).thresholds(),
                filter,
                CaseloadOverview.Sort.parse(sort),
                locale);
        audit.record(user.username(), "caseload read", page.rows().size() + " clients");
        model.addAttribute("page", page);
        model.addAttribute("signals", CaseloadOverview.Signal.values());
        model.addAttribute("sorts", CaseloadOverview.Sort.values());
        model.addAttribute("user", user);
        return "caseload/list";
    }

    @PostMapping("/clients")
    String addClient(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String alias,
            @RequestParam(defaultValue = "") String internalId,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        String error = null;
        if (alias.isBlank() || alias.length() > 100 || internalId.isBlank() || internalId.length() > 100) {
            error = "caseload.error.required";
        } else if (caseload.internalIdTaken(user.organisationId(), internalId)) {
            error = "caseload.error.taken";
        } else if (user.teamId() == null) {
            error = "caseload.error.noTeam";
        }
        if (error != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("error", error);
            model.addAttribute("alias", alias);
            model.addAttribute("internalId", internalId);
            return caseload(user, "", "", locale, model);
        }
        long id = caseload.createClient(user.organisationId(), user.teamId(), user.id(), alias, internalId);
        audit.record(user.username(), "client created", "client " + id);
        return "redirect:/clients/" + id;
    }

    @GetMapping("/clients/{clientId}")
    String client(@AuthenticationPrincipal CurrentUser user, @PathVariable long clientId, Locale locale, Model model) {
        Client client = caseload.clientOf(user.id(), clientId).orElseThrow(NotYours::new);
        Organisation organisation = organisations.get(user.organisationId());
        caseload.seen(
                clientId,
                user.id(),
                clock.instant(),
                () -> audit.record(user.username(), "answers read", "client " + clientId));
        List<Meeting> meetings = new ArrayList<>(caseload.meetings(clientId));
        // Read once: the report uses what is released now, the meetings' status all of it.
        List<StoredCheckIn> current = checkIns.currentForClient(clientId, false);
        ClientReport report = ClientReport.build(
                current.stream().filter(StoredCheckIn::released).toList(),
                catalog,
                organisation.thresholds(),
                band(user.organisationId(), meetings, locale),
                messages,
                locale);
        model.addAttribute("client", client);
        List<LocalDate> dates = meetings.stream().map(Meeting::date).toList();
        Map<Long, Invitations.LatestInvitation> latestInvitations = invitations.latestPerMeeting(clientId);
        Collections.reverse(meetings);
        model.addAttribute(
                "meetings",
                meetings.stream()
                        .map(m -> MeetingRow.of(
                                m,
                                MeetingStatus.of(
                                        m,
                                        Optional.ofNullable(latestInvitations.get(m.id())),
                                        current,
                                        dates,
                                        clock,
                                        messages,
                                        locale),
                                messages,
                                locale))
                        .toList());
        Map<Long, Map<String, Object>> observed = new java.util.HashMap<>();
        for (Meeting m : meetings) {
            observations.summary(m.id(), locale).ifPresent(summary -> observed.put(m.id(), summary));
        }
        model.addAttribute("observations", observed);
        model.addAttribute(
                "parts",
                parts.stream()
                        .flatMap(part -> part.on(user, client, locale).stream())
                        .toList());
        model.addAttribute("report", report);
        List<String> missed = missed(clientId, locale);
        model.addAttribute("missed", missed);
        conversation(clientId, report, !missed.isEmpty(), meetings, locale, model);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("kinds", Meeting.Kind.values());
        model.addAttribute("contact", contacts.of(clientId).orElse(null));
        model.addAttribute("schedule", schedules.of(clientId).orElse(null));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("scheduleKinds", Schedule.Kind.values());
        model.addAttribute(
                "instruments",
                CLIENT_INSTRUMENTS.stream()
                        .map(id -> catalog.find(id).orElseThrow())
                        .map(i -> Map.entry(i.id(), i.title().get(Languages.of(locale))))
                        .toList());
        return "caseload/client";
    }

    /** An open signal with its openers for the next meeting (docs/rules.md, "Conversation prompts"). */
    record Prompts(ConversationPrompts.Signal signal, List<ConversationPrompts.Group> groups) {}

    /** A "discussed" record as the client page's history shows it. */
    record DiscussedRow(String dateText, ConversationPrompts.Signal signal, boolean discussed, String whatChanged) {}

    /** A meeting the professional can record a conversation about: one that took place (today or before). */
    record PastMeeting(long id, String text) {}

    /**
     * The conversation part of the client page: the openers for each open signal, the form to record whether the
     * feedback was discussed (meetings newest first) and the records so far.
     *
     * @param meetings newest first
     */
    private void conversation(
            long clientId, ClientReport report, boolean missed, List<Meeting> meetings, Locale locale, Model model) {
        List<ConversationPrompts.Signal> open = new ArrayList<>(report.signals());
        if (missed) {
            open.add(ConversationPrompts.Signal.MISSED);
        }
        model.addAttribute(
                "prompts",
                open.stream()
                        .filter(ConversationPrompts::hasPrompts)
                        .map(s -> new Prompts(s, ConversationPrompts.groups(s)))
                        .toList());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute(
                "pastMeetings",
                meetings.stream()
                        .filter(m -> !m.date().isAfter(today))
                        .map(m -> new PastMeeting(
                                m.id(),
                                messages.getMessage(
                                        "client.meetings.item",
                                        new Object[] {
                                            Formats.date(m.date(), locale),
                                            messages.getMessage("meeting.kind." + m.kind(), null, locale)
                                        },
                                        locale)))
                        .toList());
        model.addAttribute("discussSignals", ConversationPrompts.withPrompts());
        model.addAttribute("openSignals", open);
        model.addAttribute(
                "discussedRows",
                discussions.ofClient(clientId).stream()
                        .map(d -> new DiscussedRow(
                                Formats.date(d.meetingDate(), locale),
                                d.signal(),
                                d.discussed(),
                                d.whatChanged().orElse("")))
                        .toList());
        if (!model.containsAttribute("discussedErrors")) {
            model.addAttribute("discussedErrors", Map.of());
        }
    }

    /**
     * Records after a meeting whether the feedback of one signal was discussed and, optionally, what changed. Every
     * mistake is shown at its field on the client page (422); the audit row names meeting and signal, never the
     * note.
     */
    @PostMapping("/clients/{clientId}/discussed")
    String discussed(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam(defaultValue = "") String meeting,
            @RequestParam(defaultValue = "") String signal,
            @RequestParam(defaultValue = "") String discussed,
            @RequestParam(defaultValue = "") String whatChanged,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        caseload.clientOf(user.id(), clientId).orElseThrow(NotYours::new);
        LocalDate today = LocalDate.now(clock);
        Optional<Meeting> about = meeting.matches("\\d{1,18}")
                ? caseload.meetingOf(user.id(), Long.parseLong(meeting))
                        .filter(m -> m.clientId() == clientId && !m.date().isAfter(today))
                : Optional.empty();
        Optional<ConversationPrompts.Signal> which =
                ConversationPrompts.Signal.parse(signal).filter(ConversationPrompts::hasPrompts);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (about.isEmpty()) {
            errors.put("meeting", "discussed.error.meeting");
        }
        if (which.isEmpty()) {
            errors.put("signal", "discussed.error.signal");
        }
        if (!discussed.equals("yes") && !discussed.equals("no")) {
            errors.put("discussed", "discussed.error.discussed");
        }
        if (whatChanged.strip().length() > Discussions.MOST_CHARACTERS) {
            errors.put("whatChanged", "discussed.error.long");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("discussedErrors", errors);
            model.addAttribute("discussedMeeting", meeting);
            model.addAttribute("discussedSignal", signal);
            model.addAttribute("discussedAnswer", discussed);
            model.addAttribute("discussedNote", whatChanged);
            return client(user, clientId, locale, model);
        }
        discussions.record(clientId, about.get().id(), which.get(), discussed.equals("yes"), whatChanged, user.id());
        audit.record(
                user.username(),
                "feedback discussed recorded",
                "meeting " + about.get().id() + " " + which.get().code() + " " + discussed);
        redirect.addFlashAttribute("done", "discussed.done");
        return "redirect:/clients/" + clientId + "#conversation-heading";
    }

    /**
     * The organisation's expected band at this client's meetings so far (docs/rules.md, "The expected band"): at
     * the client's n-th meeting, the middle half of the organisation's clients at their n-th meeting.
     */
    private Optional<LineChart.Band> band(long organisationId, List<Meeting> meetings, Locale locale) {
        Map<Integer, ExpectedBand.Point> organisation = expectedBand.of(organisationId);
        LocalDate today = LocalDate.now(clock);
        List<LineChart.BandPoint> points = new ArrayList<>();
        for (int i = 0; i < meetings.size(); i++) {
            ExpectedBand.Point point = organisation.get(i + 1);
            if (point != null && !meetings.get(i).date().isAfter(today)) {
                points.add(new LineChart.BandPoint(meetings.get(i).date(), point.low(), point.high()));
            }
        }
        return points.isEmpty()
                ? Optional.empty()
                : Optional.of(new LineChart.Band(
                        messages.getMessage("client.chart.band", new Object[] {ExpectedBand.MIN_CLIENTS}, locale),
                        points));
    }

    /** The missed check-ins in words, each with the rule (docs/rules.md, "Missed check-ins"). */
    private List<String> missed(long clientId, Locale locale) {
        return invitations.missed(clientId).stream()
                .map(m -> messages.getMessage(
                        "client.missed",
                        new Object[] {
                            catalog.find(m.instrumentId())
                                    .map(i -> i.title().get(Languages.of(locale)))
                                    .orElse(m.instrumentId()),
                            Formats.date(m.meetingDate(), locale),
                            Formats.dateTime(m.expiredAt(), clock.getZone(), locale),
                            m.lifetime().toHours()
                        },
                        locale))
                .toList();
    }

    @PostMapping("/clients/{clientId}/meetings")
    String addMeeting(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "REGULAR") String kind,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        caseload.clientOf(user.id(), clientId).orElseThrow(NotYours::new);
        Optional<LocalDate> day = MeetingDates.parse(date);
        Optional<Meeting.Kind> meetingKind = Meeting.Kind.parse(kind);
        if (day.isEmpty() || meetingKind.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("meetingError", true);
            String page = client(user, clientId, locale, model);
            model.addAttribute("today", date);
            return page;
        }
        long id = caseload.createMeeting(clientId, user.id(), day.get(), meetingKind.get());
        audit.record(user.username(), "meeting created", "meeting " + id);
        redirect.addFlashAttribute("done", "meeting.done.added");
        return "redirect:/clients/" + clientId;
    }

    @PostMapping("/meetings/{meetingId}/invitations")
    String invite(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long meetingId,
            @RequestParam(defaultValue = "alliance-client") String instrument,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "false") boolean send,
            RedirectAttributes redirect) {
        Meeting meeting = caseload.meetingOf(user.id(), meetingId).orElseThrow(NotYours::new);
        if (!CLIENT_INSTRUMENTS.contains(instrument)) {
            instrument = CLIENT_INSTRUMENTS.get(0);
        }
        Organisation organisation = organisations.get(user.organisationId());
        // Anything but one of the four languages means no choice: the client's browser decides (docs/rules.md).
        Optional<Language> chosen = language.isBlank() ? Optional.empty() : Language.fromCode(language);
        IssuedInvitation issued = invitations.issueInLanguage(
                meeting.id(), instrument, user.id(), organisation.invitationLifetime(), chosen);
        audit.record(user.username(), "invitation created", "meeting " + meeting.id());
        Optional<ContactDetails> contact = send ? contacts.of(meeting.clientId()) : Optional.empty();
        if (contact.isPresent()) {
            // The token exists only now: the message goes out in this request, in the client's language.
            Optional<InvitationMessages.Outcome> outcome = linkSender.sendInvitation(
                    issued.id(),
                    contact.get(),
                    chosen.orElse(organisation.language()),
                    ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/c/{token}")
                            .buildAndExpand(issued.token())
                            .toUriString(),
                    ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/c")
                            .toUriString(),
                    issued.displayCode(),
                    issued.expiresAt());
            audit.record(
                    user.username(),
                    "invitation link sent",
                    "meeting " + meeting.id() + " by " + contact.get().channel() + ": "
                            + outcome.map(Enum::name).orElse("before"));
            redirect.addFlashAttribute("sent", "invitation.sent." + outcome.orElse(InvitationMessages.Outcome.SENT));
            redirect.addFlashAttribute("sentTo", contact.get().masked());
        }
        issued.flashTo(redirect);
        return "redirect:/meetings/" + meetingId + "/invitation";
    }

    @GetMapping("/meetings/{meetingId}/invitation")
    String invitation(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long meetingId, Locale locale, Model model) {
        Meeting meeting = caseload.meetingOf(user.id(), meetingId).orElseThrow(NotYours::new);
        Object token = model.getAttribute("token");
        if (token == null) {
            // The secrets exist only once; after a reload the professional makes a new invitation.
            return "redirect:/clients/" + meeting.clientId();
        }
        String link = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/c/{token}")
                .buildAndExpand(token)
                .toUriString();
        String codePage =
                ServletUriComponentsBuilder.fromCurrentContextPath().path("/c").toUriString();
        model.addAttribute("link", link);
        model.addAttribute("codePage", codePage);
        // Minutes are enough for a person, in the organisation's time zone and the reader's language.
        if (model.getAttribute("expiresAtInstant") instanceof java.time.Instant expires) {
            model.addAttribute("expiresAt", Formats.dateTime(expires, clock.getZone(), locale));
        }
        model.addAttribute("qr", QrCodeSvg.of(link, messages.getMessage("invitation.qr", null, locale)));
        model.addAttribute("meeting", meeting);
        return "caseload/invitation";
    }

    @PostMapping("/clients/{clientId}/contact")
    String saveContact(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "false") boolean consent,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        caseload.clientOf(user.id(), clientId).orElseThrow(NotYours::new);
        Optional<Channel> how = Arrays.stream(Channel.values())
                .filter(c -> c.name().equals(channel))
                .findFirst();
        Optional<String> normalised = how.flatMap(c -> ContactAddresses.normalise(
                c, address, organisations.get(user.organisationId()).language()));
        String error = null;
        if (how.isEmpty()) {
            error = "contact.error.channel";
        } else if (normalised.isEmpty()) {
            error = how.get() == Channel.EMAIL ? "contact.error.email" : "contact.error.phone";
        } else if (!consent) {
            error = "contact.error.consent";
        }
        if (error != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            String page = client(user, clientId, locale, model);
            model.addAttribute("contactError", error);
            model.addAttribute("contactChannel", channel);
            model.addAttribute("contactAddress", address);
            return page;
        }
        contacts.save(new ContactDetails(clientId, how.get(), normalised.get(), clock.instant(), user.id()));
        // Ids only: the address itself stays out of the audit log.
        audit.record(user.username(), "contact details saved", "client " + clientId + " " + how.get());
        redirect.addFlashAttribute("done", "contact.done.saved");
        return "redirect:/clients/" + clientId;
    }

    @PostMapping("/clients/{clientId}/contact/delete")
    String deleteContact(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long clientId, RedirectAttributes redirect) {
        caseload.clientOf(user.id(), clientId).orElseThrow(NotYours::new);
        if (contacts.delete(clientId)) {
            audit.record(user.username(), "contact details deleted", "client " + clientId);
        }
        redirect.addFlashAttribute("done", "contact.done.deleted");
        return "redirect:/clients/" + clientId;
    }

    @PostMapping("/clients/{clientId}/schedule")
    String setSchedule(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String weeks,
            @RequestParam(defaultValue = "alliance-client") String instrument,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        caseload.clientOf(user.id(), clientId).orElseThrow(NotYours::new);
        if (kind.equals("NONE")) {
            if (schedules.delete(clientId)) {
                audit.record(user.username(), "schedule removed", "client " + clientId);
            }
            redirect.addFlashAttribute("done", "schedule.done.removed");
            return "redirect:/clients/" + clientId;
        }
        Optional<Schedule.Kind> how = Arrays.stream(Schedule.Kind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst();
        java.util.OptionalInt n = java.util.OptionalInt.empty();
        if (how.isPresent() && how.get() == Schedule.Kind.EVERY_N_WEEKS) {
            n = weeks.strip().matches("[0-9]{1,2}")
                    ? java.util.OptionalInt.of(Integer.parseInt(weeks.strip()))
                    : java.util.OptionalInt.of(0);
        }
        boolean weeksWrong = n.isPresent() && (n.getAsInt() < 1 || n.getAsInt() > Schedule.MAX_WEEKS);
        if (how.isEmpty() || weeksWrong || !CLIENT_INSTRUMENTS.contains(instrument)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            String page = client(user, clientId, locale, model);
            model.addAttribute("scheduleError", true);
            model.addAttribute("scheduleWeeks", weeks);
            return page;
        }
        schedules.save(new Schedule(clientId, how.get(), n, instrument, clock.instant(), user.id()));
        audit.record(user.username(), "schedule set", "client " + clientId + " " + how.get() + " " + weeks);
        redirect.addFlashAttribute("done", "schedule.done.set");
        return "redirect:/clients/" + clientId;
    }

    @GetMapping("/meetings/{meetingId}/rating")
    String ratingForm(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long meetingId, Locale locale, Model model) {
        Meeting meeting = caseload.meetingOf(user.id(), meetingId).orElseThrow(NotYours::new);
        return showRating(
                meeting,
                AnswerForm.read(professionalInstrument(), Map.of()),
                UUID.randomUUID().toString(),
                false,
                locale,
                model);
    }

    @PostMapping("/meetings/{meetingId}/rating")
    String rate(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long meetingId,
            @RequestParam Map<String, String> parameters,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Meeting meeting = caseload.meetingOf(user.id(), meetingId).orElseThrow(NotYours::new);
        Instrument instrument = professionalInstrument();
        AnswerForm answers = AnswerForm.read(instrument, parameters);
        String key = CheckInSubmission.keyOrNew(parameters.get("idempotencyKey"));
        if (!answers.acceptable()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showRating(meeting, answers, key, answers.answers().isEmpty(), locale, model);
        }
        CheckIns.Outcome outcome = checkIns.submitRating(
                meeting.id(),
                meeting.clientId(),
                CheckInSubmission.ordinary(
                        instrument, Languages.of(locale), ReleaseChoice.NOW, key, answers.answers()));
        if (outcome == CheckIns.Outcome.SAVED) {
            audit.record(user.username(), "rating submitted", "meeting " + meeting.id());
        }
        redirect.addFlashAttribute("done", "meeting.done.rated");
        return "redirect:/clients/" + meeting.clientId();
    }

    @PostMapping("/meetings/{meetingId}/edit")
    String changeMeeting(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long meetingId,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String kind,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Meeting meeting = caseload.meetingOf(user.id(), meetingId).orElseThrow(NotYours::new);
        Optional<LocalDate> day = MeetingDates.parse(date);
        Optional<Meeting.Kind> meetingKind = Meeting.Kind.parse(kind);
        if (day.isEmpty() || meetingKind.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("editError", meeting.id());
            return client(user, meeting.clientId(), locale, model);
        }
        caseload.changeMeeting(meeting.id(), day.get(), meetingKind.get());
        audit.record(
                user.username(),
                "meeting changed",
                "meeting " + meeting.id() + ": " + meeting.date() + " " + meeting.kind() + " -> " + day.get() + " "
                        + meetingKind.get());
        redirect.addFlashAttribute("done", "meeting.done.changed");
        return "redirect:/clients/" + meeting.clientId();
    }

    @GetMapping("/meetings/{meetingId}/delete")
    String confirmDeletion(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long meetingId, Locale locale, Model model) {
        Meeting meeting = caseload.meetingOf(user.id(), meetingId).orElseThrow(NotYours::new);
        model.addAttribute("meeting", meeting);
        model.addAttribute("dateText", Formats.date(meeting.date(), locale));
        model.addAttribute(
                "client", caseload.clientOf(user.id(), meeting.clientId()).orElseThrow(NotYours::new));
        return "caseload/delete-meeting";
    }

    @PostMapping("/meetings/{meetingId}/delete")
    String deleteMeeting(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long meetingId,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Meeting meeting = caseload.meetingOf(user.id(), meetingId).orElseThrow(NotYours::new);
        if (caseload.deleteMeeting(meeting.id()) == Caseload.Deletion.HAS_RECORDS) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("deleteRefused", meeting.id());
            return client(user, meeting.clientId(), locale, model);
        }
        audit.record(user.username(), "meeting deleted", "meeting " + meeting.id() + " of " + meeting.date());
        redirect.addFlashAttribute("done", "meeting.done.deleted");
        return "redirect:/clients/" + meeting.clientId();
    }

    private String showRating(
            Meeting meeting, AnswerForm answers, String key, boolean noAnswers, Locale locale, Model model) {
        return new RatingPage(
                        "/clients/" + meeting.clientId(), "invitation.back", "/meetings/" + meeting.id() + "/rating")
                .show(model, meeting, professionalInstrument(), answers, key, noAnswers, locale);
    }

    private Instrument professionalInstrument() {
        return catalog.find(ClientSignals.PROFESSIONAL_QUESTIONNAIRE).orElseThrow();
    }
}
