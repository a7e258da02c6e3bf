package io.nightwatch.runbook.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads, every so often, when each stateful service was last backed up into a verified set, and tells its listeners
 * (the alert service raises NightwatchBackupOverdue, the dashboard shows the tiles' backup line). It knows nothing of
 * them: the backup package stays below the alerts and the window. One daemon thread; the first reading at {@link #start}.
 */
public final class BackupWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupWatcher.class);

    private final java.util.function.Supplier<List<String>> services;
    private final Path root;
    private final Duration rpo;
    private final Duration every;
    private final Clock clock;
    private final List<Consumer<BackupAges>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nightwatch-backup-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile BackupAges latest;

    /** @param services the stateful services to watch; {@code root} the backup sets' folder (missing: no sets yet) */
    public BackupWatcher(List<String> services, Path root, Duration rpo, Duration every, Clock clock) {
        this(fixed(services), root, rpo, every, clock);
    }

    /** As above, the services asked at each reading: one marked not deployed drops out (and its overdue alert resolves). */
    public BackupWatcher(java.util.function.Supplier<List<String>> services, Path root, Duration rpo, Duration every, Clock clock) {
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("the backup check interval must be positive, not " + every);
        this.services = services;
        this.root = root;
        this.rpo = rpo;
        this.every = every;
        this.clock = clock;
    }

    /** Add listeners before {@link #start} so none misses the first reading. Called on the watcher's thread. */
    public void addListener(Consumer<BackupAges> listener) { listeners.add(listener); }

    public void removeListener(Consumer<BackupAges> listener) { listeners.remove(listener); }

    public Path root() { return root; }

    /** The last reading, if one was made. */
    public Optional<BackupAges> latest() { return Optional.ofNullable(latest); }

    /** Reads now and every {@code every} after. */
    public void start() {
        timer.scheduleWithFixedDelay(this::readQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One reading now, handed to every listener (a failing listener does not keep it from the others). */
    public BackupAges readNow() throws IOException {
        BackupAges read = BackupAges.read(services.get(), root, rpo, clock.instant());
        latest = read;
        for (Consumer<BackupAges> l : listeners) {
            try {
                l.accept(read);
            } catch (RuntimeException e) {
                LOG.warn("a backup listener failed", e);
            }
        }
        return read;
    }

    private static java.util.function.Supplier<List<String>> fixed(List<String> services) {
        List<String> copy = List.copyOf(services);
        return () -> copy;
    }

    private void readQuietly() {
        try {
            readNow();
        } catch (IOException | RuntimeException e) {
            LOG.warn("backup check of {} failed: {}", root, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
