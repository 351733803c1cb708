package org.alliance.stats.mixed;

import java.util.List;

/**
 * One random-effects term {@code (1 + x | g)} of a mixed-model formula: a random intercept and optional random slopes
 * of numeric variables, varying over the levels of a grouping factor, with an unstructured (correlated) covariance
 * matrix, as lme4's {@code (x | g)}.
 *
 * @param slopes numeric variables with a random slope, in formula order (empty: random intercept only)
 * @param grouping the grouping variables; more than one means their interaction, the levels being the combinations
 *     present ({@code cask:batch}, which lme4 makes of {@code (1 | batch/cask)})
 */
public record RandomTerm(List<String> slopes, List<String> grouping) {

    public RandomTerm {
        slopes = List.copyOf(slopes);
        grouping = List.copyOf(grouping);
        if (grouping.isEmpty()) {
            throw new IllegalArgumentException("a random-effects term needs a grouping factor after '|'");
        }
        if (slopes.stream().distinct().count() != slopes.size()) {
            throw new IllegalArgumentException("a random slope appears twice in " + slopes);
        }
    }

    /** The grouping factor's name as lme4 prints it ({@code Subject}, {@code cask:batch}). */
    public String groupName() {
        return String.join(":", grouping);
    }

    /** Names of the random coefficients, as lme4 prints them: {@code (Intercept)}, then the slopes. */
    public List<String> coefficientNames() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("(Intercept)"), slopes.stream())
                .toList();
    }

    @Override
    public String toString() {
        return "(" + String.join(" + ", coefficientNames()).replace("(Intercept)", "1") + " | " + groupName() + ")";
    }
}
