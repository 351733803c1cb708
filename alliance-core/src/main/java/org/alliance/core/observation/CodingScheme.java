package org.alliance.core.observation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A coding scheme: named, versioned, with codes grouped in sets. Code keys are unique across the scheme.
 */
public record CodingScheme(String id, String name, String version, List<CodeSet> sets) {

    public CodingScheme {
        if (id.isBlank()) {
            throw new IllegalArgumentException("scheme id must not be blank");
        }
        sets = List.copyOf(sets);
        Map<String, String> seen = new HashMap<>();
        for (CodeSet set : sets) {
            for (Code code : set.codes()) {
                String other = seen.put(code.key(), set.name());
                if (other != null) {
                    throw new IllegalArgumentException(
                            "code '" + code.key() + "' is in both set '" + other + "' and set '" + set.name() + "'");
                }
            }
        }
    }

    /** All codes in set order. */
    public List<Code> codes() {
        List<Code> all = new ArrayList<>();
        sets.forEach(set -> all.addAll(set.codes()));
        return all;
    }

    public Optional<Code> code(String key) {
        return codes().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /**
     * A scheme made from the codes found in a file that brought no scheme of its own: one set, not flagged
     * mutually exclusive.
     */
    public static CodingScheme fromKeys(String id, Collection<String> keys) {
        List<Code> codes = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            codes.add(Code.of(key));
        }
        return new CodingScheme(id, id, "", List.of(new CodeSet("codes", codes, false)));
    }

    /** This scheme plus any of the given keys it lacks, added to a set "other". */
    public CodingScheme withKeys(Collection<String> keys) {
        List<Code> missing = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            if (code(key).isEmpty()) {
                missing.add(Code.of(key));
            }
        }
        if (missing.isEmpty()) {
            return this;
        }
        List<CodeSet> all = new ArrayList<>(sets);
        all.add(new CodeSet("other", missing, false));
        return new CodingScheme(id, name, version, all);
    }
}
