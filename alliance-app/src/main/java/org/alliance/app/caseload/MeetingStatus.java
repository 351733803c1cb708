package org.alliance.app.caseload;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.alliance.app.checkin.Invitations.LatestInvitation;
import org.alliance.app.checkin.StoredCheckIn;
import org.alliance.app.system.Formats;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.release.ReleaseRule;
import org.springframework.context.MessageSource;

/**
 * Where one meeting stands for the professional: what became of the client's check-in (invited, answered, held
 * back until a date, for the team figures only, not answered) and whether the professional rated it. Used by the
 * meetings on the client page and by the caseload overview (the meeting of the last invitation), so both say the
 * same. It says that a held-back answer exists, never what it says: that is what the client was told ("your
 * counsellor sees your answers on the day of your next meeting").
 *
 * @param when for {@code OPEN} the invitation's expiry, for {@code HELD_BACK} the release, in words
 */
record MeetingStatus(CheckIn checkIn, String when, boolean ratedByMe) {

    /** What became of the client's check-in about the meeting. */
    enum CheckIn {
        NONE,
        OPEN,
        ANSWERED,
        HELD_BACK,
        NOT_SHOWN,
        NOT_ANSWERED
    }

    /**
     * @param invitation the latest invitation for this meeting, if any
     * @param current the client's current check-ins ({@code CheckIns.currentForClient(id, false)}), all meetings
     * @param meetingDates the dates of all of the client's meetings (for the release rule)
     */
    static MeetingStatus of(
            Meeting meeting,
            Optional<LatestInvitation> invitation,
            List<StoredCheckIn> current,
            List<LocalDate> meetingDates,
            Clock clock,
            MessageSource messages,
            Locale locale) {
        boolean rated = current.stream()
                .anyMatch(c -> c.meetingId() == meeting.id()
                        && c.instrumentId().equals(ClientSignals.PROFESSIONAL_QUESTIONNAIRE));
        Optional<StoredCheckIn> answer = current.stream()
                .filter(c -> c.meetingId() == meeting.id()
                        && c.perspective().equals("client")
                        && invitation
                                .map(i -> i.instrumentId().equals(c.instrumentId()))
                                .orElse(true))
                .reduce((first, second) -> second);
        if (answer.isPresent()) {
            StoredCheckIn a = answer.get();
            if (a.released()) {
                return new MeetingStatus(CheckIn.ANSWERED, "", rated);
            }
            if (a.release() == ReleaseChoice.TEAM_ONLY) {
                return new MeetingStatus(CheckIn.NOT_SHOWN, "", rated);
            }
            // Shown on the next meeting's date; while no later meeting is entered, "at the next meeting".
            String when = ReleaseRule.releasedAt(
                            a.release(), a.submittedAt(), a.meetingDate(), meetingDates, clock.getZone())
                    .map(at -> messages.getMessage(
                            "meeting.status.on",
                            new Object[] {Formats.date(LocalDate.ofInstant(at, clock.getZone()), locale)},
                            locale))
                    .orElseGet(() -> messages.getMessage("meeting.status.nextMeeting", null, locale));
            return new MeetingStatus(CheckIn.HELD_BACK, when, rated);
        }
        if (invitation.isEmpty()) {
            return new MeetingStatus(CheckIn.NONE, "", rated);
        }
        LatestInvitation inv = invitation.get();
        Instant now = clock.instant();
        if (inv.consumedAt().isEmpty() && now.isBefore(inv.expiresAt())) {
            return new MeetingStatus(CheckIn.OPEN, Formats.dateTime(inv.expiresAt(), clock.getZone(), locale), rated);
        }
        return new MeetingStatus(CheckIn.NOT_ANSWERED, "", rated);
    }

    /** The check-in's state in words, e.g. "Answered, you see it on 16 Mar 2026". */
    String checkInText(MessageSource messages, Locale locale) {
        return messages.getMessage("meeting.status." + checkIn.name(), new Object[] {when}, locale);
    }
}
