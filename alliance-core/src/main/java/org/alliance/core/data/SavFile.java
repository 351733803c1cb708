package org.alliance.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Inflater;

/**
 * An SPSS system file ({@code .sav}, and {@code .zsav}) read as haven's {@code read_sav(user_na = FALSE)} reads it:
 * numbers as numbers, user-missing values and system-missing as missing, text with trailing blanks removed, date
 * formats as ISO dates ({@code 2026-09-30}) and date-time formats as {@code 2026-09-30 08:00:00}. Variable labels, value
 * labels and missing-value declarations are kept in {@link Variable}; value labels do not replace the numbers (as in R,
 * where a labelled item stays numeric).
 *
 * <p>The format is the one GNU PSPP documents ("System File Format", pspp-dev manual; a format reference only, no code
 * taken): the file header, variable records (with continuation records for strings longer than 8 bytes), value labels,
 * documents, extension records (machine integer info for the character code, long variable names, very long strings
 * split in 255-byte segments, the character encoding), then the data uncompressed, bytecode-compressed or in zlib
 * blocks ({@code $FL3}). Both byte orders are read. Every problem is an {@link DataFormatException}
 * naming the file and the byte offset, never a raw buffer or zlib exception.
 */
public final class SavFile {

    /** How a variable's values are given. */
    public enum Kind {
        NUMBER,
        TEXT,
        DATE,
        DATE_TIME
    }

    /**
     * One variable as the file declares it.
     *
     * @param name the long name (as SPSS shows it)
     * @param label the variable label, empty when none
     * @param kind numbers, text, dates or date-times
     * @param width the text width in bytes (0 for numbers)
     * @param valueLabels value → label, numbers written as in {@link #number(double)}, text trimmed
     * @param missing the declared user-missing values as SPSS writes them ({@code -9, -8}, {@code 97 thru 99},
     *     {@code 99 thru HI}), empty when none
     */
    public record Variable(
            String name, String label, Kind kind, int width, Map<String, String> valueLabels, String missing) {
        public Variable {
            valueLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(valueLabels));
        }
    }

    /**
     * What the file holds.
     *
     * @param variables in file order
     * @param rows one per case, a cell per variable; {@code null} for a missing value
     * @param encoding the character encoding the texts were read in
     * @param product the program that wrote the file, as its header says
     * @param weight the name of the weight variable the file declares, empty when none
     */
    public record Contents(
            List<Variable> variables, List<List<String>> rows, Charset encoding, String product, String weight) {
        public Contents {
            variables = List.copyOf(variables);
        }
    }

    /** Seconds from SPSS's day zero (14 October 1582, the start of the Gregorian calendar) to 1970-01-01. */
    private static final long SPSS_EPOCH_SECONDS = 12_219_379_200L;

    /** Seconds from SPSS's day zero to 10000-01-01, where its dates end. */
    private static final double LAST_SECOND = (LocalDate.of(10000, 1, 1).toEpochDay() * 86_400.0) + SPSS_EPOCH_SECONDS;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** SPSS print-format codes of dates (DATE, ADATE, JDATE, MOYR, QYR, WKYR, EDATE, SDATE) and date-times. */
    private static final int[] DATE_FORMATS = {20, 23, 24, 28, 29, 30, 38, 39};

    private static final int[] DATE_TIME_FORMATS = {22, 41};

    private SavFile() {}

    /** True when the bytes start as a system file does ({@code $FL2} or {@code $FL3}). */
    public static boolean isSystemFile(byte[] bytes) {
        return bytes.length >= 4
                && bytes[0] == '$'
                && bytes[1] == 'F'
                && bytes[2] == 'L'
                && (bytes[3] == '2' || bytes[3] == '3');
    }

    /**
     * Reads a system file.
     *
     * @param source the file name, for messages
     * @param declared an encoding that overrides the file's own (for old files that do not say theirs)
     */
    public static Contents read(String source, byte[] bytes, Optional<Charset> declared) {
        return new Reader(source, bytes, declared).read();
    }

    /** A number as the cells hold it: integers without a decimal point, others in Java's shortest round-trip form. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /**
     * A value label record and its variable index record, kept until the encoding is known: raw values and labels,
     * the 1-based element indexes of the variables, and the record's byte offset for messages.
     */
    private record ValueLabels(List<byte[]> values, List<byte[]> labels, int[] indexes, int at) {}

    /** One variable record with what later records add to it. */
    private static final class Slot {
        final int index; // position among the 8-byte elements of a case
        final int type; // 0 numeric, 1..255 string width
        final String shortName;
        String name;
        String label = "";
        int printFormat;
        int missingCount;
        double[] missingNumbers = new double[0];
        byte[][] missingTexts = new byte[0][];
        final Map<Object, String> labels = new LinkedHashMap<>();
        int segments = 1; // very long strings: the slots that follow and belong to this variable
        int longWidth; // very long strings: the declared width

        Slot(int index, int type, String shortName) {
            this.index = index;
            this.type = type;
            this.shortName = shortName;
            this.name = shortName;
        }

        int elements() {
            return type == 0 ? 1 : (type + 7) / 8;
        }
    }

    private static final class Reader {
        private final String source;
        private final ByteBuffer in;
        private final Optional<Charset> declared;
        private Charset charset = Charset.forName("windows-1252");
        private boolean charsetFromFile;
        private double sysmis = -Double.MAX_VALUE;
        private double highest = Double.MAX_VALUE;
        private double lowest = Math.nextUp(-Double.MAX_VALUE);

        Reader(String source, byte[] bytes, Optional<Charset> declared) {
            this.source = source;
            this.in = ByteBuffer.wrap(bytes);
            this.declared = declared;
        }

        Contents read() {
            try {
                return readFile();
            } catch (DataFormatException e) {
                throw e;
            } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
                // a read or a jump past the end: the records promise more bytes than the file has
                throw problem("the file ends in the middle of a record; is it complete?");
            }
        }

        private Contents readFile() {
            if (!isSystemFile(in.array())) {
                throw problem("this is not an SPSS system file (.sav): it does not start with $FL2 or $FL3");
            }
            if (in.capacity() < 176) {
                throw problem("the file ends inside its 176-byte header; is it complete?");
            }
            boolean zlib = in.get(3) == '3';
            in.position(64);
            in.order(ByteOrder.LITTLE_ENDIAN);
            int layout = in.getInt(64);
            if (layout != 2 && layout != 3) {
                in.order(ByteOrder.BIG_ENDIAN);
                layout = in.getInt(64);
                if (layout != 2 && layout != 3) {
                    throw problem("the header's layout code is neither 2 nor 3 in either byte order");
                }
            }
            String product = ascii(4, 60).replace("@(#) SPSS DATA FILE", "").strip();
            in.position(68);
            in.getInt(); // nominal case size: recomputed from the variable records
            int compression = in.getInt();
            int weightIndex = in.getInt();
            int cases = in.getInt();
            double bias = in.getDouble();
            in.position(176);
            if (compression < 0 || compression > 2 || (compression == 2) != zlib) {
                throw problem(
                        "compression code " + compression + " does not fit a " + (zlib ? "$FL3" : "$FL2") + " file");
            }
            List<Slot> slots = new ArrayList<>();
            Map<Integer, Slot> byIndex = new HashMap<>();
            int elements = 0;
            List<byte[]> longNames = new ArrayList<>();
            List<byte[]> veryLong = new ArrayList<>();
            List<ValueLabels> pendingLabels = new ArrayList<>();
            records:
            while (true) {
                int at = in.position();
                int type = in.getInt();
                switch (type) {
                    case 2 -> {
                        Slot slot = variable(elements);
                        if (slot != null) {
                            slots.add(slot);
                            byIndex.put(elements + 1, slot);
                        }
                        elements++;
                    }
                    case 3 -> pendingLabels.add(valueLabels(at));
                    case 6 -> {
                        int lines = in.getInt();
                        skip(80L * lines, at);
                    }
                    case 7 -> extension(longNames, veryLong);
                    case 999 -> {
                        in.getInt();
                        break records;
                    }
                    default -> throw problem(at, "unknown record type " + type);
                }
            }
            // Without an encoding record or a known character code, SPSS's default on Windows.
            Charset encoding = declared.orElse(charset);
            if (slots.isEmpty()) {
                throw problem("the file declares no variables");
            }
            for (ValueLabels pending : pendingLabels) {
                applyLabels(pending, byIndex);
            }
            for (Slot slot : slots) {
                slot.name = text(slot.shortName.getBytes(StandardCharsets.ISO_8859_1), encoding);
            }
            applyLongNames(longNames, slots, encoding);
            List<Slot> variables = applyVeryLongStrings(veryLong, slots, encoding);
            List<Variable> declaredVariables = new ArrayList<>();
            for (Slot slot : variables) {
                declaredVariables.add(describe(slot, encoding));
            }
            ByteBuffer data = zlib ? inflate() : in.slice().order(in.order());
            List<List<String>> rows = cases(data, compression != 0, bias, elements, slots, variables, cases, encoding);
            String weight = "";
            if (weightIndex > 0 && byIndex.containsKey(weightIndex)) {
                weight = byIndex.get(weightIndex).name;
            }
            return new Contents(declaredVariables, rows, encoding, product, weight);
        }

        /** A variable record; null for a continuation record of a long string. */
        private Slot variable(int index) {
            int at = in.position() - 4;
            int type = in.getInt();
            int hasLabel = in.getInt();
            int missing = in.getInt();
            int print = in.getInt();
            in.getInt(); // write format
            String shortName = ascii(in.position(), 8).strip();
            in.position(in.position() + 8);
            if (type < -1 || type > 255) {
                throw problem(at, "variable " + shortName + " has type " + type + " (expected -1 to 255)");
            }
            Slot slot = type == -1 ? null : new Slot(index, type, shortName);
            if (hasLabel == 1) {
                int length = in.getInt();
                if (length < 0 || length > 65536) {
                    throw problem(at, "variable " + shortName + " has a label of " + length + " bytes");
                }
                byte[] label = new byte[length];
                in.get(label);
                skip((4 - length % 4) % 4, at);
                if (slot != null) {
                    slot.label = new String(label, StandardCharsets.ISO_8859_1); // decoded once the encoding is known
                }
            }
            if (missing != 0) {
                if (missing < -3 || missing > 3 || missing == -1) {
                    throw problem(at, "variable " + shortName + " declares " + missing + " missing values");
                }
                int count = Math.abs(missing);
                double[] numbers = new double[count];
                byte[][] texts = new byte[count][];
                for (int i = 0; i < count; i++) {
                    texts[i] = new byte[8];
                    in.get(in.position(), texts[i]);
                    numbers[i] = in.getDouble();
                }
                if (slot != null) {
                    slot.missingCount = missing;
                    slot.missingNumbers = numbers;
                    slot.missingTexts = texts;
                }
            }
            if (slot != null) {
                slot.printFormat = print;
            }
            return slot;
        }

        /** A value label record and the variable index record that must follow it. */
        private ValueLabels valueLabels(int at) {
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / 9) {
                throw problem(at, "a value label record says it has " + count + " labels");
            }
            List<byte[]> values = new ArrayList<>();
            List<byte[]> labels = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] value = new byte[8];
                in.get(value);
                int length = in.get() & 0xff;
                byte[] label = new byte[length];
                in.get(label);
                skip((8 - (length + 1) % 8) % 8, at);
                values.add(value);
                labels.add(label);
            }
            int indexAt = in.position();
            if (in.getInt() != 4) {
                throw problem(indexAt, "a value label record is not followed by its variable index record (type 4)");
            }
            int variables = in.getInt();
            if (variables < 1 || variables > in.remaining() / 4) {
                throw problem(indexAt, "a variable index record lists " + variables + " variables");
            }
            int[] indexes = new int[variables];
            for (int i = 0; i < variables; i++) {
                indexes[i] = in.getInt();
            }
            return new ValueLabels(values, labels, indexes, at);
        }

        private void applyLabels(ValueLabels pending, Map<Integer, Slot> byIndex) {
            List<byte[]> values = pending.values();
            List<byte[]> labels = pending.labels();
            for (int index : pending.indexes()) {
                Slot slot = byIndex.get(index);
                if (slot == null) {
                    throw problem(
                            pending.at(),
                            "value labels for variable index " + index + ", which is not"
                                    + " the first element of a variable");
                }
                for (int i = 0; i < values.size(); i++) {
                    Object key = slot.type == 0
                            ? (Object) ByteBuffer.wrap(values.get(i))
                                    .order(in.order())
                                    .getDouble()
                            : new String(values.get(i), StandardCharsets.ISO_8859_1);
                    slot.labels.put(key, new String(labels.get(i), StandardCharsets.ISO_8859_1));
                }
            }
        }

        private void extension(List<byte[]> longNames, List<byte[]> veryLong) {
            int at = in.position() - 4;
            int subtype = in.getInt();
            int size = in.getInt();
            int count = in.getInt();
            long length = (long) size * count;
            if (size < 0 || count < 0 || length > in.remaining()) {
                throw problem(at, "extension record " + subtype + " says it has " + count + " × " + size + " bytes");
            }
            int start = in.position();
            switch (subtype) {
                case 3 -> {
                    if (size == 4 && count >= 8) {
                        int code = in.getInt(start + 28);
                        charsetFromCode(code);
                    }
                }
                case 4 -> {
                    if (size == 8 && count == 3) {
                        sysmis = in.getDouble(start);
                        highest = in.getDouble(start + 8);
                        lowest = in.getDouble(start + 16);
                    }
                }
                case 13 -> longNames.add(bytes(start, (int) length));
                case 14 -> veryLong.add(bytes(start, (int) length));
                case 20 -> {
                    String name = new String(bytes(start, (int) length), StandardCharsets.US_ASCII).strip();
                    try {
                        charset = Charset.forName(name);
                        charsetFromFile = true;
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        throw problem(
                                at,
                                "the file's character encoding " + name + " is not known here; declare"
                                        + " one with --encoding");
                    }
                }
                default -> {
                    // display parameters, document and data file attributes, long string labels: not needed here
                }
            }
            in.position(start + (int) length);
        }

        private void charsetFromCode(int code) {
            if (charsetFromFile) {
                return;
            }
            Optional<Charset> known =
                    switch (code) {
                        case 65001 -> Optional.of(StandardCharsets.UTF_8);
                        case 2, 20127 -> Optional.of(StandardCharsets.US_ASCII);
                        case 28591 -> Optional.of(StandardCharsets.ISO_8859_1);
                        case 1252, 1250, 1251, 1253, 1254, 1257 -> Optional.of(Charset.forName("windows-" + code));
                        default -> Optional.empty();
                    };
            known.ifPresent(c -> {
                charset = c;
                charsetFromFile = true;
            });
        }

        private void applyLongNames(List<byte[]> records, List<Slot> slots, Charset encoding) {
            Map<String, Slot> byShort = new HashMap<>();
            for (Slot slot : slots) {
                byShort.put(slot.shortName.toUpperCase(Locale.ROOT), slot);
            }
            for (byte[] record : records) {
                for (String pair : text(record, encoding).split("\t")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        Slot slot = byShort.get(pair.substring(0, eq).toUpperCase(Locale.ROOT));
                        if (slot != null) {
                            slot.name = pair.substring(eq + 1);
                        }
                    }
                }
            }
        }

        /** The variables a user sees: a very long string's segments folded into its first slot. */
        private List<Slot> applyVeryLongStrings(List<byte[]> records, List<Slot> slots, Charset encoding) {
            Map<String, Integer> widths = new HashMap<>();
            for (byte[] record : records) {
                for (String entry : text(record, encoding).split("\t")) {
                    String pair = entry.replace("\0", "").strip();
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        try {
                            widths.put(
                                    pair.substring(0, eq).toUpperCase(Locale.ROOT),
                                    Integer.parseInt(pair.substring(eq + 1).strip()));
                        } catch (NumberFormatException e) {
                            throw problem("the very long string record has an entry that is not NAME=width: " + pair);
                        }
                    }
                }
            }
            List<Slot> variables = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                Slot slot = slots.get(i);
                variables.add(slot);
                Integer width = widths.get(slot.shortName.toUpperCase(Locale.ROOT));
                if (width != null && width > 255) {
                    int segments = (width + 251) / 252;
                    if (i + segments > slots.size()) {
                        throw problem("variable " + slot.name + " is a string of " + width + " bytes in " + segments
                                + " segments, but the file has fewer variables after it");
                    }
                    slot.segments = segments;
                    slot.longWidth = width;
                    i += segments - 1;
                }
            }
            return variables;
        }

        private Variable describe(Slot slot, Charset encoding) {
            int format = (slot.printFormat >> 16) & 0xff;
            Kind kind = slot.type != 0
                    ? Kind.TEXT
                    : contains(DATE_FORMATS, format)
                            ? Kind.DATE
                            : contains(DATE_TIME_FORMATS, format) ? Kind.DATE_TIME : Kind.NUMBER;
            Map<String, String> labels = new LinkedHashMap<>();
            for (Map.Entry<Object, String> entry : slot.labels.entrySet()) {
                String value = entry.getKey() instanceof Double d
                        ? number(d)
                        : text(((String) entry.getKey()).getBytes(StandardCharsets.ISO_8859_1), encoding)
                                .stripTrailing();
                labels.put(value, text(entry.getValue().getBytes(StandardCharsets.ISO_8859_1), encoding));
            }
            String label = text(slot.label.getBytes(StandardCharsets.ISO_8859_1), encoding);
            slot.label = label;
            return new Variable(
                    slot.name,
                    label,
                    kind,
                    slot.type == 0 ? 0 : slot.longWidth > 0 ? slot.longWidth : slot.type,
                    labels,
                    missingText(slot, encoding));
        }

        private String missingText(Slot slot, Charset encoding) {
            if (slot.missingCount == 0) {
                return "";
            }
            if (slot.type != 0) {
                List<String> texts = new ArrayList<>();
                for (byte[] t : slot.missingTexts) {
                    texts.add(text(t, encoding).stripTrailing());
                }
                return String.join(", ", texts);
            }
            List<String> parts = new ArrayList<>();
            double[] m = slot.missingNumbers;
            int discreteFrom = 0;
            if (slot.missingCount < 0) {
                parts.add(bound(m[0]) + " thru " + bound(m[1]));
                discreteFrom = 2;
            }
            for (int i = discreteFrom; i < m.length; i++) {
                parts.add(number(m[i]));
            }
            if (slot.missingCount < 0 && parts.size() > 1) {
                parts.add(parts.remove(0)); // discrete values first, as haven lists them
            }
            return String.join(", ", parts);
        }

        private String bound(double value) {
            if (value == lowest || value == -Double.MAX_VALUE) {
                return "LO";
            }
            if (value == highest) {
                return "HI";
            }
            return number(value);
        }

        private boolean isUserMissing(Slot slot, double value) {
            double[] m = slot.missingNumbers;
            if (slot.missingCount > 0) {
                for (double v : m) {
                    if (v == value) {
                        return true;
                    }
                }
                return false;
            }
            if (slot.missingCount < 0) {
                double low = m[0] == lowest ? Double.NEGATIVE_INFINITY : m[0];
                double high = m[1] == highest ? Double.POSITIVE_INFINITY : m[1];
                return value >= low && value <= high || slot.missingCount == -3 && value == m[2];
            }
            return false;
        }

        private List<List<String>> cases(
                ByteBuffer data,
                boolean compressed,
                double bias,
                int elements,
                List<Slot> slots,
                List<Slot> variables,
                int declaredCases,
                Charset encoding) {
            ElementStream stream = compressed ? new Bytecode(data, bias, sysmis) : new Plain(data);
            List<List<String>> rows = new ArrayList<>(Math.max(0, Math.min(declaredCases, 1 << 20)));
            byte[][] caseElements = new byte[elements][];
            while (true) {
                for (int e = 0; e < elements; e++) {
                    byte[] element = stream.next();
                    if (element == null) {
                        if (e == 0) {
                            return rows;
                        }
                        throw problem("case " + (rows.size() + 1) + " ends after " + e + " of its " + elements
                                + " values: the file is cut off");
                    }
                    caseElements[e] = element;
                }
                List<String> row = new ArrayList<>(variables.size());
                int slotIndex = 0;
                for (Slot variable : variables) {
                    row.add(cell(variable, caseElements, slots, slotIndex, encoding, rows.size() + 1));
                    slotIndex += variable.segments;
                }
                rows.add(row);
            }
        }

        private String cell(
                Slot slot, byte[][] elements, List<Slot> slots, int slotIndex, Charset encoding, int caseNumber) {
            if (slot.type == 0) {
                double value =
                        ByteBuffer.wrap(elements[slot.index]).order(in.order()).getDouble();
                if (value == sysmis || Double.isNaN(value) || isUserMissing(slot, value)) {
                    return null;
                }
                int format = (slot.printFormat >> 16) & 0xff;
                boolean date = contains(DATE_FORMATS, format);
                if ((date || contains(DATE_TIME_FORMATS, format)) && !(value >= 0 && value < LAST_SECOND)) {
                    throw problem("case " + caseNumber + ", variable " + slot.name + ": " + number(value)
                            + " is not a date SPSS can show (seconds since 14 October 1582, before the year 10000)");
                }
                if (date) {
                    return LocalDate.ofEpochDay(Math.floorDiv((long) Math.floor(value) - SPSS_EPOCH_SECONDS, 86_400))
                            .toString();
                }
                if (contains(DATE_TIME_FORMATS, format)) {
                    long seconds = (long) Math.floor(value) - SPSS_EPOCH_SECONDS;
                    double fraction = value - Math.floor(value);
                    String text = DATE_TIME.format(LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC));
                    return fraction == 0 ? text : text + number(fraction).substring(1);
                }
                return number(value);
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int s = 0; s < slot.segments; s++) {
                Slot segment = slots.get(slotIndex + s);
                int width = s < slot.segments - 1 ? 255 : segment.type;
                int taken = 0;
                for (int e = 0; e < segment.elements() && taken < width; e++) {
                    int n = Math.min(8, width - taken);
                    bytes.write(elements[segment.index + e], 0, n);
                    taken += n;
                }
            }
            byte[] raw = bytes.toByteArray();
            int end = slot.longWidth > 0 ? Math.min(raw.length, slot.longWidth) : raw.length;
            String value = text(Arrays.copyOf(raw, end), encoding).stripTrailing();
            if (slot.missingCount > 0) {
                for (byte[] missing : slot.missingTexts) {
                    if (text(missing, encoding).stripTrailing().equals(value)) {
                        return null;
                    }
                }
            }
            return value;
        }

        /** The zlib blocks of a {@code $FL3} file, inflated one after another into the bytecode stream. */
        private ByteBuffer inflate() {
            int at = in.position();
            long headerOffset = in.getLong();
            long trailerOffset = in.getLong();
            long trailerLength = in.getLong();
            if (trailerOffset + trailerLength > in.capacity()) {
                throw problem(at, "the zlib trailer runs past the end of the file: the file is cut off");
            }
            if (headerOffset != at || trailerOffset < at + 24) {
                throw problem(
                        at,
                        "the zlib data header's offsets (" + headerOffset + ", " + trailerOffset
                                + ") do not fit the file");
            }
            byte[] all = in.array();
            int position = at + 24;
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            Inflater inflater = new Inflater();
            try {
                while (position < trailerOffset) {
                    inflater.reset();
                    inflater.setInput(all, position, (int) trailerOffset - position);
                    while (!inflater.finished()) {
                        int n = inflater.inflate(buffer);
                        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                            throw problem(position, "a zlib block ends before its end: the file is cut off");
                        }
                        out.write(buffer, 0, n);
                    }
                    position = (int) trailerOffset - inflater.getRemaining();
                }
            } catch (java.util.zip.DataFormatException e) {
                throw problem(position, "a zlib block cannot be inflated (" + e.getMessage() + ")");
            } finally {
                inflater.end();
            }
            return ByteBuffer.wrap(out.toByteArray()).order(in.order());
        }

        private static boolean contains(int[] values, int value) {
            for (int v : values) {
                if (v == value) {
                    return true;
                }
            }
            return false;
        }

        private String ascii(int offset, int length) {
            return new String(in.array(), offset, length, StandardCharsets.ISO_8859_1);
        }

        private byte[] bytes(int offset, int length) {
            return Arrays.copyOfRange(in.array(), offset, offset + length);
        }

        private void skip(long bytes, int at) {
            if (bytes < 0 || bytes > in.remaining()) {
                throw problem(at, "the file ends in the middle of a record; is it complete?");
            }
            in.position(in.position() + (int) bytes);
        }

        private String text(byte[] bytes, Charset encoding) {
            StrictText.Decoded decoded = StrictText.decode(bytes, encoding);
            if (decoded instanceof StrictText.Text t) {
                return t.text().replace("\0", "");
            }
            // A text cut in the middle of a multi-byte character (SPSS cuts at the width): keep what decodes.
            return new String(bytes, encoding).replace("\uFFFD", "").replace("\0", "");
        }

        private DataFormatException problem(String message) {
            return new DataFormatException(source + ": " + message);
        }

        private DataFormatException problem(int offset, String message) {
            return new DataFormatException(source + ", byte " + offset + ": " + message);
        }
    }

    /** The 8-byte elements of the cases, one after another; null at the end. */
    private interface ElementStream {
        byte[] next();
    }

    private static final class Plain implements ElementStream {
        private final ByteBuffer data;

        Plain(ByteBuffer data) {
            this.data = data;
        }

        @Override
        public byte[] next() {
            if (data.remaining() < 8) {
                return null;
            }
            byte[] element = new byte[8];
            data.get(element);
            return element;
        }
    }

    /** Bytecode compression: blocks of eight command bytes, each a number, spaces, missing, or "eight raw bytes". */
    private static final class Bytecode implements ElementStream {
        private static final byte[] SPACES = "        ".getBytes(StandardCharsets.US_ASCII);
        private final ByteBuffer data;
        private final double bias;
        private final double sysmis;
        private final byte[] commands = new byte[8];
        private int next = 8;
        private boolean ended;

        Bytecode(ByteBuffer data, double bias, double sysmis) {
            this.data = data;
            this.bias = bias;
            this.sysmis = sysmis;
        }

        @Override
        public byte[] next() {
            while (!ended) {
                if (next == 8) {
                    if (data.remaining() < 8) {
                        ended = true;
                        return null;
                    }
                    data.get(commands);
                    next = 0;
                }
                int code = commands[next++] & 0xff;
                switch (code) {
                    case 0 -> {
                        // padding
                    }
                    case 252 -> ended = true;
                    case 253 -> {
                        if (data.remaining() < 8) {
                            ended = true;
                            return null;
                        }
                        byte[] element = new byte[8];
                        data.get(element);
                        return element;
                    }
                    case 254 -> {
                        return SPACES.clone();
                    }
                    case 255 -> {
                        return doubleBytes(sysmis);
                    }
                    default -> {
                        return doubleBytes(code - bias);
                    }
                }
            }
            return null;
        }

        private byte[] doubleBytes(double value) {
            return ByteBuffer.allocate(8).order(data.order()).putDouble(value).array();
        }
    }
}
