/** Linear mixed models with lme4's conventions (lmer: profiled REML/ML criterion over θ), and a bounded optimiser. */
@NullMarked
package org.alliance.stats.mixed;

import org.jspecify.annotations.NullMarked;
