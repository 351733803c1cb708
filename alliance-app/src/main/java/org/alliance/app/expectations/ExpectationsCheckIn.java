package org.alliance.app.expectations;

import java.util.Map;
import java.util.Optional;
import org.alliance.app.checkin.CheckInExtra;
import org.alliance.app.checkin.CheckInSubmission;
import org.alliance.app.checkin.Invitation;
import org.alliance.core.expectations.Occasion;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Perspective;
import org.springframework.stereotype.Component;

/**
 * The client's expectations as a block of the check-in (docs/rules.md, "Expectations"): at the client's first
 * meeting the intake questions, at the revisit meeting "how did it go". It rides on the check-in: the same link or
 * code, the same release choice, stored in the check-in's transaction, so a retry or a double click stores it once
 * with the check-in, and nothing is stored without it.
 */
@Component
class ExpectationsCheckIn implements CheckInExtra {

    static final String TEMPLATE = "expectations/block";

    private final Expectations expectations;
    private final InstrumentCatalog catalog;

    ExpectationsCheckIn(Expectations expectations, InstrumentCatalog catalog) {
        this.expectations = expectations;
        this.catalog = catalog;
    }

    @Override
    public Optional<Block> block(Invitation invitation, Map<String, String> sent, Language language) {
        return occasion(invitation).map(occasion -> {
            ExpectationForm form = sent.isEmpty() ? ExpectationForm.EMPTY : ExpectationForm.read(sent);
            return new Block(TEMPLATE, ExpectationQuestions.of(Expectations.CLIENT, occasion, form), form.acceptable());
        });
    }

    @Override
    public void store(Invitation invitation, Block block, CheckInSubmission submission) {
        ExpectationQuestions questions = (ExpectationQuestions) block.content();
        expectations.storeClient(
                invitation.id(),
                invitation.clientId(),
                invitation.meetingId(),
                questions.occasion(),
                questions.form(),
                submission.language());
    }

    /** What is asked in this invitation's check-in: only a client's own questionnaire, at intake or revisit. */
    private Optional<Occasion> occasion(Invitation invitation) {
        boolean clientsOwn = catalog.find(invitation.instrumentId())
                .filter(i -> i.perspective() == Perspective.CLIENT && !i.asksPerProfessional())
                .isPresent();
        if (!clientsOwn || invitation.jointPartyId().isPresent()) {
            return Optional.empty();
        }
        return expectations
                .schedule(invitation.organisationId(), invitation.clientId())
                .occasionOf(invitation.meetingId());
    }
}
