package org.alliance.core.research;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.core.data.CsvRecords;
import org.alliance.core.data.DataFormatException;

/**
 * A file of register or follow-up outcomes keyed by study pseudonym, as a statistics office or the organisation sends
 * it back: a header row, then one row per client, outcome and date, with the client's covariates (age band, gender,
 * years on benefit, ...) in further columns.
 *
 * <pre>
 * study_pseudonym;outcome;date;value;age_band;gender;years_on_benefit
 * C-UVZKUCBAIKOL;employed_6m;2026-09-30;ja;30-39;f;2,5
 * </pre>
 *
 * <p>What is read ({@link CsvRecords}, the one CSV reader): the separator {@code ,}, {@code ;} or a tab (whichever the
 * header has more of, outside quotes; Nordic and Dutch Excel write {@code ;}), RFC 4180 quotes (one left open is a
 * problem at its line), a UTF-8 byte-order mark, decimal commas ({@code 2,5}), dates as
 * {@code YYYY-MM-DD} or as Excel writes them in these countries ({@code 30-09-2026}, {@code 30.09.2026},
 * {@code 30/09/2026}), yes/no as {@code 1/0}, {@code yes/no}, {@code ja/nee}, {@code ja/nei}, {@code ja/nej},
 * {@code true/false}. The key column is {@code study_pseudonym} (as in the linkage file) or {@code client} (as in the
 * export). Every outcome name and every covariate column has a declared {@link Type}; an empty value is missing.
 *
 * <p>Every problem is listed with its line and column, the reading goes on after one, and nothing is stored unless
 * there is none ({@link Result#problems()} empty).
 */
public final class OutcomeFile {

    /** The type of an outcome's values or a covariate's. */
    public enum Type {
        YES_NO("yes-no"),
        NUMBER("number"),
        CATEGORY("category"),
        DATE("date");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        /** How the type is written in a declaration. */
        public String code() {
            return code;
        }

        /** The type written as {@code yes-no}, {@code yes/no}, {@code number}, {@code category} or {@code date}. */
        public static Optional<Type> fromCode(String text) {
            String code = text.trim().toLowerCase(Locale.ROOT).replace('/', '-');
            for (Type type : values()) {
                if (type.code.equals(code)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /** Why a cell or line was refused; the user-facing text comes from the message bundle {@code outcomes.problem.*}. */
    public enum Problem {
        EMPTY_FILE,
        MISSING_COLUMN,
        UNDECLARED_COLUMN,
        DUPLICATE_COLUMN,
        FIELD_COUNT,
        UNKNOWN_PSEUDONYM,
        UNDECLARED_OUTCOME,
        BAD_DATE,
        BAD_VALUE,
        DUPLICATE_ROW,
        COVARIATE_DIFFERS,
        UNCLOSED_QUOTE,
        UNREADABLE
    }

    /**
     * A problem at a line (1 = the header) and column (1 = first; 0 = the whole line).
     *
     * @param detail what the message shows beside the position: the value, the column name, an earlier line
     */
    public record Finding(int line, int column, String columnName, Problem problem, String detail) {}

    /** An outcome value; {@code value} empty for a missing one, otherwise in the normal form of its type. */
    public record Outcome(String pseudonym, String name, LocalDate date, Optional<String> value, int line) {}

    /**
     * What a file holds.
     *
     * @param outcomes the rows in file order
     * @param covariates per pseudonym the covariate values (normal form, missing ones left out)
     * @param types the declared types of the outcome names and covariate columns that occur, in file order
     * @param covariateNames the covariate columns in file order
     * @param separator the separator that was read
     */
    public record Result(
            List<Outcome> outcomes,
            Map<String, Map<String, String>> covariates,
            Map<String, Type> types,
            List<String> covariateNames,
            char separator,
            List<Finding> problems) {

        public Result {
            outcomes = List.copyOf(outcomes);
            covariates = Map.copyOf(covariates);
            types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
            covariateNames = List.copyOf(covariateNames);
            problems = List.copyOf(problems);
        }

        /** How many different clients the rows are about. */
        public long clients() {
            return outcomes.stream().map(Outcome::pseudonym).distinct().count();
        }
    }

    /** Names of outcomes and covariates: letters, digits and {@code _}, starting with a letter. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[-./](\\d{1,2})[-./](\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+([.,]\\d*)?|[.,]\\d+)");
    private static final Set<String> YES = Set.of("1", "yes", "y", "ja", "j", "true");
    private static final Set<String> NO = Set.of("0", "no", "n", "nee", "nei", "nej", "false");
    private static final int MAX_CATEGORY = 100;

    private OutcomeFile() {}

    /**
     * The declarations as the form holds them, one per line: a name, a space or {@code =} and a type, e.g.
     * {@code employed_6m yes-no}. Empty lines and lines starting with {@code #} are left out.
     *
     * @throws IllegalArgumentException naming the first line that is not a declaration
     */
    public static Map<String, Type> declarations(String text) {
        Map<String, Type> types = new LinkedHashMap<>();
        int number = 0;
        for (String raw : text.split("\\R")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s*[=:\\s]\\s*", 2);
            String name = parts[0].toLowerCase(Locale.ROOT);
            Optional<Type> type = parts.length == 2 ? Type.fromCode(parts[1]) : Optional.empty();
            if (!NAME.matcher(name).matches() || type.isEmpty() || types.containsKey(name)) {
                throw new IllegalArgumentException("line " + number + " is not a declaration: " + line);
            }
            types.put(name, type.get());
        }
        return types;
    }

    /**
     * Reads a whole file.
     *
     * @param text the file as decoded from UTF-8
     * @param declared the declared types by name
     * @param pseudonyms the study's client pseudonyms; any other key is a problem
     */
    public static Result read(String text, Map<String, Type> declared, Set<String> pseudonyms) {
        List<Finding> problems = new ArrayList<>();
        char separator = CsvRecords.detectSeparator(text);
        CsvRecords.Read csv;
        try {
            csv = CsvRecords.read("", text, separator);
        } catch (DataFormatException e) {
            problems.add(new Finding(1, 0, "", Problem.UNREADABLE, e.getMessage()));
            return new Result(List.of(), Map.of(), Map.of(), List.of(), separator, problems);
        }
        csv.unclosedQuote().ifPresent(line -> problems.add(new Finding((int) line, 0, "", Problem.UNCLOSED_QUOTE, "")));
        List<CsvRecords.Record> records = csv.records();
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Map<String, String>> covariates = new HashMap<>();
        Map<String, Type> types = new LinkedHashMap<>();
        List<String> covariateNames = new ArrayList<>();
        if (records.isEmpty()
                || records.size() == 1 && records.get(0).fields().stream().allMatch(String::isBlank)) {
            problems.add(new Finding(1, 0, "", Problem.EMPTY_FILE, ""));
            return new Result(outcomes, covariates, types, covariateNames, separator, problems);
        }
        List<String> header = records.get(0).fields().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        int key = header.indexOf("study_pseudonym") >= 0 ? header.indexOf("study_pseudonym") : header.indexOf("client");
        int outcome = header.indexOf("outcome");
        int date = header.indexOf("date");
        int value = header.indexOf("value");
        boolean headerOk = true;
        String[] required = {"study_pseudonym", "outcome", "date", "value"};
        int[] positions = {key, outcome, date, value};
        for (int i = 0; i < required.length; i++) {
            if (positions[i] < 0) {
                problems.add(new Finding(1, 0, required[i], Problem.MISSING_COLUMN, required[i]));
                headerOk = false;
            }
        }
        Map<Integer, String> covariateColumns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (c == key || c == outcome || c == date || c == value) {
                continue;
            }
            if (header.subList(0, c).contains(name)) {
                problems.add(new Finding(1, c + 1, name, Problem.DUPLICATE_COLUMN, name));
                headerOk = false;
            } else if (!declared.containsKey(name)) {
                problems.add(new Finding(1, c + 1, name, Problem.UNDECLARED_COLUMN, name));
                headerOk = false;
            } else {
                covariateColumns.put(c, name);
                covariateNames.add(name);
                types.put(name, declared.get(name));
            }
        }
        if (!headerOk) {
            return new Result(outcomes, covariates, types, covariateNames, separator, problems);
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> covariateLine = new HashMap<>();
        for (CsvRecords.Record record : records.subList(1, records.size())) {
            List<String> fields = record.fields();
            int line = (int) record.line();
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue; // an empty line, as Excel leaves at the end
            }
            if (fields.size() != header.size()) {
                problems.add(new Finding(line, 0, "", Problem.FIELD_COUNT, fields.size() + "/" + header.size()));
                continue;
            }
            int before = problems.size();
            String pseudonym = fields.get(key).strip().toUpperCase(Locale.ROOT);
            if (!pseudonyms.contains(pseudonym)) {
                problems.add(new Finding(line, key + 1, header.get(key), Problem.UNKNOWN_PSEUDONYM, fields.get(key)));
            }
            String name = fields.get(outcome).strip().toLowerCase(Locale.ROOT);
            Type type = declared.get(name);
            if (type == null) {
                problems.add(
                        new Finding(line, outcome + 1, "outcome", Problem.UNDECLARED_OUTCOME, fields.get(outcome)));
            } else {
                types.putIfAbsent(name, type);
            }
            Optional<LocalDate> day = date(fields.get(date));
            if (day.isEmpty()) {
                problems.add(new Finding(line, date + 1, "date", Problem.BAD_DATE, fields.get(date)));
            }
            Optional<String> normal = Optional.empty();
            if (type != null && !fields.get(value).isBlank()) {
                normal = normal(fields.get(value), type);
                if (normal.isEmpty()) {
                    problems.add(new Finding(
                            line,
                            value + 1,
                            "value",
                            type == Type.DATE ? Problem.BAD_DATE : Problem.BAD_VALUE,
                            fields.get(value) + " (" + type.code() + ")"));
                }
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> column : covariateColumns.entrySet()) {
                String raw = fields.get(column.getKey());
                if (raw.isBlank()) {
                    continue;
                }
                Type covariateType = declared.get(column.getValue());
                Optional<String> covariate = normal(raw, covariateType);
                if (covariate.isEmpty()) {
                    problems.add(new Finding(
                            line,
                            column.getKey() + 1,
                            column.getValue(),
                            covariateType == Type.DATE ? Problem.BAD_DATE : Problem.BAD_VALUE,
                            raw + " (" + covariateType.code() + ")"));
                } else {
                    values.put(column.getValue(), covariate.get());
                }
            }
            if (problems.size() > before) {
                continue;
            }
            String rowKey = pseudonym + "|" + name + "|" + day.get();
            Integer earlier = seen.putIfAbsent(rowKey, line);
            if (earlier != null) {
                problems.add(new Finding(line, 0, "", Problem.DUPLICATE_ROW, String.valueOf(earlier)));
                continue;
            }
            Map<String, String> known = covariates.get(pseudonym);
            if (known == null) {
                covariates.put(pseudonym, values);
                covariateLine.put(pseudonym, line);
            } else {
                for (String covariate : covariateNames) {
                    String a = known.get(covariate);
                    String b = values.get(covariate);
                    if (b != null && a == null) {
                        known.put(covariate, b);
                    } else if (b != null && !b.equals(a)) {
                        int c = header.indexOf(covariate);
                        problems.add(new Finding(
                                line,
                                c + 1,
                                covariate,
                                Problem.COVARIATE_DIFFERS,
                                String.valueOf(covariateLine.get(pseudonym))));
                    }
                }
            }
            outcomes.add(new Outcome(pseudonym, name, day.get(), normal, line));
        }
        return new Result(outcomes, covariates, types, covariateNames, separator, problems);
    }

    /** The value in the normal form of its type: {@code 1}/{@code 0}, a dot-decimal number, an ISO date, the text. */
    public static Optional<String> normal(String raw, Type type) {
        String text = raw.strip();
        return switch (type) {
            case YES_NO -> {
                String lower = text.toLowerCase(Locale.ROOT);
                yield YES.contains(lower) ? Optional.of("1") : NO.contains(lower) ? Optional.of("0") : Optional.empty();
            }
            case NUMBER -> number(text).map(ExportCsv::number);
            case CATEGORY -> text.length() <= MAX_CATEGORY ? Optional.of(text) : Optional.empty();
            case DATE -> date(text).map(LocalDate::toString);
        };
    }

    /** A number with a decimal point or a decimal comma; no thousands separators, no exponent. */
    static Optional<Double> number(String text) {
        String compact = text.replace(" ", "").replace("\u00A0", "");
        if (!NUMBER.matcher(compact).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(compact.replace(',', '.').replace("+", "")).doubleValue());
    }

    /** A date as {@code YYYY-MM-DD}, or day first with {@code -}, {@code .} or {@code /}. */
    static Optional<LocalDate> date(String raw) {
        String text = raw.strip();
        try {
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(iso.group(1)),
                        Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
            Matcher dayFirst = DAY_FIRST.matcher(text);
            if (dayFirst.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(dayFirst.group(3)),
                        Integer.parseInt(dayFirst.group(2)),
                        Integer.parseInt(dayFirst.group(1))));
            }
        } catch (DateTimeException e) {
            // 2026-02-30 and the like: a bad date like any other
        }
        return Optional.empty();
    }
}
