package io.nightwatch.audit;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.ExecUnavailableException;

import java.time.Duration;
import java.util.List;

/**
 * Size and free space of a data path, measured inside its container with {@code df -Pk} (busybox and coreutils
 * both speak it), as the flow monitor's disk watcher does.
 *
 * @param problem "" when measured; else why not (no df in the image, not running)
 */
record VolumeSpace(long sizeBytes, long usedBytes, long freeBytes, String problem) {

    boolean measured() { return problem.isEmpty(); }

    double freeFraction() { return sizeBytes <= 0 ? 0 : (double) freeBytes / sizeBytes; }

    static VolumeSpace measure(DockerGateway engine, String container, String path, Duration timeout) {
        try {
            ExecResult r = engine.exec(container, List.of("df", "-Pk", path), timeout);
            long[] v = parse(r.stdout());
            if (!r.succeeded() || v == null) return failed("df failed: " + (r.stderr() + r.stdout()).strip());
            return new VolumeSpace(v[0], v[1], v[2], "");
        } catch (ExecUnavailableException e) {
            return failed("cannot run df in " + container + ": " + e.getMessage());
        }
    }

    private static VolumeSpace failed(String why) {
        return new VolumeSpace(0, 0, 0, why.length() > 200 ? why.substring(0, 200) : why);
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
