/** Small dense linear algebra kernels (QR, Cholesky, products) shared by the statistical methods. */
@NullMarked
package org.alliance.stats.linalg;

import org.jspecify.annotations.NullMarked;
