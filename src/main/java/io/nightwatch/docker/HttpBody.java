package io.nightwatch.docker;

import io.nightwatch.text.Texts;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response body as the engine frames it: chunked, with a Content-Length, or up to the end of the connection. A
 * body that ends before its framing says it is complete raises {@link EOFException}: a cut stream never looks like
 * a short file. Closing it closes the connection (one request per connection).
 */
final class HttpBody extends InputStream {

    private static final Texts T = Texts.of(HttpBody.class);

    private static final int MAX_CHUNK_LINE = 1024;

    private final HttpInput in;
    private final Runnable onClose;
    private final boolean chunked;
    /** Bytes left in the current chunk or of the Content-Length; -1 for "until the connection ends". */
    private long remaining;
    private boolean done;
    private boolean closed;

    private HttpBody(HttpInput in, boolean chunked, long length, Runnable onClose) {
        this.in = in;
        this.chunked = chunked;
        this.remaining = chunked ? 0 : length;
        this.done = !chunked && length == 0;
        this.onClose = onClose;
    }

    static HttpBody chunked(HttpInput in, Runnable onClose) { return new HttpBody(in, true, 0, onClose); }

    static HttpBody ofLength(HttpInput in, long length, Runnable onClose) { return new HttpBody(in, false, length, onClose); }

    static HttpBody untilClose(HttpInput in, Runnable onClose) { return new HttpBody(in, false, -1, onClose); }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) throw new IOException("stream closed");
        if (len == 0) return 0;
        if (done) return -1;
        if (chunked && remaining == 0) {
            remaining = nextChunk();
            if (remaining == 0) {
                done = true;
                return -1;
            }
        }
        int want = remaining < 0 ? len : (int) Math.min(len, remaining);
        int n = in.read(b, off, want);
        if (n < 0) {
            if (remaining < 0) {
                done = true;
                return -1;
            }
            throw new EOFException(T.get(chunked ? "stream.endedInChunk" : "stream.endedInBody", remaining));
        }
        if (remaining > 0) {
            remaining -= n;
            if (remaining == 0 && !chunked) done = true;
            if (remaining == 0 && chunked) endOfChunk();
        }
        return n;
    }

    private long nextChunk() throws IOException {
        String line = in.readLine(MAX_CHUNK_LINE);
        if (line == null) throw new EOFException("the engine's chunked stream ended without its last chunk: the copy is incomplete");
        int semicolon = line.indexOf(';'); // chunk extensions carry nothing the archive needs
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
        long size;
        try {
            if (hex.isEmpty() || hex.length() > 15) throw new NumberFormatException();
            size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("the engine sent a bad chunk size line (" + printable(line) + ")");
        }
        if (size < 0) throw new IOException("the engine sent a negative chunk size");
        if (size == 0) {
            // trailers, then the empty line that ends the body (bounded: at most 64 trailer lines)
            for (int i = 0; i < 64; i++) {
                String trailer = in.readLine(8 * 1024);
                if (trailer == null) throw new EOFException("the engine's chunked stream ended inside its trailers");
                if (trailer.isEmpty()) return 0;
            }
            throw new IOException("the engine sent too many trailer lines");
        }
        return size;
    }

    private void endOfChunk() throws IOException {
        String crlf = in.readLine(2);
        if (crlf == null) throw new EOFException("the engine's chunked stream ended after a chunk: the copy is incomplete");
        if (!crlf.isEmpty()) throw new IOException("the engine's chunk did not end where its size said");
    }

    /** True once the framing said the body is complete. */
    boolean complete() { return done; }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        onClose.run();
    }

    static String printable(String text) {
        String s = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return s.replaceAll("[^\\x20-\\x7e…]", "?");
    }
}
