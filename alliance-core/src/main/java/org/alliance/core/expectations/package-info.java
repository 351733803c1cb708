/**
 * Expectations at intake, revisited (issue 17): which questions are asked, and at which meeting the client and the
 * professional say what they expect and, later, how it went. Who sees the client's answers is the release rule's
 * ({@link org.alliance.core.release.ReleaseRule}), never this package's.
 */
@NullMarked
package org.alliance.core.expectations;

import org.jspecify.annotations.NullMarked;
