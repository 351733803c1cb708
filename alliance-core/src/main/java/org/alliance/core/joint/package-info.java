/**
 * Joint meetings: a client meeting several professionals (possibly of different organisations) and network
 * members at once. Parties and their roles, the meeting guide along the facilitating order of the Dutch
 * joint-meetings study, decisions and who owns them, every party's interests and goals with a balance check,
 * per-professional scoring of the joint check-in, the split-alliance and partiality-balance indices, and the
 * consent rules for professionals of other organisations. Rules in plain words: docs/rules.md, "Joint meetings".
 */
@NullMarked
package org.alliance.core.joint;

import org.jspecify.annotations.NullMarked;
