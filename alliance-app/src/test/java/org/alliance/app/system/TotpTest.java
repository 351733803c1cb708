package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6238's own test vectors (appendix B, SHA-1) and the acceptance window. */
class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theCodesAreTheRfcsTestVectors() {
        assertThat(Totp.code(RFC_KEY, 59 / 30, 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, 1111111109L / 30, 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, 1111111111L / 30, 8)).isEqualTo("14050471");
        assertThat(Totp.code(RFC_KEY, 1234567890L / 30, 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_KEY, 2000000000L / 30, 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_KEY, 20000000000L / 30, 8)).isEqualTo("65353130");
    }

    @Test
    void base32RoundTripsAndTheRfcKeyHasItsKnownForm() {
        assertThat(Totp.base32(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ")).isEqualTo(RFC_KEY);
        String secret = Totp.newSecret();
        assertThat(secret).hasSize(32);
        assertThat(Totp.base32(Totp.fromBase32(secret))).isEqualTo(secret);
    }

    @Test
    void aCodeCountsInItsStepAndOneEitherSideOnly() {
        String secret = Totp.base32(RFC_KEY);
        long now = 1_234_567_890L;
        String code = Totp.codeAt(secret, now);
        assertThat(Totp.matchingStep(secret, code, now)).hasValue(now / 30);
        assertThat(Totp.matchingStep(secret, code.substring(0, 3) + " " + code.substring(3), now + 30))
                .as("the phone 30 s behind, typed with a space")
                .hasValue(now / 30);
        assertThat(Totp.matchingStep(secret, code, now + 90))
                .as("two steps later")
                .isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "abcdef", now)).isEmpty();
    }

    @Test
    void theAppReadsTheAccountAndTheIssuer() {
        assertThat(Totp.uri("ABCD", "anouk de vries"))
                .isEqualTo("otpauth://totp/Alliance%3Aanouk%20de%20vries?secret=ABCD&issuer=Alliance&algorithm=SHA1"
                        + "&digits=6&period=30");
    }
}
