package org.alliance.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SkeletonTest {

    private static final String SKELETON = TestInstruments.VALID
            .replace("perspective: client", "perspective: client\ntextsSuppliedLocally: true")
            .replaceAll("\n    text: \\{[^}]*}", "");

    private static Instrument skeleton() {
        return InstrumentReader.read("skeleton.yaml", SKELETON).orElseThrow();
    }

    private static String texts(String language, String items) {
        return "format: alliance-instrument-texts/1\ninstrument: test-instrument\nversion: 1.2.3\nlanguage: " + language
                + "\nitems:\n" + items;
    }

    private static final String ALL_ITEMS =
            "  a: Tekst a\n  b: Tekst b\n  c: Tekst c\n  d: Tekst d\n  remarks: Opmerkingen\n";

    @Test
    void aSkeletonCannotCollectAnswersUntilItsTextsAreLoaded() {
        Instrument skeleton = skeleton();
        assertThat(skeleton.textsSuppliedLocally()).isTrue();
        assertThat(skeleton.usableLanguages()).isEmpty();

        InstrumentTextsReader.Result result = InstrumentTextsReader.read("nl.yaml", texts("nl", ALL_ITEMS), skeleton);
        assertThat(result.problems()).isEmpty();
        Instrument loaded = skeleton.withTexts(result.texts().orElseThrow());

        assertThat(loaded.usableLanguages()).containsExactly(Language.NL);
        assertThat(loaded.item("c").text().get(Language.NL)).isEqualTo("Tekst c");
        assertThat(loaded.usableIn(Language.EN)).isFalse();
    }

    @Test
    void textsForAnItemThatDoesNotExistAreRefusedWithTheirLine() {
        InstrumentTextsReader.Result result =
                InstrumentTextsReader.read("nl.yaml", texts("nl", ALL_ITEMS + "  z: Extra\n"), skeleton());
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("no item 'z'");
            assertThat(problem.line()).isEqualTo(11);
        });
    }

    @Test
    void textsMissingAnItemAreRefusedBecauseTheInstrumentWouldBeHalfTranslated() {
        InstrumentTextsReader.Result result =
                InstrumentTextsReader.read("nl.yaml", texts("nl", "  a: Tekst a\n"), skeleton());
        assertThat(result.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("no text for item 'remarks'"));
    }

    @Test
    void textsForAnotherVersionOrLanguageAreRefused() {
        String otherVersion = texts("nl", ALL_ITEMS).replace("version: 1.2.3", "version: 2.0.0");
        assertThat(InstrumentTextsReader.read("x.yaml", otherVersion, skeleton())
                        .problems())
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("version 2.0.0"));
        assertThat(InstrumentTextsReader.read("x.yaml", texts("de", ALL_ITEMS), skeleton())
                        .problems())
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("unknown language 'de'"));
    }

    @Test
    void textsCannotBeAppliedToAnotherInstrument() {
        InstrumentTexts texts = new InstrumentTexts(
                "other", "1.2.3", Language.NL, java.util.Optional.empty(), java.util.Map.of("a", "x"));
        assertThatThrownBy(() -> skeleton().withTexts(texts)).hasMessageContaining("not for test-instrument@1.2.3");
    }
}
