package org.alliance.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.alliance.stats.factor.CfaData;

/** Loads the benchmark data: the committed CSVs (in the jar) and the OLS file written by make-data.R. */
final class BenchData {

    /** Where make-data.R writes the OLS data; override with {@code -Dalliance.bench.dir=...}. */
    static final String DIRECTORY = System.getProperty("alliance.bench.dir", "/tmp/alliance-bench");

    /** Columns (y, x1..x20) and rows of the OLS file. */
    static final int OLS_COLUMNS = 21;

    static final int OLS_ROWS = 1_000_000;

    private BenchData() {}

    /** A CSV resource under /data as CfaData: numeric columns, {@code NA}, empty or text cells become NaN. */
    static CfaData csv(String name) {
        try (InputStream in = BenchData.class.getResourceAsStream("/data/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /data/" + name);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String> header = new ArrayList<>();
            for (String h : lines[0].split(",", -1)) {
                header.add(h.replace("\"", ""));
            }
            List<double[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                String[] cells = lines[i].split(",", -1);
                double[] row = new double[header.size()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = number(j < cells.length ? cells[j] : "");
                }
                rows.add(row);
            }
            return CfaData.of(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double number(String cell) {
        String s = cell.strip();
        if (s.isEmpty() || s.equals("NA") || s.startsWith("\"")) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    /**
     * The first {@code rows} rows of the OLS data: 21 columns (y, x1..x20) of little-endian doubles, one column after
     * another, as make-data.R writes them.
     */
    static double[][] olsColumns(int rows) {
        Path file = Path.of(DIRECTORY, "ols-1000000x20.bin");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file
                    + " is missing: run  Rscript alliance-bench/src/r/make-data.R  from the repository root first");
        }
        double[][] columns = new double[OLS_COLUMNS][rows];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(8 * rows).order(ByteOrder.LITTLE_ENDIAN);
            for (int c = 0; c < OLS_COLUMNS; c++) {
                buffer.clear();
                long position = 8L * OLS_ROWS * c;
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new IllegalStateException(file + " is shorter than expected");
                    }
                }
                buffer.flip();
                buffer.asDoubleBuffer().get(columns[c]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return columns;
    }

    /** lm's coefficients for the full OLS file (written by make-data.R), for a cross-check. */
    static double[] lmCoefficients() {
        try {
            List<String> lines = Files.readAllLines(Path.of(DIRECTORY, "ols-1000000x20-coef.csv"));
            double[] b = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                b[i - 1] = Double.parseDouble(f[1].replace("\"", "").strip());
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
