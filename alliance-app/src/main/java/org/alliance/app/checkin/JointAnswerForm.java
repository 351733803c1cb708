package org.alliance.app.checkin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;

/**
 * The answers posted by a joint check-in form: one block per professional for the items asked per professional
 * (fields {@code item-p{professional}-{item}}) and the items asked once (fields {@code item-{item}}). Each block is
 * checked as an ordinary {@link AnswerForm}; an answer to a per-professional item without a professional, or for
 * a professional who is not in the meeting, is ignored.
 */
record JointAnswerForm(AnswerForm team, Map<Long, AnswerForm> blocks) {

    JointAnswerForm {
        blocks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
    }

    /** The prefix of a professional's block in field names and question ids. */
    static String prefix(long professionalId) {
        return "p" + professionalId + "-";
    }

    static JointAnswerForm read(Instrument instrument, List<Long> professionals, Map<String, String> parameters) {
        Map<String, String> teamParameters = new LinkedHashMap<>();
        for (Item item : instrument.items()) {
            String value = parameters.get(Question.field(item.id()));
            if (!item.perProfessional() && value != null) {
                teamParameters.put(Question.field(item.id()), value);
            }
        }
        Map<Long, AnswerForm> blocks = new LinkedHashMap<>();
        for (long professional : professionals) {
            Map<String, String> block = new LinkedHashMap<>();
            for (Item item : instrument.items()) {
                String value = parameters.get(Question.field(prefix(professional) + item.id()));
                if (item.perProfessional() && value != null) {
                    block.put(Question.field(item.id()), value);
                }
            }
            blocks.put(professional, AnswerForm.read(instrument, block));
        }
        return new JointAnswerForm(AnswerForm.read(instrument, teamParameters), blocks);
    }

    /** True when nothing was refused and at least one question was answered. */
    boolean acceptable() {
        boolean noErrors = team.errors().isEmpty()
                && blocks.values().stream().allMatch(b -> b.errors().isEmpty());
        return noErrors && !noAnswers();
    }

    boolean noAnswers() {
        return team.answers().isEmpty()
                && blocks.values().stream().allMatch(b -> b.answers().isEmpty());
    }

    boolean hasErrors() {
        return !team.errors().isEmpty()
                || blocks.values().stream().anyMatch(b -> !b.errors().isEmpty());
    }

    /** The accepted answers per professional, leaving out professionals with no answer. */
    Map<Long, Map<String, Double>> perProfessional() {
        Map<Long, Map<String, Double>> answers = new LinkedHashMap<>();
        blocks.forEach((professional, block) -> {
            if (!block.answers().isEmpty()) {
                answers.put(professional, block.answers());
            }
        });
        return answers;
    }
}
