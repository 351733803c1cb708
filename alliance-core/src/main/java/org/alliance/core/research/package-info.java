/**
 * What a research export is made of, free of any framework: study pseudonyms (a keyed hash per study), the shift
 * of dates per client, and the labelled description of the exported variables with the files that read them into
 * SPSS/PSPP and R.
 */
@NullMarked
package org.alliance.core.research;

import org.jspecify.annotations.NullMarked;
