/** Scale reliability: Cronbach's alpha and McDonald's omega, following psych::alpha's conventions. */
@NullMarked
package org.alliance.stats.reliability;

import org.jspecify.annotations.NullMarked;
