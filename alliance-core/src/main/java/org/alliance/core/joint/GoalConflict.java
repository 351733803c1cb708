package org.alliance.core.joint;

import java.util.Optional;

/**
 * Two goals the chair flagged as conflicting, and the option noted that could be good for both sides, if any.
 * Flagging a conflict names goals, never a party to blame.
 */
public record GoalConflict(String goalId, String otherGoalId, Optional<String> winWinOption) {

    public GoalConflict {
        if (goalId.equals(otherGoalId)) {
            throw new IllegalArgumentException("a goal cannot conflict with itself: " + goalId);
        }
        if (winWinOption.isPresent() && winWinOption.get().isBlank()) {
            throw new IllegalArgumentException(
                    "the win-win option for " + goalId + " / " + otherGoalId + " is empty; leave it out instead");
        }
    }
}
