package io.nightwatch.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One audit of the live stack: every item, the verdict per phase and overall (the production phase's: "can an
 * external provider run this at 3 a.m.?"), and the score. Immutable; what a view model binds to.
 *
 * @param unreachableHosts hosts whose engine did not answer (their container items are missing): the CLI's exit 3
 */
public record AuditReport(Instant takenAt, List<AuditItem> items, Map<Phase, Verdict> phases, List<String> unreachableHosts) {

    public AuditReport {
        items = List.copyOf(items);
        phases = Collections.unmodifiableMap(new EnumMap<>(phases));
        unreachableHosts = List.copyOf(unreachableHosts);
    }

    public static AuditReport of(Instant takenAt, List<AuditItem> items, List<String> unreachableHosts) {
        Map<Phase, Verdict> phases = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) phases.put(p, p.judge(items));
        return new AuditReport(takenAt, items, phases, unreachableHosts);
    }

    public Verdict verdict() { return phases.get(Phase.PRODUCTION); }

    public int ok() { return (int) items.stream().filter(AuditItem::ok).count(); }

    public int total() { return items.size(); }

    public boolean engineUnreachable() { return !unreachableHosts.isEmpty(); }

    /** The item of that id, for tests and the view's selection. */
    public java.util.Optional<AuditItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
