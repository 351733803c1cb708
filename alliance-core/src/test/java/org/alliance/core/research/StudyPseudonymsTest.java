package org.alliance.core.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.alliance.core.research.StudyPseudonyms.Kind;
import org.junit.jupiter.api.Test;

class StudyPseudonymsTest {

    private static byte[] secret(long seed) {
        byte[] secret = new byte[StudyPseudonyms.SECRET_BYTES];
        new Random(seed).nextBytes(secret);
        return secret;
    }

    @Test
    void aPseudonymIsTheKindsLetterAndTwelveBase32Characters() {
        String pseudonym = new StudyPseudonyms(secret(1)).pseudonym(Kind.CLIENT, 42);
        assertThat(pseudonym).matches("C-[A-Z2-7]{12}");
        assertThat(new StudyPseudonyms(secret(1)).pseudonym(Kind.PROFESSIONAL, 42))
                .matches("P-[A-Z2-7]{12}");
    }

    @Test
    void theSamePersonGetsTheSamePseudonymInEveryExportOfAStudy() {
        StudyPseudonyms first = new StudyPseudonyms(secret(7));
        StudyPseudonyms again = new StudyPseudonyms(secret(7));
        for (long id = 1; id < 1000; id++) {
            assertThat(again.pseudonym(Kind.CLIENT, id)).isEqualTo(first.pseudonym(Kind.CLIENT, id));
            assertThat(again.dayShift(id)).isEqualTo(first.dayShift(id));
        }
    }

    @Test
    void pseudonymsOfTwoStudiesCannotBeLinked() {
        StudyPseudonyms one = new StudyPseudonyms(secret(1));
        StudyPseudonyms other = new StudyPseudonyms(secret(2));
        Set<String> ofOne = new HashSet<>();
        int sameShift = 0;
        for (long id = 1; id <= 10_000; id++) {
            ofOne.add(one.pseudonym(Kind.CLIENT, id));
            sameShift += one.dayShift(id) == other.dayShift(id) ? 1 : 0;
        }
        for (long id = 1; id <= 10_000; id++) {
            assertThat(ofOne).doesNotContain(other.pseudonym(Kind.CLIENT, id));
        }
        // Independent shifts agree for about 1 in 365 clients (expected 27 of 10 000).
        assertThat(sameShift).isLessThan(80);
    }

    @Test
    void aClientAndAProfessionalWithTheSameIdGetUnrelatedPseudonyms() {
        StudyPseudonyms pseudonyms = new StudyPseudonyms(secret(3));
        assertThat(pseudonyms.pseudonym(Kind.CLIENT, 5).substring(2))
                .isNotEqualTo(pseudonyms.pseudonym(Kind.PROFESSIONAL, 5).substring(2));
    }

    @Test
    void noTwoOfOneHundredThousandIdsShareAPseudonym() {
        StudyPseudonyms pseudonyms = new StudyPseudonyms(secret(4));
        Set<String> seen = new HashSet<>();
        for (long id = 1; id <= 100_000; id++) {
            assertThat(seen.add(pseudonyms.pseudonym(Kind.CLIENT, id)))
                    .as("id %d", id)
                    .isTrue();
        }
    }

    @Test
    void shiftsLieWithinAYearAndUseTheWholeRange() {
        StudyPseudonyms pseudonyms = new StudyPseudonyms(secret(5));
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (long id = 1; id <= 20_000; id++) {
            int shift = pseudonyms.dayShift(id);
            min = Math.min(min, shift);
            max = Math.max(max, shift);
        }
        assertThat(min).isEqualTo(0);
        assertThat(max).isEqualTo(StudyPseudonyms.MAX_SHIFT_DAYS);
    }

    @Test
    void base32FollowsRfc4648() {
        // RFC 4648, section 10: BASE32("foobar") = "MZXW6YTBOI======".
        assertThat(StudyPseudonyms.base32("foobar".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 9))
                .isEqualTo("MZXW6YTBO");
    }

    @Test
    void aSecretHasThirtyTwoBytes() {
        assertThatThrownBy(() -> new StudyPseudonyms(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 16");
    }
}
