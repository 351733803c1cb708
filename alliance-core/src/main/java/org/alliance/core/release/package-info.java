/** How and when a client's answers are released to professionals. */
@NullMarked
package org.alliance.core.release;

import org.jspecify.annotations.NullMarked;
