package io.nightwatch.runbook.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A pipe of a few large buffers between the packer's thread and the reader: the packer fills one buffer while the
 * reader sends another, so reading, hashing and sending overlap. (java.io's PipedInputStream hands over in lockstep:
 * the writer fills the whole pipe, then waits until the reader has emptied it.) Memory stays at {@code buffers × size}.
 * A failure of the packer reaches the reader as an {@link IOException} after the bytes written before it, never as a
 * clean end.
 */
final class BufferPipe {

    private record Chunk(byte[] data, int length, IOException failure) {}

    private static final Chunk END = new Chunk(null, 0, null);

    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Chunk> filled;
    private volatile boolean readerClosed;
    private volatile Thread writerThread;

    BufferPipe(int buffers, int size) {
        free = new ArrayBlockingQueue<>(buffers);
        filled = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) free.add(new byte[size]);
    }

    /** The writing end; {@link Sink#fail} ends the stream with an error instead of {@link Sink#close}. */
    Sink sink() { return new Sink(); }

    /** The reading end; closing it early makes the writer's next write fail, so the packer stops. */
    InputStream source() { return new Source(); }

    final class Sink extends OutputStream {
        private byte[] buffer;
        private int length;
        private boolean ended;

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (ended) throw new IOException("pipe closed");
            while (len > 0) {
                if (buffer == null) buffer = take();
                int n = Math.min(len, buffer.length - length);
                System.arraycopy(b, off, buffer, length, n);
                length += n;
                off += n;
                len -= n;
                if (length == buffer.length) hand();
            }
        }

        /**
         * Reads at most {@code max} bytes of {@code ch} straight into the pipe's current buffer (no copy in between),
         * each byte also given to {@code sha} when there is one. @return the bytes read, -1 at the end of {@code ch}
         */
        int readFrom(FileChannel ch, int max, MessageDigest sha) throws IOException {
            if (ended) throw new IOException("pipe closed");
            if (buffer == null) buffer = take();
            int n = ch.read(ByteBuffer.wrap(buffer, length, Math.min(max, buffer.length - length)));
            if (n > 0) {
                if (sha != null) sha.update(buffer, length, n);
                length += n;
                if (length == buffer.length) hand();
            }
            return n;
        }

        private byte[] take() throws IOException {
            writerThread = Thread.currentThread();
            if (readerClosed) throw new IOException("the reader went away");
            try {
                return free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(readerClosed ? "the reader went away" : "interrupted while packing");
            }
        }

        private void hand() throws IOException {
            put(new Chunk(buffer, length, null));
            buffer = null;
            length = 0;
        }

        private void put(Chunk c) throws IOException {
            if (readerClosed) throw new IOException("the reader went away");
            try {
                filled.put(c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while packing");
            }
        }

        /** The end of a whole stream. */
        @Override
        public void close() throws IOException {
            if (ended) return;
            if (length > 0) hand();
            ended = true;
            put(END);
        }

        /** Ends the stream with {@code failure}: the reader gets it after the bytes handed over so far. */
        void fail(IOException failure) {
            if (ended) return;
            ended = true;
            // never blocks: the queue holds one place more than there are buffers, for the end
            filled.offer(new Chunk(null, 0, failure));
        }
    }

    private final class Source extends InputStream {
        private Chunk current;
        private int pos;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (readerClosed) throw new IOException("stream closed");
            if (len == 0) return 0;
            if (current == null || (current.data != null && pos == current.length)) {
                if (current != null) free.offer(current.data);
                try {
                    current = filled.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the packed files");
                }
                pos = 0;
            }
            if (current.failure != null) throw current.failure;
            if (current.data == null) return -1;
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current.data, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            if (readerClosed) return;
            readerClosed = true;
            Thread w = writerThread;
            if (w != null) w.interrupt(); // a writer waiting for a free buffer would wait forever
        }
    }
}
