/** Scoring of answers: item recoding, reverse keys, scale scores, the missing-data rule and cut-offs. */
@NullMarked
package org.alliance.core.scoring;

import org.jspecify.annotations.NullMarked;
