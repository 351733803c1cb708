package org.alliance.app.system.svg;

/**
 * Writes one SVG element with its children: charts, the alliance map and the QR code all draw through it. Every
 * attribute value and every text is escaped here, by {@link #escape}, the one escape of the application's SVG.
 * Presentation attributes only (no {@code style}), so the strict content security policy holds.
 *
 * <p>Attributes are given as name/value pairs: {@code empty("circle", "cx", "12.0", "cy", "4.5", "r", "3.5")}.
 */
public final class SvgWriter {

    private final StringBuilder out = new StringBuilder(2048);

    private SvgWriter() {}

    /**
     * An {@code <svg>} with the given class, a {@code viewBox} of {@code 0 0 width height}, the role {@code img}
     * and an accessible name, followed by any further attributes.
     */
    public static SvgWriter svg(String cssClass, int width, int height, String label, String... attributes) {
        SvgWriter writer = new SvgWriter();
        writer.out.append("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        writer.attributes(
                "class", cssClass, "viewBox", "0 0 " + width + " " + height, "role", "img", "aria-label", label);
        writer.attributes(attributes);
        writer.out.append('>');
        return writer;
    }

    /** An element without content, e.g. {@code <line …/>}. */
    public SvgWriter empty(String name, String... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    /** An element with text content, e.g. {@code <text …>Anna</text>}. */
    public SvgWriter text(String name, String content, String... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append('>').append(escape(content)).append("</").append(name).append('>');
        return this;
    }

    /** Closes the {@code <svg>} element. */
    public Svg build() {
        return new Svg(out.append("</svg>").toString());
    }

    private void attributes(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs; got " + pairs.length + " strings");
        }
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(' ')
                    .append(pairs[i])
                    .append("=\"")
                    .append(escape(pairs[i + 1]))
                    .append('"');
        }
    }

    /** Escapes text for an XML attribute value or element content: {@code & < > " '}. */
    public static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement =
                    switch (text.charAt(i)) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '"' -> "&quot;";
                        case '\'' -> "&#39;";
                        default -> null;
                    };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(text.charAt(i));
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
