package io.nightwatch.audit;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.ExecUnavailableException;
import io.nightwatch.runbook.backup.BackupManifest;
import io.nightwatch.runbook.backup.BackupSets;
import io.nightwatch.runbook.backup.TarPacker;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;

import io.nightwatch.text.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Proves a backup set by restoring it into scratch containers on the same engine (same image and command, a fresh
 * volume, {@code --network none}, no ports), checking the data (Prometheus answers a query at the set's newest
 * sample, Redis holds the recorded key count), and timing it: the measured RTO. The scratch containers and volumes
 * are removed afterwards; production is never touched.
 */
public final class RestoreDrill {

    private static final Texts T = Texts.of(RestoreDrill.class);

    /** One service's restore: whether its data checked out, how long it took, what was seen. */
    public record ServiceResult(String service, boolean ok, Duration took, String detail) {}

    /** The drill: which set, when, the total time (the measured RTO), and each service. */
    public record Result(String set, Instant startedAt, Duration rto, boolean ok, List<ServiceResult> services) {
        public Result {
            services = List.copyOf(services);
        }
    }

    private final Function<DockerHostSpec, DockerGateway> engines;
    private final Map<String, String> env;
    private final Clock clock;

    public RestoreDrill(Function<DockerHostSpec, DockerGateway> engines, Map<String, String> env, Clock clock) {
        this.engines = engines;
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    /**
     * @param setId    a set folder name under {@code backupRoot}; empty: the newest verified set
     * @param only     services to drill; empty: every service in the set that the profile knows
     * @param perService how long one service may take to come up with its data
     * @throws IllegalArgumentException for an unknown, unverified or damaged set, or a service not in it
     */
    public Result run(StackProfile profile, Path backupRoot, Optional<String> setId, List<String> only, Duration perService) throws IOException {
        BackupSets.SetInfo set = chooseSet(backupRoot, setId);
        BackupManifest manifest = set.manifest().orElseThrow();
        for (String s : only) {
            if (manifest.service(s).isEmpty()) throw new IllegalArgumentException("set " + set.id() + " holds no " + s + " (it has " + set.services() + ")");
        }
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        List<ServiceResult> results = new ArrayList<>();
        for (BackupManifest.ServiceBackup backup : manifest.services()) {
            if (!only.isEmpty() && !only.contains(backup.service())) continue;
            Optional<ServiceSpec> spec = profile.services().stream().filter(s -> s.name().equals(backup.service())).findFirst();
            if (spec.isEmpty()) {
                results.add(new ServiceResult(backup.service(), false, Duration.ZERO, T.get("drill.detail.notInProfile")));
                continue;
            }
            DockerHostSpec host = profile.host(spec.get().host()).orElseThrow();
            try (DockerGateway engine = engines.apply(host)) {
                results.add(drill(engine, spec.get(), set, backup, perService));
            }
        }
        Duration rto = Duration.ofNanos(System.nanoTime() - t0);
        boolean ok = !results.isEmpty() && results.stream().allMatch(ServiceResult::ok);
        return new Result(set.id(), started, rto, ok, results);
    }

    private static BackupSets.SetInfo chooseSet(Path root, Optional<String> setId) throws IOException {
        if (setId.isPresent()) {
            String id = setId.get();
            if (id.contains("/") || id.contains("\\") || id.equals("..") || id.equals(".")) throw new IllegalArgumentException("'" + id + "' is not a set name");
            Path dir = root.resolve(id);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new IllegalArgumentException("no set " + id + " in " + root);
            BackupSets.SetInfo info = BackupSets.describe(dir);
            if (!info.verified() || info.manifest().isEmpty()) {
                throw new IllegalArgumentException("set " + id + " is not verified: `nightwatch backup verify " + id + "` first");
            }
            return info;
        }
        return BackupSets.list(root).stream().filter(BackupSets.SetInfo::verified).filter(s -> s.manifest().isPresent()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no verified backup set in " + root + ": `nightwatch backup` first"));
    }

    private ServiceResult drill(DockerGateway engine, ServiceSpec spec, BackupSets.SetInfo set, BackupManifest.ServiceBackup backup,
                                Duration limit) throws IOException {
        long t0 = System.nanoTime();
        String dataPath = spec.dataPath().orElse(backup.dataPath());
        Path source = set.dir().resolve(backup.service());
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            return new ServiceResult(spec.name(), false, Duration.ZERO, T.get("drill.detail.noFolder", backup.service()));
        }
        String name = "nw-drill-" + spec.name() + "-" + clock.instant().getEpochSecond();
        String volume = engine.createScratch(spec.container(), name, dataPath);
        try {
            try (InputStream tar = TarPacker.packSet(source, backup.files())) {
                engine.copyIn(name, dataPath, tar);
            }
            engine.start(name);
            long deadline = System.nanoTime() + limit.toNanos();
            String last = "";
            while (System.nanoTime() < deadline) {
                Optional<String> problem = problem(engine, name, spec, set, backup);
                if (problem.isEmpty()) {
                    return new ServiceResult(spec.name(), true, Duration.ofNanos(System.nanoTime() - t0), seen(engine, name, spec, backup));
                }
                last = problem.get();
                Thread.sleep(500);
            }
            return new ServiceResult(spec.name(), false, Duration.ofNanos(System.nanoTime() - t0), T.get("drill.detail.timeout", Units.duration(limit), last));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServiceResult(spec.name(), false, Duration.ofNanos(System.nanoTime() - t0), T.get("drill.detail.interrupted"));
        } finally {
            engine.removeScratch(name, volume);
        }
    }

    /** Empty when the restored data is there; else what is missing. */
    private Optional<String> problem(DockerGateway engine, String name, ServiceSpec spec, BackupSets.SetInfo set,
                                     BackupManifest.ServiceBackup backup) {
        Duration t = Duration.ofSeconds(5);
        try {
            if (spec.kind() == ServiceKind.REDIS) {
                String expected = backup.facts().getOrDefault("keys", "");
                ExecResult r = engine.exec(name, List.of("redis-cli", "-p", Integer.toString(spec.health().containerPort()), "DBSIZE"),
                        redisAuth(spec), t);
                String now = r.stdout().strip();
                if (r.succeeded() && now.matches("\\d+") && (expected.isEmpty() || expected.equals(now))) return Optional.empty();
                return Optional.of(T.get("drill.detail.dbsize", now.isEmpty() ? r.stderr().strip() : now, expected));
            }
            if (spec.kind() == ServiceKind.PROMETHEUS) {
                long newest = set.verification().map(v -> v.newestPrometheusMillis()).orElse(0L);
                if (newest == 0) return running(engine, name);
                String url = "http://127.0.0.1:" + spec.health().containerPort() + "/api/v1/query?query=count(%7B__name__%3D~%22.%2B%22%7D)&time="
                        + ((newest - 1) / 1000.0);
                ExecResult r = engine.exec(name, List.of("wget", "-qO-", url), t);
                if (r.succeeded() && r.stdout().contains("\"result\":[{")) return Optional.empty();
                return Optional.of(T.get("drill.detail.noSeries", Instant.ofEpochMilli(newest - 1)) + (r.succeeded() ? "" : " (" + r.stderr().strip() + ")"));
            }
            return running(engine, name);
        } catch (ExecUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Kinds without a data query here: restored when the container runs on the restored files. */
    private static Optional<String> running(DockerGateway engine, String name) {
        return engine.inspect(name).filter(f -> f.running()).isPresent() ? Optional.empty() : Optional.of(T.get("drill.detail.notRunning"));
    }

    private String seen(DockerGateway engine, String name, ServiceSpec spec, BackupManifest.ServiceBackup backup) {
        return switch (spec.kind()) {
            case REDIS -> T.get("drill.seen.redis", backup.facts().getOrDefault("keys", "?"));
            case PROMETHEUS -> T.get("drill.seen.prometheus");
            default -> T.get("drill.seen.other", spec.kind().id());
        };
    }

    /** redis-cli reads the password from REDISCLI_AUTH: it never appears in argv. */
    private Map<String, String> redisAuth(ServiceSpec spec) {
        return spec.credentialEnv().map(env::get).filter(p -> !p.isEmpty()).map(p -> Map.of("REDISCLI_AUTH", p)).orElse(Map.of());
    }
}
