package io.nightwatch.baseline;

import io.nightwatch.text.Texts;
import java.time.Duration;
import java.util.Optional;

/** A service answering far slower than its baseline: the p95 now, the baseline's, and how many times slower. */
public record OffBaseline(String serviceId, Duration p95Now, Baseline baseline, double factor) {

    private static final Texts T = Texts.of(OffBaseline.class);

    /** Off when now is at least {@code offFactor}× the baseline p95 and {@code offFloor} slower; else empty. */
    public static Optional<OffBaseline> judge(Baseline baseline, Duration p95Now, BaselineSettings settings) {
        double base = Math.max(1e-3, baseline.p95().toNanos() / 1e6);
        double now = p95Now.toNanos() / 1e6;
        double factor = now / base;
        boolean off = factor >= settings.offFactor() && p95Now.minus(baseline.p95()).compareTo(settings.offFloor()) >= 0;
        return off ? Optional.of(new OffBaseline(baseline.serviceId(), p95Now, baseline, factor)) : Optional.empty();
    }

    /** "queries p95 1200 ms, 30× its baseline 40 ms". */
    public String words() {
        return T.get("baseline.off", p95Now.toMillis(), Math.round(factor), baseline.p95().toMillis());
    }
}
