package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliance.stats.factor.CfaResult.ModificationIndex;
import org.alliance.stats.factor.LavaanReferenceCases.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * {@code modindices(fit)} of src/test/r/cfa.R and sem.R (lavaan 0.6.14): the same rows in the same order, and mi, epc,
 * sepc.lv and sepc.all relative to max(|lavaan|, 0.01), against lavaan's default fit ({@code <case>-mi.csv}) and
 * against lavaan refitted to a tighter gradient ({@code <case>-mi-polished.csv}), which isolates the formula from
 * lavaan's stopping point. Tolerances below (also in docs/cfa.md).
 */
class CfaModificationIndicesTest {

    static final String HS_ORTHOGONAL =
            LavaanReferenceCases.HS + "\nvisual ~~ 0*textual\nvisual ~~ 0*speed\ntextual ~~ 0*speed";

    /**
     * Against lavaan's default fit: nlminb stops with gradient elements near 1e-6, and the scores move with it
     * (measured up to 2.1e-3 relative, bfi; 9.5e-4 HS by school; 4.3e-4 PD).
     */
    private static final double DEFAULT_TOLERANCE = 3e-3;

    /**
     * Against lavaan refitted by BFGS to a gradient below 4e-7 (cfa.R's -mi-polished.csv): measured at most 2.1e-5
     * relative, except PD with dem65 ~ ind60 omitted (2.5e-4 on dem65 =~ y1, a nearly unidentified loading whose
     * lavaan value moves from 0.10388 to 0.10381 towards our 0.10378 with the polish; BFGS stops at gradient 3.7e-7).
     */
    private static final double POLISHED_TOLERANCE = 3e-5;

    private static final Map<String, Double> POLISHED_TOLERANCE_OF = Map.of("sem/pd-mediation", 3e-4);
    /** Cases with equality constraints: cfa.R writes no polished table for them. */
    private static final java.util.Set<String> UNPOLISHED = java.util.Set.of("hs-labels", "hs-metric", "hs-scalar");

    static final List<Case> CASES = List.of(
            LavaanReferenceCases.byName("hs-ml"),
            LavaanReferenceCases.byName("hs-mlr"),
            LavaanReferenceCases.byName("hs-rescov"),
            LavaanReferenceCases.byName("hs-labels"),
            new Case("hs-orthogonal", "HolzingerSwineford1939", null, HS_ORTHOGONAL, CfaOptions.defaults()),
            LavaanReferenceCases.byName("hs-configural"),
            LavaanReferenceCases.byName("hs-metric"),
            LavaanReferenceCases.byName("hs-scalar"),
            LavaanReferenceCases.byName("bfi-ml"),
            LavaanReferenceCases.byName("bfi-fiml"),
            LavaanReferenceCases.byName("hs-fiml-complete"),
            LavaanReferenceCases.byName("sem/pd-ml"),
            LavaanReferenceCases.byName("sem/pd-mediation"),
            LavaanReferenceCases.byName("sem/hs-path"),
            LavaanReferenceCases.byName("sem/hs-ml"),
            LavaanReferenceCases.byName("sem/hs-higher"),
            LavaanReferenceCases.byName("sem/hs-higher-stdlv"),
            LavaanReferenceCases.byName("sem/hs-covariates"),
            LavaanReferenceCases.byName("sem/bfi-norwegian"));

    @ParameterizedTest
    @FieldSource("CASES")
    void modificationIndicesMatchLavaanRowForRow(Case c) {
        CfaResult ours = CfaEstimator.fitWithModificationIndices(
                LavaanReferenceCases.data(c), CfaModelSyntax.parse(c.model()), c.options());
        double worst = compare(ours, c.name() + "-mi", DEFAULT_TOLERANCE);
        System.out.println("MI " + c.name() + ": largest relative deviation " + worst);
        if (!UNPOLISHED.contains(c.name())) {
            double polished = compare(
                    ours, c.name() + "-mi-polished", POLISHED_TOLERANCE_OF.getOrDefault(c.name(), POLISHED_TOLERANCE));
            System.out.println("MI " + c.name() + " polished: largest relative deviation " + polished);
        }
    }

    /** Rows, order and values of one reference table; returns the largest relative deviation. */
    private static double compare(CfaResult ours, String file, double tolerance) {
        List<Map<String, String>> reference = ReferenceFiles.csv("/reference/cfa/" + file + ".csv");
        List<String> ourKeys = new ArrayList<>();
        for (ModificationIndex m : ours.modificationIndices()) {
            ourKeys.add(m.lhs() + m.op() + m.rhs() + "/" + m.group());
        }
        List<String> referenceKeys = new ArrayList<>();
        for (Map<String, String> r : reference) {
            referenceKeys.add(r.get("lhs") + r.get("op") + r.get("rhs") + "/" + r.get("group"));
        }
        assertThat(ourKeys).as(file).containsExactlyElementsOf(referenceKeys);
        double worst = 0;
        for (int i = 0; i < reference.size(); i++) {
            Map<String, String> ref = reference.get(i);
            ModificationIndex m = ours.modificationIndices().get(i);
            String where = file + " " + referenceKeys.get(i);
            worst = Math.max(worst, assertClose(where + " mi", m.mi(), ref.get("mi"), tolerance));
            worst = Math.max(worst, assertClose(where + " epc", m.epc(), ref.get("epc"), tolerance));
            worst = Math.max(worst, assertClose(where + " sepc.lv", m.sepcLv(), ref.get("sepc.lv"), tolerance));
            worst = Math.max(worst, assertClose(where + " sepc.all", m.sepcAll(), ref.get("sepc.all"), tolerance));
        }
        return worst;
    }

    @Test
    void aFitWithoutTheRequestHasNoIndices() {
        assertThat(LavaanReferenceCases.fit("hs-ml").modificationIndices()).isEmpty();
    }

    private static double assertClose(String what, double ours, String reference, double tolerance) {
        double ref = ReferenceFiles.number(reference);
        double deviation = Math.abs(ours - ref) / Math.max(Math.abs(ref), 0.01);
        assertThat(deviation).as(what + ": ours " + ours + ", lavaan " + ref).isLessThan(tolerance);
        return deviation;
    }
}
