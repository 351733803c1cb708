/**
 * Observation coding of meetings: events (who did what, verbal or non-verbal, when), coding schemes and the
 * default scheme of the joint-meetings study. File formats live in {@code format}.
 */
@NullMarked
package org.alliance.core.observation;

import org.jspecify.annotations.NullMarked;
