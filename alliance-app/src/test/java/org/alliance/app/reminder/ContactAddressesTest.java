package org.alliance.app.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.alliance.core.instrument.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactAddressesTest {

    @ParameterizedTest(name = "{0} {1} in {2} -> {3}")
    @CsvSource(
            nullValues = "none",
            value = {
                "EMAIL, ' kim@example.org ', NL, kim@example.org",
                "EMAIL, kim@example, NL, none",
                "EMAIL, kim at example.org, NL, none",
                "EMAIL, k@i@m.org, NL, none",
                "SMS, 06 1234 5678, NL, +31612345678",
                "SMS, 06-12345678, NL, +31612345678",
                "SMS, +31 6 1234 5678, NL, +31612345678",
                "SMS, 0031 6 1234 5678, EN, +31612345678",
                "SMS, 412 34 567, NB, +4741234567",
                "SMS, 20 12 34 56, DA, +4520123456",
                "SMS, 07700 900123, EN, +447700900123",
                "SMS, 06 1234, NL, none",
                "SMS, 412 34 567, NL, none",
                "SMS, +0612345678, NL, none",
                "SMS, kim@example.org, NL, none",
            })
    void normalisesOrRefuses(Channel channel, String typed, Language country, String expected) {
        assertThat(ContactAddresses.normalise(channel, typed, country)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void theMaskedAddressShowsOnlyEnoughToRecogniseIt() {
        Instant at = Instant.parse("2026-06-15T08:00:00Z");
        assertThat(new ContactDetails(1, Channel.EMAIL, "kim@example.org", at, 2).masked())
                .isEqualTo("k…@example.org");
        assertThat(new ContactDetails(1, Channel.SMS, "+31612345678", at, 2).masked())
                .isEqualTo("…678");
    }
}
