package io.nightwatch.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The store's only writer: one thread that runs queued writes in batches, one transaction and one fsync
 * (synchronous=FULL) per batch, and completes each caller's future only after that commit.
 *
 * <p>Why: the webhook answers 200 only once {@code record} returns, so a return must mean "on disk". A commit
 * per call costs one fsync per alert; here callers that arrive while a commit is in flight wait for the next
 * one together (group commit), so throughput grows with concurrency while each caller still waits for its own
 * durable commit. No timer: a lone caller is committed at once. One writer also means SQLite never answers
 * BUSY inside this process. Each job runs in its own savepoint, so a failing job fails alone.
 */
final class GroupCommitter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
    private static final int MAX_JOBS_PER_BATCH = 512;

    interface Work<T> {
        T run() throws SQLException;
    }

    private record Job<T>(Work<T> work, CompletableFuture<T> done) {
        void fail(Throwable t) { done.completeExceptionally(t); }
    }

    private static final Job<Void> STOP = new Job<>(() -> null, new CompletableFuture<>());

    private final Path file;
    private final Connection connection;
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    GroupCommitter(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.thread = new Thread(this::loop, "nightwatch-store-writer");
        thread.setDaemon(true); // a JVM exit without close() is a crash SQLite recovers from, not a hang
        thread.start();
    }

    /** Runs the work in the next batch and returns once that batch is committed (or throws). */
    <T> T submit(Work<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        synchronized (this) {
            if (closed) throw new StoreException("the alert history " + file + " is closed");
            queue.add(new Job<>(work, done));
        }
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the alert history; the write may or may not "
                    + "have been committed", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            if (cause instanceof SQLException sql) throw Sql.fileError(file, sql);
            throw new StoreException("alert history " + file + ": " + cause, cause);
        }
    }

    private void loop() {
        List<Job<?>> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_JOBS_PER_BATCH - 1);
            } catch (InterruptedException e) {
                break;
            }
            stopping = batch.remove(STOP);
            if (!batch.isEmpty()) runBatch(batch);
            batch.clear();
        }
    }

    private void runBatch(List<Job<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                for (Job<?> job : batch) results.add(runInSavepoint(s, job));
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException | Error e) {
                rollback(s);
                throw e;
            }
        } catch (SQLException | RuntimeException | Error e) {
            LOG.warn("Alert history {}: a batch of {} writes failed: {}", file, batch.size(), e.toString());
            batch.forEach(job -> job.fail(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) complete(batch.get(i), results.get(i));
    }

    /** @return the job's result, or the Failure it threw (its savepoint rolled back, the batch goes on) */
    private static Object runInSavepoint(Statement s, Job<?> job) throws SQLException {
        s.execute("SAVEPOINT job");
        try {
            Object result = job.work().run();
            s.execute("RELEASE job");
            return result;
        } catch (SQLException | RuntimeException e) {
            s.execute("ROLLBACK TO job");
            s.execute("RELEASE job");
            return new Failure(e);
        }
    }

    private record Failure(Exception error) {}

    @SuppressWarnings("unchecked")
    private static <T> void complete(Job<T> job, Object result) {
        if (result instanceof Failure f) job.fail(f.error());
        else job.done().complete((T) result);
    }

    private void rollback(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("rollback after a failed batch failed", e);
        }
    }

    /** Runs what is queued, then stops the thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
