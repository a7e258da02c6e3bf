package io.nightwatch.alerts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Decodes a chunked body as its bytes arrive, into at most {@code limit} bytes. */
final class ChunkedDecoder {

    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private enum State { SIZE, DATA, DATA_END, TRAILER, DONE }

    private static final int MAX_LINE = 1024;

    private final ByteArrayOutputStream body;
    private final int limit;
    private final StringBuilder line = new StringBuilder();
    private State state = State.SIZE;
    private long remaining;
    private boolean tooLarge;

    ChunkedDecoder(ByteArrayOutputStream body, int limit) {
        this.body = body;
        this.limit = limit;
    }

    boolean done() { return state == State.DONE; }

    /** The decoded body passed the limit; the caller stops reading it. */
    boolean tooLarge() { return tooLarge; }

    void feed(ByteBuffer in) throws Malformed {
        while (in.hasRemaining() && state != State.DONE && !tooLarge) {
            switch (state) {
                case SIZE, DATA_END, TRAILER -> {
                    String l = readLine(in);
                    if (l == null) return;
                    next(l);
                }
                case DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    if (body.size() + n > limit) {
                        tooLarge = true;
                        return;
                    }
                    body.write(in.array(), in.arrayOffset() + in.position(), n);
                    in.position(in.position() + n);
                    remaining -= n;
                    if (remaining == 0) state = State.DATA_END;
                }
                default -> { }
            }
        }
    }

    private void next(String l) throws Malformed {
        switch (state) {
            case SIZE -> {
                String hex = l.contains(";") ? l.substring(0, l.indexOf(';')) : l;
                hex = hex.trim();
                if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    throw new Malformed("malformed chunk size"); // tool text
                }
                remaining = Long.parseLong(hex, 16);
                state = remaining == 0 ? State.TRAILER : State.DATA;
            }
            case DATA_END -> {
                if (!l.isEmpty()) throw new Malformed("chunk data longer than its size"); // tool text
                state = State.SIZE;
            }
            case TRAILER -> {
                if (l.isEmpty()) state = State.DONE;
            }
            default -> { }
        }
    }

    /** A CRLF-terminated line without its CRLF, or null when it has not all arrived. */
    private String readLine(ByteBuffer in) throws Malformed {
        while (in.hasRemaining()) {
            char c = (char) (in.get() & 0xff);
            if (c == '\n') {
                int end = line.length();
                if (end == 0 || line.charAt(end - 1) != '\r') throw new Malformed("chunk line not ended by CRLF"); // tool text
                String l = line.substring(0, end - 1);
                line.setLength(0);
                return l;
            }
            if (line.length() >= MAX_LINE) throw new Malformed("chunk line too long"); // tool text
            line.append(c);
        }
        return null;
    }
}
