package io.nightwatch.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One canary round trip: something uniquely tagged was pushed in and looked for on the far side.
 *
 * @param roundTrip how long until it was seen; empty when it did not arrive (then the state is STALLED)
 */
public record CanaryResult(String name, String serviceId, FlowState state, Optional<Duration> roundTrip, String detail,
                           Instant at) {}
