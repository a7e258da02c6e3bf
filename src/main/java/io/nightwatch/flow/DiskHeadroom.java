package io.nightwatch.flow;

import java.time.Duration;
import java.util.Optional;

/**
 * Free space where a service keeps its data, and when it runs out at the current growth.
 *
 * @param timeToFull empty when usage is flat or shrinking, or too few samples exist yet
 * @param used       bytes used over time, for the trend line
 */
public record DiskHeadroom(String serviceId, String path, long sizeBytes, long freeBytes, Optional<Duration> timeToFull,
                           Series used, String problem) {

    public double freeFraction() {
        return sizeBytes <= 0 ? 0 : (double) freeBytes / sizeBytes;
    }
}
