package org.alliance.app.caseload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.checkin.StoredCheckIn;
import org.alliance.core.alert.Alert;
import org.alliance.core.alert.AlertRules;
import org.alliance.core.alert.AlertThresholds;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.scoring.ScoreSheet;
import org.alliance.core.scoring.Scoring;

/**
 * The scores and alerts of one client as the professional may see them, computed once from the check-ins the
 * professional may see: the client page ({@link ClientReport}) and the caseload overview ({@link CaseloadOverview})
 * both read them from here, so the overview never shows a signal the client page would not.
 *
 * @param perInstrument per client questionnaire that has answers, its check-ins and score sheets, oldest first
 * @param professionalByMeeting the professional's own rating per meeting
 * @param alerts every alert with the questionnaire it is about
 */
record ClientSignals(
        List<InstrumentScores> perInstrument, Map<Long, ScoreSheet> professionalByMeeting, List<Raised> alerts) {

    static final String CLIENT_QUESTIONNAIRE = "alliance-client";
    static final String PROFESSIONAL_QUESTIONNAIRE = "alliance-professional";

    /** One client questionnaire's answers, oldest meeting first, with their score sheets. */
    record InstrumentScores(Instrument instrument, List<StoredCheckIn> checkIns, List<ScoreSheet> sheets) {}

    /** An alert and the questionnaire whose rules raised it. */
    record Raised(Instrument instrument, Alert alert) {}

    static ClientSignals of(List<StoredCheckIn> visible, InstrumentCatalog catalog, AlertThresholds thresholds) {
        Map<Long, ScoreSheet> professionalByMeeting = new LinkedHashMap<>();
        Optional<Instrument> professionalInstrument = catalog.find(PROFESSIONAL_QUESTIONNAIRE);
        for (StoredCheckIn checkIn : visible) {
            if (checkIn.instrumentId().equals(PROFESSIONAL_QUESTIONNAIRE)) {
                professionalInstrument.ifPresent(
                        i -> professionalByMeeting.put(checkIn.meetingId(), Scoring.score(i, checkIn.answers())));
            }
        }
        List<InstrumentScores> perInstrument = new ArrayList<>();
        List<Raised> alerts = new ArrayList<>();
        for (Instrument instrument : catalog.all()) {
            // Joint check-ins (asked per professional) have their own results page in the joint package.
            if (!instrument.perspective().code().equals("client") || instrument.asksPerProfessional()) {
                continue;
            }
            List<StoredCheckIn> ofInstrument = visible.stream()
                    .filter(c -> c.instrumentId().equals(instrument.id())
                            && c.perspective().equals("client"))
                    .toList();
            if (ofInstrument.isEmpty()) {
                continue;
            }
            List<ScoreSheet> sheets = ofInstrument.stream()
                    .map(c -> Scoring.score(instrument, c.answers()))
                    .toList();
            perInstrument.add(new InstrumentScores(instrument, ofInstrument, sheets));
            StoredCheckIn latest = ofInstrument.get(ofInstrument.size() - 1);
            Optional<ScoreSheet> professional = instrument.id().equals(CLIENT_QUESTIONNAIRE)
                    ? Optional.ofNullable(professionalByMeeting.get(latest.meetingId()))
                    : Optional.empty();
            for (Alert alert : AlertRules.evaluate(instrument, sheets, professional, thresholds)) {
                alerts.add(new Raised(instrument, alert));
            }
        }
        return new ClientSignals(List.copyOf(perInstrument), professionalByMeeting, List.copyOf(alerts));
    }
}
