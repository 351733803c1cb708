package org.alliance.core.instrument;

/**
 * One question. {@code text} is empty for a skeleton instrument until its texts are loaded.
 *
 * @param reverse true when a high answer means a weaker alliance; scored as (min + max) − answer
 */
public record Item(String id, LocalizedText text, String format, boolean reverse) {}
