package io.nightwatch.runbook.backup;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BufferPipeTest {

    @Test
    void passesEveryByteInOrderThroughFewSmallBuffers() throws Exception {
        byte[] data = new byte[100_000];
        new Random(16).nextBytes(data);
        BufferPipe pipe = new BufferPipe(2, 4096);
        BufferPipe.Sink sink = pipe.sink();
        Thread writer = new Thread(() -> {
            try {
                int off = 0;
                for (int step = 1; off < data.length; step = step * 3 % 9001 + 1) {
                    int n = Math.min(step, data.length - off);
                    sink.write(data, off, n);
                    off += n;
                }
                sink.close();
            } catch (IOException e) {
                sink.fail(e);
            }
        });
        writer.start();
        try (InputStream in = pipe.source()) {
            assertArrayEquals(data, in.readAllBytes());
        }
        writer.join(10_000);
        assertFalse(writer.isAlive());
    }

    @Test
    void aFailureReachesTheReaderAfterTheBytesBeforeItNeverAsAnEnd() throws Exception {
        BufferPipe pipe = new BufferPipe(2, 16);
        BufferPipe.Sink sink = pipe.sink();
        IOException swapped = new IOException("dump.rdb changed");
        sink.write(new byte[]{1, 2, 3});
        sink.flush();
        Thread writer = new Thread(() -> sink.fail(swapped));
        writer.start();
        writer.join(10_000);
        InputStream in = pipe.source();
        // the partial buffer was never handed over: the reader sees the failure, not a short clean stream
        IOException e = assertThrows(IOException.class, in::readAllBytes);
        assertSame(swapped, e);
    }

    @Test
    void closingTheReaderStopsAWriterWaitingForABuffer() throws Exception {
        BufferPipe pipe = new BufferPipe(1, 8);
        BufferPipe.Sink sink = pipe.sink();
        AtomicReference<IOException> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                while (true) sink.write(new byte[8]); // one buffer: blocks once the reader stops taking
            } catch (IOException e) {
                failed.set(e);
            }
        });
        writer.start();
        InputStream in = pipe.source();
        assertEquals(0, in.read());
        in.close();
        writer.join(10_000);
        assertFalse(writer.isAlive());
        assertNotNull(failed.get());
    }
}
