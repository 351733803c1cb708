package org.alliance.app.joint;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.alliance.app.system.svg.Svg;

/**
 * The alliance map of one joint meeting as SVG, drawn on the server so it reads without JavaScript: the client in
 * the centre, the professionals on a circle around them, a line from the client to each professional whose
 * thickness and label are the client's bond score for that professional (dashed and thin when missing), the
 * professional's own score beside their name, and a thin line between every two professionals whose label is
 * their team score (the mean of both professionals' own team scores). The SVG carries an accessible name only;
 * the table beside it carries the same numbers for screen readers. No style attributes (strict CSP).
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
    static String render(
            String label, String clientLabel, String ownLabel, List<Node> nodes, double scaleMin, double scaleMax) {
        Svg.Element svg = Svg.element("svg")
                .attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("class", "alliance-map")
                .attr("viewBox", "0 0 " + SIZE + " " + SIZE)
                .attr("role", "img")
                .attr("aria-label", label);
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
                svg.child(line(xs[i], ys[i], xs[j], ys[j], "#6b6b6b", 1.5, team.isEmpty()));
                if (team.isPresent()) {
                    svg.child(text(
                            (xs[i] + xs[j]) / 2, (ys[i] + ys[j]) / 2 - 4, format(team.getAsDouble()), "team-score"));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            OptionalDouble score = node.clientScore();
            double width = score.isPresent() ? thickness(score.getAsDouble(), scaleMin, scaleMax) : 1.5;
            svg.child(line(CENTRE, CENTRE, xs[i], ys[i], "#005a9c", width, score.isEmpty()));
            if (score.isPresent()) {
                double mx = CENTRE + (xs[i] - CENTRE) * 0.5;
                double my = CENTRE + (ys[i] - CENTRE) * 0.5;
                svg.child(Svg.element("rect")
                        .attr("x", number(mx - 18))
                        .attr("y", number(my - 12))
                        .attr("width", "36")
                        .attr("height", "20")
                        .attr("rx", "4")
                        .attr("fill", "#ffffff")
                        .attr("stroke", "#005a9c"));
                svg.child(text(mx, my + 3, format(score.getAsDouble()), "client-score"));
            }
        }
        svg.child(Svg.element("circle")
                .attr("cx", number(CENTRE))
                .attr("cy", number(CENTRE))
                .attr("r", "38")
                .attr("fill", "#005a9c"));
        svg.child(Svg.element("text")
                .attr("x", number(CENTRE))
                .attr("y", number(CENTRE + 5))
                .attr("text-anchor", "middle")
                .attr("fill", "#ffffff")
                .attr("font-size", "14")
                .text(clientLabel));
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            svg.child(Svg.element("circle")
                    .attr("cx", number(xs[i]))
                    .attr("cy", number(ys[i]))
                    .attr("r", "26")
                    .attr("fill", "#ffffff")
                    .attr("stroke", "#1a1a1a")
                    .attr("stroke-width", "2"));
            boolean below = ys[i] >= CENTRE - 1;
            double ty = below ? ys[i] + 44 : ys[i] - 46;
            svg.child(text(xs[i], ty, node.name(), "name"));
            String own = node.ownScore().isPresent()
                    ? ownLabel + " " + format(node.ownScore().getAsDouble())
                    : ownLabel + " –";
            svg.child(text(xs[i], ty + 16, own, "own-score"));
        }
        return svg.render().markup();
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

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static Svg.Element line(
            double x1, double y1, double x2, double y2, String colour, double width, boolean dashed) {
        Svg.Element line = Svg.element("line")
                .attr("x1", number(x1))
                .attr("y1", number(y1))
                .attr("x2", number(x2))
                .attr("y2", number(y2))
                .attr("stroke", colour)
                .attr("stroke-width", number(width));
        if (dashed) {
            line.attr("stroke-dasharray", "5 5");
        }
        return line.attr("stroke-linecap", "round");
    }

    private static Svg.Element text(double x, double y, String content, String kind) {
        return Svg.element("text")
                .attr("x", number(x))
                .attr("y", number(y))
                .attr("text-anchor", "middle")
                .attr("class", kind)
                .attr("fill", "#1a1a1a")
                .attr("font-size", "13")
                .text(content);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
