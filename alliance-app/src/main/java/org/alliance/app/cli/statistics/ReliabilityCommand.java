package org.alliance.app.cli.statistics;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.alliance.app.cli.CsvInputOptions;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.FormatOption;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.data.DataTable;
import org.alliance.stats.reliability.AlphaResult;
import org.alliance.stats.reliability.CronbachsAlpha;
import org.alliance.stats.reliability.ItemResponses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliance reliability}: Cronbach's alpha (psych::alpha conventions) and omega total of a scale. */
@Command(
        name = "reliability",
        mixinStandardHelpOptions = true,
        description = {
            "Cronbach's alpha of a scale as R's psych::alpha computes it (pairwise covariances),",
            "with r.drop and alpha-if-dropped per item, and McDonald's omega total from a one-factor model.",
            "Empty cells and NA are missing."
        })
public final class ReliabilityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CsvInputOptions input = new CsvInputOptions();

    @Parameters(index = "0", paramLabel = "DATA.csv", description = "CSV file with a header row, one row per person.")
    Path data;

    @Option(
            names = "--items",
            split = ",",
            required = true,
            paramLabel = "ITEM",
            description = "Comma-separated item columns, at least two.")
    List<String> items = new ArrayList<>();

    @Option(
            names = "--reverse",
            split = ",",
            paramLabel = "ITEM",
            description = "Reverse-keyed items, flipped as (min+max)-x with min and max over all items.")
    List<String> reverse = new ArrayList<>();

    @Mixin
    FormatOption format = new FormatOption();

    @Override
    public Integer call() {
        Set<String> itemSet = new LinkedHashSet<>(items);
        if (itemSet.size() != items.size()) {
            throw new UserInputException("--items names an item twice: " + String.join(",", items));
        }
        if (items.size() < 2) {
            throw new UserInputException("--items needs at least two item columns, got " + items.size());
        }
        for (String item : reverse) {
            if (!itemSet.contains(item)) {
                throw new UserInputException(
                        "--reverse " + item + " is not one of the --items " + String.join(",", items));
            }
        }
        DataTable table = StatisticsOutput.read(data, input, spec.commandLine().getErr());
        List<double[]> columns = new ArrayList<>();
        for (String item : items) {
            columns.add(StatisticsOutput.numeric(table, item));
        }
        AlphaResult result;
        try {
            result = CronbachsAlpha.fit(new ItemResponses(items, columns), new HashSet<>(reverse));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.text()) {
            printText(out, result);
        } else {
            StatisticsOutput.printJson(out, json(result, table));
        }
        return ExitCodes.OK;
    }

    private Map<String, Object> json(AlphaResult result, DataTable table) {
        Map<String, Object> reliability = new LinkedHashMap<>();
        reliability.put("raw_alpha", StatisticsOutput.number(result.rawAlpha()));
        reliability.put("std_alpha", StatisticsOutput.number(result.standardizedAlpha()));
        reliability.put("average_r", StatisticsOutput.number(result.averageR()));
        reliability.put(
                "omega_total",
                result.omegaTotal().isPresent()
                        ? StatisticsOutput.number(result.omegaTotal().getAsDouble())
                        : null);
        reliability.put("n", result.n());
        List<Map<String, Object>> itemRows = new ArrayList<>();
        for (AlphaResult.ItemStatistics item : result.items()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", item.item());
            row.put("reverse_keyed", item.reverseKeyed());
            row.put("r_drop", StatisticsOutput.number(item.rDrop()));
            row.put("alpha_if_dropped", StatisticsOutput.number(item.alphaIfDropped()));
            row.put("std_alpha_if_dropped", StatisticsOutput.number(item.standardizedAlphaIfDropped()));
            itemRows.add(row);
        }
        reliability.put("items", itemRows);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("items", items);
        options.put("reverse", reverse);
        options.put("missing", "pairwise complete (covariances); omega from the same covariance matrix");
        options.put("r_equivalent", "psych::alpha(x, keys = reverse, check.keys = FALSE)");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("reliability", reliability);
        root.put("provenance", StatisticsOutput.provenance(result.method(), options, table));
        return root;
    }

    private void printText(PrintWriter out, AlphaResult result) {
        out.println("Reliability of " + String.join(", ", items) + " (n = " + result.n() + ")"
                + (reverse.isEmpty() ? "" : "; reverse-keyed: " + String.join(", ", reverse)));
        out.println();
        out.println("raw alpha     " + StatisticsOutput.format(result.rawAlpha()));
        out.println("std. alpha    " + StatisticsOutput.format(result.standardizedAlpha()));
        out.println("average r     " + StatisticsOutput.format(result.averageR()));
        out.println("omega total   "
                + (result.omegaTotal().isPresent()
                        ? StatisticsOutput.format(result.omegaTotal().getAsDouble())
                        : "NA (needs three items and a converging one-factor model)"));
        out.println();
        List<List<String>> rows = new ArrayList<>();
        for (AlphaResult.ItemStatistics item : result.items()) {
            rows.add(List.of(
                    item.item() + (item.reverseKeyed() ? "-" : ""),
                    StatisticsOutput.format(item.rDrop()),
                    StatisticsOutput.format(item.alphaIfDropped())));
        }
        StatisticsOutput.printTable(out, List.of("item", "r.drop", "alpha if dropped"), rows);
        out.flush();
    }
}
