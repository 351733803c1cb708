package org.alliance.app.cli.statistics;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.FormatOption;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.data.DataTable;
import org.alliance.stats.factor.CfaData;
import org.alliance.stats.factor.CfaEstimator;
import org.alliance.stats.factor.CfaInvariance;
import org.alliance.stats.factor.CfaModel;
import org.alliance.stats.factor.CfaModelSyntax;
import org.alliance.stats.factor.CfaOptions;
import org.alliance.stats.factor.CfaOptions.Estimator;
import org.alliance.stats.factor.CfaOptions.GroupEqual;
import org.alliance.stats.factor.CfaOptions.MissingData;
import org.alliance.stats.factor.CfaResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alliance cfa}: confirmatory factor analysis of a CSV data set with lavaan's model syntax and
 * conventions (see docs/cfa.md). JSON output is the contract; text output reads like lavaan's summary().
 */
@Command(
        name = "cfa",
        mixinStandardHelpOptions = true,
        description = {
            "Confirmatory factor analysis and structural equation models (lavaan conventions): ML or MLR, listwise or"
                    + " FIML, several groups, modification indices.",
            "Model syntax: 'f =~ x1 + x2 + x3', 'x1 ~~ x2', 'f2 ~ f1' (regression on latents), 'y ~ f1' (observed"
                    + " outcome), 'ind := a*b' (defined parameter, delta-method SE), '1*x1' fixed, 'NA*x1' free,"
                    + " 'a*x1' label (equal where repeated).",
            "Details and tolerances against R/lavaan: docs/cfa.md."
        })
public final class CfaCommand implements Callable<Integer> {

    @Mixin
    DataFile input = new DataFile();

    @ArgGroup(exclusive = true, multiplicity = "1")
    ModelSource modelSource;

    static final class ModelSource {
        @Option(names = "--model", paramLabel = "MODEL", description = "The model, e.g. \"f =~ x1 + x2 + x3\".")
        String text;

        @Option(names = "--model-file", paramLabel = "FILE", description = "A file holding the model.")
        Path file;
    }

    @Option(
            names = "--estimator",
            paramLabel = "ml|mlr|wlsmv",
            description = "ML (expected-information SEs; the default) or MLR (robust SEs, Yuan-Bentler scaled test);"
                    + " WLSMV for --ordered items (their default).")
    String estimator;

    @Option(
            names = "--ordered",
            split = ",",
            paramLabel = "ITEMS|all",
            description = "Ordinal items (whole numbers, 3 to 10 categories), as lavaan's ordered =: every indicator of"
                    + " the model (list them, or 'all'). Fitted by WLSMV (DWLS on thresholds and polychoric"
                    + " correlations, robust SEs, scaled-shifted test), complete cases only. With --group: configural"
                    + " (no --group-equal) or --group-equal thresholds,loadings; not with --missing ml, --compare,"
                    + " --group-partial, --modification-indices or --score-tests.")
    List<String> ordered = new ArrayList<>();

    @Option(
            names = "--missing",
            defaultValue = "listwise",
            paramLabel = "listwise|ml",
            description = "Listwise deletion (default) or full-information ML; with --estimator mlr robust FIML"
                    + " (sandwich SEs, Yuan-Bentler scaled test, FIML-corrected robust RMSEA and CFI, as lavaan).")
    String missing;

    @Option(names = "--std-lv", description = "Fix factor variances to 1 and free all loadings (lavaan's std.lv).")
    boolean standardizeLatent;

    @Option(
            names = "--group",
            paramLabel = "COLUMN",
            description = "Fit one model per group of this column (several groups; with --ordered configural or"
                    + " --group-equal thresholds,loadings).")
    String group;

    @Option(
            names = "--group-equal",
            split = ",",
            paramLabel = "KINDS",
            description = "Parameters held equal across groups (measurement invariance): loadings, or"
                    + " loadings,intercepts, for continuous items; thresholds,loadings for --ordered items (the scale"
                    + " factors and latent means are then free in groups 2 and up, as lavaan).")
    List<String> groupEqual = new ArrayList<>();

    @Option(
            names = "--group-partial",
            split = ",",
            paramLabel = "PARAMETERS",
            description = "Loadings (f=~x2) or intercepts (x3~1) left free across groups although --group-equal (or"
                    + " --compare) holds their kind equal: partial invariance, lavaan's group.partial.")
    List<String> groupPartial = new ArrayList<>();

    @Option(
            names = "--compare",
            description = "With --group: fit the configural, metric and scalar models and compare each with the one"
                    + " before, as lavTestLRT (chi-square difference, Satorra-Bentler scaled under MLR), with the"
                    + " change in CFI and RMSEA.")
    boolean compare;

    @Option(
            names = "--max-iterations",
            paramLabel = "N",
            description = "Most optimiser iterations before the fit counts as not converged (default: "
                    + CfaOptions.DEFAULT_MAX_ITERATIONS + "; lavaan's control = list(iter.max = N)).")
    int maxIterations = CfaOptions.DEFAULT_MAX_ITERATIONS;

    @Option(
            names = "--modification-indices",
            description =
                    "Add lavaan's modindices(fit): for every fixed or omitted loading, residual or latent"
                            + " covariance and latent regression, the modification index (score test, 1 df) from the ML"
                            + " expected information (also under MLR, as lavaan; with --missing ml summed over the missingness"
                            + " patterns), with the expected parameter change (epc, sepc.lv, sepc.all); with --compare for each step.")
    boolean modificationIndices;

    @Option(
            names = "--score-tests",
            description = "Add lavaan's lavTestScore(fit): the score tests of the model's equality constraints"
                    + " (--group-equal, shared labels), all released at once and each alone (1 df): which loading or"
                    + " intercept to free first for partial invariance (--group-partial); with --compare for the metric"
                    + " and scalar steps.")
    boolean scoreTests;

    @Option(
            names = "--mi-minimum",
            paramLabel = "MI",
            description = "With --modification-indices: only rows with mi at least this (lavaan's minimum.value;"
                    + " default 0, every row; 3.84 is the 0.05 critical value of chi-square with 1 df).")
    double miMinimum;

    @Option(
            names = "--mi-sort",
            description = "With --modification-indices: largest mi first (lavaan's sort. = TRUE); otherwise"
                    + " lavaan's order.")
    boolean miSort;

    @Mixin
    FormatOption format = new FormatOption();

    @Override
    public Integer call() {
        CfaModel model = model();
        CfaOptions options = options(model);
        DataTable table = input.read();
        CfaData cfaData = cfaData(table, model);
        if (compare) {
            return compare(cfaData, model, options, table);
        }
        CfaResult result;
        try {
            result = CfaEstimator.fit(cfaData, model, options, modificationIndices, scoreTests);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(optionNames(e.getMessage()));
        }
        if (scoreTests && result.scoreTestsIfAny().isEmpty()) {
            throw new UserInputException("--score-tests tests equality constraints, and the model has none: hold"
                    + " parameters equal with --group-equal (and --group) or with shared labels (a*x2 + a*x3)");
        }
        List<CfaResult.ModificationIndex> indices =
                modificationIndices ? new IndexSelection(miMinimum, miSort).rows(result) : null;
        PrintWriter out = input.out();
        if (format.json()) {
            StatisticsOutput.printJson(out, CfaJson.tree(result, options, table, group, indices, miMinimum, miSort));
        } else {
            out.print(CfaText.write(result, options));
            if (indices != null) {
                out.print(CfaText.modificationIndices(indices, result.implied().size() > 1, miMinimum, miSort));
            }
            if (scoreTests) {
                out.print(CfaText.scoreTests(result));
            }
            out.flush();
        }
        if (!result.converged()) {
            // lavaan prints no fit measures for such a fit; we print the figures for diagnosis, marked as not
            // valid, and fail so that no script takes them for a result.
            input.err().println("error: " + CfaText.NOT_CONVERGED);
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private int compare(CfaData cfaData, CfaModel model, CfaOptions options, DataTable table) {
        CfaInvariance.Result steps;
        try {
            steps = CfaInvariance.fit(cfaData, model, options, modificationIndices, scoreTests);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        IndexSelection indices = modificationIndices ? new IndexSelection(miMinimum, miSort) : null;
        PrintWriter out = input.out();
        if (format.json()) {
            StatisticsOutput.printJson(out, CfaCompareOutput.tree(steps, options, table, group, indices));
        } else {
            out.print(CfaCompareOutput.text(steps, options, indices));
            out.flush();
        }
        if (!steps.converged()) {
            input.err().println("error: " + CfaCompareOutput.NOT_CONVERGED);
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private CfaOptions options(CfaModel model) {
        String name = estimator != null ? estimator : ordered.isEmpty() ? "ml" : "wlsmv";
        Estimator e =
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "ml" -> Estimator.ML;
                    case "mlr" -> Estimator.MLR;
                    case "wlsmv" -> Estimator.WLSMV;
                    default ->
                        throw new UserInputException("--estimator must be ml, mlr or wlsmv, not '" + estimator
                                + "' (other lavaan estimators such as MLM, WLS or ULS are not implemented)");
                };
        Set<String> orderedItems = orderedItems(model);
        if (e == Estimator.WLSMV && orderedItems.isEmpty()) {
            throw new UserInputException("--estimator wlsmv is for ordinal items: add --ordered ITEMS or --ordered all"
                    + " (WLSMV on continuous items is not implemented)");
        }
        if (e != Estimator.WLSMV && !orderedItems.isEmpty()) {
            throw new UserInputException("--ordered items are fitted by WLSMV (lavaan's default for ordered);"
                    + " --estimator " + name + " with --ordered is not implemented");
        }
        if (!orderedItems.isEmpty()) {
            refuseWithOrdered();
        }
        MissingData m =
                switch (missing.toLowerCase(Locale.ROOT)) {
                    case "listwise" -> MissingData.LISTWISE;
                    case "ml", "fiml" -> MissingData.ML;
                    default -> throw new UserInputException("--missing must be listwise or ml, not '" + missing + "'");
                };
        Set<GroupEqual> equal = EnumSet.noneOf(GroupEqual.class);
        for (String g : groupEqual) {
            switch (g.strip().toLowerCase(Locale.ROOT)) {
                case "loadings" -> equal.add(GroupEqual.LOADINGS);
                case "intercepts" -> equal.add(GroupEqual.INTERCEPTS);
                case "thresholds" -> equal.add(GroupEqual.THRESHOLDS);
                default ->
                    throw new UserInputException("--group-equal '" + g + "' is not implemented; use loadings or"
                            + " loadings,intercepts (continuous items) or thresholds,loadings (--ordered items)");
            }
        }
        if (!orderedItems.isEmpty() && equal.contains(GroupEqual.INTERCEPTS)) {
            throw new UserInputException("--group-equal intercepts does not apply to --ordered items: their"
                    + " intercepts are fixed at 0 and their thresholds take that place; use --group-equal"
                    + " thresholds,loadings");
        }
        if (!equal.isEmpty() && group == null) {
            throw new UserInputException("--group-equal needs --group COLUMN");
        }
        if (compare && group == null) {
            throw new UserInputException(
                    "--compare needs --group COLUMN: it compares the invariance steps across" + " groups");
        }
        if (compare && !equal.isEmpty()) {
            throw new UserInputException(
                    "--compare fits configural, metric and scalar itself; leave out" + " --group-equal");
        }
        if (!groupPartial.isEmpty() && equal.isEmpty() && !compare) {
            throw new UserInputException("--group-partial frees parameters that --group-equal holds equal; give"
                    + " --group-equal loadings[,intercepts] or --compare");
        }
        if (equal.contains(GroupEqual.INTERCEPTS) && !equal.contains(GroupEqual.LOADINGS)) {
            throw new UserInputException("--group-equal intercepts without loadings is not a standard invariance"
                    + " model; use --group-equal loadings,intercepts");
        }
        if (!modificationIndices && (miSort || miMinimum != 0)) {
            throw new UserInputException(
                    "--mi-minimum and --mi-sort select modification indices; add" + " --modification-indices");
        }
        if (!(miMinimum >= 0) || Double.isInfinite(miMinimum)) {
            throw new UserInputException("--mi-minimum must be a number at least 0, not " + miMinimum);
        }
        if (maxIterations < 1) {
            throw new UserInputException("--max-iterations must be at least 1, not " + maxIterations);
        }
        try {
            return new CfaOptions(
                    e, m, standardizeLatent, equal, maxIterations, java.util.Set.copyOf(groupPartial), orderedItems);
        } catch (IllegalArgumentException ex) {
            throw new UserInputException(optionNames(ex.getMessage()));
        }
    }

    /**
     * The library's message with lavaan's argument names as this command's options: group.equal and group.partial
     * become --group-equal and --group-partial, and lavaan's group.equal none is no --group-equal.
     */
    private static String optionNames(String message) {
        return message.replace("group.equal none", "no --group-equal")
                .replace("group.equal", "--group-equal")
                .replace("group.partial", "--group-partial");
    }

    /** --ordered as item names: 'all' is every indicator of the model. */
    private Set<String> orderedItems(CfaModel model) {
        Set<String> items = new java.util.LinkedHashSet<>();
        for (String item : ordered) {
            String v = item.strip();
            if (v.equalsIgnoreCase("all")) {
                items.addAll(model.observedVariables());
            } else if (!v.isEmpty()) {
                items.add(v);
            }
        }
        return items;
    }

    /** What WLSMV does not do here, refused before the data are read. */
    private void refuseWithOrdered() {
        String not = null;
        if (!missing.equalsIgnoreCase("listwise")) {
            not = "--missing " + missing + " (WLSMV uses complete cases, lavaan's default)";
        } else if (compare) {
            not = "--compare";
        } else if (!groupPartial.isEmpty()) {
            not = "--group-partial";
        } else if (modificationIndices) {
            not = "--modification-indices";
        } else if (scoreTests) {
            not = "--score-tests";
        }
        if (not != null) {
            throw new UserInputException("--ordered (WLSMV) with " + not + " is not implemented");
        }
    }

    private CfaModel model() {
        String text = modelSource.text;
        if (modelSource.file != null) {
            try {
                text = Files.readString(modelSource.file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UserInputException(modelSource.file + ": model file not found");
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new UserInputException(
                        modelSource.file + ": the model file is not valid UTF-8; save it as UTF-8");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return CfaModelSyntax.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private CfaData cfaData(DataTable table, CfaModel model) {
        List<String> variables = model.observedVariables();
        List<String> unknown =
                variables.stream().filter(v -> !table.columns().contains(v)).toList();
        if (!unknown.isEmpty()) {
            throw new UserInputException("the model uses " + (unknown.size() == 1 ? "a variable" : "variables")
                    + " that the data do not have: " + String.join(", ", unknown) + "; the columns are "
                    + String.join(", ", table.columns()));
        }
        List<double[]> columns = new ArrayList<>(variables.size());
        for (String v : variables) {
            columns.add(StatisticsOutput.numeric(table, v));
        }
        List<String> labels = List.of();
        if (group != null) {
            if (!table.columns().contains(group)) {
                throw new UserInputException("--group: there is no column '" + group + "'; the columns are "
                        + String.join(", ", table.columns()));
            }
            labels = table.text(group).stream().map(s -> s == null ? "" : s).toList();
        }
        return CfaData.ofColumns(variables, columns, labels);
    }
}
