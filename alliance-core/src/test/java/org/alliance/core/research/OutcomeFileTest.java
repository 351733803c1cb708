package org.alliance.core.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.core.research.OutcomeFile.Finding;
import org.alliance.core.research.OutcomeFile.Problem;
import org.alliance.core.research.OutcomeFile.Type;
import org.junit.jupiter.api.Test;

class OutcomeFileTest {

    private static final Map<String, Type> TYPES = OutcomeFile.declarations(
            "employed_6m yes-no\nhours = number\n# covariates\nage_band category\ngender category\n"
                    + "years_on_benefit number\nbenefit_since date");
    private static final Set<String> KNOWN = Set.of("C-AAAAAAAAAAAA", "C-BBBBBBBBBBBB");

    @Test
    void readsSemicolonsDecimalCommasDayFirstDatesAndAByteOrderMark() {
        String file = "\uFEFFstudy_pseudonym;outcome;date;value;age_band;gender;years_on_benefit\r\n"
                + "C-AAAAAAAAAAAA;employed_6m;30-09-2026;ja;30-39;f;2,5\r\n"
                + "c-aaaaaaaaaaaa;hours;30.09.2026;12,5;30-39;f;\r\n"
                + "C-BBBBBBBBBBBB;employed_6m;2026-09-30;nej;\"40-49\";m;1\r\n";
        OutcomeFile.Result result = OutcomeFile.read(file, TYPES, KNOWN);
        assertThat(result.problems()).isEmpty();
        assertThat(result.separator()).isEqualTo(';');
        assertThat(result.outcomes())
                .extracting(OutcomeFile.Outcome::value)
                .containsExactly(Optional.of("1"), Optional.of("12.5"), Optional.of("0"));
        assertThat(result.outcomes().get(1).date()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(result.covariates().get("C-AAAAAAAAAAAA"))
                .containsEntry("years_on_benefit", "2.5")
                .containsEntry("age_band", "30-39");
        assertThat(result.covariateNames()).containsExactly("age_band", "gender", "years_on_benefit");
        assertThat(result.clients()).isEqualTo(2);
    }

    @Test
    void aQuoteThatIsNeverClosedIsAProblemAtTheLineWhereItOpened() {
        String file = "client\toutcome\tdate\tvalue\n"
                + "C-AAAAAAAAAAAA\temployed_6m\t2026-09-30\t1\n"
                + "C-BBBBBBBBBBBB\t\"employed_6m\t2026-09-30\t0\n";
        OutcomeFile.Result result = OutcomeFile.read(file, TYPES, KNOWN);
        assertThat(result.separator()).isEqualTo('\t');
        assertThat(result.problems())
                .extracting(Finding::line, Finding::problem)
                .contains(org.assertj.core.groups.Tuple.tuple(3, Problem.UNCLOSED_QUOTE));
    }

    @Test
    void listsEveryProblemWithLineAndColumn() {
        String file = "client,outcome,date,value,gender,years_on_benefit\n"
                + "C-XXXXXXXXXXXX,employed_6m,2026-09-30,1,f,2\n" // unknown pseudonym
                + "C-AAAAAAAAAAAA,employed_6m,2026-02-30,1,f,2\n" // bad date
                + "C-AAAAAAAAAAAA,employed_6m,2026-09-30,maybe,f,2\n" // not yes/no
                + "C-AAAAAAAAAAAA,employed_6m,2026-09-30,1,f,\"2,5\"\n"
                + "C-AAAAAAAAAAAA,employed_6m,2026-09-30,0,f,2,5\n" // one field too many
                + "C-AAAAAAAAAAAA,employed_6m,2026-09-30,0,f,2.5\n" // duplicate of line 5
                + "C-AAAAAAAAAAAA,hours,2026-09-30,7,m,2.5\n" // gender differs from line 5
                + "C-BBBBBBBBBBBB,salary,2026-09-30,7,m,1\n"; // outcome not declared
        OutcomeFile.Result result = OutcomeFile.read(file, TYPES, KNOWN);
        assertThat(result.separator()).isEqualTo(',');
        assertThat(result.problems())
                .extracting(Finding::line, Finding::column, Finding::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, 1, Problem.UNKNOWN_PSEUDONYM),
                        org.assertj.core.groups.Tuple.tuple(3, 3, Problem.BAD_DATE),
                        org.assertj.core.groups.Tuple.tuple(4, 4, Problem.BAD_VALUE),
                        org.assertj.core.groups.Tuple.tuple(6, 0, Problem.FIELD_COUNT),
                        org.assertj.core.groups.Tuple.tuple(7, 0, Problem.DUPLICATE_ROW),
                        org.assertj.core.groups.Tuple.tuple(8, 5, Problem.COVARIATE_DIFFERS),
                        org.assertj.core.groups.Tuple.tuple(9, 2, Problem.UNDECLARED_OUTCOME));
        assertThat(result.problems().get(4).detail()).isEqualTo("5");
    }

    @Test
    void aColumnWithoutDeclarationOrAMissingKeyColumnIsNamed() {
        OutcomeFile.Result result = OutcomeFile.read("pseudonym;outcome;date;value;region\n", TYPES, KNOWN);
        assertThat(result.problems())
                .extracting(Finding::problem, Finding::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Problem.MISSING_COLUMN, "study_pseudonym"),
                        org.assertj.core.groups.Tuple.tuple(Problem.UNDECLARED_COLUMN, "pseudonym"),
                        org.assertj.core.groups.Tuple.tuple(Problem.UNDECLARED_COLUMN, "region"));
        assertThat(OutcomeFile.read("", TYPES, KNOWN).problems())
                .extracting(Finding::problem)
                .containsExactly(Problem.EMPTY_FILE);
    }

    @Test
    void declarationsNameTheLineThatIsNotOne() {
        assertThat(OutcomeFile.declarations("a yes/no\r\nb Number")).containsEntry("a", Type.YES_NO);
        assertThatThrownBy(() -> OutcomeFile.declarations("a yes-no\nb colour")).hasMessageContaining("line 2");
    }
}
