package io.nightwatch.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.DockerGateway;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows one container's log stream from the engine and counts its error-level lines. Re-attaches when the
 * stream ends (container restarted, engine back), from the last moment it saw, so no line is counted twice.
 */
final class LogErrorWatcher implements Closeable {

    private static final Texts T = Texts.of(LogErrorWatcher.class);

    static final int KEPT_LINES = 20;

    private final String serviceId;
    private volatile String container;
    private final RingSeries history;
    private final AtomicLong errors = new AtomicLong();
    private final Deque<String> lastLines = new ArrayDeque<>();
    private volatile Closeable stream;
    private volatile String problem = "";
    private long countedAtLastRound;
    private long lastRoundMillis;
    private long followingSince;

    LogErrorWatcher(String serviceId, String container, int historyPoints) {
        this.serviceId = serviceId;
        this.container = container;
        this.history = new RingSeries(historyPoints);
    }

    /**
     * A Swarm service's task was replaced: follow the new task's container, keeping the counts and history (they
     * belong to the service, not to a container).
     */
    void retarget(String newContainer) {
        if (newContainer.equals(container)) return;
        container = newContainer;
        Closeable old = stream;
        stream = null;
        if (old != null) {
            try {
                old.close();
            } catch (java.io.IOException ignored) {
                // the old task's stream is dropped anyway
            }
        }
    }

    /** Attaches if not attached (and the container runs). Lines from before {@code since} are not counted. */
    void ensureFollowing(DockerGateway gateway, Instant since) {
        if (stream != null) return;
        long from = Math.max(since.getEpochSecond(), followingSince);
        try {
            stream = gateway.followLogs(container, from, this::onLine, this::onEnd);
            problem = "";
            followingSince = Instant.now().getEpochSecond();
        } catch (RuntimeException e) { // engine unreachable, container gone
            problem = T.get("log.stream", e.getMessage());
        }
    }

    private void onLine(String line) {
        if (!ErrorLines.isError(line)) return;
        errors.incrementAndGet();
        String shown = line.length() > 500 ? line.substring(0, 500) + "…" : line;
        synchronized (lastLines) {
            lastLines.addLast(shown);
            while (lastLines.size() > KEPT_LINES) lastLines.removeFirst();
        }
    }

    private void onEnd(Throwable why) {
        stream = null;
    }

    /** Closes a round: the error rate since the previous one. */
    ContainerErrors round(Instant at) {
        long now = at.toEpochMilli();
        long total = errors.get();
        double rate = lastRoundMillis == 0 || now <= lastRoundMillis ? 0 : (total - countedAtLastRound) * 1000.0 / (now - lastRoundMillis);
        countedAtLastRound = total;
        lastRoundMillis = now;
        history.add(now, rate);
        List<String> lines;
        synchronized (lastLines) {
            lines = new ArrayList<>(lastLines);
        }
        return new ContainerErrors(serviceId, container, rate, total, lines, history.snapshot(), problem);
    }

    @Override
    public void close() {
        Closeable s = stream;
        stream = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // dropping the stream anyway
            }
        }
    }
}
