package org.alliance.app.conversation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Openers for the next meeting (issue 17), per signal, grouped by the three building blocks of an honest
 * conversation: be transparent, align expectations, give and ask for feedback. The texts are ours, at B1, in the
 * message bundles under {@code conversation.prompt.<signal>.<block>}; this class only says which opener belongs to
 * which signal and block, so the client page, the joint results page and the printed card show the same ones.
 *
 * <p>The {@link Signal#EXPECTATIONS} group is left empty on purpose: the expectations at intake (package
 * {@code expectations}) fill it with their own openers. A signal without openers shows no prompts and no card.
 */
public final class ConversationPrompts {

    private ConversationPrompts() {}

    /** What the feedback was: the caseload's four alerts, the joint meeting's split alliance, the expectations. */
    public enum Signal {
        LOW,
        DROP,
        GAP,
        MISSED,
        SPLIT,
        EXPECTATIONS;

        /** The name in addresses, forms and message keys, e.g. {@code low}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The signal a form or address names by its code; empty for anything else. */
        public static Optional<Signal> parse(String code) {
            return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
        }
    }

    /** The three building blocks, in the order a conversation takes them. */
    public enum Block {
        TRANSPARENT,
        EXPECTATIONS,
        FEEDBACK;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One building block's openers for a signal, as message keys. */
    public record Group(Signal signal, Block block, List<String> keys) {
        public Group {
            keys = List.copyOf(keys);
        }

        /** The block's heading, e.g. "Be transparent". */
        public String headingKey() {
            return "conversation.block." + block.code();
        }
    }

    /** The blocks with openers, per signal (one opener per block for each alert, written by us). */
    private static final Map<Signal, List<Block>> OPENERS = Map.of(
            Signal.LOW, List.of(Block.TRANSPARENT, Block.EXPECTATIONS, Block.FEEDBACK),
            Signal.DROP, List.of(Block.TRANSPARENT, Block.EXPECTATIONS, Block.FEEDBACK),
            Signal.GAP, List.of(Block.TRANSPARENT, Block.EXPECTATIONS, Block.FEEDBACK),
            Signal.MISSED, List.of(Block.TRANSPARENT, Block.EXPECTATIONS, Block.FEEDBACK),
            Signal.SPLIT, List.of(Block.TRANSPARENT, Block.EXPECTATIONS, Block.FEEDBACK),
            // Filled by the expectations at intake (issue 17, another part): add its blocks here and its keys to
            // the bundles as conversation.prompt.expectations.<block>.
            Signal.EXPECTATIONS, List.of());

    /** The openers for a signal, by block in conversation order; empty when the signal has none yet. */
    public static List<Group> groups(Signal signal) {
        List<Group> groups = new ArrayList<>();
        for (Block block : OPENERS.getOrDefault(signal, List.of())) {
            groups.add(new Group(signal, block, List.of("conversation.prompt." + signal.code() + "." + block.code())));
        }
        return List.copyOf(groups);
    }

    /** True when the signal has openers (and so a card). */
    public static boolean hasPrompts(Signal signal) {
        return !OPENERS.getOrDefault(signal, List.of()).isEmpty();
    }

    /** The signals that have openers, in the order of {@link Signal}. */
    public static List<Signal> withPrompts() {
        return Arrays.stream(Signal.values())
                .filter(ConversationPrompts::hasPrompts)
                .toList();
    }
}
