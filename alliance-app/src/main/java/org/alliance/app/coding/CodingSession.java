package org.alliance.app.coding;

import org.jspecify.annotations.Nullable;

/**
 * One coder's coding of a meeting, or a settled version made from two coders.
 *
 * @param coderName display name of the coder (or of who settled)
 */
public record CodingSession(
        long id,
        long meetingId,
        long coderId,
        String coderName,
        Kind kind,
        @Nullable Long firstSourceId,
        @Nullable Long secondSourceId,
        long updatedAt) {

    /** A coder's own coding, or a version settled from two. */
    public enum Kind {
        CODER,
        SETTLED
    }
}
