package org.alliance.core.instrument;

/** Small definitions for tests, written so each rule can be broken by one replacement. */
public final class TestInstruments {

    private TestInstruments() {}

    public static String text(String english) {
        return "{nl: \"" + english + " (nl)\", en: \"" + english + "\", nb: \"" + english + " (nb)\", da: \"" + english
                + " (da)\"}";
    }

    /** A valid instrument: two 1–5 items and one reverse-keyed item in scale "main", a free-text item, a total. */
    public static final String VALID =
            """
            format: alliance-instrument/1
            id: test-instrument
            version: 1.2.3
            title: %1$s
            perspective: client
            licence:
              name: CC-BY-4.0
              copyright: © test
            responseFormats:
              - id: five
                type: likert
                points:
                  - {value: 1, label: %2$s}
                  - {value: 2, label: %2$s}
                  - {value: 3, label: %2$s}
                  - {value: 4, label: %2$s}
                  - {value: 5, label: %2$s}
              - id: words
                type: free-text
                maxLength: 500
            items:
              - id: a
                format: five
                text: %3$s
              - id: b
                format: five
                text: %3$s
              - id: c
                format: five
                reverse: true
                text: %3$s
              - id: d
                format: five
                text: %3$s
              - id: remarks
                format: words
                text: %3$s
            scoring:
              method: mean
              minAnsweredShare: 0.75
            scales:
              - id: main
                name: %4$s
                items: [a, b, c, d]
              - id: total
                name: %4$s
                subscales: [main]
            cutOffs:
              - scale: main
                comparison: below
                value: 3
                meaning: %5$s
            """
                    .formatted(text("Title"), text("point"), text("Item"), text("Scale"), text("Low"));

    public static Instrument valid() {
        return InstrumentReader.read("valid.yaml", VALID).orElseThrow();
    }
}
