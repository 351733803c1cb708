/** Indices of multiple alliances: how unevenly ratings spread over professionals or over parties. */
@NullMarked
package org.alliance.stats.spread;

import org.jspecify.annotations.NullMarked;
