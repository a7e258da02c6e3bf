package io.nightwatch.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream on its own thread into a few fixed buffers, so the producer on the other side keeps going while the
 * consumer writes files or the socket: done one after the other, the engine (or the packer) waits at every turn and
 * the copy runs at half speed. Memory stays at {@code buffers × size}. A failure of the source reaches the consumer as
 * the same exception, after the bytes read before it.
 */
final class ReadAhead extends InputStream {

    private record Chunk(byte[] data, int length, IOException failure) {
        boolean end() { return data == null && failure == null; }
    }

    private static final Chunk END = new Chunk(null, 0, null);

    private final InputStream source;
    private final boolean closeSource;
    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Chunk> filled;
    private final Thread reader;
    private Chunk current;
    private int pos;
    private volatile boolean closed;

    /** @param closeSource whether {@link #close()} closes the source too (which also unblocks a read in progress) */
    ReadAhead(InputStream source, int buffers, int size, boolean closeSource, String name) {
        this.source = source;
        this.closeSource = closeSource;
        this.free = new ArrayBlockingQueue<>(buffers);
        this.filled = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) free.add(new byte[size]);
        this.reader = new Thread(this::fill, name);
        reader.setDaemon(true);
        reader.start();
    }

    private void fill() {
        try {
            while (!closed) {
                byte[] buffer = free.take();
                int n = 0;
                int r = 0;
                while (n < buffer.length && (r = source.read(buffer, n, buffer.length - n)) >= 0) n += r;
                if (n > 0) filled.put(new Chunk(buffer, n, null));
                if (r < 0) {
                    filled.put(END);
                    return;
                }
            }
        } catch (IOException e) {
            filled.offer(new Chunk(null, 0, e));
        } catch (InterruptedException e) {
            // closed by the consumer
        } catch (RuntimeException e) {
            filled.offer(new Chunk(null, 0, new IOException(e.getMessage(), e)));
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) throw new IOException("stream closed");
        if (len == 0) return 0;
        if (current == null || (current.data != null && pos == current.length)) {
            if (current != null) free.offer(current.data);
            try {
                current = filled.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while copying");
            }
            pos = 0;
        }
        if (current.failure != null) throw current.failure;
        if (current.end()) return -1;
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current.data, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        reader.interrupt();
        if (closeSource) source.close();
    }
}
