package io.nightwatch.docker;

/** Live memory use of a container as the engine measures it (page cache that can be dropped is not counted). */
public record MemoryUsage(long usedBytes, long limitBytes) {
    public double fractionOfLimit() {
        return limitBytes <= 0 ? 0 : (double) usedBytes / limitBytes;
    }
}
