package org.alliance.app.checkin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.joint.BlockAudience;
import org.alliance.core.release.ReleaseChoice;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The check-in forms as the client sees them: the plain form and the joint form (one block per professional), with
 * what the client already chose kept when the form comes back (an error, another language).
 */
@Component
class CheckInPages {

    private final Organisations organisations;
    private final InstrumentCatalog catalog;
    private final JointParticipants joint;

    CheckInPages(Organisations organisations, InstrumentCatalog catalog, JointParticipants joint) {
        this.organisations = organisations;
        this.catalog = catalog;
        this.joint = joint;
    }

    /** What the client chose on a joint form so far, kept when the form is shown again. */
    record JointChoices(
            JointAnswerForm answers,
            Set<Long> consented,
            Map<Long, ReleaseChoice> blockReleases,
            Map<Long, BlockAudience> blockAudiences) {

        static JointChoices none(JointAnswerForm answers) {
            return new JointChoices(answers, Set.of(), Map.of(), Map.of());
        }
    }

    Instrument instrument(Invitation invitation) {
        return catalog.find(invitation.instrumentId())
                .orElseThrow(() -> new IllegalStateException("unknown instrument " + invitation.instrumentId()));
    }

    String plain(
            String key,
            Invitation invitation,
            String idempotencyKey,
            ReleaseChoice release,
            AnswerForm answers,
            List<CheckInExtra.Block> extras,
            boolean noAnswers,
            Locale locale,
            Model model) {
        Language language = Languages.of(locale);
        Instrument instrument = instrument(invitation);
        model.addAttribute("extras", extras);
        model.addAttribute("key", key);
        model.addAttribute("title", instrument.title().get(language));
        model.addAttribute("introduction", instrument.introduction().get(language));
        model.addAttribute("questions", Question.of(instrument, language, answers.chosen(), answers.errors()));
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("release", release.name());
        model.addAttribute("releaseChoices", ReleaseChoice.values());
        model.addAttribute(
                "hasErrors",
                !answers.errors().isEmpty() || noAnswers || extras.stream().anyMatch(e -> !e.acceptable()));
        model.addAttribute("noAnswers", noAnswers);
        model.addAttribute("otherLanguages", otherLanguages(language));
        return "checkin/form";
    }

    String joint(
            String key,
            Invitation invitation,
            String idempotencyKey,
            ReleaseChoice release,
            JointChoices choices,
            boolean noAnswers,
            Locale locale,
            Model model) {
        Language language = Languages.of(locale);
        Instrument instrument = instrument(invitation);
        JointAnswerForm answers = choices.answers();
        Map<Long, ReleaseChoice> blockReleases = choices.blockReleases();
        Map<Long, BlockAudience> blockAudiences = choices.blockAudiences();
        List<JointParticipants.Professional> professionals = joint.professionals(invitation.meetingId());
        ReleaseChoice organisationDefault =
                organisations.get(invitation.organisationId()).defaultRelease();
        List<Block> blocks = new ArrayList<>();
        for (JointParticipants.Professional professional : professionals) {
            AnswerForm block = answers.blocks().getOrDefault(professional.id(), AnswerForm.read(instrument, Map.of()));
            blocks.add(new Block(
                    professional,
                    Question.block(
                            instrument,
                            language,
                            JointAnswerForm.prefix(professional.id()),
                            professional.name(),
                            block.chosen(),
                            block.errors()),
                    // Only the client chooses per professional; a network member's check-in has one choice.
                    invitation.jointPartyId().isPresent()
                            ? ""
                            : blockReleases
                                    .getOrDefault(professional.id(), organisationDefault)
                                    .name(),
                    blockAudiences
                            .getOrDefault(professional.id(), BlockAudience.CONCERNED)
                            .name()));
        }
        List<Question> team = Question.of(
                instrument, language, answers.team().chosen(), answers.team().errors());
        List<Question> wrong = new ArrayList<>();
        blocks.forEach(
                b -> b.questions().stream().filter(q -> q.error() != null).forEach(wrong::add));
        team.stream().filter(q -> q.error() != null).forEach(wrong::add);
        model.addAttribute("key", key);
        model.addAttribute("title", instrument.title().get(language));
        model.addAttribute("introduction", instrument.introduction().get(language));
        model.addAttribute("blocks", blocks);
        model.addAttribute("questions", team);
        model.addAttribute("wrong", wrong);
        model.addAttribute(
                "consents",
                invitation.jointPartyId().isPresent()
                        ? List.of()
                        : professionals.stream()
                                .filter(JointParticipants.Professional::otherOrganisation)
                                .toList());
        model.addAttribute("consented", choices.consented());
        model.addAttribute("perBlock", invitation.jointPartyId().isEmpty());
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("release", release.name());
        model.addAttribute("releaseChoices", ReleaseChoice.values());
        model.addAttribute("audiences", BlockAudience.values());
        model.addAttribute("hasErrors", answers.hasErrors() || noAnswers);
        model.addAttribute("noAnswers", noAnswers);
        model.addAttribute("otherLanguages", otherLanguages(language));
        return "checkin/joint-form";
    }

    /**
     * One professional's block of questions in a joint check-in.
     *
     * @param release the preselected release choice for this block, or empty when the block has none of its own
     * @param audience the preselected choice of who may see the block ({@link BlockAudience}); asked with the release
     */
    record Block(
            JointParticipants.Professional professional, List<Question> questions, String release, String audience) {}

    /** The languages the form can switch to, as codes: all of Alliance's but the page's own. */
    private static List<String> otherLanguages(Language current) {
        return Arrays.stream(Language.values())
                .filter(l -> l != current)
                .map(Language::code)
                .toList();
    }
}
