package io.nightwatch.runbook.recovery;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.health.ContainerDeath;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.redact.Redactor;
import io.nightwatch.store.CrashLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the last lines of every container that dies, read from the engine the moment the event stream reports the
 * death, in the alert history: a restart policy or a recreate leaves nothing of the log that explains a crash, and
 * collector-crash and redis-down show what was kept. Reads run on one thread of their own with a short queue, so a
 * crash loop costs bounded work and never holds up the event stream.
 */
public final class CrashLineRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrashLineRecorder.class);
    static final Duration READ_WITHIN = Duration.ofSeconds(3);
    private static final int QUEUE = 16;

    private final CrashLines store;
    private final ThreadPoolExecutor reader;

    private CrashLineRecorder(CrashLines store) {
        this.store = store;
        this.reader = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "nightwatch-crash-lines");
            t.setDaemon(true);
            return t;
        }, (r, pool) -> LOG.debug("crash lines dropped: {} deaths already queued", QUEUE));
    }

    /** Starts keeping the crash lines of every engine {@code health} watches (from its {@link HealthMonitor#start}). */
    public static CrashLineRecorder attach(HealthMonitor health, CrashLines store) {
        CrashLineRecorder recorder = new CrashLineRecorder(store);
        health.addDeathListener(recorder::died);
        return recorder;
    }

    void died(ContainerDeath death) {
        if (reader.isShutdown()) return;
        reader.execute(() -> {
            try {
                store.record(read(death));
            } catch (RuntimeException e) {
                LOG.warn("the last lines of {} were not kept: {}", death.event().containerName(), e.getMessage());
            }
        });
    }

    /** The container's last lines and how it ended; the exit code from the event, else from the container. */
    static CrashLines.Crash read(ContainerDeath death) {
        String id = death.event().containerId();
        Optional<ContainerFacts> facts = Optional.empty();
        try {
            facts = death.gateway().inspect(id);
        } catch (RuntimeException e) {
            LOG.debug("inspecting {} after its death failed: {}", death.event().containerName(), e.getMessage());
        }
        int exit = death.event().exitCode().matches("-?\\d{1,9}") ? Integer.parseInt(death.event().exitCode())
                : facts.map(ContainerFacts::exitCode).orElse(-1);
        boolean oom = facts.map(ContainerFacts::oomKilled).orElse(false);
        List<String> lines;
        try {
            lines = death.gateway().tailLogs(id, CrashLines.MAX_LINES, READ_WITHIN);
        } catch (RuntimeException e) {
            // Removed with it (docker rm -f): the death is kept without lines, so an earlier death's lines stay the ones shown.
            LOG.debug("the log of {} was unreadable at its death: {}", death.event().containerName(), e.getMessage());
            lines = List.of();
        }
        // Redacted as one text, so a secret spread over lines (a PEM key) is recognised too.
        List<String> clean = lines.isEmpty() ? List.of() : List.of(Redactor.clean(String.join("\n", lines)).split("\n", -1));
        String shortId = id.length() > 12 ? id.substring(0, 12) : id;
        return new CrashLines.Crash(death.host(), death.serviceName(), shortId, death.event().time(), exit, oom, clean);
    }

    @Override
    public void close() {
        reader.shutdown();
        try {
            // A death being written now is finished, so it is not lost with the store closing after us.
            reader.awaitTermination(READ_WITHIN.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.shutdownNow();
    }
}
