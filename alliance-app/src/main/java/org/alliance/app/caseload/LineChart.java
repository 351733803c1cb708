package org.alliance.app.caseload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
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
                seriesPath(svg, path.toString().strip(), colour, dash);
            }
            double legendY = TOP + 14 + s * 22;
            line(svg, WIDTH - RIGHT + 14, legendY - 4, WIDTH - RIGHT + 44, legendY - 4, colour, dash);
            text(svg, WIDTH - RIGHT + 50, legendY, line.name(), "start");
        }
        return svg.build();
    }

    /** One line over time: a name and its scores at their dates (any order). */
    public record DatedSeries(String name, List<Point> points) {
        public DatedSeries {
            points = points.stream().sorted(Comparator.comparing(Point::date)).toList();
        }
    }

    /** A score at a date. */
    public record Point(LocalDate date, double value) {}

    /** A shaded band over time, e.g. the middle half of the organisation's clients at each meeting. */
    public record Band(String name, List<BandPoint> points) {
        public Band {
            points = points.stream()
                    .sorted(Comparator.comparing(BandPoint::date))
                    .toList();
        }
    }

    /** The band's lower and upper edge at a date. */
    public record BandPoint(LocalDate date, double low, double high) {}

    private static final int DATED_RIGHT = 16;
    private static final int DATED_PLOT_HEIGHT = 220;
    private static final int LEGEND_ROW = 22;

    /**
     * A chart whose time axis is by date: a meeting two months after the previous one lies twice as far as one a
     * month after it. The legend goes under the plot, one row per line with its full name. An optional band is
     * drawn under the lines. Grid lines at every whole number from {@code yMin} to {@code yMax}.
     *
     * @param dateLabel how a date is written on the axis (the reader's language)
     */
    public static Svg renderByDate(
            String label,
            List<DatedSeries> series,
            Optional<Band> band,
            double yMin,
            double yMax,
            Function<LocalDate, String> dateLabel) {
        if (!(yMax > yMin)) {
            throw new IllegalArgumentException("need yMin < yMax; got " + yMin + ".." + yMax);
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        series.forEach(line -> line.points().forEach(p -> dates.add(p.date())));
        band.ifPresent(b -> b.points().forEach(p -> dates.add(p.date())));
        int legendRows = series.size() + (band.isPresent() ? 1 : 0);
        int height = TOP + DATED_PLOT_HEIGHT + BOTTOM + legendRows * LEGEND_ROW;
        SvgWriter svg = SvgWriter.svg("chart", WIDTH, height, label);
        double plotWidth = WIDTH - LEFT - DATED_RIGHT;
        double plotHeight = DATED_PLOT_HEIGHT;
        DoubleUnaryOperator yOf = value -> TOP + plotHeight * (1 - (value - yMin) / (yMax - yMin));
        long first = dates.isEmpty() ? 0 : dates.first().toEpochDay();
        long span = dates.isEmpty() ? 0 : dates.last().toEpochDay() - first;
        ToDoubleFunction<LocalDate> xOf =
                date -> span == 0 ? LEFT + plotWidth / 2 : LEFT + plotWidth * (date.toEpochDay() - first) / span;
        for (int tick = (int) Math.ceil(yMin); tick <= yMax; tick++) {
            double y = yOf.applyAsDouble(tick);
            line(svg, LEFT, y, LEFT + plotWidth, y, "#d0d0d0", "");
            text(svg, LEFT - 6, y + 4, String.valueOf(tick), "end");
        }
        if (band.isPresent() && !band.get().points().isEmpty()) {
            List<BandPoint> edge = band.get().points();
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < edge.size(); i++) {
                path.append(i == 0 ? "M" : " L")
                        .append(format(xOf.applyAsDouble(edge.get(i).date())))
                        .append(',')
                        .append(format(yOf.applyAsDouble(edge.get(i).high())));
            }
            for (int i = edge.size() - 1; i >= 0; i--) {
                path.append(" L")
                        .append(format(xOf.applyAsDouble(edge.get(i).date())))
                        .append(',')
                        .append(format(yOf.applyAsDouble(edge.get(i).low())));
            }
            // A single point gives a vertical bar: widen it so it can be seen.
            svg.empty(
                    "path",
                    "d",
                    path.append(" Z").toString(),
                    "fill",
                    BAND_COLOUR,
                    "stroke",
                    BAND_EDGE,
                    "stroke-width",
                    edge.size() == 1 ? "8" : "1");
        }
        // At most six dates on the axis, spread over the measured ones; always the first and the last.
        List<LocalDate> ticks = new ArrayList<>(dates);
        int every = Math.max(1, (int) Math.ceil(ticks.size() / 6.0));
        double lastLabelX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ticks.size(); i++) {
            double x = xOf.applyAsDouble(ticks.get(i));
            boolean wanted = i % every == 0 || i == ticks.size() - 1;
            if (wanted && x - lastLabelX >= 90) {
                text(svg, x, TOP + plotHeight + 18, dateLabel.apply(ticks.get(i)), "middle");
                lastLabelX = x;
            }
        }
        for (int s = 0; s < series.size(); s++) {
            DatedSeries line = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            String dash = DASHES[s % DASHES.length];
            StringBuilder path = new StringBuilder();
            for (Point point : line.points()) {
                double x = xOf.applyAsDouble(point.date());
                double y = yOf.applyAsDouble(point.value());
                path.append(path.length() == 0 ? "M" : " L")
                        .append(format(x))
                        .append(',')
                        .append(format(y));
                svg.empty("circle", "cx", format(x), "cy", format(y), "r", "3.5", "fill", colour);
            }
            if (line.points().size() > 1) {
                seriesPath(svg, path.toString(), colour, dash);
            }
            double legendY = TOP + plotHeight + BOTTOM + s * LEGEND_ROW + 12;
            line(svg, LEFT, legendY - 4, LEFT + 30, legendY - 4, colour, dash);
            text(svg, LEFT + 38, legendY, line.name(), "start");
        }
        if (band.isPresent()) {
            double legendY = TOP + plotHeight + BOTTOM + series.size() * LEGEND_ROW + 12;
            svg.empty(
                    "rect",
                    "x",
                    format(LEFT),
                    "y",
                    format(legendY - 11),
                    "width",
                    "30",
                    "height",
                    "12",
                    "fill",
                    BAND_COLOUR,
                    "stroke",
                    BAND_EDGE);
            text(svg, LEFT + 38, legendY, band.get().name(), "start");
        }
        return svg.build();
    }

    private static final String BAND_COLOUR = "#e3ecf4";
    private static final String BAND_EDGE = "#9db4c8";

    private static double x(int i, int n, double plotWidth) {
        return n <= 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * i / (n - 1);
    }

    /** One series drawn through its points ({@code d}), in its colour and dash (none for the first series). */
    private static void seriesPath(SvgWriter svg, String d, String colour, String dash) {
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
                dash.isEmpty() ? null : dash);
    }

    private static void line(SvgWriter svg, double x1, double y1, double x2, double y2, String colour, String dash) {
        svg.empty(
                "line",
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
                dash.isEmpty() ? "1.5" : "2.5",
                "stroke-dasharray",
                dash.isEmpty() ? null : dash);
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
