/** Linear and logistic regression with R's conventions (lm, glm, sandwich), and a small formula parser. */
@NullMarked
package org.alliance.stats.regression;

import org.jspecify.annotations.NullMarked;
