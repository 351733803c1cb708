package org.alliance.app.cli.statistics;

import java.util.Locale;
import org.alliance.app.cli.UserInputException;
import org.alliance.stats.regression.LevelOrder;
import picocli.CommandLine.Option;

/**
 * The {@code --collate} option of regress and mixed, written once and mixed into both ({@code @Mixin Collation
 * collation}): how text levels are sorted, as R's factor() in a locale.
 */
final class Collation {

    @Option(
            names = "--collate",
            paramLabel = "ORDER",
            description = "How text levels are sorted, which decides the reference level (the first): c (R in the C"
                    + " locale, by character code), locale (default: R in this machine's locale), or a language tag"
                    + " such as da-DK, nb-NO, en-US (R's factor() in that locale: Æ, Ø, Å after Z in Danish and"
                    + " Norwegian).")
    String collate = "locale";

    /** The level order the option names; a value that is none of them is an exit-code-2 error. */
    LevelOrder order() {
        return parse(collate);
    }

    /** c, locale (the JVM's default locale, as R follows the session's) or a language tag. */
    private static LevelOrder parse(String collate) {
        String value = collate.strip();
        if (value.equalsIgnoreCase("c") || value.equalsIgnoreCase("posix")) {
            return LevelOrder.C;
        }
        if (value.equalsIgnoreCase("locale")) {
            return LevelOrder.of(Locale.getDefault());
        }
        Locale locale = Locale.forLanguageTag(value.replace('_', '-'));
        if (locale.getLanguage().isEmpty()) {
            throw new UserInputException(
                    "--collate '" + collate + "': use c, locale or a language tag such as da-DK, nb-NO or en-US");
        }
        return LevelOrder.of(locale);
    }
}
