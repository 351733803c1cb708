package org.alliance.app.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.checkin.StoredCheckIn;
import org.alliance.app.coding.MeetingObservations;
import org.alliance.app.conversation.ConversationPrompts;
import org.alliance.app.conversation.Discussions;
import org.alliance.app.organisation.Organisation;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.reminder.Channel;
import org.alliance.app.reminder.ClientContacts;
import org.alliance.app.reminder.ClientSchedules;
import org.alliance.app.reminder.Schedule;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Formats;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.InstrumentCatalog;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The professional's client page, built in one place: the report, the meetings with their status, the
 * conversation, the contact and schedule forms, and the sections other features add ({@link ClientPagePart}). Every
 * form on the page that comes back with an inline error shows the page again through {@link #show}, whichever
 * controller took the form.
 */
@Component
class ClientPage {

    static final String TEMPLATE = "caseload/client";

    /** The questionnaires a professional can invite a client to answer. */
    static final List<String> CLIENT_INSTRUMENTS = List.of("alliance-client", "alliance-session-check");

    /** An open signal with its openers for the next meeting (docs/rules.md, "Conversation prompts"). */
    record Prompts(ConversationPrompts.Signal signal, List<ConversationPrompts.Group> groups) {}

    /** A "discussed" record as the client page's history shows it. */
    record DiscussedRow(String dateText, ConversationPrompts.Signal signal, boolean discussed, String whatChanged) {}

    /** A meeting the professional can record a conversation about: one that took place (today or before). */
    record PastMeeting(long id, String text) {}

    private final OwnClients own;
    private final Caseload caseload;
    private final CheckIns checkIns;
    private final Invitations invitations;
    private final Organisations organisations;
    private final InstrumentCatalog catalog;
    private final MessageSource messages;
    private final AuditLog audit;
    private final MeetingObservations observations;
    private final ExpectedBand expectedBand;
    private final ClientContacts contacts;
    private final ClientSchedules schedules;
    private final Discussions discussions;
    private final Clock clock;

    /** Sections other features add to the client page (expectations, …), in bean order. */
    private final List<ClientPagePart> parts;

    ClientPage(
            OwnClients own,
            Caseload caseload,
            CheckIns checkIns,
            Invitations invitations,
            Organisations organisations,
            InstrumentCatalog catalog,
            MessageSource messages,
            AuditLog audit,
            MeetingObservations observations,
            ExpectedBand expectedBand,
            ClientContacts contacts,
            ClientSchedules schedules,
            Discussions discussions,
            List<ClientPagePart> parts,
            Clock clock) {
        this.own = own;
        this.caseload = caseload;
        this.checkIns = checkIns;
        this.invitations = invitations;
        this.organisations = organisations;
        this.catalog = catalog;
        this.messages = messages;
        this.audit = audit;
        this.observations = observations;
        this.expectedBand = expectedBand;
        this.contacts = contacts;
        this.schedules = schedules;
        this.discussions = discussions;
        this.parts = List.copyOf(parts);
        this.clock = clock;
    }

    /**
     * Fills {@code model} with the page of one of the professional's own clients (404 for any other) and returns its
     * template. Attributes a refused form put in the model before stay, except where the page sets its own.
     */
    String show(CurrentUser user, long clientId, Locale locale, Model model) {
        Client client = own.client(user, clientId);
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
        Map<Long, Map<String, Object>> observed = new HashMap<>();
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
        return TEMPLATE;
    }

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
}
