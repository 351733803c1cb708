/**
 * Command-line tools for observation coding: {@code observe stats|transitions|pattern|agreement|convert}
 * and {@code agreement alpha}. They read files with {@code org.alliance.core.observation.format} and compute
 * with {@code org.alliance.stats.sequence} and {@code .agreement}; they never start Spring.
 */
@NullMarked
package org.alliance.app.cli.observe;

import org.jspecify.annotations.NullMarked;
