/**
 * What happens to a client's data when it must go, free of any framework: the one rule that decides between erasing
 * and anonymising (docs/rules.md, "Erasing or anonymising a client").
 */
@NullMarked
package org.alliance.core.privacy;

import org.jspecify.annotations.NullMarked;
