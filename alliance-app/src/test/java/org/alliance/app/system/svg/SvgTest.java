package org.alliance.app.system.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SvgTest {

    @Test
    void escapesAllFiveCharacters() {
        assertEquals("&amp;&lt;&gt;&quot;&#39;", Svg.escape("&<>\"'"));
    }

    @Test
    void aNameWithScriptAndApostropheComesOutEscaped() {
        String name = "<script>alert('x')</script> O'Brien";
        String svg = Svg.element("svg")
                .attr("aria-label", name)
                .child(Svg.element("text").attr("x", 1).text(name))
                .render()
                .markup();
        assertFalse(svg.contains("<script>"), svg);
        assertFalse(svg.contains("'"), svg);
        assertEquals(
                "<svg aria-label=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; O&#39;Brien\"><text x=\"1\">"
                        + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; O&#39;Brien</text></svg>",
                svg);
    }

    @Test
    void anElementWithoutChildrenClosesItself() {
        assertEquals(
                "<circle r=\"3.5\"/>",
                Svg.element("circle").attr("r", "3.5").render().markup());
    }
}
