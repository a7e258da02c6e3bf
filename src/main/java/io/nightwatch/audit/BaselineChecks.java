package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Category;
import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.baseline.Availability;
import io.nightwatch.baseline.Baseline;
import io.nightwatch.baseline.PerformanceRecords;
import io.nightwatch.baseline.QueryTimer;
import io.nightwatch.stack.ServiceSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.nightwatch.audit.Words.plain;
import static io.nightwatch.audit.Words.say;

/** Performance baselines and SLOs, from what Nightwatch recorded while it watched (the store) and the profile's targets. */
final class BaselineChecks {

    static final Duration WEEK = Duration.ofDays(7);
    static final Duration MONTH = Duration.ofDays(30);

    private final AuditInputs in;

    BaselineChecks(AuditInputs in) {
        this.in = in;
    }

    /** Whether the image the service runs now has a baseline with enough samples; empty for kinds without a cheap query. */
    Optional<AuditItem> baseline(ServiceSpec s, String image) {
        Optional<String> query = QueryTimer.queryOf(s);
        if (query.isEmpty()) return Optional.empty();
        PerformanceRecords records = in.records();
        Optional<Baseline> b = records.baseline(s.id(), image);
        if (b.isPresent()) {
            return Optional.of(AuditItem.ok("performance-baseline", Category.BASELINES, s.id(), Risk.MEDIUM,
                    say("baseline.ok", query.get(), b.get().words(), b.get().from())));
        }
        int have = records.samples(s.id(), image);
        int need = records.minSamples();
        Words evidence = have == 0
                ? say("baseline.none", s.name(), image)
                : say("baseline.few", have, need, query.get(), image);
        return Optional.of(AuditItem.of("performance-baseline", Category.BASELINES, s.id(), Status.MISSING, Risk.MEDIUM, evidence,
                say("baseline.fix", query.get(), need)));
    }

    /** One SLO item per present service: no target → MISSING; achieved under target over 7 or 30 days → RISK. */
    List<AuditItem> slos(List<ServiceSpec> services, Instant now) {
        List<AuditItem> items = new ArrayList<>();
        for (ServiceSpec s : services) {
            Double target = in.targets().slo().get(s.name());
            if (target == null) {
                items.add(AuditItem.of("slo", Category.SLO, s.id(), Status.MISSING, Risk.MEDIUM,
                        say("slo.none", s.name()), plain("profile.yaml:\nrecovery:\n  slo:\n    " + s.name() + ": 99.5"))); // tool text
                continue;
            }
            Availability week = in.records().availability(s.id(), now.minus(WEEK), now);
            Availability month = in.records().availability(s.id(), now.minus(MONTH), now);
            if (!month.measured()) {
                items.add(AuditItem.of("slo", Category.SLO, s.id(), Status.UNKNOWN, Risk.MEDIUM,
                        say("slo.unmeasured", percent(target), s.name()), say("slo.unmeasured.fix")));
                continue;
            }
            Words evidence = say("slo", achieved(week, say("slo.week")), achieved(month, say("slo.month")), percent(target));
            boolean missed = (week.measured() && week.percent() < target) || month.percent() < target;
            items.add(missed
                    ? AuditItem.of("slo", Category.SLO, s.id(), Status.RISK, Risk.MEDIUM, evidence,
                            say("slo.missed.fix"))
                    : AuditItem.ok("slo", Category.SLO, s.id(), Risk.MEDIUM, evidence));
        }
        return items;
    }

    private static Words achieved(Availability a, Words over) {
        if (!a.measured()) return say("slo.nothing", over);
        return say("slo.achieved", percent(a.percent()), over, Units.duration(a.observed()));
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f %%", p);
    }
}
