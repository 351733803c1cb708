package org.alliance.core.instrument;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A parsed YAML (or JSON) document that remembers the line of every value, so that problems can be reported
 * with their line as well as their path.
 */
final class YamlDocument {

    /** A duplicate key is an error (YAML leaves it open; silently keeping the last one loses a text). */
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * The largest file we parse, in characters. A definition with hundreds of items in four languages is well under
     * 200 000; a 10 MB file used to take 30 s to be refused (issue 16), now it is refused before parsing.
     */
    static final int MAX_CHARACTERS = 1_000_000;

    /** Jackson's message for a repeated key, reworded for the person who wrote the file. */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate Object property \"(.*)\"");

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** Parses the text; a syntax error becomes a {@link SyntaxError} that carries the line. */
    static YamlDocument parse(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            while (parser.nextToken() != null) {
                String pointer = parser.streamReadContext().pathAsPointer().toString();
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = e.getOriginalMessage();
            Matcher duplicate = DUPLICATE_KEY.matcher(message);
            if (duplicate.find()) {
                message = "the key '" + duplicate.group(1) + "' appears twice in the same mapping; keep one";
            }
            throw new SyntaxError(line, message);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SyntaxError(line, e.getOriginalMessage());
        }
        return new YamlDocument(root, lines);
    }

    /** The problem of a text too large to be an instrument file, if it is. */
    static Optional<Problem> sizeProblem(String text) {
        if (text.length() <= MAX_CHARACTERS) {
            return Optional.empty();
        }
        return Optional.of(new Problem(
                Problem.Severity.ERROR,
                "",
                0,
                String.format(
                        Locale.ROOT,
                        "the file has %,d characters; an instrument file has at most %,d (is this the right file?)",
                        text.length(),
                        MAX_CHARACTERS)));
    }

    JsonNode root() {
        return root;
    }

    /** The line of the value at this JSON pointer, or of its nearest ancestor that has one; 0 if unknown. */
    int lineOf(String pointer) {
        JsonPointer current = JsonPointer.compile(pointer);
        while (current != null) {
            Integer line = lines.get(current.toString());
            if (line != null) {
                return line;
            }
            current = current.head();
        }
        return 0;
    }

    /** A YAML syntax error with its line. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}
