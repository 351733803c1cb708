package org.alliance.app.cli.statistics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.alliance.stats.factor.CfaResult;

/**
 * Which modification indices {@code cfa} shows: lavaan's {@code minimum.value} and {@code sort.}, for one fit or for
 * each invariance step.
 *
 * @param minimum rows with mi at least this
 * @param sort largest mi first; otherwise the table's order
 */
record IndexSelection(double minimum, boolean sort) {

    /**
     * The selected rows of a fit. Indices that agree to 10 significant digits keep the table's order: several are
     * often equal in exact arithmetic (e.g. two loadings on a factor with three indicators), and their last digits,
     * which any change of summation order moves, must not decide the order.
     */
    List<CfaResult.ModificationIndex> rows(CfaResult result) {
        List<CfaResult.ModificationIndex> rows = new ArrayList<>(result.modificationIndices().stream()
                .filter(m -> m.mi() >= minimum)
                .toList());
        if (sort) {
            rows.sort(Comparator.comparingDouble((CfaResult.ModificationIndex m) ->
                            new BigDecimal(m.mi()).round(new MathContext(10)).doubleValue())
                    .reversed());
        }
        return rows;
    }
}
