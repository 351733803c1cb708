/** Descriptive statistics as R computes them (sample quantiles). */
@NullMarked
package org.alliance.stats.descriptive;

import org.jspecify.annotations.NullMarked;
