/**
 * Correlation of two variables with the tests of R's {@code cor.test}: Pearson's r with its t test and Fisher-z
 * confidence interval, Spearman's ρ with the t approximation. Each pair uses its complete cases.
 */
@NullMarked
package org.alliance.stats.correlation;

import org.jspecify.annotations.NullMarked;
