package org.alliance.core.data;

import java.util.Arrays;

/**
 * One column of a {@link DataTable}, stored by kind of cell rather than as a String per cell: a number as a double
 * and one byte that says how it was written, so that its text can be given back exactly as the file had it. A
 * register-sized file (1 000 000 × 20) then takes 9 bytes a cell instead of a String each. Only cells whose text
 * cannot be rebuilt from the number — words, and numbers written as {@code +1}, {@code 007}, {@code .5} or
 * {@code 1e5} — keep their String.
 *
 * <p>A number is what R's {@code read.csv} reads as one and nothing else: {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}
 * (no {@code NaN}, {@code Inf} or hexadecimal). A plain decimal of at most 15 digits is converted as the exact
 * quotient of two doubles (digits / 10^scale), which is the correctly rounded value that {@link Double#parseDouble}
 * also gives; the rest goes through {@link Double#parseDouble}.
 */
final class TableColumn {

    /** The cell is missing (a missing-value code of the file, or null). */
    private static final byte MISSING = -1;
    /** The cell is not a number; its text is kept. */
    private static final byte TEXT = -2;
    /** The cell is a number whose text cannot be rebuilt from the double; its text is kept. */
    private static final byte NUMBER_AS_WRITTEN = -3;
    /** At most this many digits: digits / 10^scale is exact, and the digits come back from the double. */
    private static final int PLAIN_DIGITS = 15;

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
    };

    private double[] numbers;
    /** Per cell: the number of decimals (0 to 15) of a plain number, or one of the negative kinds above. */
    private byte[] forms;
    /** The text of TEXT and NUMBER_AS_WRITTEN cells; allocated when the first one comes. */
    private String[] texts;

    private int size;
    private int nonNumbers;
    private int pointNumbers;
    private boolean allFinite = true;

    TableColumn(int capacity) {
        int initial = Math.max(capacity, 8);
        numbers = new double[initial];
        forms = new byte[initial];
    }

    int size() {
        return size;
    }

    /** Appends a cell as it is to be read (trimmed, with the decimal mark already '.'); {@code null} is missing. */
    void add(String cell) {
        if (size == numbers.length) {
            int grown = size + (size >> 1) + 8;
            numbers = Arrays.copyOf(numbers, grown);
            forms = Arrays.copyOf(forms, grown);
            if (texts != null) {
                texts = Arrays.copyOf(texts, grown);
            }
        }
        set(size++, cell);
    }

    /** Replaces a cell that was added (the decimal comma, decided once the whole file is read). */
    void replace(int row, String cell) {
        if (forms[row] == TEXT) {
            nonNumbers--;
        } else if (forms[row] >= 0 || forms[row] == NUMBER_AS_WRITTEN) {
            throw new IllegalStateException("row " + row + " already holds a number");
        }
        set(row, cell);
    }

    private void set(int row, String cell) {
        if (cell == null) {
            forms[row] = MISSING;
            numbers[row] = Double.NaN;
            return;
        }
        int n = cell.length();
        int i = 0;
        boolean negative = false;
        boolean signed = false;
        if (n > 0 && (cell.charAt(0) == '-' || cell.charAt(0) == '+')) {
            negative = cell.charAt(0) == '-';
            signed = !negative;
            i = 1;
        }
        long digits = 0;
        int integerDigits = 0;
        boolean leadingZero = i < n && cell.charAt(i) == '0';
        for (; i < n && isDigit(cell.charAt(i)); i++, integerDigits++) {
            digits = digits * 10 + (cell.charAt(i) - '0');
        }
        boolean point = false;
        int decimals = 0;
        if (i < n && cell.charAt(i) == '.') {
            point = true;
            for (i++; i < n && isDigit(cell.charAt(i)); i++, decimals++) {
                digits = digits * 10 + (cell.charAt(i) - '0');
            }
        }
        boolean exponent = false;
        if (i < n && (cell.charAt(i) == 'e' || cell.charAt(i) == 'E') && (integerDigits > 0 || decimals > 0)) {
            exponent = true;
            i++;
            if (i < n && (cell.charAt(i) == '-' || cell.charAt(i) == '+')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < n && isDigit(cell.charAt(i)); i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                i = -1;
            }
        }
        boolean number = i == n && (integerDigits > 0 || decimals > 0);
        if (!number) {
            text(row, cell, TEXT);
            numbers[row] = Double.NaN;
            nonNumbers++;
            return;
        }
        if (point && decimals > 0) {
            pointNumbers++;
        }
        boolean plain = !signed
                && !exponent
                && integerDigits > 0
                && !(leadingZero && integerDigits > 1)
                && (!point || decimals > 0)
                && integerDigits + decimals <= PLAIN_DIGITS;
        if (plain) {
            double value = digits / POWERS_OF_TEN[decimals];
            numbers[row] = negative ? -value : value;
            forms[row] = (byte) decimals;
        } else {
            numbers[row] = Double.parseDouble(cell);
            text(row, cell, NUMBER_AS_WRITTEN);
            allFinite &= Double.isFinite(numbers[row]);
        }
    }

    private void text(int row, String cell, byte form) {
        if (texts == null) {
            texts = new String[numbers.length];
        }
        texts[row] = cell;
        forms[row] = form;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The cell's text as the file had it, {@code null} when missing. */
    String text(int row) {
        byte form = forms[row];
        if (form == MISSING) {
            return null;
        }
        if (form < 0) {
            return texts[row];
        }
        double value = numbers[row];
        long digits = Math.round(Math.abs(value) * POWERS_OF_TEN[form]);
        String written = Long.toString(digits);
        StringBuilder text = new StringBuilder(written.length() + 3);
        if (Double.doubleToRawLongBits(value) < 0) {
            text.append('-');
        }
        for (int pad = form + 1 - written.length(); pad > 0; pad--) {
            text.append('0');
        }
        text.append(written);
        if (form > 0) {
            text.insert(text.length() - form, '.');
        }
        return text.toString();
    }

    boolean isMissing(int row) {
        return forms[row] == MISSING;
    }

    /** True when the cell is present and not a number. */
    boolean isText(int row) {
        return forms[row] == TEXT;
    }

    /** True when every present cell is a number. */
    boolean isNumeric() {
        return nonNumbers == 0;
    }

    /** True when no number of the column is infinite (as 1e999 is). */
    boolean allFinite() {
        return allFinite;
    }

    /** The numbers, NaN for missing and text cells; a copy. */
    double[] numbers() {
        return Arrays.copyOf(numbers, size);
    }

    double number(int row) {
        return numbers[row];
    }

    /** How many numbers have a decimal point with digits after it (3.5, -.5, 1.0e3), for detecting the decimal mark. */
    int pointNumbers() {
        return pointNumbers;
    }
}
