package io.nightwatch.runbook.backup;

import io.nightwatch.docker.ContainerShell;
import io.nightwatch.docker.ExecUnavailableException;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Steps that put a service's data back, each with the way back if a later step fails. */
final class RestoreSteps {

    private RestoreSteps() {}

    static String safetyKey(ServiceAccess s) { return "safety." + s.spec().name(); }

    /** Before anything is replaced, the current data is copied out: the way back if the restore fails. */
    static final class SafetyCopy extends ServiceStep {
        private final Path safetyRoot;

        SafetyCopy(ServiceAccess service, Path safetyRoot) {
            super(service);
            this.safetyRoot = safetyRoot;
        }

        public String id() { return stepId("safety-copy"); }
        public String title() { return "Take a safety copy of " + name() + "'s current data"; }
        public String explanation() {
            return "Whatever is in " + service.spec().dataPath().orElse("") + " now is copied out first, so a failed restore can put it back.";
        }
        public List<String> preview(RunContext ctx) {
            return List.of("GET /containers/" + service.container() + "/archive?path=" + service.spec().dataPath().orElse(""),
                    "write " + safetyRoot + "/safety-<run id>/" + service.spec().name() + "/");
        }
        public void execute(RunContext ctx) throws IOException {
            Path dest = SetFiles.child(SetFiles.child(safetyRoot, "safety-" + ctx.runId()), service.spec().name());
            try (InputStream tar = service.gateway().copyOut(service.container(), service.spec().dataPath().orElseThrow())) {
                var files = TarExtractor.extract(tar, dest, 1, bytes -> ctx.progress(-1, io.nightwatch.text.Bytes.human(bytes) + " saved"));
                ctx.output("safety copy: " + files.size() + " files in " + dest);
            }
            ctx.put(safetyKey(service), dest.toString());
        }
    }

    /** A graceful stop (SIGTERM, then the grace period) so the service flushes what it holds. */
    static final class Stop extends ServiceStep {
        private final Duration grace;

        Stop(ServiceAccess service, Duration grace) {
            super(service);
            this.grace = grace;
        }

        public String id() { return stepId("stop"); }
        public String title() { return "Stop " + name() + " gracefully"; }
        public String explanation() {
            return "The container gets SIGTERM and " + grace.toSeconds() + " s to shut down cleanly before the engine kills it "
                    + "(unlike `docker compose down` without a grace period). Redis is stopped before its file is replaced, "
                    + "since a shutdown with save points would write a fresh RDB over it.";
        }
        public List<String> preview(RunContext ctx) { return List.of("POST /containers/" + service.container() + "/stop?t=" + grace.toSeconds()); }
        public void execute(RunContext ctx) { service.gateway().stop(service.container(), grace); }
        public Check verify(RunContext ctx) {
            return service.gateway().inspect(service.container()).map(c -> !c.running()).orElse(false)
                    ? Check.ok() : Check.failed(service.container() + " is still running");
        }
        public String compensation() { return "Start the container again."; }
        public void compensate(RunContext ctx) throws IOException {
            try {
                service.gateway().start(service.container());
            } catch (RuntimeException e) {
                throw new IOException(e.getMessage() + ". By hand on that host: `" + service.byHand(List.of("start", service.container())) + "`", e);
            }
        }
    }

    /**
     * Empties the data directory with a helper container (the service itself is stopped), then unpacks the set's
     * files into it through the archive API with the directory's owner in every tar header: the engine applies it, so
     * no {@code chown} is needed inside the container (lean images have none).
     */
    static final class ReplaceData implements Step {
        static final String EMPTY_SCRIPT = "cd \"$1\" && rm -rf ./* ./.[!.]* ./..?*";
        private final ServiceAccess service;
        private final Path setDir;
        private final BackupManifest.ServiceBackup backup;

        ReplaceData(ServiceAccess service, Path setDir, BackupManifest.ServiceBackup backup) {
            this.service = service;
            this.setDir = setDir;
            this.backup = backup;
        }

        public String id() { return "replace-data-" + service.spec().name(); }
        public String title() { return "Replace " + service.spec().name() + "'s data with the set's"; }
        public String explanation() {
            return "Restoring over existing data fails (Prometheus: \"overlapping blocks\"; Redis would keep its own file), so "
                    + "the data directory is emptied first by a short-lived helper container with the same volumes (from the "
                    + "service's own image, or the host's helper image when that has no shell); then the set's files are "
                    + "unpacked into it through the archive API, each tar entry carrying the directory's owner (uid:gid), "
                    + "which the engine applies. Nothing runs chown.";
        }
        public List<String> preview(RunContext ctx) {
            String path = service.spec().dataPath().orElse("");
            return List.of("empty " + path + " (sh -c '" + EMPTY_SCRIPT + "' sh " + path + ") via "
                            + service.shell().routeText(service.container(), false),
                    "GET /containers/" + service.container() + "/archive?path=" + path + " (the owner uid:gid of the emptied directory)",
                    "PUT /containers/" + service.container() + "/archive?path=" + path + " ← " + setDir.resolve(service.spec().name())
                            + " (tar headers carry that owner)");
        }
        public String preconditionText() {
            return "A helper container can reach the data directory: the service's image or the host's helper image has a shell, "
                    + "and the directory is on a volume or bind mount.";
        }
        public Check precondition(RunContext ctx) {
            String path = service.spec().dataPath().orElse("");
            try {
                ContainerShell.Outcome probe = service.shell().inHelper(service.container(), path, "test -d \"$1\"", List.of(path), Duration.ofMinutes(1));
                return probe.result().succeeded() ? Check.ok("data directory reachable by " + probe.route())
                        : Check.failed(path + " is not a directory for " + probe.route());
            } catch (ExecUnavailableException e) {
                return Check.failed("cannot reach " + path + ": " + e.getMessage());
            }
        }
        public void execute(RunContext ctx) throws IOException {
            Path source = SetFiles.child(setDir, backup.service());
            // Before the data directory is emptied: a file swapped since the verification stops the restore here.
            TarPacker.checkSet(source, backup.files());
            put(ctx, source, backup.files());
        }
        public String compensation() { return "Empty the directory again and put the safety copy back."; }
        public void compensate(RunContext ctx) throws IOException {
            Optional<String> safety = ctx.get(safetyKey(service));
            // Nothing to put back when the directory was never touched (the helper could not even start).
            if (safety.isEmpty() || ctx.get(touchedKey()).isEmpty()) return;
            try {
                put(ctx, Path.of(safety.get()), null);
            } catch (IOException | RuntimeException e) {
                String why = String.valueOf(e.getMessage());
                throw new IOException(why.contains("By hand on that host") ? why : why + byHand(Path.of(safety.get())), e);
            }
        }

        private String touchedKey() { return "replace." + service.spec().name() + ".touched"; }

        /** @param listed the set's files, re-checked while packed; null for the safety copy (all its files) */
        private void put(RunContext ctx, Path source, List<FileEntry> listed) throws IOException {
            String path = service.spec().dataPath().orElseThrow();
            if (!path.startsWith("/") || path.equals("/") || path.contains("/..") || path.contains("/./")) {
                throw new IOException("refusing to empty '" + path + "'");
            }
            if (ctx.get(touchedKey()).isEmpty()) ctx.put(touchedKey(), "yes"); // journaled first: a crash mid-way still undoes
            try {
                ContainerShell.Outcome emptied = service.shell().inHelper(service.container(), path, EMPTY_SCRIPT, List.of(path), Duration.ofMinutes(2));
                if (!emptied.result().succeeded()) {
                    throw new IOException("emptying " + path + " failed (" + emptied.route() + "): "
                            + (emptied.result().stdout() + emptied.result().stderr()).strip() + byHand(source));
                }
                ctx.output(path + " emptied (" + emptied.route() + ")");
            } catch (ExecUnavailableException e) {
                throw new IOException("cannot empty " + path + ": " + e.getMessage() + byHand(source));
            }
            TarPacker.Owner owner = ownerOf(path);
            try (InputStream tar = listed == null ? TarPacker.pack(source, p -> false, owner)
                    : TarPacker.packSet(source, listed, owner)) {
                service.gateway().copyIn(service.container(), path, tar);
            }
            ctx.output("data of " + service.spec().name() + " replaced from " + source + " (owner " + owner + ")");
        }

        /** The owner of the (just emptied, so cheap to read) directory, as the engine's archive API reports it. */
        private TarPacker.Owner ownerOf(String path) throws IOException {
            try (InputStream in = service.gateway().copyOut(service.container(), path)) {
                return TarPacker.ownerOfFirstEntry(in).orElseThrow(() -> new IOException("the engine sent no entry for " + path));
            } catch (IllegalStateException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        /** The exact commands that do this step by hand on that host (sh): owner, empty, unpack with that owner. */
        private String byHand(Path source) {
            String path = service.spec().dataPath().orElseThrow();
            String image = service.shell().helperImage().orElse("busybox");
            List<String> helper = List.of("run", "--rm", "--network", "none", "--volumes-from", service.container(), image);
            List<String> stat = new java.util.ArrayList<>(helper);
            stat.addAll(List.of("stat", "-c", "%u:%g", path));
            List<String> empty = new java.util.ArrayList<>(helper);
            empty.addAll(List.of("sh", "-c", EMPTY_SCRIPT, "sh", path));
            return ". By hand on that host: `owner=$(" + service.byHand(stat) + ") && " + service.byHand(empty)
                    + " && tar -C " + io.nightwatch.docker.DockerCli.quote(source.toString())
                    + " --numeric-owner --owner=\"+${owner%:*}\" --group=\"+${owner#*:}\" -c . | "
                    + service.byHand(List.of("cp", "-a", "-", service.container() + ":" + path)) + "`";
        }
    }

    /** Starts the service and waits for its own health endpoint, through the same probes as the dashboard. */
    static final class StartAndWaitHealthy implements Step {
        private final ServiceAccess service;
        private final ServiceProber prober;
        private final Duration timeout;

        StartAndWaitHealthy(ServiceAccess service, ServiceProber prober, Duration timeout) {
            this.service = service;
            this.prober = prober;
            this.timeout = timeout;
        }

        public String id() { return "start-" + service.spec().name(); }
        public String title() { return "Start " + service.spec().name() + " and wait until it is healthy"; }
        public String explanation() {
            return "The container is started and its health endpoint asked (direct, else inside the container) until it answers "
                    + "healthy, for at most " + timeout.toSeconds() + " s.";
        }
        public String verificationText() { return "The health endpoint answers healthy."; }
        public List<String> preview(RunContext ctx) {
            return List.of("POST /containers/" + service.container() + "/start", "probe " + service.spec().health() + " until healthy");
        }
        public void execute(RunContext ctx) throws Exception {
            service.gateway().start(service.container());
            ProbeResult last = service.awaitHealthy(prober, service.container(), timeout, ctx, true);
            if (!last.healthy()) throw new IOException(service.spec().name() + " not healthy after " + timeout.toSeconds() + " s: " + last.detail());
            ctx.output(service.spec().name() + " healthy: " + last.detail());
        }
    }

    /** The data must really be there, not just the process. */
    static final class CheckData implements Step {
        private final ServiceAccess service;
        private final BackupManifest.ServiceBackup backup;
        private final Duration timeout;

        CheckData(ServiceAccess service, BackupManifest.ServiceBackup backup, Duration timeout) {
            this.service = service;
            this.backup = backup;
            this.timeout = timeout;
        }

        public String id() { return "check-data-" + service.spec().name(); }
        public String title() { return "Check the restored data is there"; }
        public String explanation() {
            return switch (service.spec().kind()) {
                case PROMETHEUS -> "A PromQL query at the newest block's end time must return series.";
                case REDIS -> "DBSIZE must equal the number of keys recorded when the set was made.";
                default -> "The service's data directory must hold the set's files.";
            };
        }
        public List<String> preview(RunContext ctx) {
            return List.of(switch (service.spec().kind()) {
                case PROMETHEUS -> "GET /api/v1/query?query=count({__name__=~\".+\"})&time=<newest block maxTime>";
                case REDIS -> "DBSIZE (expect " + backup.facts().getOrDefault("keys", "?") + ")";
                default -> "list " + service.spec().dataPath().orElse("");
            });
        }
        public void execute(RunContext ctx) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            String last = "";
            while (System.nanoTime() < deadline) {
                ctx.throwIfCancelled();
                Optional<String> problem = problem(ctx);
                if (problem.isEmpty()) return;
                last = problem.get();
                Thread.sleep(500);
            }
            throw new IOException("restored data not found: " + last);
        }

        private Optional<String> problem(RunContext ctx) {
            try {
                switch (service.spec().kind()) {
                    case PROMETHEUS -> {
                        long newest = ctx.get("set.newestPrometheusMillis").map(Long::parseLong).orElse(0L);
                        if (newest == 0) return Optional.empty();
                        double at = (newest - 1) / 1000.0;
                        var body = service.get("/api/v1/query?query=count(%7B__name__%3D~%22.%2B%22%7D)&time=" + at);
                        var result = BackupManifest.JSON.readTree(body).path("data").path("result");
                        double series = result.size() == 0 ? 0 : result.get(0).path("value").path(1).asDouble(0);
                        if (series > 0) {
                            ctx.output((long) series + " series at " + java.time.Instant.ofEpochMilli(newest - 1));
                            return Optional.empty();
                        }
                        return Optional.of("no series at " + java.time.Instant.ofEpochMilli(newest - 1));
                    }
                    case REDIS -> {
                        String expected = backup.facts().getOrDefault("keys", "");
                        String now = service.redis("DBSIZE").strip();
                        if (expected.isEmpty() || expected.equals(now)) {
                            ctx.output(now + " keys, as in the set");
                            return Optional.empty();
                        }
                        return Optional.of("DBSIZE " + now + ", the set had " + expected);
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            } catch (IOException e) {
                return Optional.of(e.getMessage());
            }
        }
    }


}
