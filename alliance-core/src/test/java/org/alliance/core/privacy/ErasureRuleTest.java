package org.alliance.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.alliance.core.privacy.ErasureRule.Action;
import org.alliance.core.privacy.ErasureRule.Reason;
import org.alliance.core.privacy.ErasureRule.Study;
import org.junit.jupiter.api.Test;

class ErasureRuleTest {

    private static final Study ALLOWS = new Study(7, "Follow-up", true);
    private static final Study KEEPS_NOTHING = new Study(3, "Pilot", false);

    @Test
    void anOrganisationThatDoesNotAnonymiseErasesEvenInAnAllowingStudy() {
        ErasureRule.Decision decision = ErasureRule.decide(false, List.of(ALLOWS));
        assertThat(decision.action()).isEqualTo(Action.ERASE);
        assertThat(decision.reason()).isEqualTo(Reason.ORGANISATION_ERASES);
        assertThat(decision.studies()).isEmpty();
    }

    @Test
    void aClientInNoAllowingStudyIsErased() {
        assertThat(ErasureRule.decide(true, List.of(KEEPS_NOTHING)).reason()).isEqualTo(Reason.NO_ALLOWING_STUDY);
        assertThat(ErasureRule.decide(true, List.of()).action()).isEqualTo(Action.ERASE);
    }

    @Test
    void aClientInAnAllowingStudyIsAnonymisedForThoseStudiesOnly() {
        Study later = new Study(9, "Second", true);
        ErasureRule.Decision decision = ErasureRule.decide(true, List.of(later, KEEPS_NOTHING, ALLOWS));
        assertThat(decision.action()).isEqualTo(Action.ANONYMISE);
        assertThat(decision.reason()).isEqualTo(Reason.STUDY_ALLOWS);
        assertThat(decision.studies()).containsExactly(ALLOWS, later);
        assertThat(decision.firstStudy()).contains(ALLOWS);
    }

    @Test
    void aDecisionCannotContradictItself() {
        assertThatThrownBy(() -> new ErasureRule.Decision(Action.ANONYMISE, Reason.NO_ALLOWING_STUDY, List.of(ALLOWS)))
                .hasMessageContaining("ANONYMISE");
        assertThatThrownBy(() -> new ErasureRule.Decision(Action.ANONYMISE, Reason.STUDY_ALLOWS, List.of()))
                .hasMessageContaining("0 allowing");
    }

    @Test
    void reasonsHaveMessageKeys() {
        assertThat(Reason.NO_ALLOWING_STUDY.messageKey()).isEqualTo("erasure.reason.no-allowing-study");
    }
}
