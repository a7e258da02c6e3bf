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

import io.nightwatch.text.Texts;
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

    private static final Texts T = Texts.of(RedisRecovery.class);

    static final String EXAMPLE_SET = "~/.local/share/nightwatch/backups/<newest verified set>"; // tool text: a path placeholder
    private static final Pattern PERSISTENCE = Pattern.compile("(?i)MISCONF|can't save|background saving error|failed opening|" // tool text: Redis log words
            + "short read|bad file format|no space left|permission denied|out of memory|oom"); // tool text: Redis log words

    private RedisRecovery() {}

    static RecoveryRunbook definition(RecoveryRunbook.Context context) {
        return new RecoveryRunbook(RunbookHints.REDIS_DOWN, Set.of(ServiceKind.REDIS), context,
                T.get("redis.purpose"),
                List.of(new Parameter("set", T.get("redis.param.set"), false, "")),
                RedisRecovery::steps);
    }

    static List<Step> steps(RecoveryRunbook.Context context, ServiceSpec spec, Map<String, String> params) {
        ServiceAccess redis = context.access(spec);
        ServiceProber prober = new ServiceProber(context.profile().probeTimeout(), context.env());
        String name = spec.name();
        Optional<Path> set = chooseSet(context.backupRoot(), name, params.get("set"));
        List<Step> steps = new ArrayList<>();
        steps.add(new Diagnose("diagnose-" + name, T.get("redis.diagnose.title", name),
                T.get("redis.diagnose.explanation"),
                List.of("GET /containers/" + spec.container() + "/json", T.get("redis.preview.logs", spec.container()),
                        KeptCrashes.reads(), T.get("redis.preview.ping"), T.get("redis.preview.set", name, set.map(Path::toString).orElse(T.get("redis.none")))),
                ctx -> diagnose(redis, context.crashes(), set, ctx)));
        steps.add(new OnlyIf(new Restart(redis, prober, Duration.ofSeconds(10), Duration.ofSeconds(90),
                T.get("redis.restart.why")), T.get("redis.only.notAnswering"),
                ctx -> !"true".equals(ctx.get(key(name, "answering")).orElse(""))));
        steps.add(new Diagnose("count-keys-" + name, T.get("redis.count.title"),
                T.get("redis.count.explanation"),
                List.of("DBSIZE"), ctx -> countAfterStart(redis, set, ctx)));
        if (set.isPresent()) {
            Map<String, String> restoreParams = Map.of("set", set.get().toString(), "services", name);
            RestoreRunbook restore = new RestoreRunbook(context.profile(), context.env(), context.engines(), Clock.systemUTC());
            for (Step s : restore.build(restoreParams).steps()) {
                steps.add(new OnlyIf(s, T.get("redis.only.dataGone"), ctx -> "true".equals(ctx.get(key(name, "data-gone")).orElse(""))));
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
            out.add(T.get("redis.noContainer", redis.container(), redis.spec().host()));
        } else {
            ContainerFacts f = facts.get();
            out.add(T.get("redis.container", f.state().name().toLowerCase(Locale.ROOT), f.exitCode(),
                    f.oomKilled() ? T.get("redis.oom", io.nightwatch.text.Bytes.human(f.memoryLimitBytes())) : "",
                    f.restartCount(), f.finishedAt().map(t -> T.get("redis.lastStopped", t)).orElse("")));
            List<String> lines = LastLines.of(redis.gateway(), redis.container(), 20, Duration.ofSeconds(2));
            lines.stream().filter(l -> PERSISTENCE.matcher(l).find()).forEach(l -> out.add(T.get("redis.persistenceError", l)));
            out.add(T.get("diagnose.lastLines"));
            lines.forEach(l -> out.add("  " + l));
        }
        out.addAll(KeptCrashes.describe(crashes, redis.spec(), facts, PERSISTENCE, T.get("redis.keptPersistenceError")));
        try {
            redis.redis("PING");
            String keys = redis.redis("DBSIZE");
            ctx.put(key(name, "answering"), "true");
            ctx.put(key(name, "keys.before"), keys.strip());
            out.add(T.get("redis.answers", keys.strip()));
        } catch (IOException e) {
            ctx.put(key(name, "answering"), "false");
            out.add(T.get("redis.notAnswering", e.getMessage()));
        }
        out.add(set.map(s -> T.get("redis.newestSet", s, keysIn(s).map(k -> T.get("redis.setKeys", k)).orElse("")))
                .orElse(T.get("redis.noSet", name)));
        return out;
    }

    private static List<String> countAfterStart(ServiceAccess redis, Optional<Path> set, RunContext ctx) throws IOException {
        String name = redis.spec().name();
        long keys = Long.parseLong(redis.redis("DBSIZE").strip());
        ctx.put(key(name, "keys.after-start"), String.valueOf(keys));
        long inSet = set.flatMap(RedisRecovery::keysIn).orElse(0L);
        boolean gone = keys == 0 && inSet > 0;
        ctx.put(key(name, "data-gone"), String.valueOf(gone));
        if (gone) return List.of(T.get("redis.count.gone", inSet));
        if (keys == 0) return List.of(T.get("redis.count.emptyNoSet"));
        return List.of(T.get("redis.count.survived", keys));
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
        public String title() { return T.get("redis.verify.title"); }
        public String explanation() {
            return T.get("redis.verify.explanation");
        }
        public List<String> preview(RunContext ctx) { return List.of("PING", "DBSIZE", T.get("redis.verify.preview")); }

        public void execute(RunContext ctx) throws Exception {
            String name = redis.spec().name();
            String pong = redis.redis("PING").strip();
            if (!pong.equalsIgnoreCase("PONG")) throw new IllegalStateException(T.get("redis.verify.ping", pong));
            long keys = Long.parseLong(redis.redis("DBSIZE").strip());
            long withTtl = expires(redis.redis("INFO", "keyspace"));
            ctx.put(key(name, "keys.after"), String.valueOf(keys));
            long before = ctx.get(key(name, "keys.before")).map(Long::parseLong).orElse(-1L);
            long inSet = set.flatMap(RedisRecovery::keysIn).orElse(-1L);
            ctx.output(T.get("redis.verify.keys", pong, keys, withTtl));
            if (before >= 0) ctx.output(T.get("redis.verify.beforeAfter", before, keys));
            if ("true".equals(ctx.get(key(name, "data-gone")).orElse(""))) {
                ctx.output(T.get("redis.verify.restored", keys, inSet));
            } else if (before > keys) {
                ctx.output(T.get("redis.verify.lost", before - keys));
            } else {
                ctx.output(T.get("redis.verify.noneLost"));
            }
        }

        public Check verify(RunContext ctx) {
            return Check.ok(T.get("redis.verify.ok"));
        }
        public String verificationText() { return T.get("redis.verify.verification"); }
    }

    static long expires(String info) {
        long sum = 0;
        Matcher m = Pattern.compile("expires=(\\d+)").matcher(info);
        while (m.find()) sum += Long.parseLong(m.group(1));
        return sum;
    }
}
