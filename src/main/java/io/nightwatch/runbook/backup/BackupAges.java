package io.nightwatch.runbook.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each stateful service was last backed up into a verified set, against the RPO: what the dashboard shows on
 * each tile and what raises NightwatchBackupOverdue. Immutable.
 *
 * @param newestVerified per service, the creation time of its newest verified set (empty: none)
 */
public record BackupAges(Map<String, Optional<Instant>> newestVerified, Duration rpo, Instant readAt) {

    /** The platform's stated RPO. */
    public static final Duration DEFAULT_RPO = Duration.ofHours(24);

    public BackupAges {
        newestVerified = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(newestVerified));
    }

    /** Reads the sets in {@code root} (a missing folder has none). */
    public static BackupAges read(List<String> services, Path root, Duration rpo, Instant now) throws IOException {
        List<BackupSets.SetInfo> sets = BackupSets.list(root);
        Map<String, Optional<Instant>> newest = new LinkedHashMap<>();
        for (String service : services) {
            newest.put(service, sets.stream().filter(s -> s.verified() && s.services().contains(service))
                    .map(BackupSets.SetInfo::created).findFirst());
        }
        return new BackupAges(newest, rpo, now);
    }

    /** Whether {@code service} has no verified set younger than the RPO (false for services not watched). */
    public boolean overdue(String service, Instant now) {
        Optional<Instant> newest = newestVerified.get(service);
        if (newest == null) return false;
        return newest.isEmpty() || Duration.between(newest.get(), now).compareTo(rpo) > 0;
    }
}
