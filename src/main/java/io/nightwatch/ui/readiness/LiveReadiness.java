package io.nightwatch.ui.readiness;

import io.nightwatch.audit.AuditDocuments;
import io.nightwatch.audit.AuditInputs;
import io.nightwatch.audit.AuditReport;
import io.nightwatch.audit.AuditRunner;
import io.nightwatch.audit.Phase;
import io.nightwatch.audit.RecoveryTargets;
import io.nightwatch.audit.RestoreDrill;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AuditHistory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit as {@code nightwatch audit} runs it: the same runner, inputs (targets from the profile file, the last
 * recorded drill) and history record, so the window and the CLI write one history.
 *
 * @param profileFile the profile file whose {@code recovery:} section holds the targets; null for none
 * @param history     where audits are recorded and read; null when the alert history could not be opened
 */
public record LiveReadiness(StackProfile profile, Map<String, String> env, Path dataDir, Path profileFile,
                            AuditHistory history, Clock clock) implements ReadinessSource {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    public LiveReadiness {
        env = Map.copyOf(env);
    }

    @Override
    public AuditReport audit(AuditRunner.Progress progress) throws IOException {
        RecoveryTargets targets = RecoveryTargets.read(profileFile);
        Optional<AuditInputs.Drill> drill = history == null ? Optional.empty()
                : history.lastDrill().map(d -> new AuditInputs.Drill(d.at(), d.set(), d.rto(), d.ok()));
        AuditInputs inputs = new AuditInputs(env, dataDir, dataDir.resolve("backups"), targets, drill, READ_TIMEOUT, clock);
        AuditReport report = new AuditRunner(env).run(profile, inputs, progress);
        if (history != null) {
            history.record(new AuditHistory.AuditRun(report.takenAt(), report.verdict().name(),
                    report.phases().get(Phase.DEVELOPMENT).name(), report.phases().get(Phase.STAGING).name(),
                    report.phases().get(Phase.PRODUCTION).name(), report.ok(), report.total(), AuditDocuments.itemStates(report)));
        }
        return report;
    }

    /** A drill as {@code nightwatch drill restore} records it. */
    public static AuditHistory.DrillRun drillRun(RestoreDrill.Result r) {
        return new AuditHistory.DrillRun(r.startedAt(), r.set(), r.services().stream().map(RestoreDrill.ServiceResult::service).toList(),
                r.rto(), r.ok(), "");
    }

    @Override
    public List<AuditHistory.AuditRun> history(int limit) {
        return history == null ? List.of() : history.list(limit);
    }
}
