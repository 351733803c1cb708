package org.alliance.app.system.svg;

/**
 * A picture drawn on the server by {@link SvgWriter}: markup in which every name, label and number the data gave
 * was escaped on the way in. Only the writer makes one, and templates insert one only through {@code al:svg}
 * ({@link SvgDialect}), which refuses anything else — so no text typed by a person reaches a page unescaped.
 */
public final class Svg {

    private final String markup;

    Svg(String markup) {
        this.markup = markup;
    }

    /** The SVG element as text. */
    public String markup() {
        return markup;
    }

    @Override
    public String toString() {
        return markup;
    }
}
