package org.alliance.core.joint;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which parts of the client's joint check-in one professional of the meeting sees, once {@link ConsentRules} has
 * allowed them to see the client's result at all. The one place that says it; the results page, the trends, the
 * alliance map and the exports all ask it.
 *
 * <ol>
 *   <li>The client's answers about a professional (their block) are shown to a viewer only when the block is
 *       released at or before now (the client's release choice for that block: now, at the next meeting, or only in
 *       team figures) <em>and</em> the viewer is the professional the block is about, or the client chose that
 *       every professional of the meeting may see it. Not chosen means: only the professional concerned.
 *   <li>The questions asked once (about the professionals together) follow the check-in's own release choice and
 *       are seen by every professional of the meeting.
 *   <li>The split-alliance index compares all blocks, so it is shown only when the viewer sees every block the
 *       client answered; otherwise it would tell something about a block the viewer may not see.
 * </ol>
 *
 * Pure functions of their arguments: the caller passes the time.
 */
public final class BlockVisibility {

    private BlockVisibility() {}

    /**
     * One block of the client's joint check-in.
     *
     * @param aboutId the professional the block is about
     * @param answered whether the client answered any of its questions
     * @param releasedAt when the client's release choice released it; empty while held back or for team figures only
     */
    public record Block(String aboutId, boolean answered, Optional<Instant> releasedAt, BlockAudience audience) {}

    /**
     * What one viewer sees.
     *
     * @param shown the professionals whose blocks the viewer sees
     * @param heldBack answered blocks not released yet, or only for team figures
     * @param notForViewer answered, released blocks the client keeps for the professional concerned
     * @param splitIndexShown whether the split-alliance index may be shown to this viewer
     */
    public record View(Set<String> shown, Set<String> heldBack, Set<String> notForViewer, boolean splitIndexShown) {
        public View {
            shown = Set.copyOf(shown);
            heldBack = Set.copyOf(heldBack);
            notForViewer = Set.copyOf(notForViewer);
        }

        public boolean sees(String aboutId) {
            return shown.contains(aboutId);
        }
    }

    /** Whether the viewer sees one block at {@code now}. */
    public static boolean sees(String viewerId, Block block, Instant now) {
        return released(block, now)
                && (block.aboutId().equals(viewerId) || block.audience() == BlockAudience.ALL_PROFESSIONALS);
    }

    public static View of(String viewerId, List<Block> blocks, Instant now) {
        Set<String> shown = new LinkedHashSet<>();
        Set<String> heldBack = new LinkedHashSet<>();
        Set<String> notForViewer = new LinkedHashSet<>();
        for (Block block : blocks) {
            if (sees(viewerId, block, now)) {
                shown.add(block.aboutId());
            } else if (block.answered()) {
                (released(block, now) ? notForViewer : heldBack).add(block.aboutId());
            }
        }
        return new View(shown, heldBack, notForViewer, heldBack.isEmpty() && notForViewer.isEmpty());
    }

    private static boolean released(Block block, Instant now) {
        return block.releasedAt().filter(at -> !at.isAfter(now)).isPresent();
    }
}
