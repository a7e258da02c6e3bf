package io.nightwatch.runbook.rollback;

import java.time.Instant;

/**
 * One image change Nightwatch made to a service: what ran before, what runs now, and the container kept as the way
 * back ("" once removed, or when none was kept).
 */
public record Deployment(Instant at, String host, String service, String container, String fromImage, String fromImageId,
                         String toImage, String toImageId, String runbook, String runId, String keptContainer) {
}
