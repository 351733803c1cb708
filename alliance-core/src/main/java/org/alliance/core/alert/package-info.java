/**
 * Alerts for the professional, each with the rule that fired: a score below the instrument's cut-off, a drop
 * since the previous meeting, and the professional rating the alliance clearly higher than the client. The
 * rules are stated in plain words in docs/rules.md.
 */
@NullMarked
package org.alliance.core.alert;

import org.jspecify.annotations.NullMarked;
