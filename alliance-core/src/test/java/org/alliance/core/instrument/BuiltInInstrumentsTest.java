package org.alliance.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every instrument we ship validates without a single problem, and mirrored pairs match item by item. */
class BuiltInInstrumentsTest {

    static final List<String> BUILT_IN = InstrumentCatalog.BUILT_IN;

    @ParameterizedTest
    @FieldSource("BUILT_IN")
    void shippedInstrumentValidatesWithoutErrorsOrWarnings(String id) {
        InstrumentReader.Result result = InstrumentReader.read(id + ".yaml", InstrumentCatalog.builtInSource(id));
        assertThat(result.problems()).isEmpty();
        assertThat(result.orElseThrow().id()).isEqualTo(id);
    }

    @Test
    void theCatalogLoadsAndMirroredPairsMatch() {
        InstrumentCatalog catalog = InstrumentCatalog.builtIn();
        assertThat(catalog.mirrorProblems()).isEmpty();
        Instrument professional = catalog.find("alliance-professional").orElseThrow();
        assertThat(professional.mirrors()).contains("alliance-client");
        assertThat(professional.perspective()).isEqualTo(Perspective.PROFESSIONAL);
    }

    @Test
    void ourAllianceQuestionnaireHasBondTasksAndGoalsWithFourItemsEach() {
        Instrument client = InstrumentCatalog.builtIn().find("alliance-client").orElseThrow();
        for (String scale : List.of("bond", "tasks", "goals")) {
            assertThat(client.findScale(scale).orElseThrow().items()).hasSize(4);
        }
        assertThat(client.findScale("total").orElseThrow().items()).hasSize(12);
        assertThat(client.usableLanguages()).containsExactlyInAnyOrder(Language.values());
        assertThat(client.licence().name()).isEqualTo("CC-BY-4.0");
    }

    @Test
    void thePracticeQuestionnaireHasCompetenceAndBeliefWithFourAgreementItemsEach() {
        Instrument practice =
                InstrumentCatalog.builtIn().find("alliance-practice").orElseThrow();
        assertThat(practice.perspective()).isEqualTo(Perspective.PROFESSIONAL);
        assertThat(practice.scales()).extracting(Scale::id).containsExactly("competence", "belief");
        for (String scale : List.of("competence", "belief")) {
            assertThat(practice.findScale(scale).orElseThrow().items()).hasSize(4);
        }
        assertThat(practice.items()).allSatisfy(item -> assertThat(practice.format(item))
                .isInstanceOfSatisfying(ResponseFormat.Likert.class, likert -> assertThat(likert.points())
                        .hasSize(5)));
        assertThat(practice.usableLanguages()).containsExactlyInAnyOrder(Language.values());
        assertThat(practice.mirrors()).isEmpty();
    }

    @Test
    void theSessionCheckIsFourItemsOnASliderThatStartsEmpty() {
        Instrument check =
                InstrumentCatalog.builtIn().find("alliance-session-check").orElseThrow();
        assertThat(check.items()).hasSize(4);
        assertThat(check.items()).allSatisfy(item -> assertThat(check.format(item))
                .isInstanceOfSatisfying(ResponseFormat.Slider.class, slider -> {
                    assertThat(slider.minimum()).isZero();
                    assertThat(slider.maximum()).isEqualTo(10);
                }));
    }

    @Test
    void theWaiSrSkeletonShipsStructureButNoText() {
        Instrument skeleton =
                InstrumentCatalog.builtIn().find("wai-sr-skeleton").orElseThrow();
        assertThat(skeleton.textsSuppliedLocally()).isTrue();
        assertThat(skeleton.items())
                .hasSize(12)
                .allSatisfy(item -> assertThat(item.text().isEmpty()).isTrue());
        assertThat(skeleton.usableLanguages()).isEmpty();
        for (String scale : List.of("bond", "task", "goal")) {
            assertThat(skeleton.findScale(scale).orElseThrow().items()).hasSize(4);
        }
        assertThat(InstrumentCatalog.builtInSource("wai-sr-skeleton")).doesNotContain("text:");
    }

    @Test
    void theSkeletonBecomesUsableWithTheLocalTextsFixture() {
        Instrument skeleton =
                InstrumentCatalog.builtIn().find("wai-sr-skeleton").orElseThrow();
        InstrumentTextsReader.Result texts = InstrumentTextsReader.read(
                Path.of("src/test/resources/instrument/wai-sr-skeleton.texts.nl.yaml"), skeleton);
        assertThat(texts.problems()).isEmpty();
        assertThat(skeleton.withTexts(texts.texts().orElseThrow()).usableLanguages())
                .containsExactly(Language.NL);
    }

    @Test
    void aMirrorWithOtherItemsIsReported() {
        Instrument client = InstrumentCatalog.builtIn().find("alliance-client").orElseThrow();
        Instrument test = TestInstruments.valid();
        assertThat(InstrumentCatalog.mirrorProblems(test, client))
                .anySatisfy(problem -> assertThat(problem).contains("items differ"));
    }
}
