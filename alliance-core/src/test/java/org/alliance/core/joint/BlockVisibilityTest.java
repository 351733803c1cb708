package org.alliance.core.joint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who of the meeting's professionals sees which block: every viewer, every audience, released or not. */
class BlockVisibilityTest {

    private static final Instant NOW = Instant.parse("2026-06-15T08:00:00Z");
    private static final List<String> PROFESSIONALS = List.of("anouk", "youssef", "dirk");

    private static BlockVisibility.Block block(String about, BlockAudience audience, Optional<Instant> released) {
        return new BlockVisibility.Block(about, true, released, audience);
    }

    @ParameterizedTest
    @EnumSource(BlockAudience.class)
    void aReleasedBlockIsSeenByTheProfessionalConcernedAndByColleaguesOnlyWhenTheClientSharesIt(
            BlockAudience audience) {
        BlockVisibility.Block aboutAnouk = block("anouk", audience, Optional.of(NOW.minusSeconds(60)));
        for (String viewer : PROFESSIONALS) {
            boolean expected = viewer.equals("anouk") || audience == BlockAudience.ALL_PROFESSIONALS;
            assertThat(BlockVisibility.sees(viewer, aboutAnouk, NOW))
                    .as(viewer + " / " + audience)
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(BlockAudience.class)
    void aBlockHeldBackIsSeenByNobodyUntilItIsReleased(BlockAudience audience) {
        BlockVisibility.Block later = block("anouk", audience, Optional.of(NOW.plusSeconds(1)));
        BlockVisibility.Block teamOnly = block("anouk", audience, Optional.empty());
        for (String viewer : PROFESSIONALS) {
            assertThat(BlockVisibility.sees(viewer, later, NOW)).isFalse();
            assertThat(BlockVisibility.sees(viewer, teamOnly, NOW)).isFalse();
            assertThat(BlockVisibility.sees(viewer, later, NOW.plusSeconds(1)))
                    .isEqualTo(viewer.equals("anouk") || audience == BlockAudience.ALL_PROFESSIONALS);
        }
    }

    @Test
    void byDefaultEachProfessionalSeesOnlyTheirOwnBlockAndNobodyTheSplitIndex() {
        List<BlockVisibility.Block> blocks = new ArrayList<>();
        for (String about : PROFESSIONALS) {
            blocks.add(block(about, BlockAudience.parse(null), Optional.of(NOW)));
        }
        for (String viewer : PROFESSIONALS) {
            BlockVisibility.View view = BlockVisibility.of(viewer, blocks, NOW);
            assertThat(view.shown()).containsExactly(viewer);
            assertThat(view.notForViewer()).hasSize(2).doesNotContain(viewer);
            assertThat(view.heldBack()).isEmpty();
            assertThat(view.splitIndexShown()).isFalse();
        }
    }

    @Test
    void theSplitIndexIsShownOnlyToAViewerWhoSeesEveryAnsweredBlock() {
        List<BlockVisibility.Block> blocks = List.of(
                block("anouk", BlockAudience.ALL_PROFESSIONALS, Optional.of(NOW)),
                block("youssef", BlockAudience.CONCERNED, Optional.of(NOW)),
                block("dirk", BlockAudience.ALL_PROFESSIONALS, Optional.of(NOW)),
                // A block the client left empty hides nothing.
                new BlockVisibility.Block("nobody", false, Optional.empty(), BlockAudience.CONCERNED));
        assertThat(BlockVisibility.of("youssef", blocks, NOW).splitIndexShown()).isTrue();
        assertThat(BlockVisibility.of("anouk", blocks, NOW).splitIndexShown()).isFalse();
        assertThat(BlockVisibility.of("dirk", blocks, NOW).notForViewer()).containsExactly("youssef");
        List<BlockVisibility.Block> oneHeldBack = List.of(
                block("anouk", BlockAudience.ALL_PROFESSIONALS, Optional.of(NOW)),
                block("youssef", BlockAudience.ALL_PROFESSIONALS, Optional.empty()));
        BlockVisibility.View anouk = BlockVisibility.of("anouk", oneHeldBack, NOW);
        assertThat(anouk.heldBack()).containsExactly("youssef");
        assertThat(anouk.splitIndexShown()).isFalse();
    }

    @Test
    void anUnknownOrMissingChoiceMeansOnlyTheProfessionalConcerned() {
        assertThat(BlockAudience.parse(null)).isEqualTo(BlockAudience.CONCERNED);
        assertThat(BlockAudience.parse("EVERYONE")).isEqualTo(BlockAudience.CONCERNED);
        assertThat(BlockAudience.parse("ALL_PROFESSIONALS")).isEqualTo(BlockAudience.ALL_PROFESSIONALS);
    }
}
