package io.nightwatch.audit;

import io.nightwatch.baseline.PerformanceRecords;

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
 * @param records    the performance baselines and state history Nightwatch recorded ({@link PerformanceRecords#NONE} without a store)
 */
public record AuditInputs(Map<String, String> env, Path dataDir, Path backupRoot, RecoveryTargets targets,
                          Optional<Drill> lastDrill, Duration timeout, Clock clock, PerformanceRecords records) {

    /** A restore drill: when, which set, how long the restore took, whether the data checked out. */
    public record Drill(Instant at, String set, Duration rto, boolean ok) {}

    public AuditInputs {
        env = Map.copyOf(env);
        records = records == null ? PerformanceRecords.NONE : records;
    }

    /** Without recorded baselines and states. */
    public AuditInputs(Map<String, String> env, Path dataDir, Path backupRoot, RecoveryTargets targets, Optional<Drill> lastDrill,
                       Duration timeout, Clock clock) {
        this(env, dataDir, backupRoot, targets, lastDrill, timeout, clock, PerformanceRecords.NONE);
    }

    public AuditInputs withRecords(PerformanceRecords records) {
        return new AuditInputs(env, dataDir, backupRoot, targets, lastDrill, timeout, clock, records);
    }

    public static AuditInputs of(Map<String, String> env, Path dataDir, RecoveryTargets targets, Optional<Drill> lastDrill) {
        return new AuditInputs(env, dataDir, dataDir.resolve("backups"), targets, lastDrill, Duration.ofSeconds(3), Clock.systemUTC());
    }
}
