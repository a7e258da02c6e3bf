package io.nightwatch.runbook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A journal channel that behaves like a full disk once {@code full} is set: the first write after that stores a
 * few bytes (a partial write, as with ENOSPC), every later write and force fails. Root ignores file permissions
 * and no small tmpfs is available, so this is how the tests fill the disk.
 */
final class FailingChannel extends FileChannel {

    private final FileChannel delegate;
    private final AtomicBoolean full;
    private final AtomicInteger forces;
    private boolean partialDone;

    private FailingChannel(FileChannel delegate, AtomicBoolean full, AtomicInteger forces) {
        this.delegate = delegate;
        this.full = full;
        this.forces = forces;
    }

    static JournalChannels opener(AtomicBoolean full) {
        return opener(full, new AtomicInteger());
    }

    /** Also counts successful {@code force} calls. */
    static JournalChannels opener(AtomicBoolean full, AtomicInteger forces) {
        return (Path file, OpenOption... options) -> new FailingChannel(FileChannel.open(file, options), full, forces);
    }

    private void checkSpace() throws IOException {
        if (full.get()) throw new IOException("No space left on device");
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (full.get() && !partialDone && src.remaining() > 5) {
            partialDone = true;
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + 5);
            int n = delegate.write(part);
            src.position(src.position() + n);
            return n;
        }
        checkSpace();
        return delegate.write(src);
    }

    @Override
    public void force(boolean metaData) throws IOException {
        checkSpace();
        delegate.force(metaData);
        forces.incrementAndGet();
    }

    @Override public int read(ByteBuffer dst) throws IOException { return delegate.read(dst); }
    @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return delegate.read(dsts, offset, length); }
    @Override public long write(ByteBuffer[] srcs, int offset, int length) throws IOException { checkSpace(); return delegate.write(srcs, offset, length); }
    @Override public long position() throws IOException { return delegate.position(); }
    @Override public FileChannel position(long p) throws IOException { delegate.position(p); return this; }
    @Override public long size() throws IOException { return delegate.size(); }
    @Override public FileChannel truncate(long size) throws IOException { delegate.truncate(size); return this; }
    @Override public long transferTo(long position, long count, WritableByteChannel target) throws IOException { return delegate.transferTo(position, count, target); }
    @Override public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException { checkSpace(); return delegate.transferFrom(src, position, count); }
    @Override public int read(ByteBuffer dst, long position) throws IOException { return delegate.read(dst, position); }
    @Override public int write(ByteBuffer src, long position) throws IOException { checkSpace(); return delegate.write(src, position); }
    @Override public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException { return delegate.map(mode, position, size); }
    @Override public FileLock lock(long position, long size, boolean shared) throws IOException { return delegate.lock(position, size, shared); }
    @Override public FileLock tryLock(long position, long size, boolean shared) throws IOException { return delegate.tryLock(position, size, shared); }
    @Override protected void implCloseChannel() throws IOException { delegate.close(); }
}
