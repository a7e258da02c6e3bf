package io.nightwatch.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * One point of the readiness checklist, as found on the live stack.
 *
 * @param id       stable across audits: {@code <check>:<subject>}, e.g. {@code memory-limit:local/redis}
 * @param subject  a service ({@code host/name}), a host, or {@code stack}
 * @param evidence what was read, and where (never a secret's value)
 * @param fix      a concrete snippet or the Nightwatch command that closes the gap ("" when OK)
 * @param runbook  the Nightwatch runbook that fixes it, where one exists (backup, restore, upgrade, rollback)
 */
public record AuditItem(String id, Category category, String subject, Status status, Risk risk, String evidence, String fix,
                        Optional<String> runbook) {

    public enum Status { OK, RISK, MISSING, UNKNOWN }

    public enum Risk {
        LOW, MEDIUM, HIGH, CRITICAL;

        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public enum Category {
        RESOURCES("resources"), HEALTH("health"), UPDATES("updates"), SHUTDOWN("graceful shutdown"), LOGGING("logging"),
        SECRETS("secrets"), ALERTING("alerting"), RETENTION("retention"), DATA_SAFETY("data safety"), REDIS("redis"),
        SELF_MONITORING("self-monitoring"), CAPACITY("capacity"), BASELINES("baselines"), SLO("slo"), ENGINE("engine");

        private final String words;

        Category(String words) { this.words = words; }

        public String words() { return words; }
    }

    public AuditItem {
        Objects.requireNonNull(id);
        Objects.requireNonNull(category);
        Objects.requireNonNull(status);
        Objects.requireNonNull(risk);
        evidence = evidence == null ? "" : evidence;
        fix = fix == null ? "" : fix;
        runbook = runbook == null ? Optional.empty() : runbook;
    }

    public boolean ok() { return status == Status.OK; }

    static AuditItem ok(String check, Category category, String subject, Risk risk, String evidence) {
        return new AuditItem(check + ":" + subject, category, subject, Status.OK, risk, evidence, "", Optional.empty());
    }

    static AuditItem of(String check, Category category, String subject, Status status, Risk risk, String evidence, String fix) {
        return new AuditItem(check + ":" + subject, category, subject, status, risk, evidence, fix, Optional.empty());
    }

    AuditItem withRunbook(String name) {
        return new AuditItem(id, category, subject, status, risk, evidence, fix, Optional.of(name));
    }
}
