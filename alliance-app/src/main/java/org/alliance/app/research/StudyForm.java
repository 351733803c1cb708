package org.alliance.app.research;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.app.caseload.MeetingDates;
import org.alliance.core.instrument.Language;

/**
 * The administrator's form for a new study, read field by field: every problem is named with the field it belongs
 * to (the page shows it beside the field and in the summary), and a study is made only when there is none.
 *
 * @param values what was sent, to show the form again as it was
 * @param errors field name → message key, in the order of the form
 */
record StudyForm(Map<String, Object> values, Map<String, String> errors, Optional<Study> study) {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4000;
    static final int MAX_WAVE_NAME = 40;

    /**
     * @param teams the organisation's teams (ids); others are refused
     * @param instruments the instruments that can be chosen; others are refused
     * @param researchers the organisation's researchers (ids); others are refused
     */
    static StudyForm read(
            long organisationId,
            Map<String, String> fields,
            List<String> chosenTeams,
            List<String> chosenInstruments,
            List<String> chosenResearchers,
            Set<Long> teams,
            Set<String> instruments,
            Set<Long> researchers) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        String title = text(fields, "title", values);
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            errors.put("title", "study.error.title");
        }
        String purpose = text(fields, "purpose", values);
        if (purpose.isEmpty() || purpose.length() > MAX_TEXT) {
            errors.put("purpose", "study.error.purpose");
        }
        String legalBasis = text(fields, "legalBasis", values);
        if (legalBasis.isEmpty() || legalBasis.length() > MAX_TEXT) {
            errors.put("legalBasis", "study.error.legalBasis");
        }
        Optional<LocalDate> startsOn = MeetingDates.parse(text(fields, "startsOn", values));
        if (startsOn.isEmpty()) {
            errors.put("startsOn", "study.error.date");
        }
        Optional<LocalDate> endsOn = MeetingDates.parse(text(fields, "endsOn", values));
        if (endsOn.isEmpty()) {
            errors.put("endsOn", "study.error.date");
        } else if (startsOn.isPresent() && endsOn.get().isBefore(startsOn.get())) {
            errors.put("endsOn", "study.error.period");
        }
        String languageCode = text(fields, "language", values);
        Optional<Language> language =
                Language.fromCode(languageCode).filter(l -> l.code().equals(languageCode));
        if (language.isEmpty()) {
            errors.put("language", "study.error.language");
        }
        List<Long> teamIds = ids(chosenTeams, teams);
        values.put("teams", chosenTeams);
        if (teamIds.isEmpty() || teamIds.size() != chosenTeams.size()) {
            errors.put("teams", "study.error.teams");
        }
        List<String> instrumentIds = new ArrayList<>(new LinkedHashSet<>(chosenInstruments));
        values.put("instruments", chosenInstruments);
        if (instrumentIds.isEmpty() || !instruments.containsAll(instrumentIds)) {
            errors.put("instruments", "study.error.instruments");
        }
        String waveText = fields.getOrDefault("waves", "");
        values.put("waves", waveText);
        Optional<List<Study.Wave>> waves = waves(waveText);
        if (waves.isEmpty()) {
            errors.put("waves", "study.error.waves");
        }
        boolean shiftDates = "yes".equals(fields.get("shiftDates"));
        boolean includeFreeText = "yes".equals(fields.get("includeFreeText"));
        values.put("shiftDates", shiftDates);
        values.put("includeFreeText", includeFreeText);
        boolean allowsAnonymisation = "yes".equals(fields.get("allowsAnonymisation"));
        values.put("allowsAnonymisation", allowsAnonymisation);
        if (allowsAnonymisation && includeFreeText) {
            // Free text may name the client: what stays after anonymising must not.
            errors.put("allowsAnonymisation", "study.error.allowsAnonymisation");
        }
        List<Long> researcherIds = ids(chosenResearchers, researchers);
        values.put("researchers", chosenResearchers);
        if (researcherIds.size() != chosenResearchers.size()) {
            errors.put("researchers", "study.error.researchers");
        }
        if (!errors.isEmpty()) {
            return new StudyForm(values, errors, Optional.empty());
        }
        return new StudyForm(
                values,
                errors,
                Optional.of(new Study(
                        0,
                        organisationId,
                        title,
                        purpose,
                        legalBasis,
                        startsOn.orElseThrow(),
                        endsOn.orElseThrow(),
                        language.orElseThrow(),
                        shiftDates,
                        includeFreeText,
                        allowsAnonymisation,
                        teamIds,
                        instrumentIds,
                        waves.orElseThrow(),
                        researcherIds)));
    }

    private static String text(Map<String, String> fields, String name, Map<String, Object> values) {
        String value = fields.getOrDefault(name, "").strip();
        values.put(name, value);
        return value;
    }

    /** The chosen ids that are allowed, without repeats; anything else (not a number, not allowed) is left out. */
    static List<Long> ids(List<String> chosen, Set<Long> allowed) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String text : chosen) {
            try {
                long id = Long.parseLong(text.strip());
                if (allowed.contains(id)) {
                    ids.add(id);
                }
            } catch (NumberFormatException e) {
                // not an id: counted as a wrong choice by the caller
            }
        }
        return List.copyOf(ids);
    }

    /**
     * Waves, one per line: a name without spaces (at most 40 characters), the first and the last date, e.g. {@code T1
     * 2026-01-01 2026-03-31}. Empty lines are skipped; names must differ and periods must not overlap. Empty when a
     * line is wrong.
     */
    static Optional<List<Study.Wave>> waves(String text) {
        List<Study.Wave> waves = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            String[] parts = stripped.split("\\s+");
            if (parts.length != 3 || parts[0].length() > MAX_WAVE_NAME) {
                return Optional.empty();
            }
            Optional<LocalDate> from = MeetingDates.parse(parts[1]);
            Optional<LocalDate> to = MeetingDates.parse(parts[2]);
            if (from.isEmpty()
                    || to.isEmpty()
                    || to.get().isBefore(from.get())
                    || !names.add(parts[0].toLowerCase(java.util.Locale.ROOT))) {
                return Optional.empty();
            }
            Study.Wave wave = new Study.Wave(parts[0], from.get(), to.get());
            boolean overlaps = waves.stream()
                    .anyMatch(w -> !wave.startsOn().isAfter(w.endsOn())
                            && !w.startsOn().isAfter(wave.endsOn()));
            if (overlaps) {
                return Optional.empty();
            }
            waves.add(wave);
        }
        return Optional.of(List.copyOf(waves));
    }
}
