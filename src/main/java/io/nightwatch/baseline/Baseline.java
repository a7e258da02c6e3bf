package io.nightwatch.baseline;

import io.nightwatch.text.Texts;
import java.time.Duration;
import java.time.Instant;

/** The query latency a service showed on one image: p50/p95 of {@code samples} rounds between {@code from} and {@code to}. */
public record Baseline(String serviceId, String image, int samples, Duration p50, Duration p95, Instant from, Instant to) {

    private static final Texts T = Texts.of(Baseline.class);

    /** "p50 12 ms, p95 40 ms over 1 440 rounds of prom/prometheus:v2.51.0". */
    public String words() {
        return T.get("baseline.words", p50.toMillis(), p95.toMillis(), samples, image);
    }
}
