package org.alliance.core.observation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A group of codes. When the set is mutually exclusive and exhaustive, exactly one of its codes applies at
 * any moment (time-unit agreement needs such a set).
 */
public record CodeSet(String name, List<Code> codes, boolean mutuallyExclusiveAndExhaustive) {

    public CodeSet {
        if (name.isBlank()) {
            throw new IllegalArgumentException("code set name must not be blank");
        }
        codes = List.copyOf(codes);
        Set<String> keys = new HashSet<>();
        for (Code code : codes) {
            if (!keys.add(code.key())) {
                throw new IllegalArgumentException("code '" + code.key() + "' appears twice in set '" + name + "'");
            }
        }
    }
}
