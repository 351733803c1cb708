/**
 * Expectations at intake, revisited (issue 17): the client answers in the check-in of the first meeting (a block on
 * the check-in form, {@link org.alliance.app.checkin.CheckInExtra}) and the professional on the client page; at the
 * revisit meeting both say how it went; the client page shows expected next to experienced for both sides, the
 * client's answers under the release rule of the check-in they came with.
 */
@NullMarked
package org.alliance.app.expectations;

import org.jspecify.annotations.NullMarked;
