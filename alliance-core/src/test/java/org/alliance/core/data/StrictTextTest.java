package org.alliance.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StrictTextTest {

    private static final int CHUNK = 1 << 16;

    @Test
    void aCharacterAcrossTheChunkBoundaryIsValidAndTheFirstInvalidByteAfterItIsFound() throws Exception {
        // 'ø' is two bytes in UTF-8; its first byte is the last of the first chunk.
        byte[] bytes = new byte[CHUNK + 10];
        Arrays.fill(bytes, (byte) 'a');
        bytes[CHUNK - 1] = (byte) 0xC3;
        bytes[CHUNK] = (byte) 0xB8;
        bytes[CHUNK + 1] = '\n';
        bytes[CHUNK + 4] = (byte) 0xE9; // on line 2, after "aa"
        StrictText.Invalid bad = StrictText.firstInvalid(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)
                .orElseThrow();
        assertThat(bad.offset()).isEqualTo(CHUNK + 4);
        assertThat(bad.value()).isEqualTo("0xE9");
        assertThat(bad.where()).isEqualTo("line 2, character 3");
        // The same as the whole-file decoder says.
        assertThat(StrictText.decode(bytes, StandardCharsets.UTF_8)).isEqualTo(bad);
    }

    @Test
    void validTextOfSeveralChunksHasNoInvalidByte() throws Exception {
        byte[] bytes = "Jørgen;Anaïs;Åse\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        assertThat(StrictText.firstInvalid(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))
                .isEmpty();
    }

    @Test
    void aTruncatedCharacterAtTheEndIsInvalid() throws Exception {
        byte[] bytes = {'a', '\n', 'b', (byte) 0xC3};
        assertThat(StrictText.firstInvalid(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))
                .hasValueSatisfying(bad -> assertThat(bad.where()).isEqualTo("line 2, character 2"));
        assertThat(StrictText.firstInvalid(new ByteArrayInputStream(bytes), Charset.forName("windows-1252")))
                .isEmpty();
    }
}
