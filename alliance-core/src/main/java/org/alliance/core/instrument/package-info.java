/**
 * Questionnaires as data: the definition format, its validation, and skeletons of licensed instruments whose
 * item texts an organisation loads locally.
 */
@NullMarked
package org.alliance.core.instrument;

import org.jspecify.annotations.NullMarked;
