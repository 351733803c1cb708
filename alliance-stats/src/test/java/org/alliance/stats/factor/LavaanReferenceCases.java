package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.alliance.stats.factor.CfaOptions.Estimator;
import org.alliance.stats.factor.CfaOptions.GroupEqual;
import org.alliance.stats.factor.CfaOptions.MissingData;

/** The cases of src/test/r/cfa.R: the same data, model and options on our side. Fits are cached. */
final class LavaanReferenceCases {

    static final String HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
    static final String BFI = "agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5\n"
            + "extra =~ E1 + E2 + E3 + E4 + E5\nneuro =~ N1 + N2 + N3 + N4 + N5\nopen =~ O1 + O2 + O3 + O4 + O5";

    /** Bollen's (1989, ch. 8) industrialisation and political democracy model (src/test/r/sem.R). */
    static final String PD = "ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + y2 + y3 + y4\ndem65 =~ y5 + y6 + y7 + y8\n"
            + "dem60 ~ ind60\ndem65 ~ ind60 + dem60\n"
            + "y1 ~~ y5\ny2 ~~ y4 + y6\ny3 ~~ y7\ny4 ~~ y8\ny6 ~~ y8";
    /** PD with labelled regressions and defined parameters (indirect and total effect, and two odd ones). */
    static final String PD_DEFINED = "ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + y2 + y3 + y4\ndem65 =~ y5 + y6 + y7 + y8\n"
            + "dem60 ~ a*ind60\ndem65 ~ b*dem60 + c*ind60\n"
            + "y1 ~~ y5\ny2 ~~ y4 + y6\ny3 ~~ y7\ny4 ~~ y8\ny6 ~~ y8\n"
            + "ind := a*b\ntotal := c + a*b\nratio := (a*b) / (c + a*b)\nodd := -a^2 + 2*(b - 0.5)/c";

    static final String HS_SEM = HS + "\nspeed ~ visual + textual";
    static final String HS_CHAIN = HS + "\ntextual ~ visual\nspeed ~ visual";

    /** The cases of src/test/r/sem.R: structural regressions and defined parameters (lavaan's sem()). */
    /** An observed outcome regressed on latents (lavaan's phantom latent). */
    /** A second-order factor over the three first-order ones (lavaan: loadings in BETA). */
    static final String HS_HIGHER = HS + "\ng =~ visual + textual + speed";

    static final String HS_OUTCOME = HS + "\nageyr ~ visual + speed";

    /** Observed predictors (lavaan's fixed.x), sem.R. */
    static final String HS_COVARIATES = HS + "\nvisual + textual + speed ~ ageyr + sex + grade";

    static final String PD_COVARIATES = "dem60 =~ y1 + y2 + y3 + y4\ndem65 =~ y5 + y6 + y7 + y8\n"
            + "dem60 ~ x1 + x2\ndem65 ~ dem60 + x1\n"
            + "y1 ~~ y5\ny2 ~~ y4 + y6\ny3 ~~ y7\ny4 ~~ y8\ny6 ~~ y8";
    static final String BFI_COVARIATES =
            "agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5\n" + "agree + consc ~ education + age";
    /** The Norwegian question's shape: three factors on one observed score. */
    static final String BFI_NORWEGIAN = "agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5\n"
            + "extra =~ E1 + E2 + E3 + E4 + E5\nagree + consc + extra ~ education";

    static final String HS_TWO = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6";

    static final List<Case> COVARIATES = List.of(
            new Case("sem/hs-covariates", "HolzingerSwineford1939", null, HS_COVARIATES, CfaOptions.defaults()),
            new Case(
                    "sem/hs-covariates-mlr",
                    "HolzingerSwineford1939",
                    null,
                    HS_COVARIATES,
                    CfaOptions.defaults().withEstimator(Estimator.MLR)),
            new Case(
                    "sem/hs-covariates-fiml",
                    "HolzingerSwineford1939",
                    null,
                    HS_COVARIATES,
                    CfaOptions.defaults().withMissing(MissingData.ML)),
            new Case(
                    "sem/hs-covariates-configural",
                    "HolzingerSwineford1939",
                    "school",
                    HS_COVARIATES,
                    CfaOptions.defaults()),
            new Case(
                    "sem/hs-covariates-scalar",
                    "HolzingerSwineford1939",
                    "school",
                    HS_COVARIATES,
                    CfaOptions.defaults().withGroupEqual(Set.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS))),
            new Case(
                    "sem/hs-outcome-covariates",
                    "HolzingerSwineford1939",
                    null,
                    HS_TWO + "\ntextual ~ visual + ageyr\ngrade ~ visual + sex",
                    CfaOptions.defaults()),
            new Case(
                    "sem/hs-latent-observed",
                    "HolzingerSwineford1939",
                    null,
                    HS_TWO + "\ntextual ~ visual + ageyr\nvisual ~~ ageyr",
                    CfaOptions.defaults()),
            new Case(
                    "sem/hs-latent-observed-cov",
                    "HolzingerSwineford1939",
                    null,
                    HS_TWO + "\nvisual ~~ ageyr + grade",
                    CfaOptions.defaults()),
            new Case("sem/pd-covariates", "PoliticalDemocracy", null, PD_COVARIATES, CfaOptions.defaults()),
            new Case(
                    "sem/pd-covariates-mlr",
                    "PoliticalDemocracy",
                    null,
                    PD_COVARIATES,
                    CfaOptions.defaults().withEstimator(Estimator.MLR)),
            new Case("sem/bfi-covariates", "bfi", null, BFI_COVARIATES, CfaOptions.defaults()),
            new Case(
                    "sem/bfi-covariates-fiml",
                    "bfi",
                    null,
                    BFI_COVARIATES,
                    CfaOptions.defaults().withMissing(MissingData.ML)),
            new Case(
                    "sem/bfi-covariates-fiml-mlr",
                    "bfi",
                    null,
                    BFI_COVARIATES,
                    CfaOptions.defaults().withMissing(MissingData.ML).withEstimator(Estimator.MLR)),
            new Case(
                    "sem/hs-covariates-fiml-mlr",
                    "HolzingerSwineford1939",
                    null,
                    HS_COVARIATES,
                    CfaOptions.defaults().withMissing(MissingData.ML).withEstimator(Estimator.MLR)),
            new Case("sem/bfi-norwegian", "bfi", null, BFI_NORWEGIAN, CfaOptions.defaults()),
            new Case(
                    "sem/bfi-norwegian-mlr",
                    "bfi",
                    null,
                    BFI_NORWEGIAN,
                    CfaOptions.defaults().withEstimator(Estimator.MLR)));

    static final List<Case> SEM = List.of(
            new Case("sem/hs-outcome", "HolzingerSwineford1939", null, HS_OUTCOME, CfaOptions.defaults()),
            new Case(
                    "sem/hs-outcome-mlr",
                    "HolzingerSwineford1939",
                    null,
                    HS_OUTCOME,
                    CfaOptions.defaults().withEstimator(Estimator.MLR)),
            new Case(
                    "sem/hs-outcome-scalar",
                    "HolzingerSwineford1939",
                    "school",
                    HS_OUTCOME,
                    CfaOptions.defaults().withGroupEqual(Set.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS))),
            new Case(
                    "sem/hs-outcomes",
                    "HolzingerSwineford1939",
                    null,
                    HS_OUTCOME + "\ngrade ~ textual\nspeed ~ textual",
                    CfaOptions.defaults()),
            new Case(
                    "sem/hs-outcomes-fiml",
                    "HolzingerSwineford1939",
                    null,
                    HS_OUTCOME + "\ngrade ~ textual\nspeed ~ textual",
                    CfaOptions.defaults().withMissing(MissingData.ML)),
            new Case("sem/pd-ml", "PoliticalDemocracy", null, PD, CfaOptions.defaults()),
            new Case(
                    "sem/pd-mlr",
                    "PoliticalDemocracy",
                    null,
                    PD,
                    CfaOptions.defaults().withEstimator(Estimator.MLR)),
            new Case("sem/pd-defined", "PoliticalDemocracy", null, PD_DEFINED, CfaOptions.defaults()),
            new Case("sem/hs-ml", "HolzingerSwineford1939", null, HS_SEM, CfaOptions.defaults()),
            new Case(
                    "sem/hs-mlr",
                    "HolzingerSwineford1939",
                    null,
                    HS_SEM,
                    CfaOptions.defaults().withEstimator(Estimator.MLR)),
            new Case("sem/hs-chain", "HolzingerSwineford1939", null, HS_CHAIN, CfaOptions.defaults()),
            new Case("sem/hs-higher", "HolzingerSwineford1939", null, HS_HIGHER, CfaOptions.defaults()),
            new Case(
                    "sem/hs-higher-mlr",
                    "HolzingerSwineford1939",
                    null,
                    HS_HIGHER,
                    CfaOptions.defaults().withEstimator(Estimator.MLR)),
            new Case(
                    "sem/hs-higher-stdlv",
                    "HolzingerSwineford1939",
                    null,
                    HS_HIGHER,
                    CfaOptions.defaults().withStandardizeLatent(true)),
            new Case(
                    "sem/hs-higher-stdlv-mlr",
                    "HolzingerSwineford1939",
                    null,
                    HS_HIGHER,
                    CfaOptions.defaults().withStandardizeLatent(true).withEstimator(Estimator.MLR)),
            new Case(
                    "sem/pd-mediation",
                    "PoliticalDemocracy",
                    null,
                    PD.replace("dem65 ~ ind60 + dem60", "dem65 ~ dem60"),
                    CfaOptions.defaults()),
            new Case(
                    "sem/hs-path",
                    "HolzingerSwineford1939",
                    null,
                    HS + "\ntextual ~ visual\nspeed ~ textual",
                    CfaOptions.defaults()),
            new Case("sem/hs-configural", "HolzingerSwineford1939", "school", HS_SEM, CfaOptions.defaults()),
            new Case(
                    "sem/hs-metric",
                    "HolzingerSwineford1939",
                    "school",
                    HS_SEM,
                    CfaOptions.defaults().withGroupEqual(Set.of(GroupEqual.LOADINGS))),
            new Case(
                    "sem/pd-stdlv",
                    "PoliticalDemocracy",
                    null,
                    PD,
                    CfaOptions.defaults().withStandardizeLatent(true)),
            new Case(
                    "sem/hs-fiml-complete",
                    "HolzingerSwineford1939",
                    null,
                    HS_SEM,
                    CfaOptions.defaults().withMissing(MissingData.ML)),
            new Case(
                    "sem/bfi-fiml",
                    "bfi",
                    null,
                    "agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5\nconsc ~ agree",
                    CfaOptions.defaults().withMissing(MissingData.ML)),
            new Case(
                    "sem/hs-scalar",
                    "HolzingerSwineford1939",
                    "school",
                    HS_SEM,
                    CfaOptions.defaults().withGroupEqual(Set.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS))),
            new Case(
                    "sem/hs-chain-scalar",
                    "HolzingerSwineford1939",
                    "school",
                    HS_CHAIN,
                    CfaOptions.defaults().withGroupEqual(Set.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS))));

    record Case(String name, String dataSet, String groupColumn, String model, CfaOptions options) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Case> CASES = withGrid(List.of(
            new Case("hs-ml", "HolzingerSwineford1939", null, HS, CfaOptions.defaults()),
            new Case(
                    "hs-stdlv",
                    "HolzingerSwineford1939",
                    null,
                    HS,
                    CfaOptions.defaults().withStandardizeLatent(true)),
            new Case("hs-rescov", "HolzingerSwineford1939", null, HS + "\nx7 ~~ x8", CfaOptions.defaults()),
            new Case(
                    "hs-labels",
                    "HolzingerSwineford1939",
                    null,
                    "visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9",
                    CfaOptions.defaults()),
            new Case(
                    "hs-onefactor",
                    "HolzingerSwineford1939",
                    null,
                    "f =~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9",
                    CfaOptions.defaults()),
            new Case(
                    "hs-mlr",
                    "HolzingerSwineford1939",
                    null,
                    HS,
                    CfaOptions.defaults().withEstimator(Estimator.MLR)),
            new Case(
                    "hs-rescov-mlr",
                    "HolzingerSwineford1939",
                    null,
                    HS + "\nx7 ~~ x8",
                    CfaOptions.defaults().withEstimator(Estimator.MLR)),
            new Case("hs-configural", "HolzingerSwineford1939", "school", HS, CfaOptions.defaults()),
            new Case(
                    "hs-metric",
                    "HolzingerSwineford1939",
                    "school",
                    HS,
                    CfaOptions.defaults().withGroupEqual(Set.of(GroupEqual.LOADINGS))),
            new Case(
                    "hs-scalar",
                    "HolzingerSwineford1939",
                    "school",
                    HS,
                    CfaOptions.defaults().withGroupEqual(Set.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS))),
            new Case(
                    "hs-scalar-partial",
                    "HolzingerSwineford1939",
                    "school",
                    HS,
                    CfaOptions.defaults()
                            .withGroupEqual(Set.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS))
                            .withGroupPartial(Set.of("x3 ~ 1", "x7~1"))),
            new Case(
                    "hs-scalar-partial-mlr",
                    "HolzingerSwineford1939",
                    "school",
                    HS,
                    CfaOptions.defaults()
                            .withGroupEqual(Set.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS))
                            .withGroupPartial(Set.of("visual =~ x2", "x3~1"))
                            .withEstimator(Estimator.MLR)),
            new Case(
                    "hs-metric-mlr",
                    "HolzingerSwineford1939",
                    "school",
                    HS,
                    CfaOptions.defaults()
                            .withGroupEqual(Set.of(GroupEqual.LOADINGS))
                            .withEstimator(Estimator.MLR)),
            new Case("bfi-ml", "bfi", null, BFI, CfaOptions.defaults()),
            new Case("bfi-mlr", "bfi", null, BFI, CfaOptions.defaults().withEstimator(Estimator.MLR)),
            new Case("bfi-fiml", "bfi", null, BFI, CfaOptions.defaults().withMissing(MissingData.ML)),
            new Case(
                    "hs-fiml-complete",
                    "HolzingerSwineford1939",
                    null,
                    HS,
                    CfaOptions.defaults().withMissing(MissingData.ML)),
            new Case(
                    "bfi-gender-metric-fiml",
                    "bfi",
                    "gender",
                    "agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5",
                    CfaOptions.defaults().withMissing(MissingData.ML).withGroupEqual(Set.of(GroupEqual.LOADINGS))),
            new Case(
                    "bfi-fiml-mlr",
                    "bfi",
                    null,
                    BFI,
                    CfaOptions.defaults().withMissing(MissingData.ML).withEstimator(Estimator.MLR)),
            new Case(
                    "hs-fiml-complete-mlr",
                    "HolzingerSwineford1939",
                    null,
                    HS,
                    CfaOptions.defaults().withMissing(MissingData.ML).withEstimator(Estimator.MLR)),
            new Case(
                    "bfi-gender-metric-fiml-mlr",
                    "bfi",
                    "gender",
                    "agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5",
                    CfaOptions.defaults()
                            .withMissing(MissingData.ML)
                            .withGroupEqual(Set.of(GroupEqual.LOADINGS))
                            .withEstimator(Estimator.MLR))));

    /**
     * The identification grid of src/test/r/cfa-invariance.R (issue 15): HS grouped by grade (one row without a
     * grade, dropped as lavaan does), std.lv × group.equal none/loadings/loadings+intercepts × ML, MLR and ML
     * with missing = "ml" and MLR with missing = "ml" (robust FIML); and bfi by gender (real missing values), std.lv, metric and scalar, FIML. Reference files
     * under reference/cfa/invariance/.
     */
    static final List<Case> GRID = grid();

    private static List<Case> grid() {
        List<Case> cases = new ArrayList<>();
        for (boolean stdLv : new boolean[] {false, true}) {
            for (String equal : List.of("none", "loadings", "scalar")) {
                for (String estimator : List.of("ml", "mlr", "fiml", "fiml-mlr")) {
                    Set<GroupEqual> groupEqual =
                            switch (equal) {
                                case "none" -> Set.of();
                                case "loadings" -> Set.of(GroupEqual.LOADINGS);
                                default -> Set.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS);
                            };
                    CfaOptions options = CfaOptions.defaults()
                            .withStandardizeLatent(stdLv)
                            .withGroupEqual(groupEqual)
                            .withEstimator(estimator.endsWith("mlr") ? Estimator.MLR : Estimator.ML)
                            .withMissing(estimator.startsWith("fiml") ? MissingData.ML : MissingData.LISTWISE);
                    String name = "invariance/grade-" + (stdLv ? "stdlv" : "marker") + "-" + equal + "-" + estimator;
                    cases.add(new Case(name, "HolzingerSwineford1939", "grade", HS, options));
                }
            }
        }
        for (String equal : List.of("loadings", "scalar")) {
            Set<GroupEqual> groupEqual = equal.equals("loadings")
                    ? Set.of(GroupEqual.LOADINGS)
                    : Set.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS);
            cases.add(new Case(
                    "invariance/bfi-gender-stdlv-" + equal + "-fiml",
                    "bfi",
                    "gender",
                    "agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5",
                    CfaOptions.defaults()
                            .withStandardizeLatent(true)
                            .withGroupEqual(groupEqual)
                            .withMissing(MissingData.ML)));
        }
        return List.copyOf(cases);
    }

    private static List<Case> withGrid(List<Case> cases) {
        List<Case> all = new ArrayList<>(cases);
        all.addAll(grid());
        all.addAll(SEM);
        all.addAll(COVARIATES);
        return List.copyOf(all);
    }

    private static final Map<String, CfaResult> FITS = new ConcurrentHashMap<>();
    private static final Map<String, CfaData> DATA = new ConcurrentHashMap<>();

    private LavaanReferenceCases() {}

    static Case byName(String name) {
        return CASES.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    static CfaResult fit(Case c) {
        return FITS.computeIfAbsent(
                c.name(), k -> CfaEstimator.fit(data(c), CfaModelSyntax.parse(c.model()), c.options()));
    }

    static CfaResult fit(String name) {
        return fit(byName(name));
    }

    static CfaData data(Case c) {
        return DATA.computeIfAbsent(
                c.dataSet() + "/" + c.groupColumn(), k -> ReferenceFiles.data(c.dataSet(), c.groupColumn()));
    }
}
