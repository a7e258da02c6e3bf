package io.nightwatch.ui.dashboard;

import io.nightwatch.text.Texts;
import io.nightwatch.runbook.backup.BackupAges;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A tile's backup line, worded: "3 h ago · RPO 24 h", "none verified · RPO 24 h", "26 h ago > RPO 24 h". */
public record TileBackup(String summary, boolean overdue) {

    private static final Texts T = Texts.of(TileBackup.class);

    /** Before the backup sets have been read. */
    public static final TileBackup UNREAD = new TileBackup("", false);
    /** A service without data of its own (the collector, Promtail). */
    public static TileBackup nothingToBackUp() {
        return new TileBackup(T.get("backup.nothing"), false);
    }

    static TileBackup of(BackupAges ages, String service, Instant now) {
        Optional<Instant> newest = ages.newestVerified().get(service);
        if (newest == null) return nothingToBackUp();
        String rpo = hours(ages.rpo());
        if (newest.isEmpty()) return new TileBackup(T.get("backup.noneVerified", rpo), true);
        Duration age = Duration.between(newest.get(), now);
        boolean overdue = ages.overdue(service, now);
        return new TileBackup(T.get(overdue ? "backup.overdue" : "backup.fresh", ago(age), rpo), overdue);
    }

    private static String ago(Duration age) {
        if (age.toMinutes() < 1) return T.get("backup.justNow");
        if (age.toHours() < 1) return T.get("backup.minAgo", age.toMinutes());
        if (age.toDays() < 2) return T.get("backup.hAgo", age.toHours());
        return T.get("backup.dAgo", age.toDays());
    }

    private static String hours(Duration d) {
        return d.toHours() >= 1 && d.toMinutes() % 60 == 0 ? T.get("backup.rpo.h", d.toHours()) : T.get("backup.rpo.min", d.toMinutes());
    }
}
