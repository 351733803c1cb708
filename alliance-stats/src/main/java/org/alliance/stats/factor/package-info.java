/** Confirmatory factor analysis with lavaan's conventions (maximum likelihood, MLR, multiple groups). */
@NullMarked
package org.alliance.stats.factor;

import org.jspecify.annotations.NullMarked;
