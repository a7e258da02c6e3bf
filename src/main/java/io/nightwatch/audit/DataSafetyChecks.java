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
                ? AuditItem.ok("rpo-defined", Category.DATA_SAFETY, "stack", Risk.MEDIUM, "profile recovery.rpo: " + Units.duration(t.rpo().get()))
                : AuditItem.of("rpo-defined", Category.DATA_SAFETY, "stack", Status.MISSING, Risk.MEDIUM,
                        "no recovery.rpo in the profile; judged against the platform's default " + Units.duration(RecoveryTargets.DEFAULT_RPO)
                                + ", which nobody has agreed to", "profile.yaml:\nrecovery:\n  rpo: 24h\n  rto: 2h"));
        items.add(t.rto().isPresent()
                ? AuditItem.ok("rto-defined", Category.DATA_SAFETY, "stack", Risk.MEDIUM, "profile recovery.rto: " + Units.duration(t.rto().get()))
                : AuditItem.of("rto-defined", Category.DATA_SAFETY, "stack", Status.MISSING, Risk.MEDIUM,
                        "no recovery.rto in the profile; judged against the platform's default " + Units.duration(RecoveryTargets.DEFAULT_RTO),
                        "profile.yaml:\nrecovery:\n  rto: 2h"));
        Duration rto = t.rtoOrDefault();
        Optional<AuditInputs.Drill> drill = in.lastDrill();
        if (drill.isEmpty()) {
            items.add(AuditItem.of("restore-drill", Category.DATA_SAFETY, "stack", Status.MISSING, Risk.HIGH,
                    "no restore drill recorded in Nightwatch's history: the backups and the RTO are unproven",
                    "Prove the newest verified set in scratch containers and time it: `nightwatch drill restore` (in the window: Readiness › Restore drill…)")
                    .withRunbook("restore"));
        } else if (!drill.get().ok() || drill.get().rto().compareTo(rto) > 0) {
            items.add(AuditItem.of("restore-drill", Category.DATA_SAFETY, "stack", Status.RISK, Risk.HIGH,
                    "last drill " + drill.get().at() + " of set " + drill.get().set() + ": " + (drill.get().ok() ? "restored" : "failed")
                            + " in " + Units.duration(drill.get().rto()) + " against an RTO of " + Units.duration(rto),
                    "Find what is slow or broken in the drill's journal, fix it, and drill again").withRunbook("restore"));
        } else {
            items.add(AuditItem.ok("restore-drill", Category.DATA_SAFETY, "stack", Risk.HIGH,
                    "last drill " + drill.get().at() + " of set " + drill.get().set() + ": restored in " + Units.duration(drill.get().rto())
                            + " (RTO " + Units.duration(rto) + ")"));
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
                    "cannot read the backup sets in " + in.backupRoot() + ": " + e.getMessage(), "")).toList();
        }
        List<AuditItem> items = new ArrayList<>();
        for (ServiceSpec s : stateful) {
            Optional<Instant> newest = ages.newestVerified().getOrDefault(s.name(), Optional.empty());
            String fix = "nightwatch backup --service " + s.name() + " (and schedule it within the RPO of " + Units.duration(rpo) + ")";
            if (newest.isEmpty()) {
                items.add(AuditItem.of("backup-rpo", Category.DATA_SAFETY, s.id(), Status.MISSING, backupRisk(s.kind()),
                        "no verified backup set holding " + s.name() + " in " + in.backupRoot(), fix).withRunbook("backup"));
            } else if (ages.overdue(s.name(), now)) {
                items.add(AuditItem.of("backup-rpo", Category.DATA_SAFETY, s.id(), Status.RISK, backupRisk(s.kind()),
                        "newest verified set of " + s.name() + " is " + Units.duration(Duration.between(newest.get(), now)) + " old, over the RPO of "
                                + Units.duration(rpo), fix).withRunbook("backup"));
            } else {
                items.add(AuditItem.ok("backup-rpo", Category.DATA_SAFETY, s.id(), backupRisk(s.kind()),
                        "newest verified set of " + s.name() + " is " + Units.duration(Duration.between(newest.get(), now)) + " old (RPO "
                                + Units.duration(rpo) + ")"));
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
                    "cannot read " + in.dataDir().resolve(DeploymentLog.FILE) + ": " + e.getMessage(), "");
        }
        if (!history.isEmpty()) {
            var last = history.get(history.size() - 1);
            return AuditItem.ok("rollback-path", Category.UPDATES, s.id(), Risk.MEDIUM,
                    "deployments.jsonl: last change " + last.at() + " from " + last.fromImage() + " to " + last.toImage());
        }
        if (keptContainerExists) {
            return AuditItem.ok("rollback-path", Category.UPDATES, s.id(), Risk.MEDIUM,
                    "a container kept by an earlier change (" + s.container() + ServiceSpec.KEPT_INFIX + "…) is the way back");
        }
        return AuditItem.of("rollback-path", Category.UPDATES, s.id(), Status.MISSING, Risk.MEDIUM,
                "no image change of " + s.name() + " in " + in.dataDir().resolve(DeploymentLog.FILE) + " and no kept container: "
                        + "nothing records what to go back to",
                "Change images with `nightwatch upgrade --service " + s.name() + " --to IMAGE`: it records the way back and keeps the old container")
                .withRunbook("upgrade");
    }
}
