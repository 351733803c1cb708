package org.alliance.core.observation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultCodingSchemeTest {

    @Test
    void hasTheSixConceptsOfTheJointMeetingsStudyInFourLanguages() {
        CodingScheme scheme = DefaultCodingScheme.jointMeetings();
        assertThat(scheme.codes())
                .extracting(Code::key)
                .containsExactly(
                        "introducing-client",
                        "open-communication",
                        "team-support",
                        "vision-goals",
                        "shared-decision",
                        "conflict");
        assertThat(scheme.codes()).allSatisfy(code -> {
            assertThat(code.descriptions()).containsOnlyKeys("nl", "en", "nb", "da");
            assertThat(code.descriptions().values())
                    .allSatisfy(d -> assertThat(d).isNotBlank());
            assertThat(code.hotkey()).hasSize(1);
        });
        assertThat(scheme.codes()).extracting(Code::hotkey).doesNotHaveDuplicates();
        assertThat(DefaultCodingScheme.FACILITATING_ORDER)
                .allSatisfy(k -> assertThat(scheme.code(k)).isPresent());
    }

    @Test
    void modalityParsesTheUsualSpellings() {
        assertThat(Modality.parse("Non-Verbal")).isEqualTo(Modality.NON_VERBAL);
        assertThat(Modality.parse("nonverbal")).isEqualTo(Modality.NON_VERBAL);
        assertThat(Modality.parse("verbal")).isEqualTo(Modality.VERBAL);
    }
}
