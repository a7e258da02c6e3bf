package io.nightwatch.docker;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's JSON answers are read whole only up to a bound: an endless or huge one is refused, not buffered. */
class EngineAnswerSizeTest {

    @Test
    void anAnswerWithinTheBoundIsReadWhole() throws IOException {
        byte[] body = "{\"memory_stats\":{}}".getBytes();
        assertArrayEquals(body, SwarmApi.readAtMost(new ByteArrayInputStream(body), 1 << 20, "/containers/x/stats"));
    }

    @Test
    void anEndlessAnswerIsRefusedWithItsPath() {
        InputStream endless = new InputStream() {
            @Override
            public int read() { return '['; }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) '[');
                return len;
            }
        };
        IOException e = assertThrows(IOException.class, () -> SwarmApi.readAtMost(endless, 1 << 20, "/tasks"));
        assertTrue(e.getMessage().contains("/tasks") && e.getMessage().contains("1 MiB"), e.getMessage());
    }
}
