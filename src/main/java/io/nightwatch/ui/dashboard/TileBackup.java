package io.nightwatch.ui.dashboard;

import io.nightwatch.runbook.backup.BackupAges;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A tile's backup line, worded: "3 h ago · RPO 24 h", "none verified · RPO 24 h", "26 h ago > RPO 24 h". */
public record TileBackup(String summary, boolean overdue) {

    /** Before the backup sets have been read. */
    public static final TileBackup UNREAD = new TileBackup("", false);
    /** A service without data of its own (the collector, Promtail). */
    public static final TileBackup NOTHING_TO_BACK_UP = new TileBackup("no data to back up", false);

    static TileBackup of(BackupAges ages, String service, Instant now) {
        Optional<Instant> newest = ages.newestVerified().get(service);
        if (newest == null) return NOTHING_TO_BACK_UP;
        String rpo = hours(ages.rpo());
        if (newest.isEmpty()) return new TileBackup("none verified · RPO " + rpo, true);
        Duration age = Duration.between(newest.get(), now);
        boolean overdue = ages.overdue(service, now);
        return new TileBackup(ago(age) + (overdue ? " > RPO " : " · RPO ") + rpo, overdue);
    }

    private static String ago(Duration age) {
        if (age.toMinutes() < 1) return "just now";
        if (age.toHours() < 1) return age.toMinutes() + " min ago";
        if (age.toDays() < 2) return age.toHours() + " h ago";
        return age.toDays() + " d ago";
    }

    private static String hours(Duration d) {
        return d.toHours() >= 1 && d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
