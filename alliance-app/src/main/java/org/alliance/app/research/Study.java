package org.alliance.app.research;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Language;

/**
 * A research study of one organisation: what it is for and on which legal basis (in words), which check-ins belong
 * to it (period, teams, instruments), its waves, how the export treats dates and free text, and who may see it. The
 * secret that keys its pseudonyms is not part of this record, so no page or log can show it.
 *
 * @param id 0 for a study not stored yet
 * @param allowsAnonymisation whether the study may keep anonymised answers after a client is erased (docs/privacy.md,
 *     "Anonymising"); never together with free text, which may name the client
 */
public record Study(
        long id,
        long organisationId,
        String title,
        String purpose,
        String legalBasis,
        LocalDate startsOn,
        LocalDate endsOn,
        Language language,
        boolean shiftDates,
        boolean includeFreeText,
        boolean allowsAnonymisation,
        List<Long> teams,
        List<String> instruments,
        List<Wave> waves,
        List<Long> researchers) {

    /** A wave such as T1: the check-ins about meetings from {@code startsOn} to {@code endsOn}, both included. */
    public record Wave(String name, LocalDate startsOn, LocalDate endsOn) {
        public Wave {
            if (endsOn.isBefore(startsOn)) {
                throw new IllegalArgumentException(
                        "wave " + name + " ends " + endsOn + " before it starts " + startsOn);
            }
        }

        boolean contains(LocalDate date) {
            return !date.isBefore(startsOn) && !date.isAfter(endsOn);
        }
    }

    public Study {
        if (endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("study ends " + endsOn + " before it starts " + startsOn);
        }
        if (allowsAnonymisation && includeFreeText) {
            throw new IllegalArgumentException("study " + id + " cannot keep anonymised answers with free text");
        }
        teams = List.copyOf(teams);
        instruments = List.copyOf(instruments);
        waves = List.copyOf(waves);
        researchers = List.copyOf(researchers);
    }

    /** The wave a meeting's date falls in (waves do not overlap), if any. */
    public Optional<Wave> waveOf(LocalDate meetingDate) {
        return waves.stream().filter(w -> w.contains(meetingDate)).findFirst();
    }
}
