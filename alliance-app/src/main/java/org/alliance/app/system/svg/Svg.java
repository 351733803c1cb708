package org.alliance.app.system.svg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place SVG markup is written. Charts, the alliance map and the QR code used to concatenate strings, each
 * with its own escape copy (none escaped {@code '}); a client's name in an aria-label or legend could then break out
 * of the markup. Here every attribute value and every text node goes through {@link #escape}, so data never reaches
 * the output unescaped; only {@link Element}s built by this class are nested without escaping.
 */
public final class Svg {

    private Svg() {}

    /** Escapes the five characters that matter in XML text and in attribute values of either quote. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Starts an element with the given tag name (a constant of the caller, never data). */
    public static Element element(String name) {
        return new Element(name);
    }

    /**
     * An SVG element under construction: attributes keep their order, children are either escaped text or other
     * elements. Mutable on purpose (built and written within one method), not shared.
     */
    public static final class Element {
        private final String name;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Object> children = new ArrayList<>();

        private Element(String name) {
            this.name = name;
        }

        /** Adds an attribute; its value is escaped when written. */
        public Element attr(String attribute, String value) {
            attributes.put(attribute, value);
            return this;
        }

        /** Adds a numeric attribute written as is. */
        public Element attr(String attribute, long value) {
            return attr(attribute, Long.toString(value));
        }

        /** Adds a text node; escaped when written. */
        public Element text(String content) {
            children.add(content);
            return this;
        }

        /** Adds a child element. */
        public Element child(Element element) {
            children.add(element);
            return this;
        }

        /** The element as markup, self-closing when it has no children. */
        public SafeSvg render() {
            StringBuilder out = new StringBuilder();
            write(out);
            return new SafeSvg(out.toString());
        }

        private void write(StringBuilder out) {
            out.append('<').append(name);
            attributes.forEach((key, value) -> out.append(' ')
                    .append(key)
                    .append("=\"")
                    .append(escape(value))
                    .append('"'));
            if (children.isEmpty()) {
                out.append("/>");
                return;
            }
            out.append('>');
            for (Object child : children) {
                if (child instanceof Element element) {
                    element.write(out);
                } else {
                    out.append(escape((String) child));
                }
            }
            out.append("</").append(name).append('>');
        }
    }
}
