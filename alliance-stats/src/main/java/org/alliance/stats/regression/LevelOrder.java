package org.alliance.stats.regression;

import java.text.Collator;
import java.text.ParseException;
import java.text.RuleBasedCollator;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * How the levels of a categorical predictor are sorted, which decides R's reference level (the first) and the order of
 * the dummies. R's {@code factor} sorts with {@code sort(unique(x))}, which collates in the session's locale:
 * {@link #C} is R in the C locale (by character code: {@code B} before {@code a}, {@code Å} after {@code z});
 * {@link #of(Locale)} is R in a language's locale, by {@link Collator} at tertiary strength (letters first, then
 * accents, then case: English {@code a A b B}; Danish and Norwegian put {@code Æ Ø Å} after {@code Z} and read
 * {@code aa} as {@code å}, Danish puts upper case first). R on Linux collates with ICU; the JDK's collator agrees with
 * ICU 72 (R 4.2's) on the tested names (reference/formulas/levels.csv) once {@code ø} is tailored as ICU's root has it
 * (a variant of {@code o} outside the Nordic languages); rarer letters may still differ. Levels that are all numbers
 * sort by value whatever the order.
 *
 * @param name how the order is named in results ({@code C}, {@code da}, {@code en-US})
 * @param comparator the order
 */
public record LevelOrder(String name, Comparator<String> comparator) {

    /** Languages whose own alphabet has ø (sorted after z by both the JDK and ICU). */
    private static final Set<String> OWN_O_SLASH = Set.of("da", "nb", "nn", "no", "fo", "is", "sv", "fi", "se");

    /** R in the C locale: by Unicode code point (strcmp on UTF-8 bytes orders alike). */
    public static final LevelOrder C = new LevelOrder("C", LevelOrder::compareCodePoints);

    /** R in the locale of this language (and country), e.g. {@code Locale.forLanguageTag("da-DK")}. */
    public static LevelOrder of(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        if (!OWN_O_SLASH.contains(locale.getLanguage()) && collator instanceof RuleBasedCollator rules) {
            // The JDK's root rules put ø after z; ICU's (R's) treat it as a variant of o outside the Nordic languages.
            try {
                collator = new RuleBasedCollator(rules.getRules() + "& o ; ø , Ø");
            } catch (ParseException e) {
                throw new IllegalStateException("the collation tailoring does not parse", e);
            }
        }
        collator.setStrength(Collator.TERTIARY);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        // Equal under the collator (it ignores some characters) still means distinct levels: break ties by code point.
        Comparator<String> order =
                ((Comparator<String>) collator::compare).thenComparing(LevelOrder::compareCodePoints);
        return new LevelOrder(locale.toLanguageTag(), order);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
