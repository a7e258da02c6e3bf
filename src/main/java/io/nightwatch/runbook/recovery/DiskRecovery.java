package io.nightwatch.runbook.recovery;

import io.nightwatch.alerts.RunbookHints;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.text.Bytes;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.ServiceAccess;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;

import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** disk-full: what uses a data volume, free what is safe to free, say plainly when only a bigger volume helps. */
final class DiskRecovery {

    private static final Texts T = Texts.of(DiskRecovery.class);

    /**
     * Reads df, du per top-level entry, leftover snapshots and TSDB block meta.json (Prometheus indents it: the unquoted
     * expansion puts each on one line, globbing off); the data path is passed as $1, never spliced in.
     */
    static final String SURVEY = "d=\"$1\"; echo '== df'; df -k \"$d\"; echo '== du'; du -sk \"$d\"/* 2>/dev/null; "
            + "echo '== snapshots'; du -sk \"$d\"/snapshots/* 2>/dev/null; echo '== blocks'; " // tool text
            + "for m in \"$d\"/*/meta.json; do [ -f \"$m\" ] && (set -f; echo \"$m\" $(cat \"$m\")); done; echo '== end'"; // tool text
    private static final Pattern MIN_TIME = Pattern.compile("\"minTime\"\\s*:\\s*(\\d+)");
    private static final Pattern MAX_TIME = Pattern.compile("\"maxTime\"\\s*:\\s*(\\d+)");

    private DiskRecovery() {}

    static RecoveryRunbook definition(RecoveryRunbook.Context context) {
        return new RecoveryRunbook(RunbookHints.DISK_FULL, Set.of(ServiceKind.PROMETHEUS, ServiceKind.LOKI, ServiceKind.REDIS,
                ServiceKind.ALERTMANAGER, ServiceKind.GRAFANA), context,
                T.get("disk.purpose"),
                List.of(new Parameter("target-free", T.get("disk.param.targetFree"), false, "20"),
                        new Parameter("delete-oldest", T.get("disk.param.deleteOldest"), false, "no"),
                        new Parameter("backup", T.get("disk.param.backup"), false, "no"),
                        new Parameter("retention", T.get("disk.param.retention"), false, "")),
                DiskRecovery::steps);
    }

    static List<Step> steps(RecoveryRunbook.Context context, ServiceSpec spec, Map<String, String> params) {
        ServiceAccess service = context.access(spec);
        String data = spec.dataPath().orElseThrow(() -> new IllegalArgumentException(T.get("disk.error.noDataPath", spec.name())));
        int target = targetFree(params.getOrDefault("target-free", "20"));
        ServiceProber prober = new ServiceProber(context.profile().probeTimeout(), context.env());
        String name = spec.name();
        List<Step> steps = new ArrayList<>();
        steps.add(new Diagnose("diagnose-disk-" + name, T.get("disk.diagnose.title", name),
                T.get("disk.diagnose.explanation", target),
                List.of("exec " + spec.container() + ": sh -c '" + T.get("disk.diagnose.survey") + "' sh " + data),
                ctx -> survey(service, data, target, ctx)));
        steps.add(new OnlyIf(new RemoveSnapshots(service, data), T.get("disk.only.snapshots"),
                ctx -> ctx.get("disk." + name + ".snapshots").map(n -> !n.equals("0")).orElse(false)));
        if (spec.kind() == ServiceKind.PROMETHEUS) {
            // Offered in every plan, run only when asked: deleted data only comes back from a backup set.
            boolean delete = yes(params.getOrDefault("delete-oldest", "no"));
            boolean backUp = delete && yes(params.getOrDefault("backup", "no"));
            java.util.function.Predicate<io.nightwatch.runbook.RunContext> blocksToGo = ctx -> ctx.get(DeleteOldest.untilKey(name)).isPresent();
            if (backUp) { // as in the image change runbook: the backup's steps are in the plan when asked for
                io.nightwatch.runbook.backup.BackupRunbook backup = new io.nightwatch.runbook.backup.BackupRunbook(context.profile(),
                        context.env(), context.engines(), context.backupRoot(), java.time.Clock.systemUTC());
                for (Step s : backup.build(Map.of("services", name, "to", context.backupRoot().toString())).steps()) {
                    steps.add(new OnlyIf(new io.nightwatch.runbook.backup.KeptBackup(s, c -> T.get("keptBackup.compensation",
                            c.isEmpty() ? T.get("step.nothingToUndo") : c)), T.get("disk.only.blocks"), blocksToGo));
                }
            }
            steps.add(new OnlyIf(new DeleteOldest(service, data, target), T.get("disk.only.delete"),
                    ctx -> delete && blocksToGo.test(ctx)));
        }
        String retention = params.getOrDefault("retention", "").strip();
        if (spec.kind() == ServiceKind.PROMETHEUS && !retention.isEmpty()) steps.addAll(lowerRetention(context, name, retention));
        steps.add(new OnlyIf(new Restart(service, prober, Duration.ofSeconds(120), Duration.ofSeconds(120),
                T.get("disk.restart.why")),
                T.get("disk.only.unhealthy"), ctx -> !healthy(service, prober)));
        String stage = switch (spec.kind()) {
            case PROMETHEUS -> "prometheus.samples-appended";
            case LOKI -> "loki.lines-received";
            case REDIS -> "redis.ops";
            case ALERTMANAGER -> "alertmanager.notifications";
            default -> "";
        };
        if (!stage.isEmpty()) steps.add(new VerifyRecovered(context.profile(), spec, context.env(), List.of(stage), context.timing()));
        return steps;
    }

    /**
     * The image change runbook's steps with the same image and one flag changed: stop, keep the old container, create the
     * new one with every other setting, health gate, record; undone by going back to the kept container.
     */
    static List<Step> lowerRetention(RecoveryRunbook.Context context, String service, String retention) {
        String flag = retentionFlag(retention);
        java.nio.file.Path dataDir = context.backupRoot().toAbsolutePath().getParent();
        io.nightwatch.runbook.rollback.ImageChangeRunbook change = new io.nightwatch.runbook.rollback.ImageChangeRunbook(
                io.nightwatch.runbook.rollback.ImageChangeRunbook.Direction.UPGRADE, context.profile(), context.env(), context.engines(),
                context.backupRoot(), new io.nightwatch.runbook.rollback.DeploymentLog(dataDir), java.time.Clock.systemUTC());
        return change.build(Map.of("service", service, "set-flag", flag, "hold", "keep")).steps();
    }

    /** "7d" → --storage.tsdb.retention.time=7d; "40GB" → --storage.tsdb.retention.size=40GB. */
    static String retentionFlag(String retention) {
        String r = retention.strip();
        if (r.matches("\\d+(ms|s|m|h|d|w|y)")) return "--storage.tsdb.retention.time=" + r;
        if (r.matches("\\d+(B|KB|MB|GB|TB|PB|EB)")) return "--storage.tsdb.retention.size=" + r;
        throw new IllegalArgumentException(T.get("disk.error.retention", retention));
    }

    private static boolean yes(String text) {
        return List.of("yes", "true", "1", "on").contains(text.trim().toLowerCase(java.util.Locale.ROOT));
    }

    static int targetFree(String text) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v < 1 || v > 90) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(T.get("disk.error.targetFree", text));
        }
    }

    private static boolean healthy(ServiceAccess s, ServiceProber prober) {
        return prober.probe(s.spec(), s.gateway().inspect(s.container()), Optional.of(s.gateway())).healthy();
    }

    record Block(String dir, long kb, Instant min, Instant max) {}

    /** What frees a Loki volume: a shorter retention its compactor enforces (Loki 2.9, boltdb-shipper), else more disk. */
    static List<String> lokiRetention(String name, int targetPercent, long missingKb) {
        return List.of(
                T.get("disk.loki.chunks", targetPercent, Bytes.human(missingKb * 1024), name),
                "  limits_config:",
                "    retention_period: 72h",
                "  compactor:",
                "    working_directory: /loki/compactor",
                "    shared_store: filesystem", // tool text: Loki config
                "    retention_enabled: true", // tool text: Loki config
                "    retention_delete_delay: 2h",
                T.get("disk.loki.restart", name));
    }

    static List<String> survey(ServiceAccess service, String data, int targetPercent, RunContext ctx) throws Exception {
        ExecResult r = service.exec(List.of("sh", "-c", SURVEY, "sh", data));
        String name = service.spec().name();
        List<String> out = new ArrayList<>();
        long sizeKb = 0, availKb = 0, snapshotsKb = 0;
        int snapshots = 0;
        Map<String, Long> du = new java.util.LinkedHashMap<>();
        List<String> metas = new ArrayList<>();
        String section = "";
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("== ")) {
                section = line.substring(3).strip();
                continue;
            }
            String[] f = line.trim().split("\\s+");
            switch (section) {
                case "df" -> {
                    if (f.length >= 4 && f[1].matches("\\d+") && f[3].matches("\\d+")) {
                        sizeKb = Long.parseLong(f[1]);
                        availKb = Long.parseLong(f[3]);
                    }
                }
                case "du" -> { if (f.length == 2 && f[0].matches("\\d+")) du.put(f[1], Long.parseLong(f[0])); }
                case "snapshots" -> {
                    if (f.length == 2 && f[0].matches("\\d+")) {
                        snapshots++;
                        snapshotsKb += Long.parseLong(f[0]);
                    }
                }
                case "blocks" -> metas.add(line);
                default -> { }
            }
        }
        if (sizeKb == 0) throw new IllegalStateException(T.get("disk.error.size", service.container(), (r.stderr() + r.stdout()).strip()));
        double freePct = 100.0 * availKb / sizeKb;
        out.add(T.get("disk.volume", data, Bytes.human(availKb * 1024), Bytes.human(sizeKb * 1024), Formats.fixed(freePct, 1)));
        du.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> out.add("  " + Bytes.human(e.getValue() * 1024) + "  " + e.getKey()));
        List<Block> blocks = new ArrayList<>();
        for (String m : metas) {
            String dir = m.substring(0, Math.max(0, m.indexOf("/meta.json")));
            Matcher min = MIN_TIME.matcher(m), max = MAX_TIME.matcher(m);
            if (!dir.isEmpty() && min.find() && max.find()) {
                blocks.add(new Block(dir, du.getOrDefault(dir, 0L), Instant.ofEpochMilli(Long.parseLong(min.group(1))),
                        Instant.ofEpochMilli(Long.parseLong(max.group(1)))));
            }
        }
        blocks.sort(Comparator.comparing(Block::min));
        for (Block b : blocks) out.add(T.get("disk.block", b.dir().substring(b.dir().lastIndexOf('/') + 1), b.min(), b.max(), Bytes.human(b.kb() * 1024)));
        out.add(snapshots == 0 ? T.get("disk.noSnapshots") : T.get("disk.snapshots", snapshots, Bytes.human(snapshotsKb * 1024)));
        ctx.put("disk." + name + ".snapshots", String.valueOf(snapshots));
        long targetKb = sizeKb * targetPercent / 100;
        long missing = targetKb - availKb - snapshotsKb;
        if (availKb >= targetKb) {
            out.add(T.get("disk.already", targetPercent));
        } else if (missing <= 0) {
            out.add(T.get("disk.snapshotsReach", targetPercent));
        } else {
            long freed = 0;
            int n = 0;
            for (int i = 0; i < blocks.size() - 1 && freed < missing; i++, n++) freed += blocks.get(i).kb(); // the newest block stays
            if (freed >= missing) {
                ctx.put(DeleteOldest.untilKey(name), String.valueOf(blocks.get(n - 1).max().toEpochMilli()));
                ctx.put(DeleteOldest.blocksKey(name), String.valueOf(n));
                out.add(T.get("disk.blocksToGo", targetPercent, n, blocks.get(n - 1).max(), Bytes.human(freed * 1024)));
            } else if (service.spec().kind() == ServiceKind.LOKI) {
                // Loki's chunks go only through its compactor: deleting files by hand would leave the index pointing at nothing
                out.addAll(lokiRetention(name, targetPercent, missing));
            } else {
                out.add(T.get("disk.biggerVolume", name, targetPercent, Bytes.human(missing * 1024)));
            }
        }
        return out;
    }

    /** Leftover snapshots (a backup interrupted before it removed its snapshot) are copies of blocks: safe to delete. */
    static final class RemoveSnapshots extends io.nightwatch.runbook.backup.ServiceStep {
        private final String data;

        RemoveSnapshots(ServiceAccess service, String data) {
            super(service);
            this.data = data;
        }

        public String id() { return stepId("remove-snapshots"); }
        public String title() { return T.get("snapshots.title", name()); }
        public String explanation() {
            return T.get("snapshots.explanation");
        }
        public List<String> preview(RunContext ctx) {
            return List.of("exec " + service.container() + ": sh -c 'rm -rf -- \"$1\"/snapshots/*' sh " + data);
        }
        public void execute(RunContext ctx) throws Exception {
            ExecResult r = service.exec(List.of("sh", "-c", "rm -rf -- \"$1\"/snapshots/*", "sh", data));
            if (!r.succeeded()) throw new IllegalStateException(T.get("snapshots.error", (r.stderr() + r.stdout()).strip()));
            ctx.output(T.get("snapshots.removed", data));
        }
        public Check verify(RunContext ctx) throws Exception {
            ExecResult r = service.exec(List.of("sh", "-c", "ls -A -- \"$1\"/snapshots 2>/dev/null", "sh", data));
            return r.stdout().isBlank() ? Check.ok() : Check.failed(T.get("snapshots.stillThere", r.stdout().strip()));
        }
        public String verificationText() { return T.get("snapshots.verification"); }
        public String compensation() { return T.get("snapshots.compensation"); }
    }
}
