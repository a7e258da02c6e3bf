package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
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

    private static final Texts T = Texts.of(RestoreSteps.class);

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
        public String title() { return T.get("safetyCopy.title", name()); }
        public String explanation() { return T.get("safetyCopy.explanation", service.spec().dataPath().orElse("")); }
        public List<String> preview(RunContext ctx) {
            return List.of("GET /containers/" + service.container() + "/archive?path=" + service.spec().dataPath().orElse(""),
                    T.get("safetyCopy.previewWrite", safetyRoot + "/safety-<run id>/" + service.spec().name() + "/")); // tool text: a path
        }
        public void execute(RunContext ctx) throws IOException {
            Path dest = SetFiles.child(SetFiles.child(safetyRoot, "safety-" + ctx.runId()), service.spec().name());
            try (InputStream tar = service.gateway().copyOut(service.container(), service.spec().dataPath().orElseThrow())) {
                var files = TarExtractor.extract(tar, dest, 1, bytes -> ctx.progress(-1, T.get("safetyCopy.progress", io.nightwatch.text.Bytes.human(bytes))));
                ctx.output(T.get("safetyCopy.output", files.size(), dest));
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
        public String title() { return T.get("stop.title", name()); }
        public String explanation() { return T.get("stop.explanation", grace.toSeconds()); }
        public List<String> preview(RunContext ctx) { return List.of("POST /containers/" + service.container() + "/stop?t=" + grace.toSeconds()); }
        public void execute(RunContext ctx) { service.gateway().stop(service.container(), grace); }
        public Check verify(RunContext ctx) {
            return service.gateway().inspect(service.container()).map(c -> !c.running()).orElse(false)
                    ? Check.ok() : Check.failed(T.get("stop.stillRunning", service.container()));
        }
        public String compensation() { return T.get("stop.compensation"); }
        public void compensate(RunContext ctx) throws IOException {
            try {
                service.gateway().start(service.container());
            } catch (RuntimeException e) {
                throw new IOException(e.getMessage() + T.get("byHand.suffix", service.byHand(List.of("start", service.container()))), e);
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
        public String title() { return T.get("replace.title", service.spec().name()); }
        public String explanation() { return T.get("replace.explanation"); }
        public List<String> preview(RunContext ctx) {
            String path = service.spec().dataPath().orElse("");
            return List.of(T.get("replace.previewEmpty", path, "sh -c '" + EMPTY_SCRIPT + "' sh " + path,
                            service.shell().routeText(service.container(), false)),
                    T.get("replace.previewOwner", "GET /containers/" + service.container() + "/archive?path=" + path),
                    T.get("replace.previewPut", "PUT /containers/" + service.container() + "/archive?path=" + path + " ← "
                            + setDir.resolve(service.spec().name())));
        }
        public String preconditionText() { return T.get("replace.precondition"); }
        public Check precondition(RunContext ctx) {
            String path = service.spec().dataPath().orElse("");
            try {
                ContainerShell.Outcome probe = service.shell().inHelper(service.container(), path, "test -d \"$1\"", List.of(path), Duration.ofMinutes(1));
                return probe.result().succeeded() ? Check.ok(T.get("replace.reachable", probe.route()))
                        : Check.failed(T.get("replace.notADirectory", path, probe.route()));
            } catch (ExecUnavailableException e) {
                return Check.failed(T.get("replace.unreachable", path, e.getMessage()));
            }
        }
        public void execute(RunContext ctx) throws IOException {
            Path source = SetFiles.child(setDir, backup.service());
            // Before the data directory is emptied: a file swapped since the verification stops the restore here.
            TarPacker.checkSet(source, backup.files());
            put(ctx, source, backup.files());
        }
        public String compensation() { return T.get("replace.compensation"); }
        public void compensate(RunContext ctx) throws IOException {
            Optional<String> safety = ctx.get(safetyKey(service));
            // Nothing to put back when the directory was never touched (the helper could not even start).
            if (safety.isEmpty() || ctx.get(touchedKey()).isEmpty()) return;
            try {
                put(ctx, Path.of(safety.get()), null);
            } catch (IOException | RuntimeException e) {
                String why = String.valueOf(e.getMessage());
                throw new IOException(why.contains(T.get("byHand.marker")) ? why : why + byHand(Path.of(safety.get())), e);
            }
        }

        private String touchedKey() { return "replace." + service.spec().name() + ".touched"; }

        /** @param listed the set's files, re-checked while packed; null for the safety copy (all its files) */
        private void put(RunContext ctx, Path source, List<FileEntry> listed) throws IOException {
            String path = service.spec().dataPath().orElseThrow();
            if (!path.startsWith("/") || path.equals("/") || path.contains("/..") || path.contains("/./")) {
                throw new IOException(T.get("replace.refused", path));
            }
            if (ctx.get(touchedKey()).isEmpty()) ctx.put(touchedKey(), "yes"); // journaled first: a crash mid-way still undoes
            try {
                ContainerShell.Outcome emptied = service.shell().inHelper(service.container(), path, EMPTY_SCRIPT, List.of(path), Duration.ofMinutes(2));
                if (!emptied.result().succeeded()) {
                    throw new IOException(T.get("replace.emptyFailed", path, emptied.route(),
                            (emptied.result().stdout() + emptied.result().stderr()).strip()) + byHand(source));
                }
                ctx.output(T.get("replace.emptied", path, emptied.route()));
            } catch (ExecUnavailableException e) {
                throw new IOException(T.get("replace.cannotEmpty", path, e.getMessage()) + byHand(source));
            }
            TarPacker.Owner owner = ownerOf(path);
            try (InputStream tar = listed == null ? TarPacker.pack(source, p -> false, owner)
                    : TarPacker.packSet(source, listed, owner)) {
                service.gateway().copyIn(service.container(), path, tar);
            }
            ctx.output(T.get("replace.output", service.spec().name(), source, owner));
        }

        /** The owner of the (just emptied, so cheap to read) directory, as the engine's archive API reports it. */
        private TarPacker.Owner ownerOf(String path) throws IOException {
            try (InputStream in = service.gateway().copyOut(service.container(), path)) {
                return TarPacker.ownerOfFirstEntry(in).orElseThrow(() -> new IOException(T.get("replace.noEntry", path)));
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
            return T.get("byHand.suffix", "owner=$(" + service.byHand(stat) + ") && " + service.byHand(empty)
                    + " && tar -C " + io.nightwatch.docker.DockerCli.quote(source.toString())
                    + " --numeric-owner --owner=\"+${owner%:*}\" --group=\"+${owner#*:}\" -c . | "
                    + service.byHand(List.of("cp", "-a", "-", service.container() + ":" + path)));
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
        public String title() { return T.get("start.title", service.spec().name()); }
        public String explanation() { return T.get("start.explanation", timeout.toSeconds()); }
        public String verificationText() { return T.get("start.verification"); }
        public List<String> preview(RunContext ctx) {
            return List.of("POST /containers/" + service.container() + "/start", T.get("start.previewProbe", service.spec().health()));
        }
        public void execute(RunContext ctx) throws Exception {
            service.gateway().start(service.container());
            ProbeResult last = service.awaitHealthy(prober, service.container(), timeout, ctx, true);
            if (!last.healthy()) throw new IOException(T.get("start.notHealthy", service.spec().name(), timeout.toSeconds(), last.detail()));
            ctx.output(T.get("start.output", service.spec().name(), last.detail()));
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
        public String title() { return T.get("checkData.title"); }
        public String explanation() {
            return switch (service.spec().kind()) {
                case PROMETHEUS -> T.get("checkData.prometheus");
                case REDIS -> T.get("checkData.redis");
                default -> T.get("checkData.other");
            };
        }
        public List<String> preview(RunContext ctx) {
            return List.of(switch (service.spec().kind()) {
                case PROMETHEUS -> "GET /api/v1/query?query=count({__name__=~\".+\"})&time=<newest block maxTime>"; // tool text: an HTTP call
                case REDIS -> T.get("checkData.previewRedis", backup.facts().getOrDefault("keys", "?"));
                default -> T.get("checkData.previewList", service.spec().dataPath().orElse(""));
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
            throw new IOException(T.get("checkData.notFound", last));
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
                            ctx.output(T.get("checkData.series", (long) series, java.time.Instant.ofEpochMilli(newest - 1)));
                            return Optional.empty();
                        }
                        return Optional.of(T.get("checkData.noSeries", java.time.Instant.ofEpochMilli(newest - 1)));
                    }
                    case REDIS -> {
                        String expected = backup.facts().getOrDefault("keys", "");
                        String now = service.redis("DBSIZE").strip();
                        if (expected.isEmpty() || expected.equals(now)) {
                            ctx.output(T.get("checkData.keys", now));
                            return Optional.empty();
                        }
                        return Optional.of(T.get("checkData.keysDiffer", now, expected));
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
