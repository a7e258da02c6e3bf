package io.nightwatch.docker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Faults a real engine will not produce on demand: a loopback unix-socket server (a fault injector, not an engine
 * emulation) that accepts and stays silent, or cuts its answer short. The protocol itself is tested against the
 * real engine in {@link ArchiveStreamsTest}.
 */
class ArchiveStreamsFaultTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    /**
     * Serves each connection with {@code answer(request line)}: bytes to send, then the connection is closed; null
     * means say nothing and keep the connection open.
     */
    private ArchiveStreams faultyEngine(Path dir, Function<String, byte[]> answer) throws IOException {
        return faultyEngine(dir, answer, false);
    }

    /** As above; with {@code stall}, the connection stays open and silent after the archive answer's bytes. */
    private ArchiveStreams faultyEngine(Path dir, Function<String, byte[]> answer, boolean stall) throws IOException {
        Path socket = dir.resolve("engine.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        open.add(server);
        Thread t = new Thread(() -> {
            while (server.isOpen()) {
                try {
                    SocketChannel c = server.accept();
                    open.add(c);
                    ByteBuffer in = ByteBuffer.allocate(8192);
                    String request = "";
                    while (!request.contains("\r\n\r\n") && c.read(in) > 0) request = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
                    byte[] reply = answer.apply(request.lines().findFirst().orElse(""));
                    if (reply == null) continue;
                    c.write(ByteBuffer.wrap(reply));
                    if (!stall || request.startsWith("GET /_ping")) c.close();
                } catch (IOException e) {
                    return;
                }
            }
        }, "fault-engine");
        t.setDaemon(true);
        t.start();
        return new ArchiveStreams(new EngineAddress("unix://" + socket, false, Optional.empty()), TIMEOUT, TIMEOUT);
    }

    private static byte[] pingThen(String request, byte[] archiveAnswer) {
        if (request.startsWith("GET /_ping")) {
            return "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK".getBytes(StandardCharsets.US_ASCII);
        }
        assertTrue(request.startsWith("GET /v1.41/containers/c/archive?path=/data%20x "), request);
        return archiveAnswer;
    }

    private static byte[] bytes(String head, int bodyBytes, String tail) {
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + bodyBytes + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(t, 0, all, h.length + bodyBytes, t.length);
        return all;
    }

    private static long drain(InputStream in) throws IOException {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        int r;
        while ((r = in.read(buf)) >= 0) n += r;
        return n;
    }

    @Test
    void anEngineThatAcceptsAndNeverAnswersTimesOutWithinTheReadTimeout(@TempDir Path dir) throws IOException {
        ArchiveStreams silent = faultyEngine(dir, request -> null);
        long t0 = System.nanoTime();
        EngineUnreachableException e = assertThrows(EngineUnreachableException.class, () -> silent.get("c", "/data x"));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(e.getMessage().contains("no answer within 1 s"), e.getMessage());
        assertTrue(took.compareTo(TIMEOUT.plusSeconds(2)) < 0, "took " + took);
    }

    @Test
    void anArchiveRequestThatGetsNoAnswerTimesOut(@TempDir Path dir) throws IOException {
        ArchiveStreams stalls = faultyEngine(dir, request -> request.startsWith("GET /_ping") ? pingThen(request, null) : null);
        // the ping is answered, the archive request is not: its head read is bounded too
        EngineUnreachableException e = assertThrows(EngineUnreachableException.class, () -> stalls.get("c", "/data x"));
        assertInstanceOf(SocketTimeoutException.class, e.getCause());
    }

    @Test
    void anArchiveStreamThatGoesSilentMidwayTimesOut(@TempDir Path dir) throws IOException {
        ArchiveStreams stalls = faultyEngine(dir, request -> pingThen(request,
                bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2000\r\n", 4096, "")), true);
        try (InputStream in = stalls.get("c", "/data x")) {
            long t0 = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> drain(in));
            assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(TIMEOUT.plusSeconds(2)) < 0);
        }
    }

    @Test
    void aTruncatedChunkedStreamIsAnErrorNotAShortFile(@TempDir Path dir) throws IOException {
        ArchiveStreams cut = faultyEngine(dir, request -> pingThen(request,
                bytes("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nTransfer-Encoding: chunked\r\n\r\n2000\r\n", 4096, "")));
        try (InputStream in = cut.get("c", "/data x")) {
            EOFException e = assertThrows(EOFException.class, () -> drain(in));
            assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
        }
    }

    @Test
    void aChunkedStreamWithoutItsLastChunkIsAnError(@TempDir Path dir) throws IOException {
        ArchiveStreams cut = faultyEngine(dir, request -> pingThen(request,
                bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n", 4096, "\r\n")));
        try (InputStream in = cut.get("c", "/data x")) {
            assertThrows(EOFException.class, () -> drain(in));
        }
    }

    @Test
    void aCompleteChunkedStreamReadsToItsEnd(@TempDir Path dir) throws IOException {
        ArchiveStreams whole = faultyEngine(dir, request -> pingThen(request,
                bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000;ext=1\r\n", 4096, "\r\n3\r\nabc\r\n0\r\n\r\n")));
        try (InputStream in = whole.get("c", "/data x")) {
            assertEquals(4099, drain(in));
        }
    }

    @Test
    void aContentLengthBodyCutShortIsAnError(@TempDir Path dir) throws IOException {
        ArchiveStreams cut = faultyEngine(dir, request -> pingThen(request,
                bytes("HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n", 3000, "")));
        try (InputStream in = cut.get("c", "/data x")) {
            assertThrows(EOFException.class, () -> drain(in));
        }
    }

    @Test
    void aContentLengthBodyReadsExactly(@TempDir Path dir) throws IOException {
        ArchiveStreams whole = faultyEngine(dir, request -> pingThen(request,
                bytes("HTTP/1.1 200 OK\r\nContent-Length: 3000\r\n\r\n", 3000, "")));
        try (InputStream in = whole.get("c", "/data x")) {
            assertEquals(3000, drain(in));
        }
    }

    @Test
    void anEngineErrorIsShownBoundedAndPrintable(@TempDir Path dir) throws IOException {
        String body = "\u001b[31m" + "x".repeat(100_000);
        ArchiveStreams failing = faultyEngine(dir, request -> pingThen(request, ("HTTP/1.1 500 Internal Server Error\r\nContent-Type: "
                + "text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> failing.get("c", "/data x"));
        assertTrue(e.getMessage().contains("the engine failed (HTTP 500)"), e.getMessage());
        assertTrue(e.getMessage().length() < 600, "bounded: " + e.getMessage().length());
        assertFalse(e.getMessage().contains("\u001b"), "no control characters");
    }

    @Test
    void aConflictSaysTheContainerIsNotReady(@TempDir Path dir) throws IOException {
        ArchiveStreams conflict = faultyEngine(dir, request -> pingThen(request, ("HTTP/1.1 409 Conflict\r\nContent-Length: 38\r\n\r\n"
                + "{\"message\":\"container is not running\"}").getBytes(StandardCharsets.US_ASCII)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> conflict.get("c", "/data x"));
        assertTrue(e.getMessage().contains("not running") && e.getMessage().contains("/data x"), e.getMessage());
    }

    @Test
    void pathsArePercentEncoded() {
        assertEquals("/data/a%20b%3F%26%23%25%2B%C3%A9", ArchiveStreams.encode("/data/a b?&#%+é", true));
        assertEquals("a%2Fb", ArchiveStreams.encode("a/b", false));
    }
}
