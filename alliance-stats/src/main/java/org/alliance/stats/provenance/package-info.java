/**
 * Where a result comes from: the one provenance record that scores, every statistic, the command line's outputs and
 * study reports carry, and the one version source of the software.
 */
@NullMarked
package org.alliance.stats.provenance;

import org.jspecify.annotations.NullMarked;
