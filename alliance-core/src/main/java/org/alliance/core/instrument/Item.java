package org.alliance.core.instrument;

/**
 * One question. {@code text} is empty for a skeleton instrument until its texts are loaded.
 *
 * @param reverse true when a high answer means a weaker alliance; scored as (min + max) − answer
 * @param perProfessional true when the question is asked once for each professional of a joint meeting; its text
 *     then contains {@value #PROFESSIONAL_PLACEHOLDER} in every language, which the app replaces by the
 *     professional's name (see {@link #textFor})
 */
public record Item(String id, LocalizedText text, String format, boolean reverse, boolean perProfessional) {

    /** The placeholder in the text of a per-professional item, replaced by the professional's name when asked. */
    public static final String PROFESSIONAL_PLACEHOLDER = "{professional}";

    /** An ordinary item, asked once. */
    public Item(String id, LocalizedText text, String format, boolean reverse) {
        this(id, text, format, reverse, false);
    }

    /**
     * The text in this language with the professional's name filled in. For an item that is not asked per
     * professional the name is ignored and the text returned as it is.
     */
    public String textFor(Language language, String professionalName) {
        if (professionalName.isBlank()) {
            throw new IllegalArgumentException("the professional's name is empty");
        }
        String plain = text.get(language);
        return perProfessional ? plain.replace(PROFESSIONAL_PLACEHOLDER, professionalName.strip()) : plain;
    }
}
