package org.alliance.core.instrument;

import java.util.List;

/**
 * How an item is answered. Numeric formats define the range used for reverse keying: a reverse-keyed answer
 * x becomes (min + max) − x.
 */
public sealed interface ResponseFormat
        permits ResponseFormat.Likert, ResponseFormat.Slider, ResponseFormat.FreeText, ResponseFormat.YesNo {

    String id();

    /** True when answers are numbers that can be scored. */
    boolean numeric();

    /** Smallest scoreable answer (numeric formats only). */
    double min();

    /** Largest scoreable answer (numeric formats only). */
    double max();

    /** True when this number is an allowed answer. */
    boolean accepts(double value);

    /** The allowed answers as the user should read them in an error message, e.g. "1, 2, 3, 4 or 5". */
    String describeAllowed();

    /** The file format's name for this type. */
    String type();

    /** One labelled point of a Likert scale. */
    record Point(int value, LocalizedText label) {}

    /** Labelled points, such as a 5-point frequency scale. */
    record Likert(String id, List<Point> points) implements ResponseFormat {
        public Likert {
            points = List.copyOf(points);
            if (points.size() < 2) {
                throw new IllegalArgumentException("a Likert format needs at least 2 points, got " + points.size());
            }
        }

        @Override
        public boolean numeric() {
            return true;
        }

        @Override
        public double min() {
            return points.stream().mapToInt(Point::value).min().orElseThrow();
        }

        @Override
        public double max() {
            return points.stream().mapToInt(Point::value).max().orElseThrow();
        }

        @Override
        public boolean accepts(double value) {
            return points.stream().anyMatch(point -> point.value() == value);
        }

        @Override
        public String describeAllowed() {
            List<String> values =
                    points.stream().map(point -> String.valueOf(point.value())).toList();
            return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
        }

        @Override
        public String type() {
            return "likert";
        }
    }

    /**
     * A visual-analogue slider in whole steps (0–10 by default). It starts with no value on screen, so an
     * untouched slider is a missing answer, never a default.
     */
    record Slider(String id, int minimum, int maximum, LocalizedText minLabel, LocalizedText maxLabel)
            implements ResponseFormat {
        public Slider {
            if (minimum >= maximum) {
                throw new IllegalArgumentException("slider min " + minimum + " must be below max " + maximum);
            }
        }

        @Override
        public boolean numeric() {
            return true;
        }

        @Override
        public double min() {
            return minimum;
        }

        @Override
        public double max() {
            return maximum;
        }

        @Override
        public boolean accepts(double value) {
            return value >= minimum && value <= maximum && value == Math.rint(value);
        }

        @Override
        public String describeAllowed() {
            return "a whole number from " + minimum + " to " + maximum;
        }

        @Override
        public String type() {
            return "slider";
        }
    }

    /** Free text, never scored. */
    record FreeText(String id, int maxLength) implements ResponseFormat {
        public FreeText {
            if (maxLength < 1) {
                throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
            }
        }

        @Override
        public boolean numeric() {
            return false;
        }

        @Override
        public double min() {
            throw new UnsupportedOperationException("free text has no numeric range");
        }

        @Override
        public double max() {
            throw new UnsupportedOperationException("free text has no numeric range");
        }

        @Override
        public boolean accepts(double value) {
            return false;
        }

        @Override
        public String describeAllowed() {
            return "text of at most " + maxLength + " characters";
        }

        @Override
        public String type() {
            return "free-text";
        }
    }

    /** Yes (1) or no (0). Scored like any other number when a scale includes it. */
    record YesNo(String id, LocalizedText yesLabel, LocalizedText noLabel) implements ResponseFormat {
        @Override
        public boolean numeric() {
            return true;
        }

        @Override
        public double min() {
            return 0;
        }

        @Override
        public double max() {
            return 1;
        }

        @Override
        public boolean accepts(double value) {
            return value == 0 || value == 1;
        }

        @Override
        public String describeAllowed() {
            return "0 (no) or 1 (yes)";
        }

        @Override
        public String type() {
            return "yes-no";
        }
    }
}
