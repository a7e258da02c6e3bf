package io.nightwatch.audit;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.ExecUnavailableException;

import java.time.Duration;
import java.util.List;

import static io.nightwatch.audit.Words.plain;
import static io.nightwatch.audit.Words.say;

/**
 * Size and free space of a data path, measured inside its container with {@code df -Pk} (busybox and coreutils
 * both speak it), as the flow monitor's disk watcher does.
 *
 * @param problem none when measured; else why not (no df in the image, not running)
 */
record VolumeSpace(long sizeBytes, long usedBytes, long freeBytes, Words problem) {

    /** With a problem that reads the same in every language ("" when measured). */
    VolumeSpace(long sizeBytes, long usedBytes, long freeBytes, String problem) {
        this(sizeBytes, usedBytes, freeBytes, Words.plain(problem));
    }

    boolean measured() { return problem.isBlank(); }

    double freeFraction() { return sizeBytes <= 0 ? 0 : (double) freeBytes / sizeBytes; }

    static VolumeSpace measure(DockerGateway engine, String container, String path, Duration timeout) {
        try {
            ExecResult r = engine.exec(container, List.of("df", "-Pk", path), timeout);
            long[] v = parse(r.stdout());
            if (!r.succeeded() || v == null) return failed("volume.dfFailed", (r.stderr() + r.stdout()).strip(), 189);
            return new VolumeSpace(v[0], v[1], v[2], Words.NONE);
        } catch (ExecUnavailableException e) {
            return failed("volume.noDf", container + ": " + e.getMessage(), 183);
        }
    }

    /** {@code room}: what the English words leave of 200 characters for the detail. */
    private static VolumeSpace failed(String key, String detail, int room) {
        return new VolumeSpace(0, 0, 0, say(key, detail.length() > room ? detail.substring(0, room) : detail));
    }

    /** {size, used, available} in bytes from the last line of {@code df -Pk}; null when it is not that. */
    static long[] parse(String output) {
        String[] lines = output.strip().split("\n");
        if (lines.length < 2) return null;
        String[] f = lines[lines.length - 1].trim().split("\\s+");
        if (f.length < 6) return null;
        try {
            return new long[] {Long.parseLong(f[1]) * 1024, Long.parseLong(f[2]) * 1024, Long.parseLong(f[3]) * 1024};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
