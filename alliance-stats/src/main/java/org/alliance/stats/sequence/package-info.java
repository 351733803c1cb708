/**
 * Sequences of coded events: participation, annotation statistics, lag-sequential transitions and ordered
 * patterns. Pure numerics on code indices and millisecond times; no domain types.
 */
@NullMarked
package org.alliance.stats.sequence;

import org.jspecify.annotations.NullMarked;
