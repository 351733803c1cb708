package org.alliance.app.caseload;

import java.time.LocalDate;
import java.util.Locale;
import org.alliance.app.system.Formats;
import org.springframework.context.MessageSource;

/**
 * A meeting as the client page lists it: its date in the reader's language and where it stands
 * ({@link MeetingStatus}) in words.
 *
 * @param checkIn the client's check-in about the meeting in words; empty when the client was not invited
 */
record MeetingRow(long id, LocalDate date, Meeting.Kind kind, String dateText, String checkIn, boolean ratedByMe) {

    static MeetingRow of(Meeting meeting, MeetingStatus status, MessageSource messages, Locale locale) {
        return new MeetingRow(
                meeting.id(),
                meeting.date(),
                meeting.kind(),
                Formats.date(meeting.date(), locale),
                status.checkIn() == MeetingStatus.CheckIn.NONE ? "" : status.checkInText(messages, locale),
                status.ratedByMe());
    }
}
