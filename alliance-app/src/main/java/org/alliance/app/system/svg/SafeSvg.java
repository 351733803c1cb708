package org.alliance.app.system.svg;

/**
 * Markup written by {@link Svg}, so every piece of data in it is escaped. Only this class is constructed from
 * {@link Svg.Element#render()}; a template may insert a value of this type unescaped, never a plain String.
 */
public record SafeSvg(String markup) {

    /** The markup, so {@code th:utext} and string joins print it. */
    @Override
    public String toString() {
        return markup;
    }

    /** True when there is no chart (nothing to show). */
    public boolean isEmpty() {
        return markup.isEmpty();
    }
}
