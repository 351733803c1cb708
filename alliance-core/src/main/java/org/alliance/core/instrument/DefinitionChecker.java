package org.alliance.core.instrument;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed values out of a parsed definition while collecting every problem with its path and line, so a
 * file is reported in full rather than one mistake at a time. Shared by the instrument and texts readers.
 */
final class DefinitionChecker {

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private final YamlDocument document;
    private final List<Problem> problems = new ArrayList<>();

    DefinitionChecker(YamlDocument document) {
        this.document = document;
    }

    List<Problem> problems() {
        return problems;
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    void error(String pointer, String message) {
        problems.add(new Problem(Problem.Severity.ERROR, display(pointer), document.lineOf(pointer), message));
    }

    void warning(String pointer, String message) {
        problems.add(new Problem(Problem.Severity.WARNING, display(pointer), document.lineOf(pointer), message));
    }

    /** "/items/3/text/nb" becomes "items[3].text.nb", the way people read paths. */
    static String display(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        return path.toString();
    }

    /** Reports keys that the format does not know (usually typos such as "revers"). */
    void onlyKeys(JsonNode node, String pointer, Set<String> allowed) {
        if (!node.isObject()) {
            return;
        }
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                error(
                        pointer + "/" + key,
                        "unknown key '" + key + "'; allowed here: " + String.join(", ", sorted(allowed)));
            }
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    Optional<JsonNode> required(JsonNode parent, String pointer, String key) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            error(pointer.isEmpty() ? "" : pointer, "'" + key + "' is required");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<String> text(JsonNode parent, String pointer, String key, boolean required) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                error(pointer, "'" + key + "' is required");
            }
            return Optional.empty();
        }
        if (!value.isString()) {
            error(pointer + "/" + key, "'" + key + "' must be text (put it in quotes), not " + describe(value));
            return Optional.empty();
        }
        String text = value.stringValue().strip();
        if (text.isEmpty()) {
            error(pointer + "/" + key, "'" + key + "' is empty");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    Optional<String> id(JsonNode parent, String pointer, String key, boolean required) {
        Optional<String> id = text(parent, pointer, key, required);
        if (id.isPresent() && !ID.matcher(id.get()).matches()) {
            error(
                    pointer + "/" + key,
                    "'" + id.get()
                            + "' is not a valid id: use lower-case letters, digits and single hyphens, starting with a letter");
            return Optional.empty();
        }
        return id;
    }

    Optional<Double> number(JsonNode parent, String pointer, String key, boolean required) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                error(pointer, "'" + key + "' is required");
            }
            return Optional.empty();
        }
        if (!value.isNumber()) {
            error(pointer + "/" + key, "'" + key + "' must be a number, not " + describe(value));
            return Optional.empty();
        }
        return Optional.of(value.doubleValue());
    }

    Optional<Integer> integer(JsonNode parent, String pointer, String key, boolean required) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                error(pointer, "'" + key + "' is required");
            }
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            error(pointer + "/" + key, "'" + key + "' must be a whole number, not " + describe(value));
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    boolean flag(JsonNode parent, String pointer, String key) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            error(pointer + "/" + key, "'" + key + "' must be true or false, not " + describe(value));
            return false;
        }
        return value.booleanValue();
    }

    /** A list of texts such as {@code [bond-1, bond-2]}. */
    List<String> textList(JsonNode parent, String pointer, String key) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            error(pointer + "/" + key, "'" + key + "' must be a list, e.g. [a, b], not " + describe(value));
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isString()) {
                error(pointer + "/" + key + "/" + i, "must be text, not " + describe(element));
            } else {
                result.add(element.stringValue().strip());
            }
        }
        return result;
    }

    /**
     * A text in the four languages. {@code complete} requires all four: a missing translation is an error
     * because a client must never meet a question in a language they did not choose.
     */
    LocalizedText localized(JsonNode parent, String pointer, String key, boolean required, boolean complete) {
        JsonNode value = parent.get(key);
        String at = pointer + "/" + key;
        if (value == null || value.isNull()) {
            if (required) {
                error(pointer, "'" + key + "' is required (a text for each of nl, en, nb, da)");
            }
            return LocalizedText.NONE;
        }
        if (!value.isObject()) {
            error(at, "'" + key + "' must give a text per language, e.g. nl: ..., en: ..., nb: ..., da: ...");
            return LocalizedText.NONE;
        }
        Map<Language, String> texts = new EnumMap<>(Language.class);
        for (String code : value.propertyNames()) {
            Optional<Language> language =
                    Language.fromCode(code).filter(l -> l.code().equals(code));
            JsonNode text = value.get(code);
            if (language.isEmpty()) {
                error(at + "/" + code, "unknown language '" + code + "'; use nl, en, nb or da");
            } else if (!text.isString() || text.stringValue().isBlank()) {
                error(at + "/" + code, "the " + code + " text must be non-empty text");
            } else {
                texts.put(language.get(), text.stringValue());
            }
        }
        if (complete) {
            for (Language language : Language.values()) {
                if (!value.has(language.code())) {
                    error(at, "missing translation: no " + language.code() + " text");
                }
            }
        }
        return new LocalizedText(texts);
    }

    static String describe(JsonNode value) {
        if (value.isString()) {
            return "the text '" + value.stringValue() + "'";
        }
        if (value.isNumber()) {
            return "the number " + value.asString();
        }
        if (value.isBoolean()) {
            return value.asString();
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a nested block";
        }
        return value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
