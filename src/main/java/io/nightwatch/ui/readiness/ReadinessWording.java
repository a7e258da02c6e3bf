package io.nightwatch.ui.readiness;

import io.nightwatch.audit.AuditItem;
import io.nightwatch.audit.Phase;
import io.nightwatch.audit.Verdict;
import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;
import io.nightwatch.ui.wizard.launch.WizardKind;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Every word the Readiness view says, in one place, from this package's bundle in the current language; plain
 * functions, no toolkit. Looked up when asked, never kept in constants: a language chosen later still applies.
 */
public final class ReadinessWording {

    private static final Texts T = Texts.of(ReadinessWording.class);

    private ReadinessWording() {}

    /** A bundle key per enum value: "verdict.NOT_READY" (every value has one; ReadinessWordingTest checks it). */
    private static String key(String prefix, Enum<?> value) {
        return prefix + "." + value.name();
    }

    static String question() { return T.get("question"); }

    static String run() { return T.get("run"); }

    static String running() { return T.get("running"); }

    static String onlyOpen() { return T.get("onlyOpen"); }

    static String copyFix() { return T.get("copyFix"); }

    static String copied() { return T.get("copied"); }

    static String history() { return T.get("history"); }

    static String noHistory() { return T.get("noHistory"); }

    static String noAudit() { return T.get("noAudit"); }

    static String fromHistory() { return T.get("fromHistory"); }

    static String allOk() { return T.get("allOk"); }

    /** The header switch's tooltip. */
    public static String tabTip() { return T.get("tabTip"); }

    /** What the window shows where the view would be, when it has nothing to audit with. */
    public static String unavailable() { return T.get("unavailable"); }

    static String fresh() { return T.get("age.fresh"); }

    static String silent() { return T.get("age.silent"); }

    static String notYet() { return T.get("age.notYet"); }

    /** "READY", "CONDITIONAL", "NOT READY"; "NO AUDIT" before the first. */
    public static String verdict(Verdict v) {
        return T.get(v == null ? "verdict.none" : key("verdict", v));
    }

    /** "development", "staging", "production". */
    static String phase(Phase p) {
        return T.get(key("phase", p));
    }

    /** "31 / 48 OK". */
    static String score(int ok, int total) {
        return T.get("score", ok, total);
    }

    /** The header's line, the score first (a narrow header cuts the end): "31 / 48 OK · 2 critical, 5 high open". */
    static String summary(int ok, int total, long critical, long high) {
        String score = score(ok, total);
        if (critical > 0 && high > 0) return T.get("summary.both", score, critical, high);
        if (critical > 0) return T.get("summary.critical", score, critical);
        if (high > 0) return T.get("summary.high", score, high);
        return score;
    }

    /** "Taken 2026-12-06 03:12". */
    static String taken(Instant at, ZoneId zone) {
        return T.get("taken", when(at, zone));
    }

    static String when(Instant at, ZoneId zone) {
        return Formats.dateTime(at, zone);
    }

    /** A category as a heading: "Data safety". */
    static String category(AuditItem.Category category) {
        String words = category.text();
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "3 of 5 OK". */
    static String groupCount(long ok, int total) {
        return T.get("groupCount", ok, total);
    }

    /** "MISSING", "RISK", "OK", "UNKNOWN". */
    static String status(AuditItem.Status s) {
        return s.text();
    }

    /** "high risk". */
    static String risk(AuditItem.Risk r) {
        return T.get("risk", r.text());
    }

    /** The wizard a runbook name of the audit opens: the restore drill's items open the drill, not a real restore. */
    static java.util.Optional<WizardKind> wizard(String check, String runbook) {
        if (check.equals("restore-drill")) return java.util.Optional.of(WizardKind.DRILL);
        return switch (runbook) {
            case "backup" -> java.util.Optional.of(WizardKind.BACKUP);
            case "restore" -> java.util.Optional.of(WizardKind.RESTORE);
            case "upgrade" -> java.util.Optional.of(WizardKind.UPGRADE);
            case "rollback" -> java.util.Optional.of(WizardKind.ROLLBACK);
            default -> java.util.Optional.empty();
        };
    }

    /** The button that opens it: "Back up…", "Restore drill…". */
    static String wizardButton(WizardKind kind) {
        return T.get(key("wizard", kind));
    }

    /** "Reading the container of redis (5 of 19)". */
    static String progress(int done, int total, String what) {
        return T.get("progress", what, Math.min(done + 1, total), total);
    }

    /** The score bar's tooltip: "2026-12-06 03:12 · NOT READY · 31 / 48 OK". */
    static String point(Instant at, ZoneId zone, Verdict verdict, int ok, int total) {
        return when(at, zone) + " · " + verdict(verdict) + " · " + score(ok, total);
    }

    /** Under the chart: "12 audits · first 14 / 48, now 31 / 48". */
    static String trend(int audits, int firstOk, int firstTotal, int lastOk, int lastTotal) {
        if (audits == 1) return T.get("trend.one", score(lastOk, lastTotal));
        return T.get("trend", audits, firstOk, firstTotal, lastOk, lastTotal);
    }

    /** "No answer from the engine of local: its containers were not audited." */
    static String unreachable(java.util.List<String> hosts) {
        return T.get(hosts.size() == 1 ? "unreachable.one" : "unreachable.many", String.join(", ", hosts));
    }

    static String historyFailed(String why) {
        return T.get("historyFailed", why);
    }

    static String failed(String why) {
        return T.get("failed", why);
    }
}
