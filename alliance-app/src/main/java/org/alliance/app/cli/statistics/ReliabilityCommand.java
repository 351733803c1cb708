package org.alliance.app.cli.statistics;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.FormatOption;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.data.DataTable;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.reliability.AlphaResult;
import org.alliance.stats.reliability.CronbachsAlpha;
import org.alliance.stats.reliability.ItemResponses;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

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

    @Mixin
    DataFile input = new DataFile();

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
        DataTable table = input.read();
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
        PrintWriter out = input.out();
        if (format.text()) {
            printText(out, result);
        } else {
            StatisticsOutput.printJson(out, json(result, table));
        }
        return ExitCodes.OK;
    }

    private ReliabilityJson json(AlphaResult result, DataTable table) {
        List<ItemJson> itemRows = new ArrayList<>();
        for (AlphaResult.ItemStatistics item : result.items()) {
            itemRows.add(new ItemJson(
                    item.item(),
                    item.reverseKeyed(),
                    StatisticsOutput.number(item.rDrop()),
                    StatisticsOutput.number(item.alphaIfDropped()),
                    StatisticsOutput.number(item.standardizedAlphaIfDropped())));
        }
        Reliability reliability = new Reliability(
                StatisticsOutput.number(result.rawAlpha()),
                StatisticsOutput.number(result.standardizedAlpha()),
                StatisticsOutput.number(result.averageR()),
                result.omegaTotal().isPresent()
                        ? StatisticsOutput.number(result.omegaTotal().getAsDouble())
                        : null,
                result.n(),
                StatisticsOutput.number(result.alphaStandardError()),
                new ConfidenceBoundaries(0.95, bounds(result.feldt()), bounds(result.duhachek())),
                itemRows);
        Options options = new Options(
                items,
                reverse,
                "pairwise complete (covariances); omega from the same covariance matrix",
                "psych::alpha(x, keys = reverse, check.keys = FALSE)");
        return new ReliabilityJson(reliability, StatisticsOutput.provenance(result.method(), options, table));
    }

    private static Bounds bounds(AlphaResult.ConfidenceBounds bounds) {
        return new Bounds(StatisticsOutput.number(bounds.lower()), StatisticsOutput.number(bounds.upper()));
    }

    /** The JSON of {@code reliability}: the figures, then where they came from. */
    record ReliabilityJson(Reliability reliability, Provenance provenance) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Reliability(
            @Nullable Double rawAlpha,
            @Nullable Double stdAlpha,
            @Nullable Double averageR,
            @Nullable Double omegaTotal,
            int n,
            @Nullable Double alphaSe,
            ConfidenceBoundaries confidenceBoundaries,
            List<ItemJson> items) {}

    /** psych::alpha's "95% confidence boundaries" of the raw alpha: Feldt (alpha.ci) and Duhachek (alpha -/+ 1.96 ase). */
    record ConfidenceBoundaries(double level, Bounds feldt, Bounds duhachek) {}

    record Bounds(@Nullable Double lower, @Nullable Double upper) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ItemJson(
            String item,
            boolean reverseKeyed,
            @Nullable Double rDrop,
            @Nullable Double alphaIfDropped,
            @Nullable Double stdAlphaIfDropped) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Options(List<String> items, List<String> reverse, String missing, String rEquivalent) {}

    private static List<String> boundsRow(String name, AlphaResult.ConfidenceBounds bounds, double alpha) {
        return List.of(
                name,
                StatisticsOutput.format(bounds.lower()),
                StatisticsOutput.format(alpha),
                StatisticsOutput.format(bounds.upper()));
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
        out.println("95% confidence boundaries (as psych::alpha)");
        StatisticsOutput.printTable(
                out,
                List.of("", "lower", "alpha", "upper"),
                List.of(
                        boundsRow("Feldt", result.feldt(), result.rawAlpha()),
                        boundsRow("Duhachek", result.duhachek(), result.rawAlpha())));
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
