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

    /**
     * Reads df, du per top-level entry, leftover snapshots and TSDB block meta.json (Prometheus indents it: the unquoted
     * expansion puts each on one line, globbing off); the data path is passed as $1, never spliced in.
     */
    static final String SURVEY = "d=\"$1\"; echo '== df'; df -k \"$d\"; echo '== du'; du -sk \"$d\"/* 2>/dev/null; "
            + "echo '== snapshots'; du -sk \"$d\"/snapshots/* 2>/dev/null; echo '== blocks'; "
            + "for m in \"$d\"/*/meta.json; do [ -f \"$m\" ] && (set -f; echo \"$m\" $(cat \"$m\")); done; echo '== end'";
    private static final Pattern MIN_TIME = Pattern.compile("\"minTime\"\\s*:\\s*(\\d+)");
    private static final Pattern MAX_TIME = Pattern.compile("\"maxTime\"\\s*:\\s*(\\d+)");

    private DiskRecovery() {}

    static RecoveryRunbook definition(RecoveryRunbook.Context context) {
        return new RecoveryRunbook(RunbookHints.DISK_FULL, Set.of(ServiceKind.PROMETHEUS, ServiceKind.LOKI, ServiceKind.REDIS,
                ServiceKind.ALERTMANAGER, ServiceKind.GRAFANA), context,
                "A data volume is full or about to be: Prometheus or Loki stop ingesting, Redis refuses writes. The run shows what "
                        + "uses the space (TSDB blocks by time range, WAL, leftover snapshots, Loki chunks/index/compactor), removes "
                        + "leftover snapshots, says how many of the oldest blocks would have to go to reach the target free space "
                        + "(or plainly that only a bigger volume helps), deletes them when asked (Prometheus: admin API delete_series "
                        + "and clean_tombstones, a backup offered first), restarts the service if it stopped answering, and proves "
                        + "ingestion resumed with the flow monitor.",
                List.of(new Parameter("target-free", "Free space to reach, in percent of the volume", false, "20"),
                        new Parameter("delete-oldest", "yes: delete Prometheus' oldest blocks down to the target through its admin API", false, "no"),
                        new Parameter("backup", "yes: back the service's data up before anything is deleted", false, "no"),
                        new Parameter("retention", "Prometheus: a lower retention to set (7d, or a size like 40GB) through the image "
                                + "change runbook, every other flag kept", false, "")),
                DiskRecovery::steps);
    }

    static List<Step> steps(RecoveryRunbook.Context context, ServiceSpec spec, Map<String, String> params) {
        ServiceAccess service = context.access(spec);
        String data = spec.dataPath().orElseThrow(() -> new IllegalArgumentException(spec.name() + " has no data path in the profile"));
        int target = targetFree(params.getOrDefault("target-free", "20"));
        ServiceProber prober = new ServiceProber(context.profile().probeTimeout(), context.env());
        String name = spec.name();
        List<Step> steps = new ArrayList<>();
        steps.add(new Diagnose("diagnose-disk-" + name, "What uses the space of " + name + "'s volume",
                "Lists the volume's size and free space, what each top-level folder takes (Prometheus: blocks by time range, "
                        + "wal, snapshots; Loki: chunks, index, compactor), and works out what freeing would reach " + target + " % free.",
                List.of("exec " + spec.container() + ": sh -c '<df, du, snapshots, meta.json survey>' sh " + data),
                ctx -> survey(service, data, target, ctx)));
        steps.add(new OnlyIf(new RemoveSnapshots(service, data), "only when leftover snapshots are there",
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
                    steps.add(new OnlyIf(new KeptBackup(s), "only when blocks have to go", blocksToGo));
                }
            }
            steps.add(new OnlyIf(new DeleteOldest(service, data, target), "only with delete-oldest yes, when blocks have to go",
                    ctx -> delete && blocksToGo.test(ctx)));
        }
        String retention = params.getOrDefault("retention", "").strip();
        if (spec.kind() == ServiceKind.PROMETHEUS && !retention.isEmpty()) steps.addAll(lowerRetention(context, name, retention));
        steps.add(new OnlyIf(new Restart(service, prober, Duration.ofSeconds(120), Duration.ofSeconds(120),
                "A service that hit a full disk may have stopped writing for good; it is restarted only if it no longer answers "
                        + "healthy (Prometheus replays its WAL at start, so the grace is long)."),
                "only when it does not answer healthy", ctx -> !healthy(service, prober)));
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
        throw new IllegalArgumentException("retention must be a time like 7d or 12h, or a size like 40GB, not '" + retention + "'");
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
            throw new IllegalArgumentException("target-free must be a whole percentage from 1 to 90, not '" + text + "'");
        }
    }

    private static boolean healthy(ServiceAccess s, ServiceProber prober) {
        return prober.probe(s.spec(), s.gateway().inspect(s.container()), Optional.of(s.gateway())).healthy();
    }

    record Block(String dir, long kb, Instant min, Instant max) {}

    /** What frees a Loki volume: a shorter retention its compactor enforces (Loki 2.9, boltdb-shipper), else more disk. */
    static List<String> lokiRetention(String name, int targetPercent, long missingKb) {
        return List.of(
                "to reach " + targetPercent + " % free, " + Bytes.human(missingKb * 1024) + " of " + name + "'s chunks have to go; Loki "
                        + "deletes chunks only through its compactor, so lower the retention in its config (these lines, with a "
                        + "shorter retention_period than today's):",
                "  limits_config:",
                "    retention_period: 72h",
                "  compactor:",
                "    working_directory: /loki/compactor",
                "    shared_store: filesystem",
                "    retention_enabled: true",
                "    retention_delete_delay: 2h",
                "then restart it with its flush grace period (nightwatch stack restart --service " + name + "); the compactor "
                        + "frees the space within about retention_delete_delay. If the retention is already as short as the "
                        + "team can accept, only a bigger volume helps.");
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
        if (sizeKb == 0) throw new IllegalStateException("could not read the volume's size in " + service.container() + ": " + (r.stderr() + r.stdout()).strip());
        double freePct = 100.0 * availKb / sizeKb;
        out.add(String.format("volume %s: %s free of %s (%.1f %%)", data, Bytes.human(availKb * 1024), Bytes.human(sizeKb * 1024), freePct));
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
        for (Block b : blocks) out.add("  block " + b.dir().substring(b.dir().lastIndexOf('/') + 1) + ": " + b.min() + " – " + b.max() + ", " + Bytes.human(b.kb() * 1024));
        out.add(snapshots == 0 ? "no leftover snapshots" : snapshots + " leftover snapshot(s) take " + Bytes.human(snapshotsKb * 1024) + ": removed next");
        ctx.put("disk." + name + ".snapshots", String.valueOf(snapshots));
        long targetKb = sizeKb * targetPercent / 100;
        long missing = targetKb - availKb - snapshotsKb;
        if (availKb >= targetKb) {
            out.add("already " + targetPercent + " % free: nothing has to be deleted");
        } else if (missing <= 0) {
            out.add("removing the snapshots reaches " + targetPercent + " % free");
        } else {
            long freed = 0;
            int n = 0;
            for (int i = 0; i < blocks.size() - 1 && freed < missing; i++, n++) freed += blocks.get(i).kb(); // the newest block stays
            if (freed >= missing) {
                ctx.put(DeleteOldest.untilKey(name), String.valueOf(blocks.get(n - 1).max().toEpochMilli()));
                ctx.put(DeleteOldest.blocksKey(name), String.valueOf(n));
                out.add("to reach " + targetPercent + " % free, the " + n + " oldest block(s) up to " + blocks.get(n - 1).max()
                        + " (" + Bytes.human(freed * 1024) + ") have to go: delete-oldest yes deletes them through the admin API "
                        + "(backup yes takes a backup first); or set a lower retention (retention 7d: the image change runbook "
                        + "with only --storage.tsdb.retention.time changed)");
            } else if (service.spec().kind() == ServiceKind.LOKI) {
                // Loki's chunks go only through its compactor: deleting files by hand would leave the index pointing at nothing
                out.addAll(lokiRetention(name, targetPercent, missing));
            } else {
                out.add("only a bigger volume helps: even without leftover snapshots and all but the newest block, " + name
                        + " stays below " + targetPercent + " % free (" + Bytes.human(missing * 1024) + " missing)");
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
        public String title() { return "Remove leftover snapshots of " + name(); }
        public String explanation() {
            return "A TSDB snapshot holds hard links or copies of blocks taken for a backup; one left behind by an interrupted backup "
                    + "only takes space. Completed backup sets are outside the volume and are not touched.";
        }
        public List<String> preview(RunContext ctx) {
            return List.of("exec " + service.container() + ": sh -c 'rm -rf -- \"$1\"/snapshots/*' sh " + data);
        }
        public void execute(RunContext ctx) throws Exception {
            ExecResult r = service.exec(List.of("sh", "-c", "rm -rf -- \"$1\"/snapshots/*", "sh", data));
            if (!r.succeeded()) throw new IllegalStateException("removing the snapshots failed: " + (r.stderr() + r.stdout()).strip());
            ctx.output("removed the leftover snapshots in " + data + "/snapshots");
        }
        public Check verify(RunContext ctx) throws Exception {
            ExecResult r = service.exec(List.of("sh", "-c", "ls -A -- \"$1\"/snapshots 2>/dev/null", "sh", data));
            return r.stdout().isBlank() ? Check.ok() : Check.failed("snapshots still there: " + r.stdout().strip());
        }
        public String verificationText() { return "the snapshots folder is empty."; }
        public String compensation() { return "none: removed snapshots are not put back (they were copies of blocks still in the TSDB)."; }
    }
}
