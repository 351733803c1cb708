package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message bundles are in sync (every key in nl, en, nb, da and the default), every key a template uses
 * exists, and templates hold no hard-coded text: visible words come from the bundles or the instrument files.
 */
class MessagesTest {

    private static final List<String> LANGUAGES = List.of("nl", "en", "nb", "da");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages" + suffix + ".properties")) {
            assertThat(in).as("messages" + suffix + ".properties").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyLanguageHasExactlyTheSameKeys() throws IOException {
        Set<String> reference = new TreeSet<>(bundle("").stringPropertyNames());
        for (String language : LANGUAGES) {
            assertThat(new TreeSet<>(bundle("_" + language).stringPropertyNames()))
                    .as("keys of messages_%s.properties", language)
                    .isEqualTo(reference);
        }
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (String language : LANGUAGES) {
            Properties properties = bundle("_" + language);
            for (String key : properties.stringPropertyNames()) {
                assertThat(properties.getProperty(key)).as(language + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void theDefaultBundleIsDutch() throws IOException {
        assertThat(bundle("")).isEqualTo(bundle("_nl"));
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Properties reference = bundle("");
        Pattern key = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9.]*)[}(]");
        // The column headings of a data table, given to the columns fragment as one comma-separated string.
        Pattern columns = Pattern.compile("fragments :: columns\\('([A-Za-z0-9.,]+)'");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            String text = Files.readString(template);
            List<String> used = new ArrayList<>();
            key.matcher(text).results().forEach(m -> used.add(m.group(1)));
            columns.matcher(text)
                    .results()
                    .forEach(m -> used.addAll(List.of(m.group(1).split(","))));
            for (String name : used) {
                if (!reference.containsKey(name)) {
                    missing.add(TEMPLATES.relativize(template) + ": " + name);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Text between tags is allowed only inside an element whose content Thymeleaf replaces (th:text or th:utext),
     * and attributes people read (alt, title, placeholder, aria-label) must come from th: expressions.
     */
    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        Pattern textAfterTag = Pattern.compile("<([^<>]*)>([^<]*)");
        Pattern readableAttribute = Pattern.compile("\\s(alt|title|placeholder|aria-label)=\"");
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            Matcher matcher = textAfterTag.matcher(html);
            while (matcher.find()) {
                String tag = matcher.group(1);
                String text = matcher.group(2).strip();
                boolean replaced = tag.contains("th:text=") || tag.contains("th:utext=");
                if (!text.isEmpty() && text.codePoints().anyMatch(Character::isLetter) && !replaced) {
                    hardCoded.add(TEMPLATES.relativize(template) + ": \"" + text + "\" after <" + tag + ">");
                }
                if (readableAttribute.matcher(" " + tag).find()) {
                    hardCoded.add(TEMPLATES.relativize(template) + ": readable attribute in <" + tag + ">");
                }
            }
        }
        assertThat(hardCoded).isEmpty();
    }

    @Test
    void theCheckForHardCodedTextFindsIt() {
        // The rule of templatesHoldNoHardCodedText on a known-bad snippet, so the check itself can fail.
        Pattern textAfterTag = Pattern.compile("<([^<>]*)>([^<]*)");
        Matcher matcher = textAfterTag.matcher("<p class=\"x\">Hallo</p><h1 th:text=\"#{a}\">ok</h1>");
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            if (!matcher.group(2).isBlank() && !matcher.group(1).contains("th:text=")) {
                found.add(matcher.group(2));
            }
        }
        assertThat(found).containsExactly("Hallo");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }
}
