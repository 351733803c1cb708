package org.alliance.core.joint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.LocalizedText;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The meeting guide the chair follows on screen or on paper: the steps of {@link GuideStep} in order, each with a
 * title and short prompts in every language, and the prompts of the balance check before closing. The texts
 * live in {@code meeting-guide.yaml} beside this class, not in code.
 */
public record MeetingGuide(List<Step> steps, Section balanceCheck) {

    public static final String FORMAT = "alliance-meeting-guide/1";
    private static final String RESOURCE = "/org/alliance/core/joint/meeting-guide.yaml";

    /** A titled list of prompts. */
    public record Section(LocalizedText title, List<LocalizedText> prompts) {
        public Section {
            prompts = List.copyOf(prompts);
            if (prompts.isEmpty()) {
                throw new IllegalArgumentException(
                        "a guide section needs at least one prompt: " + title.get(Language.EN));
            }
        }
    }

    /** One step of the guide. */
    public record Step(GuideStep step, Section section) {}

    public MeetingGuide {
        steps = List.copyOf(steps);
        List<GuideStep> order = steps.stream().map(Step::step).toList();
        if (!order.equals(List.of(GuideStep.values()))) {
            throw new IllegalArgumentException(
                    "the guide must have the steps " + List.of(GuideStep.values()) + " in that order, has " + order);
        }
    }

    public Section section(GuideStep step) {
        return steps.get(step.ordinal()).section();
    }

    /** The guide shipped with Alliance. Fails loudly if the resource is broken: that is a bug in the release. */
    public static MeetingGuide builtIn() {
        try (InputStream in = MeetingGuide.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(YAMLMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MeetingGuide parse(JsonNode root) {
        if (!FORMAT.equals(root.path("format").asString(""))) {
            throw new IllegalStateException("the meeting guide must start with 'format: " + FORMAT + "'");
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode node : root.path("steps")) {
            String code = node.path("step").asString("");
            GuideStep step = List.of(GuideStep.values()).stream()
                    .filter(s -> s.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("unknown guide step '" + code + "'"));
            steps.add(new Step(step, section(node, "steps." + code)));
        }
        return new MeetingGuide(steps, section(root.path("balanceCheck"), "balanceCheck"));
    }

    private static Section section(JsonNode node, String path) {
        List<LocalizedText> prompts = new ArrayList<>();
        int i = 0;
        for (JsonNode prompt : node.path("prompts")) {
            prompts.add(text(prompt, path + ".prompts[" + i++ + "]"));
        }
        return new Section(text(node.path("title"), path + ".title"), prompts);
    }

    private static LocalizedText text(JsonNode node, String path) {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            JsonNode text = node.get(language.code());
            if (text == null || !text.isString() || text.stringValue().isBlank()) {
                throw new IllegalStateException("meeting guide " + path + ": no " + language.code() + " text");
            }
            texts.put(language, text.stringValue());
        }
        return new LocalizedText(texts);
    }
}
