package io.nightwatch.runbook.backup;

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

    private ServiceSteps() {}

    static String snapshotKey(ServiceAccess s) { return "prometheus." + s.spec().name() + ".snapshot"; }

    /** Prometheus' admin API hard-links the TSDB (head included) into snapshots/NAME. */
    static final class PrometheusSnapshot implements Step {
        private final ServiceAccess prometheus;

        PrometheusSnapshot(ServiceAccess prometheus) { this.prometheus = prometheus; }

        public String id() { return "snapshot-" + prometheus.spec().name(); }
        public String title() { return "Snapshot Prometheus' TSDB"; }
        public String explanation() {
            return "POST /api/v1/admin/tsdb/snapshot makes a consistent snapshot of all blocks and the head (skip_head=false, "
                    + "so the newest 2–3 h are kept) as hard links under <tsdb>/snapshots/<name>, costing no extra disk.";
        }
        public String preconditionText() { return "Prometheus runs with --web.enable-admin-api."; }
        public List<String> preview(RunContext ctx) {
            return List.of("POST " + prometheus.spec().health().directHost() + ":" + prometheus.spec().health().directPort()
                    + "/api/v1/admin/tsdb/snapshot (else wget inside " + prometheus.container() + ")");
        }
        public void execute(RunContext ctx) throws IOException {
            String answer;
            try {
                answer = prometheus.post("/api/v1/admin/tsdb/snapshot");
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).contains("admin APIs disabled")) {
                    throw new IOException("Prometheus' admin API is disabled: start it with --web.enable-admin-api "
                            + "(in the compose file's command) to allow snapshots", e);
                }
                throw e;
            }
            JsonNode json = BackupManifest.JSON.readTree(answer);
            String name = json.path("data").path("name").asText("");
            if (!"success".equals(json.path("status").asText()) || name.isEmpty()) throw new IOException("snapshot refused: " + answer.strip());
            ctx.put(snapshotKey(prometheus), name);
            ctx.output("snapshot " + name);
        }
        public String compensation() { return "Delete the snapshot directory inside the container."; }
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
        public String title() { return "Remove the snapshot from Prometheus' disk"; }
        public String explanation() {
            return "The copied snapshot is deleted so it does not keep old blocks alive: with the container's shell (sh -c reaches "
                    + "busybox's rm on lean images), else from a helper container of the host's helper image. If neither works, "
                    + "the copy is kept and a warning gives the exact command to run by hand.";
        }
        public List<String> preview(RunContext ctx) {
            return List.of("rm -rf -- " + path(prometheus, "<name>") + " via " + prometheus.shell().routeText(prometheus.container(), true)
                    + "; if that fails: a warning with the command to run by hand, the copy is kept");
        }
        public void execute(RunContext ctx) {
            String name = ctx.get(snapshotKey(prometheus)).orElseThrow();
            remove(prometheus, name, ctx).ifPresent(problem -> {
                ctx.put("warning." + id(), problem);
                ctx.output("warning: " + problem);
            });
        }

        static String path(ServiceAccess prometheus, String name) {
            return prometheus.spec().dataPath().orElse("/prometheus") + "/snapshots/" + name;
        }

        /** Removes the snapshot; the problem (with the command to run by hand) when that did not work. */
        static Optional<String> remove(ServiceAccess prometheus, String name, RunContext ctx) {
            if (!name.matches("[A-Za-z0-9-]+")) return Optional.of("unexpected snapshot name '" + name + "': not removed");
            String path = path(prometheus, name);
            String failure;
            boolean noShell = false;
            try {
                ContainerShell.Outcome done = prometheus.shell().inRunning(prometheus.container(), path, SCRIPT, List.of(path), Duration.ofMinutes(2));
                if (done.result().succeeded()) {
                    ctx.output("snapshot " + name + " removed (" + done.route() + ")");
                    return Optional.empty();
                }
                failure = (done.result().timedOut() ? "timed out" : "exit " + done.result().exitCode()) + ": "
                        + (done.result().stderr() + done.result().stdout()).strip();
            } catch (ExecUnavailableException e) {
                failure = e.getMessage();
                noShell = true;
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
            return Optional.of("the snapshot " + path + " is still on Prometheus' disk (" + failure + "). Remove it by hand on that host: `"
                    + handCommand(prometheus, path, noShell) + "`");
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
        public String title() { return "Have Redis write a fresh dump.rdb"; }
        public String explanation() {
            return "BGSAVE forks Redis to write a new RDB to a temporary name and rename it; a finished RDB is never modified, so "
                    + "copying it from the running server is safe. Success is LASTSAVE moving past its earlier value (waited for "
                    + "up to 2 min). DBSIZE is recorded so the restore can check the keys are back.";
        }
        public List<String> preview(RunContext ctx) {
            return List.of("LASTSAVE", "BGSAVE", "poll LASTSAVE until it changes (≤ 2 min)", "DBSIZE", "CONFIG GET dir", "CONFIG GET dbfilename",
                    "CONFIG GET appendonly");
        }
        public void execute(RunContext ctx) throws Exception {
            String name = redis.spec().name();
            String keys = redis.redis("DBSIZE").strip();
            RedisSave.bgsaveAndWait(redis, ctx, WAIT);
            ctx.put("facts." + name + ".keys", keys);
            ctx.put("redis." + name + ".dir", lastLine(redis.redis("CONFIG", "GET", "dir")));
            ctx.put("redis." + name + ".dbfilename", lastLine(redis.redis("CONFIG", "GET", "dbfilename")));
            ctx.put("facts." + name + ".appendonly", lastLine(redis.redis("CONFIG", "GET", "appendonly")));
            ctx.output("dump.rdb written, " + keys + " keys");
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
        public String title() { return "Flush Loki's in-memory chunks"; }
        public String explanation() {
            return "POST /flush writes the ingesters' in-memory chunks to the filesystem store. Loki has no official backup "
                    + "procedure; chunks are useless without the index, so the whole path_prefix tree is copied next.";
        }
        public List<String> preview(RunContext ctx) { return List.of("POST /flush on " + loki.spec().health()); }
        public void execute(RunContext ctx) throws IOException { loki.post("/flush"); }
    }

    /** Pausing Grafana freezes its SQLite writes, so the copy of grafana.db (+ WAL) is consistent, not torn. */
    static final class Pause implements Step {
        private final ServiceAccess service;

        Pause(ServiceAccess service) { this.service = service; }

        public String id() { return "pause-" + service.spec().name(); }
        public String title() { return "Pause " + service.spec().name() + " for a consistent copy"; }
        public String explanation() {
            return "A live SQLite file copied while written can be torn. The container is paused (its processes frozen, "
                    + "connections kept) for the copy and resumed right after.";
        }
        public List<String> preview(RunContext ctx) { return List.of("POST /containers/" + service.container() + "/pause"); }
        public void execute(RunContext ctx) { service.gateway().pause(service.container()); }
        public String compensation() { return "Resume the container."; }
        public void compensate(RunContext ctx) throws IOException {
            try {
                service.gateway().unpause(service.container());
            } catch (RuntimeException e) {
                boolean paused = service.gateway().inspect(service.container()).map(c -> c.state() == io.nightwatch.docker.ContainerState.PAUSED).orElse(false);
                if (paused) throw new IOException(e.getMessage() + ". By hand on that host: `" + service.byHand(List.of("unpause", service.container())) + "`", e);
                // not paused (any more): nothing to undo
            }
        }
    }

    static final class Unpause implements Step {
        private final ServiceAccess service;

        Unpause(ServiceAccess service) { this.service = service; }

        public String id() { return "unpause-" + service.spec().name(); }
        public String title() { return "Resume " + service.spec().name(); }
        public String explanation() { return "The container runs on exactly where it was paused."; }
        public List<String> preview(RunContext ctx) { return List.of("POST /containers/" + service.container() + "/unpause"); }
        public void execute(RunContext ctx) { service.gateway().unpause(service.container()); }
        public Check verify(RunContext ctx) {
            return service.gateway().inspect(service.container()).map(c -> c.running()).orElse(false)
                    ? Check.ok() : Check.failed(service.container() + " is not running after unpause");
        }
    }
}
