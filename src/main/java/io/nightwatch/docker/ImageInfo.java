package io.nightwatch.docker;

import java.time.Instant;
import java.util.List;

/** An image the engine holds locally: its id, the names it is tagged with, when it was built and its size. */
public record ImageInfo(String id, List<String> tags, Instant created, long sizeBytes) {

    public ImageInfo {
        tags = List.copyOf(tags);
    }
}
