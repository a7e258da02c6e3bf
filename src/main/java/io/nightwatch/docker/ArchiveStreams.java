package io.nightwatch.docker;

import io.nightwatch.text.Texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.LocalDirectorySSLConfig;

import javax.net.ssl.SSLContext;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's archive endpoints ({@code GET}/{@code PUT /containers/{id}/archive?path=…}) spoken directly as HTTP/1.1
 * streams with 1 MiB buffers, read ahead on a second thread so the engine never waits for the disk (and the packer never
 * waits for the socket): docker-java's client reads them several times slower than {@code docker cp}. The rest of the
 * API stays on docker-java. One connection per copy, closed with it; every wait bounded by the connect and read
 * timeouts; an engine that cannot be reached or goes silent raises {@link EngineUnreachableException}.
 */
final class ArchiveStreams {

    private static final Texts T = Texts.of(ArchiveStreams.class);

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final int BUFFER = 1 << 20;
    /** Buffers read ahead of the consumer: enough to cover a file write or a socket stall, a few MiB in all. */
    static final int READ_AHEAD = 4;

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int MAX_ERROR_BODY = 4 * 1024;
    private static final int MAX_MESSAGE = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineAddress address;
    /** The address the operator gave (ssh://…), when {@code address} is the local end of its relay. */
    private final EngineAddress shown;
    private final SSLContext tls;
    private final Duration connect;
    private final Duration read;
    /** "/v1.41": the engine's own API version, asked once; "" when it names none. */
    private volatile String prefix;

    ArchiveStreams(EngineAddress address, Duration connect, Duration read) {
        this(address, address, connect, read);
    }

    ArchiveStreams(EngineAddress address, EngineAddress shown, Duration connect, Duration read) {
        this.address = address;
        this.shown = shown;
        this.connect = connect;
        this.read = read;
        this.tls = address.tlsVerify() ? sslContext(address) : null;
    }

    /** The same certificate folder (ca.pem, cert.pem, key.pem) docker-java's client is given. */
    private static SSLContext sslContext(EngineAddress address) {
        String dir = address.certPath().orElseThrow(() -> new IllegalArgumentException(
                T.get("tls.noFolderShort", address.uri()))).toString();
        try {
            return new LocalDirectorySSLConfig(dir).getSSLContext();
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot use the TLS files in " + dir + ": " + EngineUnreachableException.rootMessage(e), e);
        }
    }

    static boolean supports(EngineAddress address) { return EngineSocket.supports(address); }

    /**
     * A tar stream of {@code path} in {@code container}. The caller closes it (which closes the connection). Reading
     * it raises {@link IOException} when the engine's stream is cut or goes silent, never a short clean end.
     *
     * @throws IllegalStateException when the engine refuses (no such container or path, ...), with its reason
     */
    InputStream get(String container, String path) {
        Exchange x = open("GET", container, path, false);
        try {
            Head head = x.head();
            if (head.status != 200) throw x.refused(head, T.get("archive.copyOut", path, container));
            return new ReadAhead(x.body(head), READ_AHEAD, BUFFER, true, "nightwatch-archive-read");
        } catch (IOException e) {
            x.close();
            throw new EngineUnreachableException(shown, e);
        } catch (RuntimeException e) {
            x.close();
            throw e;
        }
    }

    /**
     * Unpacks {@code tar} into {@code directory} of {@code container}. A failing {@code tar} aborts the upload without
     * its final chunk, so the engine never takes a partial archive for a whole one.
     *
     * @throws UncheckedIOException  when reading {@code tar} fails (its message says why)
     * @throws IllegalStateException when the engine refuses, with its reason
     */
    void put(String container, String directory, InputStream tar) {
        Exchange x = open("PUT", container, directory, true);
        try (x) {
            String what = T.get("archive.copyIn", directory, container);
            // Expect: 100-continue lets the engine refuse (no such container or folder) before any data is sent.
            Head head = x.head();
            while (head.status != 100) {
                if (head.status > 100 && head.status < 200) {
                    head = x.head();
                    continue;
                }
                throw x.refused(head, what);
            }
            InputStream packed = tar instanceof ProducedAhead ? tar : new ReadAhead(tar, READ_AHEAD, BUFFER, false, "nightwatch-archive-pack");
            try {
                x.sendChunked(packed);
            } catch (EngineWriteFailed e) {
                Head early = x.headAfterFailedWrite();
                if (early != null && early.status >= 300) throw x.refused(early, what);
                throw new EngineUnreachableException(shown, e.getCause());
            } finally {
                if (packed != tar) packed.close(); // the read-ahead only: {@code tar} is the caller's to close
            }
            do {
                head = x.head();
            } while (head.status >= 100 && head.status < 200);
            if (head.status / 100 != 2) throw x.refused(head, what);
        } catch (IOException e) {
            throw new EngineUnreachableException(shown, e);
        }
    }

    private Exchange open(String method, String container, String path, boolean upload) {
        String base = prefix();
        EngineSocket socket;
        try {
            socket = EngineSocket.open(address, tls, connect, read);
        } catch (IOException | RuntimeException e) {
            throw new EngineUnreachableException(shown, e);
        }
        Exchange x = new Exchange(socket);
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(base).append("/containers/").append(encode(container, false))
                .append("/archive?path=").append(encode(path, true)).append(" HTTP/1.1\r\n")
                .append("Host: ").append(socket.hostHeader()).append("\r\n")
                .append("User-Agent: nightwatch\r\n") // tool text: HTTP
                .append("Connection: close\r\n"); // tool text: HTTP
        if (upload) {
            request.append("Content-Type: application/x-tar\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n"); // tool text: HTTP
        }
        request.append("\r\n");
        try {
            OutputStream out = socket.out();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            x.close();
            throw new EngineUnreachableException(shown, e);
        }
        return x;
    }

    /** The API version prefix, from the engine's {@code /_ping} answer (asked once per gateway). */
    String prefix() {
        String known = prefix;
        if (known != null) return known;
        EngineSocket socket;
        try {
            socket = EngineSocket.open(address, tls, connect, read);
        } catch (IOException | RuntimeException e) {
            throw new EngineUnreachableException(shown, e);
        }
        try (Exchange x = new Exchange(socket)) {
            OutputStream out = socket.out();
            out.write(("GET /_ping HTTP/1.1\r\nHost: " + socket.hostHeader() + "\r\nUser-Agent: nightwatch\r\nConnection: close\r\n\r\n") // tool text: HTTP
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Head head = x.head();
            if (head.status != 200) throw x.refused(head, "ping");
            String version = head.headers.getOrDefault("api-version", "");
            known = version.matches("\\d{1,3}\\.\\d{1,3}") ? "/v" + version : "";
        } catch (IOException e) {
            throw new EngineUnreachableException(shown, e);
        }
        prefix = known;
        return known;
    }

    /** Percent-encodes all but RFC 3986's unreserved characters (and '/', for a path in a query). */
    static String encode(String value, boolean keepSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private record Head(int status, Map<String, String> headers) {}

    /** A write to the engine failed (it went away, or answered early and closed). */
    private static final class EngineWriteFailed extends Exception {
        EngineWriteFailed(IOException cause) {
            super(cause);
        }
    }

    /** One request and its answer on one connection. */
    private final class Exchange implements AutoCloseable {
        private final EngineSocket socket;
        private final HttpInput in;
        private boolean closed;

        Exchange(EngineSocket socket) {
            this.socket = socket;
            this.in = new HttpInput(socket.in());
        }

        Head head() throws IOException {
            String status = in.readLine(MAX_LINE);
            if (status == null) throw new EOFException("the engine closed the connection without answering");
            String[] parts = status.split(" ", 3);
            int code;
            try {
                if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) throw new NumberFormatException();
                code = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP answer from the engine: " + HttpBody.printable(status));
            }
            Map<String, String> headers = new HashMap<>();
            for (int i = 0; ; i++) {
                if (i > MAX_HEADERS) throw new IOException("the engine sent more than " + MAX_HEADERS + " header lines");
                String line = in.readLine(MAX_LINE);
                if (line == null) throw new EOFException("the engine closed the connection in the middle of its answer");
                if (line.isEmpty()) break;
                int colon = line.indexOf(':');
                if (colon > 0) headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                        (a, b) -> a + ", " + b);
            }
            return new Head(code, headers);
        }

        /** After a failed write: the answer the engine may have sent before closing, or null. */
        Head headAfterFailedWrite() {
            try {
                return head();
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        HttpBody body(Head head) throws IOException {
            String encoding = head.headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
            if (encoding.contains("chunked")) return HttpBody.chunked(in, this::close);
            String length = head.headers.get("content-length");
            if (length != null) {
                try {
                    long n = Long.parseLong(length.strip());
                    if (n < 0) throw new NumberFormatException();
                    return HttpBody.ofLength(in, n, this::close);
                } catch (NumberFormatException e) {
                    throw new IOException("the engine sent a bad Content-Length: " + HttpBody.printable(length));
                }
            }
            return HttpBody.untilClose(in, this::close);
        }

        /** The engine's refusal as an exception carrying its own words (bounded, printable). */
        RuntimeException refused(Head head, String what) {
            String message = errorMessage(head);
            close();
            String on = " (" + shown + ")";
            return switch (head.status) {
                case 400 -> new IllegalArgumentException(T.get("archive.refused", what, message) + on);
                case 403 -> new IllegalStateException(T.get("archive.forbidden", what, message) + on);
                case 404 -> new IllegalStateException(T.get("archive.notFound", what, message) + on);
                case 409 -> new IllegalStateException(T.get("archive.conflict", what, message) + on);
                default -> head.status >= 500
                        ? new IllegalStateException(T.get("archive.failed", what, head.status, message) + on)
                        : new IllegalStateException(T.get("archive.unexpected", what, head.status, message) + on);
            };
        }

        private String errorMessage(Head head) {
            byte[] bytes;
            try {
                InputStream body = body(head);
                bytes = readBounded(body, MAX_ERROR_BODY);
            } catch (IOException | RuntimeException e) {
                return T.get("archive.noReason");
            }
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            try {
                JsonNode node = JSON.readTree(text);
                if (node != null && node.hasNonNull("message")) text = node.get("message").asText();
            } catch (IOException notJson) {
                // plain text is shown as it is
            }
            text = text.replaceAll("\\p{Cntrl}", " ").strip();
            if (text.isEmpty()) return T.get("archive.noReason");
            return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
        }

        /**
         * The body as chunks of up to 1 MiB, each in a single write (size line and CRLF around the data in one buffer).
         */
        void sendChunked(InputStream tar) throws EngineWriteFailed {
            final int head = 16;
            byte[] buffer = new byte[head + BUFFER + 2];
            OutputStream out = socket.out();
            while (true) {
                int n = 0;
                try {
                    int r;
                    while (n < BUFFER && (r = tar.read(buffer, head + n, BUFFER - n)) >= 0) n += r;
                } catch (IOException e) {
                    close(); // no final chunk: the engine sees an aborted upload
                    throw new UncheckedIOException(e.getMessage(), e);
                }
                try {
                    if (n == 0) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        return;
                    }
                    byte[] size = (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    int start = head - size.length;
                    System.arraycopy(size, 0, buffer, start, size.length);
                    buffer[head + n] = '\r';
                    buffer[head + n + 1] = '\n';
                    out.write(buffer, start, size.length + n + 2);
                } catch (IOException e) {
                    throw new EngineWriteFailed(e);
                }
            }
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connection is gone either way
            }
        }
    }

    static byte[] readBounded(InputStream in, int max) throws IOException {
        byte[] buffer = new byte[max];
        int n = 0;
        int r;
        while (n < max && (r = in.read(buffer, n, max - n)) > 0) n += r;
        return java.util.Arrays.copyOf(buffer, n);
    }
}
