package org.alliance.app.joint;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.alliance.app.system.svg.Svg;
import org.alliance.app.system.svg.SvgWriter;

/**
 * The alliance map of one joint meeting as SVG, drawn on the server so it reads without JavaScript: the client in
 * the centre, the professionals on a circle around them, a line from the client to each professional whose
 * thickness and label are the client's bond score for that professional (dashed and thin when missing), the
 * professional's own score beside their name, and a thin line between every two professionals whose label is
 * their team score (the mean of both professionals' own team scores). The SVG carries an accessible name only;
 * the table beside it carries the same numbers for screen readers. Drawn through {@link SvgWriter} (one escape, no
 * style attributes for the strict CSP).
 */
final class AllianceMap {

    /**
     * One professional on the map.
     *
     * @param clientScore the client's bond score for this professional, if shown
     * @param ownScore the professional's own bond score
     * @param teamScore the professional's own team score (for the lines between professionals)
     */
    record Node(String name, OptionalDouble clientScore, OptionalDouble ownScore, OptionalDouble teamScore) {}

    static final int SIZE = 480;
    private static final double CENTRE = SIZE / 2.0;
    private static final double RADIUS = 165;

    private AllianceMap() {}

    /**
     * @param label the accessible name of the picture
     * @param clientLabel the text in the centre ("client", or the alias)
     * @param ownLabel the word put before a professional's own score ("own")
     * @param scaleMin lowest possible score, for the line thickness
     * @param scaleMax highest possible score
     */
    static Svg render(
            String label,
            String clientLabel,
            String ownLabel,
            List<Node> nodes,
            double scaleMin,
            double scaleMax,
            Locale locale) {
        SvgWriter svg = SvgWriter.svg("alliance-map", SIZE, SIZE, label);
        int n = nodes.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(n, 1);
            xs[i] = CENTRE + RADIUS * Math.cos(angle);
            ys[i] = CENTRE + RADIUS * Math.sin(angle);
        }
        // Team lines first, so the client's lines are drawn over them.
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                OptionalDouble team =
                        mean(nodes.get(i).teamScore(), nodes.get(j).teamScore());
                line(svg, xs[i], ys[i], xs[j], ys[j], "#6b6b6b", 1.5, team.isEmpty());
                if (team.isPresent()) {
                    text(
                            svg,
                            (xs[i] + xs[j]) / 2,
                            (ys[i] + ys[j]) / 2 - 4,
                            format(team.getAsDouble(), locale),
                            "team-score");
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            OptionalDouble score = node.clientScore();
            double width = score.isPresent() ? thickness(score.getAsDouble(), scaleMin, scaleMax) : 1.5;
            line(svg, CENTRE, CENTRE, xs[i], ys[i], "#005a9c", width, score.isEmpty());
            if (score.isPresent()) {
                double mx = CENTRE + (xs[i] - CENTRE) * 0.5;
                double my = CENTRE + (ys[i] - CENTRE) * 0.5;
                svg.empty(
                        "rect",
                        "x",
                        number(mx - 18),
                        "y",
                        number(my - 12),
                        "width",
                        "36",
                        "height",
                        "20",
                        "rx",
                        "4",
                        "fill",
                        "#ffffff",
                        "stroke",
                        "#005a9c");
                text(svg, mx, my + 3, format(score.getAsDouble(), locale), "client-score");
            }
        }
        svg.empty("circle", "cx", number(CENTRE), "cy", number(CENTRE), "r", "38", "fill", "#005a9c");
        svg.text(
                "text",
                clientLabel,
                "x",
                number(CENTRE),
                "y",
                number(CENTRE + 5),
                "text-anchor",
                "middle",
                "fill",
                "#ffffff",
                "font-size",
                "14");
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            svg.empty(
                    "circle",
                    "cx",
                    number(xs[i]),
                    "cy",
                    number(ys[i]),
                    "r",
                    "26",
                    "fill",
                    "#ffffff",
                    "stroke",
                    "#1a1a1a",
                    "stroke-width",
                    "2");
            boolean below = ys[i] >= CENTRE - 1;
            double ty = below ? ys[i] + 44 : ys[i] - 46;
            text(svg, xs[i], ty, node.name(), "name");
            String own = node.ownScore().isPresent()
                    ? ownLabel + " " + format(node.ownScore().getAsDouble(), locale)
                    : ownLabel + " –";
            text(svg, xs[i], ty + 16, own, "own-score");
        }
        return svg.build();
    }

    /** 2 px at the bottom of the scale to 12 px at the top. */
    static double thickness(double score, double min, double max) {
        return 2 + 10 * (score - min) / (max - min);
    }

    static OptionalDouble mean(OptionalDouble a, OptionalDouble b) {
        if (a.isPresent() && b.isPresent()) {
            return OptionalDouble.of((a.getAsDouble() + b.getAsDouble()) / 2);
        }
        return a.isPresent() ? a : b;
    }

    /** A score label as the pages show scores (two decimals at most, the language's decimal mark). */
    static String format(double value, Locale locale) {
        return org.alliance.app.system.Formats.score(value, locale);
    }

    private static void line(
            SvgWriter svg, double x1, double y1, double x2, double y2, String colour, double width, boolean dashed) {
        svg.empty(
                "line",
                "x1",
                number(x1),
                "y1",
                number(y1),
                "x2",
                number(x2),
                "y2",
                number(y2),
                "stroke",
                colour,
                "stroke-width",
                number(width),
                "stroke-dasharray",
                dashed ? "5 5" : null,
                "stroke-linecap",
                "round");
    }

    private static void text(SvgWriter svg, double x, double y, String content, String kind) {
        svg.text(
                "text",
                content,
                "x",
                number(x),
                "y",
                number(y),
                "text-anchor",
                "middle",
                "class",
                kind,
                "fill",
                "#1a1a1a",
                "font-size",
                "13");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
