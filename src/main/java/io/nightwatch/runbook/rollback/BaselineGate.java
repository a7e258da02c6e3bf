package io.nightwatch.runbook.rollback;

import io.nightwatch.baseline.Baseline;
import io.nightwatch.baseline.BaselineSettings;
import io.nightwatch.baseline.OffBaseline;
import io.nightwatch.baseline.PerformanceRecords;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;

import io.nightwatch.text.Texts;
import java.time.Duration;
import java.util.Optional;

/**
 * The gate's second measure: the new image's query time against the old image's recorded baseline, not only the fixed
 * limit (a new Prometheus answering in 1 s passes a 2 s limit yet is 20× slower than before). Compared only where the
 * gate times the same query the baseline recorder does (Prometheus {@code up}, Redis {@code PING}, Grafana health).
 */
final class BaselineGate {

    private static final Texts T = Texts.of(BaselineGate.class);

    /** Whether the new image is too slow against the old one's baseline, and the words for the step's output. */
    record Judgement(boolean tooSlow, String words) {}

    private BaselineGate() {}

    static boolean comparable(ServiceSpec s) {
        return s.kind() == ServiceKind.PROMETHEUS || s.kind() == ServiceKind.REDIS || s.kind() == ServiceKind.GRAFANA;
    }

    static Judgement judge(PerformanceRecords records, ServiceSpec s, String oldImage, Duration median) {
        if (!comparable(s)) return new Judgement(false, T.get("baseline.notComparable", s.kind().id()));
        if (oldImage.isBlank()) return new Judgement(false, T.get("baseline.oldUnknown"));
        Optional<Baseline> old = records.baseline(s.id(), oldImage);
        if (old.isEmpty()) return new Judgement(false, T.get("baseline.none", oldImage));
        Optional<OffBaseline> off = OffBaseline.judge(old.get(), median, BaselineSettings.DEFAULT);
        String base = T.get("baseline.base", old.get().p95().toMillis(), old.get().samples(), oldImage);
        return off.map(o -> new Judgement(true, T.get("baseline.tooSlow", Math.round(o.factor()), base)))
                .orElseGet(() -> new Judgement(false, T.get("baseline.within", (int) BaselineSettings.DEFAULT.offFactor(), base)));
    }
}
