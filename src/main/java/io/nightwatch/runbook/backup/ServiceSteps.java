package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.docker.ContainerShell;
import io.nightwatch.docker.ExecUnavailableException;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The service-specific parts of a backup: what makes each service's copy consistent. */
final class ServiceSteps {

    private static final Texts T = Texts.of(ServiceSteps.class);

    private ServiceSteps() {}

    static String snapshotKey(ServiceAccess s) { return "prometheus." + s.spec().name() + ".snapshot"; }

    /** Prometheus' admin API hard-links the TSDB (head included) into snapshots/NAME. */
    static final class PrometheusSnapshot implements Step {
        private final ServiceAccess prometheus;

        PrometheusSnapshot(ServiceAccess prometheus) { this.prometheus = prometheus; }

        public String id() { return "snapshot-" + prometheus.spec().name(); }
        public String title() { return T.get("snapshot.title"); }
        public String explanation() { return T.get("snapshot.explanation"); }
        public String preconditionText() { return T.get("snapshot.precondition"); }
        public List<String> preview(RunContext ctx) {
            return List.of(T.get("snapshot.preview", prometheus.spec().health().directHost(),
                    String.valueOf(prometheus.spec().health().directPort()), prometheus.container()));
        }
        public void execute(RunContext ctx) throws IOException {
            String answer;
            try {
                answer = prometheus.post("/api/v1/admin/tsdb/snapshot");
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).contains("admin APIs disabled")) { // tool text: Prometheus' answer
                    throw new IOException(T.get("snapshot.adminDisabled"), e);
                }
                throw e;
            }
            JsonNode json = BackupManifest.JSON.readTree(answer);
            String name = json.path("data").path("name").asText("");
            if (!"success".equals(json.path("status").asText()) || name.isEmpty()) throw new IOException(T.get("snapshot.refused", answer.strip()));
            ctx.put(snapshotKey(prometheus), name);
            ctx.output(T.get("snapshot.output", name));
        }
        public String compensation() { return T.get("snapshot.compensation"); }
        public void compensate(RunContext ctx) throws IOException {
            var name = ctx.get(snapshotKey(prometheus));
            if (name.isEmpty()) return;
            Optional<String> problem = RemovePrometheusSnapshot.remove(prometheus, name.get(), ctx);
            if (problem.isPresent()) throw new IOException(problem.get());
        }
    }

    /**
     * The snapshot is hard links on the same disk: once copied out it should go, or it pins old blocks. A removal that
     * fails is a warning with the command to run by hand, never a reason to throw away the copy that was made.
     */
    static final class RemovePrometheusSnapshot implements Step {
        static final String SCRIPT = "rm -rf -- \"$1\"";
        private final ServiceAccess prometheus;

        RemovePrometheusSnapshot(ServiceAccess prometheus) { this.prometheus = prometheus; }

        public String id() { return "remove-snapshot-" + prometheus.spec().name(); }
        public String title() { return T.get("removeSnapshot.title"); }
        public String explanation() { return T.get("removeSnapshot.explanation"); }
        public List<String> preview(RunContext ctx) {
            return List.of(T.get("removeSnapshot.preview", path(prometheus, "<name>"), prometheus.shell().routeText(prometheus.container(), true)));
        }
        public void execute(RunContext ctx) {
            String name = ctx.get(snapshotKey(prometheus)).orElseThrow();
            remove(prometheus, name, ctx).ifPresent(problem -> {
                ctx.put("warning." + id(), problem);
                ctx.output(T.get("removeSnapshot.warning", problem));
            });
        }

        static String path(ServiceAccess prometheus, String name) {
            return prometheus.spec().dataPath().orElse("/prometheus") + "/snapshots/" + name;
        }

        /** Removes the snapshot; the problem (with the command to run by hand) when that did not work. */
        static Optional<String> remove(ServiceAccess prometheus, String name, RunContext ctx) {
            if (!name.matches("[A-Za-z0-9-]+")) return Optional.of(T.get("removeSnapshot.badName", name));
            String path = path(prometheus, name);
            String failure;
            boolean noShell = false;
            try {
                ContainerShell.Outcome done = prometheus.shell().inRunning(prometheus.container(), path, SCRIPT, List.of(path), Duration.ofMinutes(2));
                if (done.result().succeeded()) {
                    ctx.output(T.get("removeSnapshot.removed", name, done.route()));
                    return Optional.empty();
                }
                failure = (done.result().timedOut() ? T.get("removeSnapshot.timedOut") : T.get("removeSnapshot.exit", done.result().exitCode())) + ": "
                        + (done.result().stderr() + done.result().stdout()).strip();
            } catch (ExecUnavailableException e) {
                failure = e.getMessage();
                noShell = true;
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
            return Optional.of(T.get("removeSnapshot.stillThere", path, failure, handCommand(prometheus, path, noShell)));
        }

        /** With a shell: exec into the container; without: a throwaway container that mounts its volumes. */
        static String handCommand(ServiceAccess s, String path, boolean noShell) {
            if (!noShell) return s.byHand(List.of("exec", "-u", "0", s.container(), "sh", "-c", SCRIPT, "sh", path));
            return s.byHand(List.of("run", "--rm", "--network", "none", "--volumes-from", s.container(),
                    s.shell().helperImage().orElse("busybox"), "rm", "-rf", "--", path));
        }
    }

    /** BGSAVE returns at once; success is LASTSAVE moving past its earlier value. */
    static final class RedisBgsave implements Step {
        static final Duration WAIT = Duration.ofMinutes(2);
        private final ServiceAccess redis;

        RedisBgsave(ServiceAccess redis) { this.redis = redis; }

        public String id() { return "bgsave-" + redis.spec().name(); }
        public String title() { return T.get("bgsave.title"); }
        public String explanation() { return T.get("bgsave.explanation"); }
        public List<String> preview(RunContext ctx) {
            return List.of("LASTSAVE", "BGSAVE", T.get("bgsave.previewPoll"), "DBSIZE", "CONFIG GET dir", "CONFIG GET dbfilename", // tool text
                    "CONFIG GET appendonly"); // tool text: Redis commands
        }
        public void execute(RunContext ctx) throws Exception {
            String name = redis.spec().name();
            String keys = redis.redis("DBSIZE").strip();
            RedisSave.bgsaveAndWait(redis, ctx, WAIT);
            ctx.put("facts." + name + ".keys", keys);
            ctx.put("redis." + name + ".dir", lastLine(redis.redis("CONFIG", "GET", "dir")));
            ctx.put("redis." + name + ".dbfilename", lastLine(redis.redis("CONFIG", "GET", "dbfilename")));
            ctx.put("facts." + name + ".appendonly", lastLine(redis.redis("CONFIG", "GET", "appendonly")));
            ctx.output(T.get("bgsave.output", keys));
        }

        static String lastLine(String reply) {
            String[] lines = reply.strip().split("\n");
            return lines[lines.length - 1].strip();
        }
    }

    /** Loki keeps recent chunks in memory: flush them first, or the copy misses the newest logs. */
    static final class LokiFlush implements Step {
        private final ServiceAccess loki;

        LokiFlush(ServiceAccess loki) { this.loki = loki; }

        public String id() { return "flush-" + loki.spec().name(); }
        public String title() { return T.get("lokiFlush.title"); }
        public String explanation() { return T.get("lokiFlush.explanation"); }
        public List<String> preview(RunContext ctx) { return List.of(T.get("lokiFlush.preview", loki.spec().health())); }
        public void execute(RunContext ctx) throws IOException { loki.post("/flush"); }
    }

    /** Pausing Grafana freezes its SQLite writes, so the copy of grafana.db (+ WAL) is consistent, not torn. */
    static final class Pause implements Step {
        private final ServiceAccess service;

        Pause(ServiceAccess service) { this.service = service; }

        public String id() { return "pause-" + service.spec().name(); }
        public String title() { return T.get("pause.title", service.spec().name()); }
        public String explanation() { return T.get("pause.explanation"); }
        public List<String> preview(RunContext ctx) { return List.of("POST /containers/" + service.container() + "/pause"); }
        public void execute(RunContext ctx) { service.gateway().pause(service.container()); }
        public String compensation() { return T.get("pause.compensation"); }
        public void compensate(RunContext ctx) throws IOException {
            try {
                service.gateway().unpause(service.container());
            } catch (RuntimeException e) {
                boolean paused = service.gateway().inspect(service.container()).map(c -> c.state() == io.nightwatch.docker.ContainerState.PAUSED).orElse(false);
                if (paused) throw new IOException(e.getMessage() + T.get("byHand.suffix", service.byHand(List.of("unpause", service.container()))), e);
                // not paused (any more): nothing to undo
            }
        }
    }

    static final class Unpause implements Step {
        private final ServiceAccess service;

        Unpause(ServiceAccess service) { this.service = service; }

        public String id() { return "unpause-" + service.spec().name(); }
        public String title() { return T.get("unpause.title", service.spec().name()); }
        public String explanation() { return T.get("unpause.explanation"); }
        public List<String> preview(RunContext ctx) { return List.of("POST /containers/" + service.container() + "/unpause"); }
        public void execute(RunContext ctx) { service.gateway().unpause(service.container()); }
        public Check verify(RunContext ctx) {
            return service.gateway().inspect(service.container()).map(c -> c.running()).orElse(false)
                    ? Check.ok() : Check.failed(T.get("unpause.notRunning", service.container()));
        }
    }
}
