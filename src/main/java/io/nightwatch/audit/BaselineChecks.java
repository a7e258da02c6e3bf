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
                    query.get() + ": " + b.get().words() + " since " + b.get().from()));
        }
        int have = records.samples(s.id(), image);
        int need = records.minSamples();
        String evidence = have == 0
                ? "no query latency recorded for " + s.name() + " on " + image + " in Nightwatch's store: an upgrade cannot be compared against normal"
                : have + " of " + need + " rounds of `" + query.get() + "` recorded for " + image + ": not yet a baseline";
        return Optional.of(AuditItem.of("performance-baseline", Category.BASELINES, s.id(), Status.MISSING, Risk.MEDIUM, evidence,
                "Keep the window or `nightwatch serve` running with its history: it times `" + query.get() + "` once a minute; "
                        + "a baseline counts after " + need + " rounds per image"));
    }

    /** One SLO item per present service: no target → MISSING; achieved under target over 7 or 30 days → RISK. */
    List<AuditItem> slos(List<ServiceSpec> services, Instant now) {
        List<AuditItem> items = new ArrayList<>();
        for (ServiceSpec s : services) {
            Double target = in.targets().slo().get(s.name());
            if (target == null) {
                items.add(AuditItem.of("slo", Category.SLO, s.id(), Status.MISSING, Risk.MEDIUM,
                        "no availability target for " + s.name() + " in the profile (recovery.slo)",
                        "profile.yaml:\nrecovery:\n  slo:\n    " + s.name() + ": 99.5"));
                continue;
            }
            Availability week = in.records().availability(s.id(), now.minus(WEEK), now);
            Availability month = in.records().availability(s.id(), now.minus(MONTH), now);
            if (!month.measured()) {
                items.add(AuditItem.of("slo", Category.SLO, s.id(), Status.UNKNOWN, Risk.MEDIUM,
                        "target " + percent(target) + "; no state history of " + s.name() + " in Nightwatch's store to measure it by",
                        "Keep the window or `nightwatch serve` running with its history: it records every state change"));
                continue;
            }
            String evidence = "achieved " + achieved(week, "7 days") + ", " + achieved(month, "30 days") + "; target " + percent(target)
                    + " (UP and DEGRADED count as available, time Nightwatch was not watching not at all)";
            boolean missed = (week.measured() && week.percent() < target) || month.percent() < target;
            items.add(missed
                    ? AuditItem.of("slo", Category.SLO, s.id(), Status.RISK, Risk.MEDIUM, evidence,
                            "Find the outages in the incident log (`nightwatch incidents`), fix their cause; or agree a target the setup can keep")
                    : AuditItem.ok("slo", Category.SLO, s.id(), Risk.MEDIUM, evidence));
        }
        return items;
    }

    private static String achieved(Availability a, String over) {
        if (!a.measured()) return "nothing observed over " + over;
        return percent(a.percent()) + " over " + over + " (watched " + Units.duration(a.observed()) + ")";
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f %%", p);
    }
}
