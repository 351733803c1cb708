package org.alliance.core.research;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns ids such as {@code alliance-client} + {@code bond-1} into column names every analysis tool accepts
 * ({@code alliance_client_bond_1}): lower case, letters, digits and underscores, starting with a letter, at most 64
 * characters, and unique within one export (compared without case, as SPSS does). Not thread-safe: one per export.
 */
public final class VariableNames {

    private static final int MAX = 64;

    private final Set<String> taken = new HashSet<>();

    /** A new name made of the parts joined by underscores; a number is added when the name is taken. */
    public String of(String... parts) {
        String base = sanitise(String.join("_", parts));
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            String suffix = "_" + n;
            name = base.substring(0, Math.min(base.length(), MAX - suffix.length())) + suffix;
        }
        taken.add(name);
        return name;
    }

    static String sanitise(String wanted) {
        String name =
                wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "v_" + name;
        }
        if (Set.of("all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with")
                .contains(name)) {
            name = "v_" + name;
        }
        return name.length() > MAX ? name.substring(0, MAX).replaceAll("_+$", "") : name;
    }
}
