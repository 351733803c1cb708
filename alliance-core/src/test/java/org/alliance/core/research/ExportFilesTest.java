package org.alliance.core.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.alliance.core.research.ExportVariable.Level;
import org.alliance.core.research.ExportVariable.ValueLabel;
import org.junit.jupiter.api.Test;

class ExportFilesTest {

    private static final List<ExportVariable> VARIABLES = List.of(
            ExportVariable.text("client", "Cliënt \"pseudoniem\"", 14, List.of(), ""),
            ExportVariable.number(
                    "bond_1",
                    "Ik vertrouw mijn begeleider.",
                    0,
                    Level.ORDINAL,
                    List.of(new ValueLabel("1", "nooit"), new ValueLabel("5", "altijd")),
                    List.of(new ValueLabel("-9", "niet beantwoord")),
                    "alliance-client@1.0.0"),
            ExportVariable.text("perspective", "Perspectief", 20, List.of(new ValueLabel("client", "cliënt")), ""),
            ExportVariable.date("meeting_date", "Datum"));

    @Test
    void namesAreMadeValidAndUnique() {
        VariableNames names = new VariableNames();
        assertThat(names.of("alliance-client", "bond-1")).isEqualTo("alliance_client_bond_1");
        assertThat(names.of("Alliance_Client", "Bond 1")).isEqualTo("alliance_client_bond_1_2");
        assertThat(names.of("1st")).isEqualTo("v_1st");
        assertThat(names.of("with")).isEqualTo("v_with");
        assertThat(names.of("x".repeat(80))).hasSize(64);
        assertThat(names.of("x".repeat(80))).hasSize(64).endsWith("_2");
    }

    @Test
    void aVariableNameToolsRefuseIsRefused() {
        assertThatThrownBy(() -> ExportVariable.date("2nd", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2nd'");
        assertThatThrownBy(() -> ExportVariable.date("BY", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvQuotesOnlyWhatItMustAndWritesNumbersWithADot() {
        assertThat(ExportCsv.field("plain")).isEqualTo("plain");
        assertThat(ExportCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(ExportCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ExportCsv.number(4.0)).isEqualTo("4");
        assertThat(ExportCsv.number(3.75)).isEqualTo("3.75");
        assertThat(ExportCsv.number(0.0001)).isEqualTo("0.0001");
        assertThat(ExportCsv.number(-9)).isEqualTo("-9");
    }

    @Test
    void theSyntaxDeclaresEveryLabelAndMissingCode() {
        String sps = SpssSyntax.write("Study", "data.csv", VARIABLES);
        assertThat(sps).startsWith("\uFEFF");
        assertThat(sps).contains("/FILE=\"data.csv\"", "client A14", "bond_1 F8.0", "meeting_date SDATE10");
        assertThat(sps).contains("client \"Cliënt \"\"pseudoniem\"\"\"");
        assertThat(sps).contains("    5 \"altijd\"", "    \"client\" \"cliënt\"");
        assertThat(sps).contains("bond_1 (-9)", "(ORDINAL)", "(SCALE)", "(NOMINAL)");
    }

    @Test
    void theRScriptIsAsciiAndLabelsEveryColumn() {
        String r = RScript.write("Study", "data.csv", VARIABLES);
        assertThat(r.chars()).allMatch(c -> c < 0x80);
        assertThat(r).contains("attr(data[[\"client\"]], \"label\") <- \"Cli\\u00ebnt \\\"pseudoniem\\\"\"");
        assertThat(r).contains("data[[\"bond_1\"]][data[[\"bond_1\"]] %in% c(-9)] <- NA");
        assertThat(r).contains("levels = c(\"client\"), labels = c(\"cli\\u00ebnt\")");
        assertThat(r).contains("as.Date(");
    }

    @Test
    void theHtmlCodebookLabelsEveryVariableInTheStudysLanguageAndEscapesText() {
        CodebookHtml.Texts texts = new CodebookHtml.Texts(
                "Leest data.csv <uit de zip>.",
                "Variabelen",
                List.of("Variabele", "Label", "Soort", "Waardelabels", "Ontbrekend", "Bron"),
                java.util.Map.of(
                        ExportVariable.Type.NUMBER,
                        "getal",
                        ExportVariable.Type.TEXT,
                        "tekst",
                        ExportVariable.Type.DATE,
                        "datum"),
                java.util.Map.of(Level.NOMINAL, "nominaal", Level.ORDINAL, "ordinaal", Level.SCALE, "schaal"));
        String html = CodebookHtml.write("Samenwerking & werk", "nl", texts, VARIABLES);
        assertThat(html)
                .startsWith("<!DOCTYPE html>\n<html lang=\"nl\">")
                .contains("<title>Samenwerking &amp; werk</title>")
                .contains("Leest data.csv &lt;uit de zip&gt;.")
                .contains("<th scope=\"col\">Waardelabels</th>")
                .contains("Cliënt &quot;pseudoniem&quot;")
                .contains("<td>getal, ordinaal</td>")
                .contains("<li><code>5</code> = altijd</li>")
                .contains("<li><code>-9</code> = niet beantwoord</li>")
                .contains("<td>alliance-client@1.0.0</td>")
                .contains("<td>datum, schaal</td>")
                .doesNotContain("<script");
        assertThat(html.split("<tr><th scope=\"row\"", -1)).hasSize(VARIABLES.size() + 1);
    }

    @Test
    void theCodebookHasOneRowPerVariable() {
        String codebook = Codebook.csv(VARIABLES);
        assertThat(codebook.split("\r\n")).hasSize(VARIABLES.size() + 1);
        assertThat(codebook)
                .contains("bond_1,Ik vertrouw mijn begeleider.,number,F8.0,ordinal,1=nooit | 5=altijd,"
                        + "-9=niet beantwoord,alliance-client@1.0.0");
    }

    @Test
    void longLabelsAreCutAtACharacterWithinTheBytesSpssKeeps() {
        String cut = LabelText.fit("å".repeat(200), LabelText.VALUE_LABEL_BYTES);
        assertThat(cut).isEqualTo("å".repeat(60));
        assertThat(LabelText.fit("two\nlines", 100)).isEqualTo("two lines");
    }
}
