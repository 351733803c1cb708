/**
 * Agreement between coders: Cohen's kappa, time-unit kappa, event-alignment kappa and Krippendorff's alpha.
 * Pure numerics on code indices; no domain types.
 */
@NullMarked
package org.alliance.stats.agreement;

import org.jspecify.annotations.NullMarked;
