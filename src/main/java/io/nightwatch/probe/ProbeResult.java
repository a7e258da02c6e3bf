package io.nightwatch.probe;

import java.time.Duration;
import java.util.Optional;

/**
 * The verdict of one probe.
 *
 * @param detail   one short human line, e.g. "/ready returns 503" or "PONG"
 * @param fallback why earlier transports were not used, e.g. "127.0.0.1:9090 refused" (empty for direct)
 */
public record ProbeResult(ProbeOutcome outcome, ProbeTransport transport, Optional<Duration> latency, String detail,
                          String fallback) {

    public static ProbeResult of(ProbeOutcome outcome, ProbeTransport transport, Duration latency, String detail) {
        return new ProbeResult(outcome, transport, Optional.ofNullable(latency), detail, "");
    }

    public static ProbeResult unreachable(ProbeTransport transport, String why) {
        return new ProbeResult(ProbeOutcome.UNREACHABLE, transport, Optional.empty(), why, "");
    }

    public static ProbeResult notProbed(String why) {
        return new ProbeResult(ProbeOutcome.NOT_PROBED, ProbeTransport.NONE, Optional.empty(), why, "");
    }

    public boolean healthy() { return outcome == ProbeOutcome.HEALTHY; }

    /** Whether this transport reached the service (so its verdict stands and no fallback is needed). */
    public boolean reached() { return outcome != ProbeOutcome.UNREACHABLE && outcome != ProbeOutcome.NOT_PROBED; }

    public ProbeResult withFallback(String why) {
        return new ProbeResult(outcome, transport, latency, detail, why);
    }
}
