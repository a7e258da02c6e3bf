package io.nightwatch.audit;

import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;

import java.util.Objects;
import java.util.Optional;

/**
 * One point of the readiness checklist, as found on the live stack.
 *
 * @param id       stable across audits: {@code <check>:<subject>}, e.g. {@code memory-limit:local/redis}
 * @param subject  a service ({@code host/name}), a host, or {@code stack}
 * @param evidenceWords what was read, and where (never a secret's value); English in JSON, the reader's language elsewhere
 * @param fixWords      a concrete snippet or the Nightwatch command that closes the gap (none when OK)
 * @param runbook  the Nightwatch runbook that fixes it, where one exists (backup, restore, upgrade, rollback)
 */
public record AuditItem(String id, Category category, String subject, Status status, Risk risk, Words evidenceWords, Words fixWords,
                        Optional<String> runbook) {

    private static final Texts T = Texts.of(AuditItem.class);

    public enum Status {
        OK, RISK, MISSING, UNKNOWN;

        /** For people, in the current language ("OK", "FEHLT"…); the JSON keeps the name. */
        public String text() { return T.get(key("status", this)); }
    }

    public enum Risk {
        LOW, MEDIUM, HIGH, CRITICAL;

        /** The JSON token: "high". */
        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }

        /** For people, in the current language. */
        public String text() { return T.get(key("risk", this)); }
    }

    public enum Category {
        RESOURCES("resources"), HEALTH("health"), UPDATES("updates"), SHUTDOWN("graceful shutdown"), LOGGING("logging"), // tool text: JSON tokens
        SECRETS("secrets"), ALERTING("alerting"), RETENTION("retention"), DATA_SAFETY("data safety"), REDIS("redis"), // tool text
        SELF_MONITORING("self-monitoring"), CAPACITY("capacity"), BASELINES("baselines"), SLO("slo"), ENGINE("engine");

        private final String words;

        Category(String words) { this.words = words; }

        /** The JSON token: "data safety". */
        public String words() { return words; }

        /** For people, in the current language. */
        public String text() { return T.get(key("category", this)); }
    }

    public AuditItem {
        Objects.requireNonNull(id);
        Objects.requireNonNull(category);
        Objects.requireNonNull(status);
        Objects.requireNonNull(risk);
        evidenceWords = evidenceWords == null ? Words.NONE : evidenceWords;
        fixWords = fixWords == null ? Words.NONE : fixWords;
        runbook = runbook == null ? Optional.empty() : runbook;
    }

    /** With evidence and fix that read the same in every language. */
    public AuditItem(String id, Category category, String subject, Status status, Risk risk, String evidence, String fix,
                     Optional<String> runbook) {
        this(id, category, subject, status, risk, Words.plain(evidence), Words.plain(fix), runbook);
    }

    /** The evidence in English, as JSON and the history carry it. */
    public String evidence() { return evidenceWords.in(Language.EN); }

    /** The fix in English, as JSON carries it. */
    public String fix() { return fixWords.in(Language.EN); }

    /** The evidence in the reader's language. */
    public String evidenceText() { return evidenceWords.text(); }

    /** The fix in the reader's language (its config snippets stay as they are). */
    public String fixText() { return fixWords.text(); }

    public boolean ok() { return status == Status.OK; }

    /** A bundle key per enum value: "status.MISSING" (every value has one; AuditWordsTest checks it). */
    static String key(String prefix, Enum<?> value) {
        return prefix + "." + value.name();
    }

    static AuditItem ok(String check, Category category, String subject, Risk risk, Words evidence) {
        return new AuditItem(check + ":" + subject, category, subject, Status.OK, risk, evidence, Words.NONE, Optional.empty());
    }

    static AuditItem of(String check, Category category, String subject, Status status, Risk risk, Words evidence, Words fix) {
        return new AuditItem(check + ":" + subject, category, subject, status, risk, evidence, fix, Optional.empty());
    }

    AuditItem withRunbook(String name) {
        return new AuditItem(id, category, subject, status, risk, evidenceWords, fixWords, Optional.of(name));
    }
}
