package org.alliance.app.expectations;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.alliance.core.expectations.ExpectationItem;

/**
 * The expectation questions as a form sent them: per item an optional level (1–5) and an optional short text.
 * Everything is optional; a level the scale does not allow or a text longer than
 * {@value ExpectationItem#MOST_CHARACTERS} characters is refused with a message key, and what was typed is kept.
 *
 * @param errors message key per item
 */
record ExpectationForm(
        Map<ExpectationItem, Integer> levels, Map<ExpectationItem, String> texts, Map<ExpectationItem, String> errors) {

    ExpectationForm {
        levels = Collections.unmodifiableMap(copy(levels));
        texts = Collections.unmodifiableMap(copy(texts));
        errors = Collections.unmodifiableMap(copy(errors));
    }

    private static <V> Map<ExpectationItem, V> copy(Map<ExpectationItem, V> map) {
        return map.isEmpty() ? new EnumMap<>(ExpectationItem.class) : new EnumMap<>(map);
    }

    static final ExpectationForm EMPTY = new ExpectationForm(Map.of(), Map.of(), Map.of());

    static String levelField(ExpectationItem item) {
        return "expect-level-" + item.code();
    }

    static String textField(ExpectationItem item) {
        return "expect-text-" + item.code();
    }

    static ExpectationForm read(Map<String, String> sent) {
        Map<ExpectationItem, Integer> levels = new EnumMap<>(ExpectationItem.class);
        Map<ExpectationItem, String> texts = new EnumMap<>(ExpectationItem.class);
        Map<ExpectationItem, String> errors = new EnumMap<>(ExpectationItem.class);
        for (ExpectationItem item : ExpectationItem.values()) {
            String level = sent.getOrDefault(levelField(item), "").strip();
            if (!level.isEmpty()) {
                if (level.matches("\\d{1,2}") && ExpectationItem.allows(Integer.parseInt(level))) {
                    levels.put(item, Integer.parseInt(level));
                } else {
                    errors.put(item, "expectations.error.level");
                }
            }
            String text = sent.getOrDefault(textField(item), "").strip();
            if (!text.isEmpty()) {
                texts.put(item, text);
                if (text.length() > ExpectationItem.MOST_CHARACTERS) {
                    errors.put(item, "expectations.error.long");
                }
            }
        }
        return new ExpectationForm(levels, texts, errors);
    }

    boolean acceptable() {
        return errors.isEmpty();
    }

    boolean empty() {
        return levels.isEmpty() && texts.isEmpty();
    }
}
