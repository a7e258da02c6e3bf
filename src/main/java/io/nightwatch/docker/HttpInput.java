package io.nightwatch.docker;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The engine's side of a connection: CRLF lines for the protocol (each bounded in length) and bulk reads for the
 * body, which bypass the small line buffer when the caller asks for more than it holds.
 */
final class HttpInput {

    private static final int BUFFER = 64 * 1024;

    private final InputStream raw;
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;

    HttpInput(InputStream raw) {
        this.raw = raw;
    }

    /** One line without its CRLF (or LF); at most {@code max} bytes; null at a clean end of stream before any byte. */
    String readLine(int max) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (pos == limit && !fill()) {
                if (line.length() == 0) return null;
                throw new EOFException("the engine closed the connection in the middle of a line");
            }
            byte b = buffer[pos++];
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
                return line.toString();
            }
            if (line.length() >= max) throw new IOException("the engine sent a protocol line longer than " + max + " bytes");
            line.append((char) (b & 0xff));
        }
    }

    /** Like {@link InputStream#read(byte[], int, int)}. */
    int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (pos < limit) {
            int n = Math.min(len, limit - pos);
            System.arraycopy(buffer, pos, b, off, n);
            pos += n;
            return n;
        }
        if (len >= BUFFER) return raw.read(b, off, len);
        if (!fill()) return -1;
        return read(b, off, len);
    }

    private boolean fill() throws IOException {
        int n = raw.read(buffer, 0, BUFFER);
        if (n <= 0) return false;
        pos = 0;
        limit = n;
        return true;
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
