package org.alliance.stats.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a number comes from, so that a score, a statistic, a command's output or a study report can be traced (after
 * Tribuo's provenance and NAV's record of which rule decided). One record for all of them: each fills what it knows.
 * It lives in the numerics module because that is the lowest module every user sees; it names no framework.
 *
 * @param command the command line as typed, when the result was made on the command line
 * @param method the method in words with the R function it mirrors, e.g. "CFA, maximum likelihood"; absent for a
 *     score, whose instrument's rule says how it was made
 * @param reference the software and version whose conventions the numbers were checked against, e.g. "lavaan 0.6.14
 *     (R 4.2.2)", when the method names one
 * @param options the options as given: a record of them (the command line writes it as JSON) or their text
 * @param data the data used (file or snapshot, SHA-256, rows), in the order they were read; empty when the numbers
 *     were given directly
 * @param instruments the instruments (id and version) and their scoring rule, for a score or what was made from scores
 * @param software the software and its version
 */
public record Provenance(
        @Nullable String command,
        @Nullable String method,
        @Nullable String reference,
        @Nullable Object options,
        List<Data> data,
        List<Instrument> instruments,
        Software software) {

    public Provenance {
        data = List.copyOf(data);
        instruments = List.copyOf(instruments);
        Objects.requireNonNull(software, "software");
    }

    /** A statistic's provenance: its method, the reference it was checked against (or null) and its options. */
    public static Provenance method(String method, @Nullable String reference, @Nullable Object options) {
        Objects.requireNonNull(method, "method");
        return new Provenance(null, method, reference, options, List.of(), List.of(), Software.ALLIANCE);
    }

    /** A statistic's provenance from its method in words alone. */
    public static Provenance method(String method) {
        return method(method, null, null);
    }

    /** A score's provenance: the instrument, its version and the scoring rule in words. */
    public static Provenance score(String instrument, String version, String rule) {
        return new Provenance(
                null,
                null,
                null,
                null,
                List.of(),
                List.of(new Instrument(instrument, version, rule)),
                Software.ALLIANCE);
    }

    /** The provenance of what a command printed: the command line as typed. */
    public static Provenance command(String command) {
        Objects.requireNonNull(command, "command");
        return new Provenance(command, null, null, null, List.of(), List.of(), Software.ALLIANCE);
    }

    /** This provenance made on the command line {@code command}. */
    public Provenance withCommand(String command) {
        return new Provenance(command, method, reference, options, data, instruments, software);
    }

    /** This provenance with the method (and reference) of {@code statistic}, e.g. a command's and its result's. */
    public Provenance withMethodOf(Provenance statistic) {
        return new Provenance(command, statistic.method, statistic.reference, options, data, instruments, software);
    }

    /** This provenance with {@code method} in words instead of its own, keeping the reference. */
    public Provenance withMethod(String method) {
        return new Provenance(command, method, reference, options, data, instruments, software);
    }

    /** This provenance with {@code reference} instead of its own. */
    public Provenance withReference(@Nullable String reference) {
        return new Provenance(command, method, reference, options, data, instruments, software);
    }

    /** This provenance with the options as given. */
    public Provenance withOptions(@Nullable Object options) {
        return new Provenance(command, method, reference, options, data, instruments, software);
    }

    /** This provenance having also read {@code more}. */
    public Provenance withData(Data more) {
        List<Data> all = new ArrayList<>(data);
        all.add(more);
        return new Provenance(command, method, reference, options, all, instruments, software);
    }

    /** This provenance having also used {@code more}. */
    public Provenance withInstruments(List<Instrument> more) {
        List<Instrument> all = new ArrayList<>(instruments);
        all.addAll(more);
        return new Provenance(command, method, reference, options, data, all, software);
    }

    /** The one instrument of a score. */
    public Instrument instrument() {
        if (instruments.size() != 1) {
            throw new IllegalStateException("not one instrument but " + instruments.size());
        }
        return instruments.get(0);
    }

    /**
     * Data as read: a file or a snapshot.
     *
     * @param source the file name or snapshot name, e.g. "data.csv"
     * @param sha256 the SHA-256 of its bytes in hex, when known
     * @param rows the rows it held
     * @param notes what the reader detected or decided (encoding, decimal mark)
     */
    public record Data(String source, @Nullable String sha256, int rows, List<String> notes) {
        public Data {
            Objects.requireNonNull(source, "source");
            if (rows < 0) {
                throw new IllegalArgumentException("rows must be at least 0, not " + rows);
            }
            notes = List.copyOf(notes);
        }
    }

    /**
     * An instrument by id and version, with the scoring rule in words where there is one.
     *
     * @param id e.g. "alliance-q"
     * @param version e.g. "1.1.0"
     * @param rule the scoring rule, null when the instrument is only named (e.g. a study's questionnaires)
     */
    public record Instrument(String id, String version, @Nullable String rule) {
        public Instrument {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * The software that made a result, with its version: the one version source ({@code alliance --version}, every
     * provenance, report and PDF producer). The version is the jars' manifest's, "development" from classes.
     */
    public record Software(String name, String version) {

        /** Alliance, as built. */
        public static final Software ALLIANCE = new Software(
                "alliance",
                Objects.requireNonNullElse(Software.class.getPackage().getImplementationVersion(), "development"));

        public Software {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }

        /** Name and version as one text, e.g. "alliance 1.4.0". */
        @Override
        public String toString() {
            return name + " " + version;
        }
    }
}
