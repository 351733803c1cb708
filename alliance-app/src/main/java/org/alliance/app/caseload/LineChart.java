package org.alliance.app.caseload;

import java.util.List;
import java.util.OptionalDouble;
import org.alliance.app.system.svg.Svg;
import org.alliance.app.system.svg.SvgWriter;

/**
 * A line chart as SVG, drawn on the server so it reads without JavaScript. Always shown next to a table with
 * the same numbers; the SVG only carries an accessible name, the table carries the data for screen readers.
 * Drawn through {@link SvgWriter}, which escapes every label and uses presentation attributes only (strict CSP).
 */
public final class LineChart {

    /** One line: a name and one value per x position (empty where there is no score). */
    public record Series(String name, List<OptionalDouble> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    /** Colours that differ in lightness as well as hue, each with at least 4.5:1 contrast on white. */
    private static final String[] COLOURS = {"#005a9c", "#b3261e", "#1b6e3a", "#5b3f8c", "#8a5300"};

    /** Dash patterns so lines differ without colour too. */
    private static final String[] DASHES = {"", "6 4", "2 3", "10 3 2 3", "1 6"};

    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 40;
    private static final int RIGHT = 150;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private LineChart() {}

    /** A chart with a grid line at every whole number from {@code yMin} to {@code yMax} (a 1–5 scale). */
    public static Svg render(String label, List<String> xLabels, List<Series> series, double yMin, double yMax) {
        return render(label, xLabels, series, yMin, yMax, 1);
    }

    /**
     * A chart with a grid line every {@code step} from {@code yMin} to {@code yMax}, for example every 20 on a
     * 0–100 % axis.
     */
    public static Svg render(
            String label, List<String> xLabels, List<Series> series, double yMin, double yMax, int step) {
        if (step < 1 || !(yMax > yMin)) {
            throw new IllegalArgumentException(
                    "need yMin < yMax and a step of at least 1; got " + yMin + ".." + yMax + " step " + step);
        }
        SvgWriter svg = SvgWriter.svg("chart", WIDTH, HEIGHT, label);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        // Horizontal grid lines at every whole number of the scale.
        for (int tick = (int) Math.ceil(yMin); tick <= yMax; tick += step) {
            double y = TOP + plotHeight * (1 - (tick - yMin) / (yMax - yMin));
            line(svg, LEFT, y, LEFT + plotWidth, y, "#d0d0d0", "");
            text(svg, LEFT - 6, y + 4, String.valueOf(tick), "end");
        }
        int n = xLabels.size();
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < n; i++) {
            if (i % every == 0 || i == n - 1) {
                text(svg, x(i, n, plotWidth), HEIGHT - BOTTOM + 18, xLabels.get(i), "middle");
            }
        }
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            String dash = DASHES[s % DASHES.length];
            StringBuilder path = new StringBuilder();
            boolean penDown = false;
            for (int i = 0; i < line.values().size() && i < n; i++) {
                OptionalDouble value = line.values().get(i);
                if (value.isEmpty()) {
                    penDown = false;
                    continue;
                }
                double y = TOP + plotHeight * (1 - (value.getAsDouble() - yMin) / (yMax - yMin));
                path.append(penDown ? " L" : " M")
                        .append(format(x(i, n, plotWidth)))
                        .append(',')
                        .append(format(y));
                penDown = true;
                svg.empty("circle", "cx", format(x(i, n, plotWidth)), "cy", format(y), "r", "3.5", "fill", colour);
            }
            if (path.length() > 0) {
                String d = path.toString().strip();
                if (dash.isEmpty()) {
                    svg.empty("path", "d", d, "fill", "none", "stroke", colour, "stroke-width", "2.5");
                } else {
                    svg.empty(
                            "path",
                            "d",
                            d,
                            "fill",
                            "none",
                            "stroke",
                            colour,
                            "stroke-width",
                            "2.5",
                            "stroke-dasharray",
                            dash);
                }
            }
            double legendY = TOP + 14 + s * 22;
            line(svg, WIDTH - RIGHT + 14, legendY - 4, WIDTH - RIGHT + 44, legendY - 4, colour, dash);
            text(svg, WIDTH - RIGHT + 50, legendY, line.name(), "start");
        }
        return svg.build();
    }

    private static double x(int i, int n, double plotWidth) {
        return n <= 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * i / (n - 1);
    }

    private static void line(SvgWriter svg, double x1, double y1, double x2, double y2, String colour, String dash) {
        String[] common = {
            "x1",
            format(x1),
            "y1",
            format(y1),
            "x2",
            format(x2),
            "y2",
            format(y2),
            "stroke",
            colour,
            "stroke-width",
            dash.isEmpty() ? "1.5" : "2.5"
        };
        if (dash.isEmpty()) {
            svg.empty("line", common);
        } else {
            String[] dashed = java.util.Arrays.copyOf(common, common.length + 2);
            dashed[common.length] = "stroke-dasharray";
            dashed[common.length + 1] = dash;
            svg.empty("line", dashed);
        }
    }

    private static void text(SvgWriter svg, double x, double y, String content, String anchor) {
        svg.text(
                "text",
                content,
                "x",
                format(x),
                "y",
                format(y),
                "font-size",
                "12",
                "fill",
                "#1a1a1a",
                "text-anchor",
                anchor);
    }

    /**
     * A coordinate with one decimal, as {@code String.format(Locale.ROOT, "%.1f", value)} but without the formatter:
     * the page draws a few hundred numbers, and the formatter was a sixth of the client page's time.
     */
    static String format(double value) {
        long tenths = Math.round(Math.abs(value) * 10);
        String sign = value < 0 ? "-" : "";
        return sign + (tenths / 10) + "." + (tenths % 10);
    }
}
