package io.nightwatch.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.ContainerShell;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineUnreachableException;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.ExecUnavailableException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Measures a data volume with {@code df -Pk PATH} (busybox and coreutils both understand it) and estimates the time
 * to full from the growth trend (least squares over the kept history). Lean images have no {@code df} binary: then
 * {@code sh -c} inside the container (busybox runs its applets), else a helper container of the host's helper
 * image with {@code --volumes-from}. When nothing works, the headroom says why it cannot be measured.
 */
final class DiskWatcher {

    private static final Texts T = Texts.of(DiskWatcher.class);

    /** A trend needs a few points over some time before it means anything. */
    static final int MIN_POINTS = 3;
    static final Duration MIN_SPAN = Duration.ofSeconds(30);
    static final Duration HELPER_TIME = Duration.ofSeconds(10);

    private final String serviceId;
    private volatile String container;
    private final String path;
    private final RingSeries used;
    private final Optional<String> helperImage;
    private DiskHeadroom last;

    DiskWatcher(String serviceId, String container, String path, int historyPoints) {
        this(serviceId, container, path, historyPoints, Optional.empty());
    }

    DiskWatcher(String serviceId, String container, String path, int historyPoints, Optional<String> helperImage) {
        this.helperImage = helperImage;
        this.serviceId = serviceId;
        this.container = container;
        this.path = path;
        this.used = new RingSeries(historyPoints);
        this.last = new DiskHeadroom(serviceId, path, 0, 0, Optional.empty(), Series.EMPTY, T.get("disk.notMeasured"));
    }

    DiskHeadroom last() { return last; }

    /** A Swarm service's task was replaced: measure in the new task's container, keeping the history. */
    void retarget(String newContainer) {
        container = newContainer;
    }

    DiskHeadroom measure(DockerGateway gateway, Instant at, Duration timeout) {
        try {
            ExecResult r = df(gateway, timeout);
            Optional<long[]> sizes = parseDf(r.stdout());
            if (!r.succeeded() || sizes.isEmpty()) {
                last = unmeasured(T.get("disk.dfFailed", r.timedOut() ? T.get("disk.noAnswer", timeout.toSeconds()) : (r.stderr() + r.stdout()).strip()));
                return last;
            }
            long size = sizes.get()[0];
            long usedBytes = sizes.get()[1];
            long free = sizes.get()[2];
            used.add(at.toEpochMilli(), usedBytes);
            Series series = used.snapshot();
            last = new DiskHeadroom(serviceId, path, size, free, timeToFull(series, free), series, "");
        } catch (ExecUnavailableException e) {
            last = unmeasured(T.get("disk.cannotMeasure", e.getMessage()));
        } catch (EngineUnreachableException e) {
            last = unmeasured(e.getMessage());
        }
        return last;
    }

    /** The df binary, else the container's shell, else a helper container: the first that can run it. */
    private ExecResult df(DockerGateway gateway, Duration timeout) throws ExecUnavailableException {
        try {
            return gateway.exec(container, List.of("df", "-Pk", path), timeout);
        } catch (ExecUnavailableException noDf) {
            // A helper container takes a second or two to start: give it that much.
            Duration generous = timeout.compareTo(HELPER_TIME) < 0 ? HELPER_TIME : timeout;
            return new ContainerShell(gateway, helperImage).inRunning(container, path, "df -Pk \"$1\"", List.of(path), generous).result();
        }
    }

    private DiskHeadroom unmeasured(String problem) {
        return new DiskHeadroom(serviceId, path, last.sizeBytes(), last.freeBytes(), last.timeToFull(), last.used(), problem);
    }

    /** {size, used, available} in bytes from the second line of {@code df -Pk}. */
    static Optional<long[]> parseDf(String output) {
        String[] lines = output.strip().split("\n");
        if (lines.length < 2) return Optional.empty();
        String[] fields = lines[lines.length - 1].trim().split("\\s+");
        if (fields.length < 6) return Optional.empty();
        try {
            return Optional.of(new long[] {Long.parseLong(fields[1]) * 1024, Long.parseLong(fields[2]) * 1024,
                    Long.parseLong(fields[3]) * 1024});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Free bytes divided by the least-squares growth in bytes per second; empty when not growing. */
    static Optional<Duration> timeToFull(Series usedSeries, long freeBytes) {
        long[] t = usedSeries.epochMillis();
        double[] v = usedSeries.values();
        int n = 0;
        double sumT = 0, sumV = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) continue;
            n++;
            sumT += (t[i] - t[0]) / 1000.0;
            sumV += v[i];
        }
        if (n < MIN_POINTS || t[t.length - 1] - t[0] < MIN_SPAN.toMillis()) return Optional.empty();
        double meanT = sumT / n, meanV = sumV / n, num = 0, den = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) continue;
            double dt = (t[i] - t[0]) / 1000.0 - meanT;
            num += dt * (v[i] - meanV);
            den += dt * dt;
        }
        if (den == 0) return Optional.empty();
        double bytesPerSecond = num / den;
        if (bytesPerSecond <= 1) return Optional.empty();
        return Optional.of(Duration.ofSeconds((long) Math.min(freeBytes / bytesPerSecond, Duration.ofDays(3650).toSeconds())));
    }
}
