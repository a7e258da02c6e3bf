package io.nightwatch.flow;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A stage of one service at one moment.
 *
 * @param value   per second for counters, the level itself for LEVEL stages; empty when unknown
 * @param detail  one line for a person: why STALLED, what failed, per-label breakdown
 * @param history recent values for the sparkline
 */
public record StageStatus(String serviceId, String serviceName, String host, StageSpec spec, FlowState state,
                          OptionalDouble value, String detail, Series history, Instant at) {

    public String id() { return serviceId + "#" + spec.key(); }
}
