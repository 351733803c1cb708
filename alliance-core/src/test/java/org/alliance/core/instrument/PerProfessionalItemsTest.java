package org.alliance.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional item key {@code perProfessional} and its {professional} placeholder. */
class PerProfessionalItemsTest {

    /** Line numbers matter: the nb text of item 'trust' is on line 22. */
    static final String JOINT =
            """
            format: alliance-instrument/1
            id: joint-test
            version: 1.0.0
            title: %1$s
            perspective: client
            licence:
              name: CC-BY-4.0
              copyright: © test
            responseFormats:
              - id: five
                type: likert
                points:
                  - {value: 1, label: %2$s}
                  - {value: 5, label: %2$s}
            items:
              - id: trust
                format: five
                perProfessional: true
                text:
                  nl: "Ik vertrouw {professional}."
                  en: "I trust {professional}."
                  nb: "Jeg stoler på {professional}."
                  da: "Jeg stoler på {professional}."
              - id: heard
                format: five
                perProfessional: true
                text:
                  nl: "{professional} hoorde mij."
                  en: "{professional} heard me."
                  nb: "{professional} hørte meg."
                  da: "{professional} hørte mig."
              - id: together
                format: five
                text: %3$s
            scales:
              - id: bond
                name: %4$s
                items: [trust, heard]
              - id: team
                name: %4$s
                items: [together]
            """
                    .formatted(
                            TestInstruments.text("Title"),
                            TestInstruments.text("point"),
                            TestInstruments.text("We worked well together."),
                            TestInstruments.text("Scale"));

    private static InstrumentReader.Result readWith(String original, String replacement) {
        assertThat(JOINT).contains(original);
        return InstrumentReader.read("joint.yaml", JOINT.replace(original, replacement));
    }

    private static List<String> errors(InstrumentReader.Result result) {
        return result.errors().stream().map(p -> p.format("joint.yaml")).toList();
    }

    @Test
    void aPerProfessionalItemIsReadWithItsFlag() {
        InstrumentReader.Result result = InstrumentReader.read("joint.yaml", JOINT);
        assertThat(result.problems()).isEmpty();
        Instrument instrument = result.orElseThrow();
        assertThat(instrument.item("trust").perProfessional()).isTrue();
        assertThat(instrument.item("together").perProfessional()).isFalse();
        assertThat(instrument.asksPerProfessional()).isTrue();
        assertThat(instrument.scoredPerProfessional(instrument.findScale("bond").orElseThrow()))
                .isTrue();
        assertThat(instrument.scoredPerProfessional(instrument.findScale("team").orElseThrow()))
                .isFalse();
    }

    @Test
    void aMissingPlaceholderInOneLanguageIsAnErrorWithPathAndLine() {
        InstrumentReader.Result result =
                readWith("nb: \"Jeg stoler på {professional}.\"", "nb: \"Jeg stoler på veilederen.\"");
        assertThat(result.ok()).isFalse();
        assertThat(errors(result))
                .containsExactly("joint.yaml:22: items[0].text.nb: error: item 'trust' is asked per professional"
                        + " (perProfessional: true), so its nb text must contain {professional} where the"
                        + " professional's name goes");
    }

    @Test
    void aPlaceholderInAnItemAskedOnceIsAnError() {
        InstrumentReader.Result result = readWith(
                "  - id: heard\n    format: five\n    perProfessional: true\n", "  - id: heard\n    format: five\n");
        // One error per language, plus the scale 'bond' that now mixes both kinds.
        assertThat(errors(result)).hasSize(5);
        assertThat(errors(result))
                .filteredOn(error -> error.contains("items[1].text."))
                .hasSize(4)
                .allSatisfy(error ->
                        assertThat(error).contains("contains {professional} but is not asked per professional"));
    }

    @Test
    void aScaleThatMixesPerProfessionalAndTeamItemsIsAnError() {
        InstrumentReader.Result result = readWith("items: [trust, heard]", "items: [trust, heard, together]");
        assertThat(errors(result)).anySatisfy(error -> assertThat(error)
                .contains("scales[0]")
                .contains("mixes items asked per professional with items asked once"));
    }

    @Test
    void theFlagMustBeTrueOrFalse() {
        InstrumentReader.Result result = readWith(
                "    perProfessional: true\n    text:\n      nl: \"Ik",
                "    perProfessional: yes please\n    text:\n      nl: \"Ik");
        assertThat(errors(result))
                .anySatisfy(error ->
                        assertThat(error).contains("items[0].perProfessional").contains("true or false"));
    }

    @Test
    void theAppFillsInTheProfessionalsNameAndLeavesOtherItemsAlone() {
        Instrument instrument = InstrumentReader.read("joint.yaml", JOINT).orElseThrow();
        assertThat(instrument.item("trust").textFor(Language.NL, "Anouk")).isEqualTo("Ik vertrouw Anouk.");
        assertThat(instrument.item("heard").textFor(Language.DA, " Kofi ")).isEqualTo("Kofi hørte mig.");
        assertThat(instrument.item("together").textFor(Language.EN, "Anouk")).isEqualTo("We worked well together.");
    }

    @Test
    void theJointInstrumentsAskTheBondAndPartialityPerProfessionalAndTheTeamOnce() {
        InstrumentCatalog catalog = InstrumentCatalog.builtIn();
        Instrument client = catalog.find("alliance-joint-client").orElseThrow();
        assertThat(client.items().stream().filter(Item::perProfessional).map(Item::id))
                .containsExactly("bond-trust", "bond-listened", "bond-respect", "bond-understood");
        assertThat(client.items().stream().filter(item -> !item.perProfessional()))
                .hasSize(6);
        assertThat(client.scoredPerProfessional(
                        client.findScale("bond-with-professional").orElseThrow()))
                .isTrue();
        assertThat(client.usableLanguages()).containsExactlyInAnyOrder(Language.values());
        Instrument professional = catalog.find("alliance-joint-professional").orElseThrow();
        assertThat(professional.mirrors()).contains("alliance-joint-client");
        assertThat(professional.asksPerProfessional()).isFalse();
        Instrument partiality = catalog.find("alliance-partiality").orElseThrow();
        assertThat(partiality.perspective()).isEqualTo(Perspective.NETWORK_MEMBER);
        assertThat(partiality.items())
                .allSatisfy(item -> assertThat(item.perProfessional()).isTrue());
        for (Instrument instrument : List.of(client, professional, partiality)) {
            assertThat(instrument.validated()).isFalse();
            assertThat(instrument.licence().name()).isEqualTo("CC-BY-4.0");
        }
    }
}
