package io.nightwatch.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an audit reads besides the live stack: Nightwatch's own records (backup sets, deployment journal, the last
 * restore drill) and the operator's targets.
 *
 * @param dataDir    Nightwatch's data folder ({@code deployments.jsonl} lives here)
 * @param backupRoot the folder of backup sets
 * @param lastDrill  the newest recorded restore drill, if any
 * @param timeout    bound of every single read (HTTP, exec, Redis)
 */
public record AuditInputs(Map<String, String> env, Path dataDir, Path backupRoot, RecoveryTargets targets,
                          Optional<Drill> lastDrill, Duration timeout, Clock clock) {

    /** A restore drill: when, which set, how long the restore took, whether the data checked out. */
    public record Drill(Instant at, String set, Duration rto, boolean ok) {}

    public AuditInputs {
        env = Map.copyOf(env);
    }

    public static AuditInputs of(Map<String, String> env, Path dataDir, RecoveryTargets targets, Optional<Drill> lastDrill) {
        return new AuditInputs(env, dataDir, dataDir.resolve("backups"), targets, lastDrill, Duration.ofSeconds(3), Clock.systemUTC());
    }
}
