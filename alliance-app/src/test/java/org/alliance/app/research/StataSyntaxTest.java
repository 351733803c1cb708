package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.research.ExportVariable;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The Stata do-file of {@code data.csv}, checked by its structure (there is no Stata here to run it): every column is
 * named within Stata's 32 characters, labelled, and every coded column gets a value label that is defined before
 * it is attached, with the missing codes as {@code .a}.
 */
class StataSyntaxTest {

    private static List<ExportVariable> variables() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Study study = TestStudy.of(1, 1L)
                .id(1)
                .title("Alliance \"and\" work `x' $y")
                .includeFreeText(true)
                .instruments(
                        "alliance-client", "alliance-professional", "alliance-joint-client", "alliance-session-check")
                .build();
        return new ExportColumns(InstrumentCatalog.builtIn(), messages)
                .data(study).stream().map(ExportColumns.Column::variable).toList();
    }

    @Test
    void everyColumnIsNamedWithinStatasLimitsAndLabelled() {
        List<ExportVariable> variables = variables();
        String syntax = StataSyntax.write("Alliance", "data.csv", variables);
        assertThat(syntax)
                .contains("import delimited using \"data.csv\", delimiters(\",\") varnames(nonames) rowrange(2)")
                .contains("stringcols(_all)");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < variables.size(); i++) {
            Matcher rename =
                    Pattern.compile("(?m)^rename v" + (i + 1) + " (\\S+)$").matcher(syntax);
            assertThat(rename.find()).as("column %d renamed", i + 1).isTrue();
            String name = rename.group(1);
            assertThat(name).hasSizeLessThanOrEqualTo(32).matches("[a-z][a-z0-9_]*");
            assertThat(names.add(name)).as("unique " + name).isTrue();
            assertThat(syntax).contains("\nlabel variable " + name + " `\"");
        }
        // The professionals' task scale's name is 33 characters in the CSV: cut, with the CSV name in a note.
        assertThat(variables).extracting(ExportVariable::name).contains("alliance_professional_tasks_score");
        assertThat(syntax)
                .doesNotContainPattern("rename v\\d+ alliance_professional_tasks_score\n")
                .containsPattern("notes \\S+: CSV column alliance_professional_tasks_score\n");
    }

    @Test
    void everyValueLabelIsDefinedBeforeItIsAttachedAndMissingCodesAreExtendedMissingValues() {
        List<ExportVariable> variables = variables();
        String syntax = StataSyntax.write("Alliance", "data.csv", variables);
        List<String> names = StataSyntax.names(variables);
        Set<String> defined = new HashSet<>();
        Set<String> attached = new HashSet<>();
        for (String line : syntax.split("\n")) {
            Matcher define = Pattern.compile("^label define (\\S+)").matcher(line);
            if (define.find()) {
                defined.add(define.group(1));
            }
            Matcher values = Pattern.compile("^label values (\\S+) (\\S+)$").matcher(line);
            if (values.find()) {
                assertThat(defined)
                        .as("label %s defined before use", values.group(2))
                        .contains(values.group(2));
                attached.add(values.group(1));
            }
        }
        for (int i = 0; i < variables.size(); i++) {
            ExportVariable variable = variables.get(i);
            boolean coded = !variable.valueLabels().isEmpty()
                    || !variable.missingCodes().isEmpty();
            assertThat(attached.contains(names.get(i))).as(variable.name()).isEqualTo(coded);
            for (ExportVariable.ValueLabel code : variable.missingCodes()) {
                assertThat(syntax)
                        .contains("replace " + names.get(i) + " = .a if " + names.get(i) + " == " + code.value());
            }
        }
        assertThat(syntax)
                .contains("replace alliance_client_bond_1 = .a if alliance_client_bond_1 == -9")
                .contains("label define alliance_client_bond_1_l ///\n    1 `\"never\"' ///")
                .contains("    .a `\"not answered\"', replace")
                .contains("replace _c = 1 if language == `\"nl\"'")
                .contains("generate double _d = date(meeting_date, \"YMD\")")
                .contains("format meeting_date %td");
    }

    @Test
    void aTitleOrLabelCannotOpenAMacro() {
        assertThat(StataSyntax.quote("a `b' $c \"d\"")).isEqualTo("`\"a \\`b' \\$c \"d\"\"'");
    }
}
