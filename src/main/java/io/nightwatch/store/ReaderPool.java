package io.nightwatch.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Connections for readers (GUI, CLI, exports). In WAL mode readers see the last commit and never wait for the
 * writer, so searches stay responsive during a webhook burst. Opened on demand, at most {@link #MAX} at once.
 */
final class ReaderPool implements AutoCloseable {

    static final int MAX = 4;

    interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    /** How a reading connection is opened: {@link Sqlite#reader} beside the writer, {@link Sqlite#readOnly} alone. */
    interface Opener {
        Connection open(Path file) throws SQLException;
    }

    private final Path file;
    private final Opener opener;
    private final Semaphore permits = new Semaphore(MAX, true);
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    ReaderPool(Path file) {
        this(file, Sqlite::reader);
    }

    ReaderPool(Path file, Opener opener) {
        this.file = file;
        this.opener = opener;
    }

    <T> T read(Read<T> read) {
        if (closed) throw new StoreException("the alert history " + file + " is closed");
        permits.acquireUninterruptibly();
        Connection c = null;
        try {
            c = idle.poll();
            if (c == null) c = opener.open(file);
            T result = read.run(c);
            idle.add(c);
            c = null;
            return result;
        } catch (SQLException e) {
            throw Sql.fileError(file, e);
        } finally {
            if (c != null) Sqlite.closeQuietly(c); // failed mid-read: do not hand a doubtful connection out again
            permits.release();
            if (closed) drain();
        }
    }

    @Override
    public void close() {
        closed = true;
        drain();
    }

    private void drain() {
        for (Connection c; (c = idle.poll()) != null; ) Sqlite.closeQuietly(c);
    }
}
