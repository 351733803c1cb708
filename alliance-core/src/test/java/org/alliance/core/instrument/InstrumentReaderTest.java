package org.alliance.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentReaderTest {

    private static InstrumentReader.Result read(String yaml) {
        return InstrumentReader.read("test.yaml", yaml);
    }

    /** The valid test definition with one piece of text replaced; fails the test if the piece is not there. */
    private static InstrumentReader.Result readWith(String original, String replacement) {
        assertThat(TestInstruments.VALID).contains(original);
        return read(TestInstruments.VALID.replaceFirst(java.util.regex.Pattern.quote(original), replacement));
    }

    private static List<String> errors(InstrumentReader.Result result) {
        return result.errors().stream().map(p -> p.format("test.yaml")).toList();
    }

    @Test
    void aValidDefinitionBecomesAnInstrumentWithoutProblems() {
        InstrumentReader.Result result = read(TestInstruments.VALID);
        assertThat(result.problems()).isEmpty();
        Instrument instrument = result.orElseThrow();
        assertThat(instrument.reference()).isEqualTo("test-instrument@1.2.3");
        assertThat(instrument.items()).extracting(Item::id).containsExactly("a", "b", "c", "d", "remarks");
        assertThat(instrument.item("c").reverse()).isTrue();
        assertThat(instrument.findScale("total").orElseThrow().items()).containsExactly("a", "b", "c", "d");
        assertThat(instrument.usableLanguages()).containsExactlyInAnyOrder(Language.values());
        assertThat(instrument.cutOffs("main")).hasSize(1);
    }

    @Test
    void aMissingTranslationIsReportedWithPathAndLine() {
        InstrumentReader.Result result = readWith(
                "title: {nl: \"Title (nl)\", en: \"Title\", nb: \"Title (nb)\", da: \"Title (da)\"}",
                "title: {nl: \"Title (nl)\", en: \"Title\", da: \"Title (da)\"}");
        assertThat(result.ok()).isFalse();
        assertThat(errors(result)).containsExactly("test.yaml:4: title: error: missing translation: no nb text");
    }

    @Test
    void aScalePointingToAnUnknownItemIsAnError() {
        InstrumentReader.Result result = readWith("items: [a, b, c, d]", "items: [a, b, c, x]");
        assertThat(errors(result))
                .singleElement()
                .asString()
                .contains("scales[0].items[3]")
                .contains("unknown item 'x'");
    }

    @Test
    void anUnknownSubscaleIsAnError() {
        InstrumentReader.Result result = readWith("subscales: [main]", "subscales: [mian]");
        assertThat(errors(result)).singleElement().asString().contains("unknown subscale 'mian'");
    }

    @Test
    void subscalesThatFormACycleAreAnError() {
        InstrumentReader.Result result = readWith("items: [a, b, c, d]", "items: [a, b, c, d]\n    subscales: [total]");
        assertThat(errors(result)).anySatisfy(error -> assertThat(error).contains("cycle"));
    }

    @Test
    void duplicateItemIdsAreAnError() {
        InstrumentReader.Result result = readWith("  - id: b\n", "  - id: a\n");
        assertThat(errors(result)).anySatisfy(error -> assertThat(error).contains("duplicate item id 'a'"));
    }

    @Test
    void duplicateScaleAndFormatIdsAreErrors() {
        assertThat(errors(readWith("  - id: total", "  - id: main")))
                .anySatisfy(error -> assertThat(error).contains("duplicate scale id 'main'"));
        assertThat(errors(readWith("  - id: words", "  - id: five")))
                .anySatisfy(error -> assertThat(error).contains("duplicate response format id 'five'"));
    }

    @Test
    void reverseKeyingAFreeTextItemIsAnError() {
        InstrumentReader.Result result = readWith(
                "  - id: remarks\n    format: words\n", "  - id: remarks\n    format: words\n    reverse: true\n");
        assertThat(errors(result))
                .singleElement()
                .asString()
                .contains("items[4].reverse")
                .contains("cannot be reverse-keyed");
    }

    @Test
    void aFreeTextItemCannotBeScoredInAScale() {
        InstrumentReader.Result result = readWith("items: [a, b, c, d]", "items: [a, b, c, d, remarks]");
        assertThat(errors(result)).singleElement().asString().contains("cannot be scored");
    }

    @Test
    void anItemWithAnUnknownFormatIsAnError() {
        InstrumentReader.Result result = readWith("  - id: a\n    format: five", "  - id: a\n    format: seven");
        assertThat(errors(result)).anySatisfy(error -> assertThat(error).contains("unknown response format 'seven'"));
    }

    @Test
    void aTypoInAKeyIsReportedWithTheAllowedKeys() {
        InstrumentReader.Result result = readWith("    reverse: true", "    revers: true");
        assertThat(errors(result))
                .singleElement()
                .asString()
                .contains("items[2].revers")
                .contains("unknown key 'revers'")
                .contains("reverse");
    }

    @Test
    void aVersionWrittenAsANumberIsExplained() {
        assertThat(errors(readWith("version: 1.2.3", "version: 1.2")))
                .singleElement()
                .asString()
                .contains("must be text (put it in quotes)");
        assertThat(errors(readWith("version: 1.2.3", "version: \"v1\"")))
                .singleElement()
                .asString()
                .contains("major.minor.patch");
    }

    @Test
    void anInvalidIdIsAnError() {
        assertThat(errors(readWith("id: test-instrument", "id: Test_Instrument")))
                .singleElement()
                .asString()
                .contains("not a valid id");
    }

    @Test
    void anUnknownPerspectiveOrLanguageIsAnError() {
        assertThat(errors(readWith("perspective: client", "perspective: patient")))
                .singleElement()
                .asString()
                .contains("unknown perspective 'patient'");
        assertThat(errors(readWith("da: \"Title (da)\"}", "da: \"Title (da)\", de: \"Titel\"}")))
                .singleElement()
                .asString()
                .contains("unknown language 'de'");
    }

    @Test
    void likertPointsMustBeDistinctAndAscending() {
        assertThat(errors(readWith("{value: 2,", "{value: 1,")))
                .anySatisfy(error -> assertThat(error).contains("appears twice"));
        assertThat(errors(readWith("{value: 3,", "{value: 0,")))
                .anySatisfy(error -> assertThat(error).contains("lowest value to the highest"));
    }

    @Test
    void aCutOffOutsideThePossibleScoresIsAnError() {
        assertThat(errors(readWith("value: 3\n", "value: 30\n")))
                .singleElement()
                .asString()
                .contains("outside the possible scores")
                .contains("1 to 5");
    }

    @Test
    void aCutOffOnAnUnknownScaleOrWithAnUnknownComparisonIsAnError() {
        assertThat(errors(readWith("- scale: main", "- scale: other")))
                .singleElement()
                .asString()
                .contains("unknown scale 'other'");
        assertThat(errors(readWith("comparison: below", "comparison: under")))
                .singleElement()
                .asString()
                .contains("unknown comparison 'under'");
    }

    @Test
    void theMinimumAnsweredShareMustBeAProportion() {
        assertThat(errors(readWith("minAnsweredShare: 0.75", "minAnsweredShare: 75")))
                .singleElement()
                .asString()
                .contains("above 0 and at most 1");
    }

    @Test
    void missingRequiredPartsAreAllReportedAtOnce() {
        InstrumentReader.Result result = read("format: alliance-instrument/1\nid: x\n");
        assertThat(errors(result))
                .anySatisfy(e -> assertThat(e).contains("'version' is required"))
                .anySatisfy(e -> assertThat(e).contains("'title' is required"))
                .anySatisfy(e -> assertThat(e).contains("'perspective' is required"))
                .anySatisfy(e -> assertThat(e).contains("'licence' is required"))
                .anySatisfy(e -> assertThat(e).contains("'items' is required"))
                .anySatisfy(e -> assertThat(e).contains("'scales' is required"));
    }

    @Test
    void aYamlSyntaxErrorCarriesItsLine() {
        InstrumentReader.Result result = read("format: alliance-instrument/1\nid: x\ntitle: [unclosed\n");
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).startsWith("not valid YAML");
            assertThat(problem.line()).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void anUnsupportedFormatIsAnError() {
        assertThat(errors(readWith("format: alliance-instrument/1", "format: alliance-instrument/9")))
                .singleElement()
                .asString()
                .contains("unsupported format");
    }

    @Test
    void anItemInNoScaleIsAWarningNotAnError() {
        InstrumentReader.Result result = readWith("items: [a, b, c, d]", "items: [a, b, c]");
        assertThat(result.ok()).isTrue();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.message()).contains("'d' is in no scale");
        });
    }

    @Test
    void aSkeletonMustNotShipItemTexts() {
        InstrumentReader.Result result =
                readWith("perspective: client", "perspective: client\ntextsSuppliedLocally: true");
        assertThat(errors(result)).hasSize(5).allSatisfy(error -> assertThat(error)
                .contains("must not contain item texts"));
    }

    @Test
    void aMissingFileIsReportedNotThrown(@TempDir Path dir) {
        InstrumentReader.Result result = InstrumentReader.read(dir.resolve("none.yaml"));
        assertThat(result.problems())
                .singleElement()
                .extracting(Problem::message)
                .isEqualTo("file not found");
    }

    @Test
    void aFileIsReadFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.yaml");
        Files.writeString(file, TestInstruments.VALID);
        assertThat(InstrumentReader.read(file).ok()).isTrue();
    }

    /** Issue 16's finding: a second "title:" silently replaced the first; now the line of the repeat is named. */
    @Test
    void aDuplicateKeyIsAnErrorWithItsLine() {
        InstrumentReader.Result result =
                readWith("perspective: client\n", "perspective: client\nperspective: client\n");
        assertThat(result.instrument()).isEmpty();
        assertThat(errors(result))
                .containsExactly("test.yaml:6: error: not valid YAML: the key 'perspective' appears twice in the same"
                        + " mapping; keep one");
    }

    /** Issue 16's finding: a 10 MB file took 30 s to be refused; it is refused before it is parsed. */
    @Test
    void aFileFarTooLargeForAnInstrumentIsRefusedBeforeParsing() {
        String huge = TestInstruments.VALID + "# " + "x".repeat(10_000_000) + "\n";
        InstrumentReader.Result result = read(huge);
        assertThat(result.instrument()).isEmpty();
        assertThat(errors(result)).singleElement().asString().contains("10,").contains("at most 1,000,000");
        // A file just under the limit is read as usual.
        String large = TestInstruments.VALID + "# " + "x".repeat(900_000) + "\n";
        assertThat(read(large).instrument()).isPresent();
    }
}
