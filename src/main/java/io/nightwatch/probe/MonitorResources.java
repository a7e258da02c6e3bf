package io.nightwatch.probe;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads and the HTTP client every monitor shares (health, flow, probes, canaries): one small scheduler for
 * the rounds, one worker pool for the blocking reads they fan out, and one OkHttp client whose connection pool
 * keeps connections alive across monitors (a probe and a metrics read of the same service reuse one socket).
 * A thread pool per monitor kept a dozen idle threads and a connection pool each; an idle console wants neither.
 * <p>
 * Rounds wait for workers, never the other way round, so the two pools cannot starve each other.
 */
public final class MonitorResources implements AutoCloseable {

    /** Bounds of the worker pool: a fleet queues its reads rather than spawning hundreds of threads. */
    private static final int MIN_WORKERS = 4;
    private static final int MAX_WORKERS = 32;

    private final ScheduledThreadPoolExecutor rounds;
    private final ThreadPoolExecutor workers;
    private final OkHttpClient http;

    /**
     * @param hosts    how many engines are polled: one round thread each plus one for the flow rounds, so a round
     *                 blocked on a slow engine never holds back another
     * @param services how many services the monitors watch (sizes the worker pool)
     */
    public MonitorResources(int hosts, int services) {
        this.rounds = new ScheduledThreadPoolExecutor(Math.max(1, hosts) + 1, daemon("nightwatch-round"));
        rounds.setRemoveOnCancelPolicy(true);
        // twice the services: a round's memory samples (a second each on engines before API 1.41) and probes may all be
        // under way when an engine event asks for a re-check, which must still start at once (a death shows within 500 ms)
        int size = Math.min(MAX_WORKERS, 2 * Math.max(MIN_WORKERS, services));
        this.workers = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("nightwatch-work"));
        workers.allowCoreThreadTimeOut(true); // a quiet minute (no monitors started, a one-shot check) leaves no threads
        this.http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(Math.max(5, Math.min(MAX_WORKERS, services)), 2, TimeUnit.MINUTES))
                .retryOnConnectionFailure(false)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
    }

    /** Where rounds run (health polls, flow rounds, rescans). */
    public ScheduledExecutorService rounds() { return rounds; }

    /** Where the blocking reads of a round run (probes, inspects, stats, metrics reads, canaries). */
    public ExecutorService workers() { return workers; }

    /**
     * The shared client; callers derive theirs with {@code http().newBuilder()…build()}, which keeps the connection
     * pool and dispatcher and only changes timeouts.
     */
    public OkHttpClient http() { return http; }

    @Override
    public void close() {
        rounds.shutdownNow();
        workers.shutdownNow();
        http.connectionPool().evictAll();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
