/**
 * Pure numerics for the analyses researchers run on alliance data: reliability, factor analysis, regression,
 * agreement and sequences. Depends only on the JDK and Apache Commons Statistics; knows nothing of the domain.
 */
@NullMarked
package org.alliance.stats;

import org.jspecify.annotations.NullMarked;
