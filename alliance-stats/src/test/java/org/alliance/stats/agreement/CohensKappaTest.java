package org.alliance.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CohensKappaTest {

    private static int[] codes(String spaced) {
        return Arrays.stream(spaced.split(" ")).mapToInt(s -> s.charAt(0) - 'A').toArray();
    }

    @Test
    void reproducesTheCheckValueOfTheReferencePage() {
        var result = CohensKappa.fit(codes("A A B B C A B C A A"), codes("A B B B C A B A A C"), 3);
        assertThat(result.kappa()).isCloseTo(0.53125, within(1e-12));
        assertThat(result.observedAgreement()).isEqualTo(0.7);
        assertThat(result.expectedAgreement()).isCloseTo(0.36, within(1e-15));
        assertThat(result.table()[0]).containsExactly(3, 1, 1);
    }

    @Test
    void matchesPsychCohenKappaOfR() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/reference/observation/kappa-ratings.csv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = text.split("\n");
        int[] a = new int[lines.length - 1];
        int[] b = new int[lines.length - 1];
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].trim().split(",");
            a[i - 1] = Integer.parseInt(cells[0]);
            b[i - 1] = Integer.parseInt(cells[1]);
        }
        double expected;
        try (InputStream in = getClass().getResourceAsStream("/reference/observation/kappa.csv")) {
            expected = Double.parseDouble(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")[1].trim());
        }
        assertThat(CohensKappa.fit(a, b, 4).kappa()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void kappaIsUndefinedWhenBothCodersUseOneCategory() {
        assertThat(CohensKappa.fit(new int[] {0, 0}, new int[] {0, 0}, 2).kappa())
                .isNaN();
    }
}
