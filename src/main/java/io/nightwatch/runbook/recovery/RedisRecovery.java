package io.nightwatch.runbook.recovery;

import io.nightwatch.alerts.RunbookHints;
import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.BackupManifest;
import io.nightwatch.runbook.backup.BackupSets;
import io.nightwatch.runbook.backup.RestoreRunbook;
import io.nightwatch.runbook.backup.ServiceAccess;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** redis-down: why the session store died, bring it back, put the sessions back when they are gone, count what was lost. */
final class RedisRecovery {

    static final String EXAMPLE_SET = "~/.local/share/nightwatch/backups/<newest verified set>";
    private static final Pattern PERSISTENCE = Pattern.compile("(?i)MISCONF|can't save|background saving error|failed opening|"
            + "short read|bad file format|no space left|permission denied|out of memory|oom");

    private RedisRecovery() {}

    static RecoveryRunbook definition(RecoveryRunbook.Context context) {
        return new RecoveryRunbook(RunbookHints.REDIS_DOWN, Set.of(ServiceKind.REDIS), context,
                "The Redis session store crashed, was OOM-killed or came back empty. The run says why (exit code, OOM kill, the "
                        + "last log lines, persistence errors) and how many session keys there are, restarts it if it does not "
                        + "answer, restores the newest verified backup set only when the data is gone, and proves recovery with "
                        + "PING, the key count, the TTLs and the flow monitor; it reports how many sessions were lost.",
                List.of(new Parameter("set", "The backup set to restore if the data is gone (default: the newest verified set with this service)",
                        false, "")),
                RedisRecovery::steps);
    }

    static List<Step> steps(RecoveryRunbook.Context context, ServiceSpec spec, Map<String, String> params) {
        ServiceAccess redis = context.access(spec);
        ServiceProber prober = new ServiceProber(context.profile().probeTimeout(), context.env());
        String name = spec.name();
        Optional<Path> set = chooseSet(context.backupRoot(), name, params.get("set"));
        List<Step> steps = new ArrayList<>();
        steps.add(new Diagnose("diagnose-" + name, "Why is " + name + " down, and what data does it hold?",
                "Reads the container's state (exit code, OOM kill, restarts), its last log lines with any persistence error, "
                        + "and the session keys it holds now.",
                List.of("GET /containers/" + spec.container() + "/json", "GET /containers/" + spec.container() + "/logs (last 20 lines)",
                        KeptCrashes.READS, "PING; DBSIZE; INFO keyspace (if it answers)", "newest verified backup set of " + name + ": " + set.map(Path::toString).orElse("none")),
                ctx -> diagnose(redis, context.crashes(), set, ctx)));
        steps.add(new OnlyIf(new Restart(redis, prober, Duration.ofSeconds(10), Duration.ofSeconds(90),
                "Starts Redis again (it loads its RDB/AOF at start) and waits for PING."), "only when Redis does not answer",
                ctx -> !"true".equals(ctx.get(key(name, "answering")).orElse(""))));
        steps.add(new Diagnose("count-keys-" + name, "Count the session keys after the start",
                "Redis may answer but have come back empty (its dump deleted or unreadable): then the data is gone and only a "
                        + "backup set brings the sessions back.",
                List.of("DBSIZE"), ctx -> countAfterStart(redis, set, ctx)));
        if (set.isPresent()) {
            Map<String, String> restoreParams = Map.of("set", set.get().toString(), "services", name);
            RestoreRunbook restore = new RestoreRunbook(context.profile(), context.env(), context.engines(), Clock.systemUTC());
            for (Step s : restore.build(restoreParams).steps()) {
                steps.add(new OnlyIf(s, "only when the data is gone", ctx -> "true".equals(ctx.get(key(name, "data-gone")).orElse(""))));
            }
        }
        steps.add(new VerifyData(redis, set));
        steps.add(new VerifyRecovered(context.profile(), spec, context.env(), List.of("redis.ops"), context.timing()));
        return steps;
    }

    static String key(String service, String what) { return "redis." + service + "." + what; }

    /** The set named, or the newest verified set holding the service; the docs show a placeholder. */
    static Optional<Path> chooseSet(Path root, String service, String named) {
        if (named != null && !named.isBlank()) return Optional.of(Path.of(named));
        if (root == null || !Files.isDirectory(root)) return root == null || root.toString().startsWith("~") ? Optional.of(Path.of(EXAMPLE_SET)) : Optional.empty();
        try {
            return BackupSets.newestVerified(root, service).map(BackupSets.SetInfo::dir);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<String> diagnose(ServiceAccess redis, CrashHistory crashes, Optional<Path> set, RunContext ctx) {
        List<String> out = new ArrayList<>();
        String name = redis.spec().name();
        Optional<ContainerFacts> facts = redis.gateway().inspect(redis.container());
        if (facts.isEmpty()) {
            out.add("no container " + redis.container() + " on " + redis.spec().host() + ": it was removed; recreate it from the compose file");
        } else {
            ContainerFacts f = facts.get();
            out.add("container " + f.state().name().toLowerCase(Locale.ROOT) + ", exit code " + f.exitCode()
                    + (f.oomKilled() ? ", OOM-killed: it exceeded its memory limit of " + io.nightwatch.text.Bytes.human(f.memoryLimitBytes()) : "")
                    + ", restarted " + f.restartCount() + "×" + f.finishedAt().map(t -> ", last stopped " + t).orElse(""));
            List<String> lines = LastLines.of(redis.gateway(), redis.container(), 20, Duration.ofSeconds(2));
            lines.stream().filter(l -> PERSISTENCE.matcher(l).find()).forEach(l -> out.add("persistence error: " + l));
            out.add("last log lines:");
            lines.forEach(l -> out.add("  " + l));
        }
        out.addAll(KeptCrashes.describe(crashes, redis.spec(), facts, PERSISTENCE, "kept persistence error"));
        try {
            redis.redis("PING");
            String keys = redis.redis("DBSIZE");
            ctx.put(key(name, "answering"), "true");
            ctx.put(key(name, "keys.before"), keys.strip());
            out.add("Redis answers PING; it holds " + keys.strip() + " keys now");
        } catch (IOException e) {
            ctx.put(key(name, "answering"), "false");
            out.add("Redis does not answer: " + e.getMessage());
        }
        out.add(set.map(s -> "newest verified backup set: " + s + keysIn(s).map(k -> " (" + k + " keys)").orElse(""))
                .orElse("no verified backup set of " + name + ": sessions that are gone cannot be restored"));
        return out;
    }

    private static List<String> countAfterStart(ServiceAccess redis, Optional<Path> set, RunContext ctx) throws IOException {
        String name = redis.spec().name();
        long keys = Long.parseLong(redis.redis("DBSIZE").strip());
        ctx.put(key(name, "keys.after-start"), String.valueOf(keys));
        long inSet = set.flatMap(RedisRecovery::keysIn).orElse(0L);
        boolean gone = keys == 0 && inSet > 0;
        ctx.put(key(name, "data-gone"), String.valueOf(gone));
        if (gone) return List.of("Redis is empty but the backup set holds " + inSet + " keys: the data is gone, restoring the set");
        if (keys == 0) return List.of("Redis is empty and no backup set holds sessions: nothing to restore");
        return List.of(keys + " keys are there: the data survived, no restore needed");
    }

    static Optional<Long> keysIn(Path set) {
        try {
            if (!Files.isRegularFile(set.resolve(BackupManifest.FILE))) return Optional.empty();
            return BackupManifest.read(set).services().stream().filter(b -> b.kind().equals("redis")).findFirst()
                    .map(b -> b.facts().getOrDefault("keys", "")).filter(k -> k.matches("\\d+")).map(Long::parseLong);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** PING, key count and TTLs, and the sessions lost: the figures the operator reports. */
    static final class VerifyData implements Step {
        private final ServiceAccess redis;
        private final Optional<Path> set;

        VerifyData(ServiceAccess redis, Optional<Path> set) {
            this.redis = redis;
            this.set = set;
        }

        public String id() { return "verify-data-" + redis.spec().name(); }
        public String title() { return "Check PING, keys and TTLs, and count the sessions lost"; }
        public String explanation() {
            return "Sessions restored from a set are those of the backup's time: every session created or changed since is lost "
                    + "(users log in again). Keys without TTL would never expire, which sessions must.";
        }
        public List<String> preview(RunContext ctx) { return List.of("PING", "DBSIZE", "INFO keyspace (keys with a TTL)"); }

        public void execute(RunContext ctx) throws Exception {
            String name = redis.spec().name();
            String pong = redis.redis("PING").strip();
            if (!pong.equalsIgnoreCase("PONG")) throw new IllegalStateException("PING answers " + pong);
            long keys = Long.parseLong(redis.redis("DBSIZE").strip());
            long withTtl = expires(redis.redis("INFO", "keyspace"));
            ctx.put(key(name, "keys.after"), String.valueOf(keys));
            long before = ctx.get(key(name, "keys.before")).map(Long::parseLong).orElse(-1L);
            long inSet = set.flatMap(RedisRecovery::keysIn).orElse(-1L);
            ctx.output("PING " + pong + "; " + keys + " keys, " + withTtl + " with a TTL");
            if (before >= 0) ctx.output("keys before the recovery: " + before + ", after: " + keys);
            if ("true".equals(ctx.get(key(name, "data-gone")).orElse(""))) {
                ctx.output("restored " + keys + " of the " + inSet + " keys in the set; sessions created since the backup are lost");
            } else if (before > keys) {
                ctx.output((before - keys) + " sessions lost");
            } else {
                ctx.output("no sessions lost");
            }
        }

        public Check verify(RunContext ctx) {
            return Check.ok("Redis answers PING");
        }
        public String verificationText() { return "PING answers PONG; the key count and keys with TTL are reported."; }
    }

    static long expires(String info) {
        long sum = 0;
        Matcher m = Pattern.compile("expires=(\\d+)").matcher(info);
        while (m.find()) sum += Long.parseLong(m.group(1));
        return sum;
    }
}
