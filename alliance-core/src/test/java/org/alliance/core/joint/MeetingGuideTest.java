package org.alliance.core.joint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.LocalizedText;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

class MeetingGuideTest {

    @Test
    void theGuideFollowsTheStudysFacilitatingOrder() {
        MeetingGuide guide = MeetingGuide.builtIn();
        assertThat(guide.steps())
                .extracting(MeetingGuide.Step::step)
                .containsExactly(
                        GuideStep.INTRODUCE_CLIENT,
                        GuideStep.OPEN_COMMUNICATION,
                        GuideStep.TEAM_SUPPORT,
                        GuideStep.SHARED_VISION,
                        GuideStep.SHARED_DECISION_MAKING);
    }

    @Test
    void everyStepAndTheBalanceCheckHavePromptsInAllFourLanguages() {
        MeetingGuide guide = MeetingGuide.builtIn();
        for (MeetingGuide.Step step : guide.steps()) {
            assertThat(step.section().prompts()).as(step.step().code()).hasSizeGreaterThanOrEqualTo(2);
            assertAllLanguages(step.section().title());
            step.section().prompts().forEach(MeetingGuideTest::assertAllLanguages);
        }
        assertThat(guide.balanceCheck().prompts()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(guide.section(GuideStep.TEAM_SUPPORT).title().get(Language.EN))
                .isEqualTo("Team support");
    }

    @Test
    void aGuideWithStepsOutOfOrderIsRefused() {
        List<MeetingGuide.Step> steps = MeetingGuide.builtIn().steps();
        List<MeetingGuide.Step> swapped = List.of(steps.get(1), steps.get(0), steps.get(2), steps.get(3), steps.get(4));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new MeetingGuide(swapped, MeetingGuide.builtIn().balanceCheck()))
                .withMessageContaining("in that order");
    }

    @Test
    void aPromptWithoutATranslationIsRefused() {
        String yaml =
                """
                format: alliance-meeting-guide/1
                steps:
                  - step: introduce-client
                    title: {nl: a, en: a, nb: a, da: a}
                    prompts:
                      - {nl: a, en: a, da: a}
                """;
        assertThatIllegalStateException()
                .isThrownBy(
                        () -> MeetingGuide.parse(YAMLMapper.builder().build().readTree(yaml)))
                .withMessageContaining("steps.introduce-client.prompts[0]: no nb text");
    }

    private static void assertAllLanguages(LocalizedText text) {
        for (Language language : Language.values()) {
            assertThat(text.has(language)).as(language.code()).isTrue();
        }
    }
}
