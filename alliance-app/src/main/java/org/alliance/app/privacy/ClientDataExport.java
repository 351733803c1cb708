package org.alliance.app.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Meeting;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.StoredCheckIn;
import org.alliance.app.conversation.Discussions;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.Formats;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.ResponseFormat;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;
import org.alliance.core.scoring.Scoring;
import org.alliance.stats.provenance.Provenance;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Gathers {@link ClientData} for one client of an organisation: all check-ins, whatever the client chose to release
 * to the professional (it is the client's own data), the older answers a newer one replaced included.
 */
@Component
public class ClientDataExport {

    private final ClientErasure clients;
    private final Caseload caseload;
    private final CheckIns checkIns;
    private final InstrumentCatalog catalog;
    private final Organisations organisations;
    private final Discussions discussions;
    private final MessageSource messages;
    private final Clock clock;

    ClientDataExport(
            ClientErasure clients,
            Caseload caseload,
            CheckIns checkIns,
            InstrumentCatalog catalog,
            Organisations organisations,
            Discussions discussions,
            MessageSource messages,
            Clock clock) {
        this.clients = clients;
        this.caseload = caseload;
        this.checkIns = checkIns;
        this.catalog = catalog;
        this.organisations = organisations;
        this.discussions = discussions;
        this.messages = messages;
        this.clock = clock;
    }

    /** The client's data in the language of {@code locale}; empty for another organisation's client. */
    public java.util.Optional<ClientData> of(long organisationId, long clientId, Locale locale) {
        return clients.byId(organisationId, clientId).map(found -> build(organisationId, found, locale));
    }

    private ClientData build(long organisationId, ClientErasure.Found client, Locale locale) {
        Language language = Languages.of(locale);
        List<ClientData.MeetingData> meetings = new ArrayList<>();
        for (Meeting m : caseload.meetings(client.id())) {
            meetings.add(new ClientData.MeetingData(
                    m.date().toString(),
                    messages.getMessage(
                            "meeting.kind." + m.kind().name(), null, m.kind().name(), locale)));
        }
        List<ClientData.Answered> own = new ArrayList<>();
        List<ClientData.Answered> byProfessionals = new ArrayList<>();
        for (StoredCheckIn checkIn : checkIns.forClient(client.id(), false)) {
            java.util.Optional<Instrument> instrument = catalog.find(checkIn.instrumentId());
            if (instrument.isEmpty()) {
                continue;
            }
            ClientData.Answered answered = answered(checkIn, instrument.get(), language, locale);
            (checkIn.perspective().equals("client") ? own : byProfessionals).add(answered);
        }
        return new ClientData(
                client.alias(),
                client.reference(),
                organisations.get(organisationId).name(),
                language.code(),
                clock.instant().atZone(clock.getZone()).toOffsetDateTime().toString(),
                "Alliance " + Provenance.Software.ALLIANCE.version(),
                meetings,
                own,
                byProfessionals,
                discussed(client.id(), locale),
                clients.whatWouldGo(client.id()));
    }

    private List<ClientData.DiscussedData> discussed(long clientId, Locale locale) {
        List<ClientData.DiscussedData> records = new ArrayList<>();
        for (Discussions.Discussed d : discussions.ofClient(clientId)) {
            records.add(new ClientData.DiscussedData(
                    d.meetingDate().toString(),
                    messages.getMessage(
                            "conversation.signal." + d.signal().code(),
                            null,
                            d.signal().code(),
                            locale),
                    d.discussed(),
                    d.whatChanged().orElse(null),
                    d.recordedAt().atZone(clock.getZone()).toOffsetDateTime().toString()));
        }
        return records;
    }

    private ClientData.Answered answered(
            StoredCheckIn checkIn, Instrument instrument, Language language, Locale locale) {
        List<ClientData.AnswerData> answers = new ArrayList<>();
        for (Item item : instrument.items()) {
            Double value = checkIn.answers().get(item.id());
            // Answers per professional (joint meetings) are stored per block, not here; counted in stored_rows.
            if (value == null || item.perProfessional()) {
                continue;
            }
            answers.add(new ClientData.AnswerData(
                    item.id(), item.text().get(language), value, label(instrument.format(item), value, language)));
        }
        ScoreSheet sheet = Scoring.score(instrument, checkIn.answers());
        List<ClientData.ScoreData> scores = new ArrayList<>();
        for (ScaleScore score : sheet.scales()) {
            scores.add(new ClientData.ScoreData(
                    instrument
                            .findScale(score.scale())
                            .map(s -> s.name().get(language))
                            .orElse(score.scale()),
                    score.score().isPresent() ? score.score().getAsDouble() : null,
                    score.answered(),
                    score.items(),
                    score.provenance().instrument().rule()));
        }
        return new ClientData.Answered(
                checkIn.meetingDate().toString(),
                instrument.title().get(language),
                instrument.id(),
                checkIn.instrumentVersion(),
                checkIn.perspective(),
                checkIn.submittedAt().atZone(clock.getZone()).toOffsetDateTime().toString(),
                messages.getMessage("release." + checkIn.release().name(), null, locale),
                answers,
                scores);
    }

    private static String label(ResponseFormat format, double value, Language language) {
        if (format instanceof ResponseFormat.Likert likert) {
            for (ResponseFormat.Point point : likert.points()) {
                if (point.value() == value) {
                    return point.label().get(language);
                }
            }
        }
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** Today in the organisation's zone, for file names. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A date as the reader's language writes it (the PDF). */
    static String date(String isoDate, Locale locale) {
        return Formats.date(LocalDate.parse(isoDate), locale);
    }
}
