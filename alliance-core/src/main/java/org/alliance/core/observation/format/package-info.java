/**
 * Reading and writing observation files: ELAN {@code .eaf} (read 2.7–3.0, write 3.0), BORIS {@code .boris}
 * projects and tabular event exports (read), and the project's own CSV (read and write). Readers are lenient
 * and report what they repaired; writers are strict.
 */
@NullMarked
package org.alliance.core.observation.format;

import org.jspecify.annotations.NullMarked;
