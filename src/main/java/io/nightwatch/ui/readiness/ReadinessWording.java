package io.nightwatch.ui.readiness;

import io.nightwatch.audit.AuditItem;
import io.nightwatch.audit.Phase;
import io.nightwatch.audit.Verdict;
import io.nightwatch.ui.wizard.launch.WizardKind;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Every word the Readiness view says, in one place (to move into bundles later); plain functions, no toolkit. */
public final class ReadinessWording {

    static final String QUESTION = "Can an external provider run this at 3 a.m.?";
    static final String RUN = "Run audit";
    static final String RUNNING = "Auditing…";
    static final String ONLY_OPEN = "Only not OK";
    static final String COPY_FIX = "Copy fix";
    static final String COPIED = "Fix copied (secrets redacted).";
    static final String HISTORY = "Score over time";
    static final String NO_HISTORY = "No audits recorded yet.";
    static final String NO_AUDIT = "No audit in this window yet. Run audit reads the live stack; it changes nothing.";
    static final String FROM_HISTORY = "Items of earlier audits are not kept. Run audit to see evidence and fixes.";
    static final String ALL_OK = "Every item is OK.";
    /** The header switch's tooltip. */
    public static final String TAB_TIP = "Readiness audit: can an external provider run this at 3 a.m.? Shortcut+5";
    /** What the window shows where the view would be, when it has nothing to audit with. */
    public static final String UNAVAILABLE = "No readiness audit here: this window has no engines or data folder to audit.";
    static final String FRESH = "audited";
    static final String SILENT = "no audit for";
    static final String NOT_YET = "not audited yet";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ReadinessWording() {}

    /** "READY", "CONDITIONAL", "NOT READY"; "NO AUDIT" before the first. */
    public static String verdict(Verdict v) {
        return v == null ? "NO AUDIT" : v.name().replace('_', ' ');
    }

    /** "development", "staging", "production". */
    static String phase(Phase p) {
        return p.key();
    }

    /** "31 / 48 OK". */
    static String score(int ok, int total) {
        return ok + " / " + total + " OK";
    }

    /** The header's line, the score first (a narrow header cuts the end): "31 / 48 OK · 2 critical, 5 high open". */
    static String summary(int ok, int total, long critical, long high) {
        StringBuilder s = new StringBuilder(score(ok, total));
        if (critical + high > 0) {
            s.append(" · ");
            if (critical > 0) s.append(critical).append(" critical");
            if (critical > 0 && high > 0) s.append(", ");
            if (high > 0) s.append(high).append(" high");
            s.append(" open");
        }
        return s.toString();
    }

    /** "Taken 2026-12-06 03:12 · 4 s". */
    static String taken(Instant at, ZoneId zone) {
        return "Taken " + WHEN.format(at.atZone(zone));
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    /** A category as a heading: "Data safety". */
    static String category(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "3 of 5 OK". */
    static String groupCount(long ok, int total) {
        return ok + " of " + total + " OK";
    }

    /** "MISSING", "RISK", "OK", "UNKNOWN". */
    static String status(AuditItem.Status s) {
        return s.name();
    }

    /** "high risk". */
    static String risk(AuditItem.Risk r) {
        return r.word() + " risk";
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
        return switch (kind) {
            case BACKUP -> "Back up…";
            case RESTORE -> "Restore…";
            case UPGRADE -> "Upgrade…";
            case ROLLBACK -> "Roll back…";
            case DRILL -> "Restore drill…";
            case RECOVERY -> "Recover…";
            case STACK -> "Stop or start…";
        };
    }

    /** "Reading the container of redis (5 of 19)". */
    static String progress(int done, int total, String what) {
        return "Reading " + what + " (" + Math.min(done + 1, total) + " of " + total + ")";
    }

    /** The score bar's tooltip: "2026-12-06 03:12 · NOT READY · 31 / 48 OK". */
    static String point(Instant at, ZoneId zone, Verdict verdict, int ok, int total) {
        return when(at, zone) + " · " + verdict(verdict) + " · " + score(ok, total);
    }

    /** Under the chart: "12 audits · first 14 / 48, now 31 / 48". */
    static String trend(int audits, int firstOk, int firstTotal, int lastOk, int lastTotal) {
        if (audits == 1) return "1 audit · " + score(lastOk, lastTotal);
        return audits + " audits · first " + firstOk + " / " + firstTotal + ", now " + lastOk + " / " + lastTotal;
    }

    /** "No answer from the engine of local: its containers were not audited." */
    static String unreachable(java.util.List<String> hosts) {
        return "No answer from the engine of " + String.join(", ", hosts) + ": " + (hosts.size() == 1 ? "its" : "their")
                + " containers were not audited.";
    }

    static String historyFailed(String why) {
        return "The audit history cannot be read: " + why;
    }

    static String failed(String why) {
        return "The audit did not finish: " + why;
    }
}
