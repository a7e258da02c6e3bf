package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Category;
import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.runbook.backup.BackupAges;
import io.nightwatch.runbook.rollback.DeploymentLog;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.nightwatch.audit.Words.plain;
import static io.nightwatch.audit.Words.say;

/**
 * Backups against the RPO, the targets themselves, the last restore drill and the way back per service: from
 * Nightwatch's own records and the profile.
 */
final class DataSafetyChecks {

    private final AuditInputs in;

    DataSafetyChecks(AuditInputs in) {
        this.in = in;
    }

    List<AuditItem> targets() {
        RecoveryTargets t = in.targets();
        List<AuditItem> items = new ArrayList<>();
        items.add(t.rpo().isPresent()
                ? AuditItem.ok("rpo-defined", Category.DATA_SAFETY, "stack", Risk.MEDIUM, say("safety.rpo", Units.duration(t.rpo().get())))
                : AuditItem.of("rpo-defined", Category.DATA_SAFETY, "stack", Status.MISSING, Risk.MEDIUM,
                        say("safety.rpo.none", Units.duration(RecoveryTargets.DEFAULT_RPO)), plain("profile.yaml:\nrecovery:\n  rpo: 24h\n  rto: 2h")));
        items.add(t.rto().isPresent()
                ? AuditItem.ok("rto-defined", Category.DATA_SAFETY, "stack", Risk.MEDIUM, say("safety.rto", Units.duration(t.rto().get())))
                : AuditItem.of("rto-defined", Category.DATA_SAFETY, "stack", Status.MISSING, Risk.MEDIUM,
                        say("safety.rto.none", Units.duration(RecoveryTargets.DEFAULT_RTO)), plain("profile.yaml:\nrecovery:\n  rto: 2h")));
        Duration rto = t.rtoOrDefault();
        Optional<AuditInputs.Drill> drill = in.lastDrill();
        if (drill.isEmpty()) {
            items.add(AuditItem.of("restore-drill", Category.DATA_SAFETY, "stack", Status.MISSING, Risk.HIGH,
                    say("safety.drill.none"), say("safety.drill.none.fix"))
                    .withRunbook("restore"));
        } else if (!drill.get().ok() || drill.get().rto().compareTo(rto) > 0) {
            items.add(AuditItem.of("restore-drill", Category.DATA_SAFETY, "stack", Status.RISK, Risk.HIGH,
                    say("safety.drill.risk", drill.get().at(), drill.get().set(), say(drill.get().ok() ? "safety.drill.restored" : "safety.drill.failed"),
                            Units.duration(drill.get().rto()), Units.duration(rto)),
                    say("safety.drill.risk.fix")).withRunbook("restore"));
        } else {
            items.add(AuditItem.ok("restore-drill", Category.DATA_SAFETY, "stack", Risk.HIGH,
                    say("safety.drill.ok", drill.get().at(), drill.get().set(), Units.duration(drill.get().rto()), Units.duration(rto))));
        }
        return items;
    }

    /** Newest verified backup per stateful service against the RPO. */
    List<AuditItem> backups(List<ServiceSpec> stateful, Instant now) {
        Duration rpo = in.targets().rpoOrDefault();
        BackupAges ages;
        try {
            ages = BackupAges.read(stateful.stream().map(ServiceSpec::name).toList(), in.backupRoot(), rpo, now);
        } catch (IOException e) {
            return stateful.stream().map(s -> AuditItem.of("backup-rpo", Category.DATA_SAFETY, s.id(), Status.UNKNOWN, backupRisk(s.kind()),
                    say("safety.backup.unreadable", in.backupRoot(), e.getMessage()), Words.NONE)).toList();
        }
        List<AuditItem> items = new ArrayList<>();
        for (ServiceSpec s : stateful) {
            Optional<Instant> newest = ages.newestVerified().getOrDefault(s.name(), Optional.empty());
            Words fix = say("safety.backup.fix", s.name(), Units.duration(rpo));
            if (newest.isEmpty()) {
                items.add(AuditItem.of("backup-rpo", Category.DATA_SAFETY, s.id(), Status.MISSING, backupRisk(s.kind()),
                        say("safety.backup.none", s.name(), in.backupRoot()), fix).withRunbook("backup"));
            } else if (ages.overdue(s.name(), now)) {
                items.add(AuditItem.of("backup-rpo", Category.DATA_SAFETY, s.id(), Status.RISK, backupRisk(s.kind()),
                        say("safety.backup.old", s.name(), Units.duration(Duration.between(newest.get(), now)), Units.duration(rpo)), fix).withRunbook("backup"));
            } else {
                items.add(AuditItem.ok("backup-rpo", Category.DATA_SAFETY, s.id(), backupRisk(s.kind()),
                        say("safety.backup.ok", s.name(), Units.duration(Duration.between(newest.get(), now)), Units.duration(rpo))));
            }
        }
        return items;
    }

    /** Redis holds every session: losing it logs everyone out. Alertmanager's silences are cheap to redo. */
    private static Risk backupRisk(ServiceKind kind) {
        return switch (kind) {
            case REDIS -> Risk.CRITICAL;
            case ALERTMANAGER -> Risk.MEDIUM;
            default -> Risk.HIGH;
        };
    }

    /** Whether an image change of the service can be undone: Nightwatch's journal, or a kept earlier container. */
    AuditItem wayBack(ServiceSpec s, boolean keptContainerExists) {
        List<io.nightwatch.runbook.rollback.Deployment> history;
        try {
            history = new DeploymentLog(in.dataDir()).history(s.host(), s.name());
        } catch (IOException e) {
            return AuditItem.of("rollback-path", Category.UPDATES, s.id(), Status.UNKNOWN, Risk.MEDIUM,
                    say("safety.rollback.unreadable", in.dataDir().resolve(DeploymentLog.FILE), e.getMessage()), Words.NONE);
        }
        if (!history.isEmpty()) {
            var last = history.get(history.size() - 1);
            return AuditItem.ok("rollback-path", Category.UPDATES, s.id(), Risk.MEDIUM,
                    say("safety.rollback.journal", last.at(), last.fromImage(), last.toImage()));
        }
        if (keptContainerExists) {
            return AuditItem.ok("rollback-path", Category.UPDATES, s.id(), Risk.MEDIUM,
                    say("safety.rollback.kept", s.container() + ServiceSpec.KEPT_INFIX));
        }
        return AuditItem.of("rollback-path", Category.UPDATES, s.id(), Status.MISSING, Risk.MEDIUM,
                say("safety.rollback.none", s.name(), in.dataDir().resolve(DeploymentLog.FILE)), say("safety.rollback.none.fix", s.name()))
                .withRunbook("upgrade");
    }
}
