/** Tabular data files (CSV) as the analyses and the command line read them. */
@NullMarked
package org.alliance.core.data;

import org.jspecify.annotations.NullMarked;
