package io.nightwatch.runbook.backup;

import io.nightwatch.docker.ContainerShell;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.ExecUnavailableException;
import io.nightwatch.text.Texts;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Steps that put a service's data back, each with the way back if a later step fails. */
final class RestoreSteps {

    private static final Texts T = Texts.of(RestoreSteps.class);

    private RestoreSteps() {}

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
     * Unpacks the set's files into the data directory, which the safety copy ({@link InEngineSafetyCopy}) emptied,
     * through the archive API with the directory's owner in every tar header: the engine applies it, so no
     * {@code chown} is needed inside the container (lean images have none). Each file is re-checked while packed: a
     * file the verification hashed and that is unchanged since (same inode, size and times) is not hashed again, any
     * other is; a file swapped or changed since fails the upload, and undoing the safety copy takes whatever arrived
     * out again.
     */
    static final class ReplaceData implements Step {
        private final ServiceAccess service;
        private final Path setDir;
        private final BackupManifest.ServiceBackup backup;
        private final VerifiedFiles hashed;

        ReplaceData(ServiceAccess service, Path setDir, BackupManifest.ServiceBackup backup, VerifiedFiles hashed) {
            this.service = service;
            this.setDir = setDir;
            this.backup = backup;
            this.hashed = hashed;
        }

        public String id() { return "replace-data-" + service.spec().name(); }
        public String title() { return T.get("replace.title", service.spec().name()); }
        public String explanation() { return T.get("replace.explanation"); }
        public List<String> preview(RunContext ctx) {
            String path = service.spec().dataPath().orElse("");
            return List.of(T.get("replace.previewPut", "PUT /containers/" + service.container() + "/archive?path=" + path + " ← "
                    + setDir.resolve(service.spec().name()), path));
        }
        public String preconditionText() { return T.get("replace.precondition"); }
        public Check precondition(RunContext ctx) {
            Optional<String> owner = ctx.get(InEngineSafetyCopy.ownerKey(service));
            if (owner.isEmpty() || !owner.get().matches("\\d{1,10}:\\d{1,10}")) {
                return Check.failed(T.get("replace.ownerUnknown", service.spec().dataPath().orElse("")));
            }
            // Names the safety copy keeps for itself: a set carrying one would hide from the undo.
            for (FileEntry f : backup.files()) {
                if (f.path().startsWith(".nightwatch-")) return Check.failed(f.path() + ": " + T.get("replace.reservedName"));
            }
            return Check.ok(owner.get());
        }
        public void execute(RunContext ctx) throws IOException {
            String path = service.spec().dataPath().orElseThrow();
            Path source = SetFiles.child(setDir, backup.service());
            String[] ids = ctx.get(InEngineSafetyCopy.ownerKey(service)).orElseThrow().split(":");
            TarPacker.Owner owner = new TarPacker.Owner(Long.parseLong(ids[0]), Long.parseLong(ids[1]));
            try (InputStream tar = TarPacker.packSet(source, backup.files(), owner, hashed)) {
                service.gateway().copyIn(service.container(), path, tar);
            }
            ctx.output(T.get("replace.output", service.spec().name(), source, owner));
        }
        public String compensation() { return T.get("replace.compensation"); }
    }

    /**
     * Uploads the set's files, while the service still runs, into a staging folder beside its data
     * ({@code <data path>/.nightwatch-incoming-<run id>}), each file hashed against the manifest as it is packed: a
     * damaged set fails here, before any service is stopped. The directory's owner is read first from the first tar
     * header of the engine's archive of it (the directory itself) and put in every header, so the engine applies it
     * and nothing runs chown. The undo removes the staging folder and nothing else; the swap
     * ({@link InEngineSafetyCopy#swapping}) later moves its entries into place.
     */
    static final class StageData extends ServiceStep {
        static final String PREFIX = ".nightwatch-incoming-";
        /** Enough for the first header (with a PAX header before it); the rest of the archive is never read. */
        private static final int OWNER_READ_LIMIT = 16 << 10;

        private final Path setDir;
        private final BackupManifest.ServiceBackup backup;
        private final VerifiedFiles hashed;

        StageData(ServiceAccess service, Path setDir, BackupManifest.ServiceBackup backup, VerifiedFiles hashed) {
            super(service);
            this.setDir = setDir;
            this.backup = backup;
            this.hashed = hashed;
        }

        static String folderName(RunContext ctx) { return InEngineSafetyCopy.folderName(PREFIX, ctx); }

        /** Where the staging folder is ("{data path}/.nightwatch-incoming-{run id}"), journaled before the upload. */
        private String stagingKey() { return key("stage", "folder"); }

        private String warningKey() { return "warning.stage-" + name(); }

        public String id() { return stepId("stage"); }
        public String title() { return T.get("stage.title", name()); }
        public String explanation() { return T.get("stage.explanation", name(), path(), PREFIX); }
        public List<String> preview(RunContext ctx) {
            return List.of("GET /containers/" + service.container() + "/archive?path=" + path() + " (" + T.get("stage.previewOwner") + ")",
                    T.get("stage.previewPut", "PUT /containers/" + service.container() + "/archive?path=" + path() + " ← "
                            + setDir.resolve(name()), path() + "/" + PREFIX));
        }
        public String preconditionText() { return T.get("stage.precondition"); }
        public Check precondition(RunContext ctx) {
            Optional<String> problem = InEngineSafetyCopy.pathProblem(service);
            if (problem.isPresent()) return Check.failed(problem.get());
            for (FileEntry f : backup.files()) {
                if (f.path().startsWith(SetVerifier.RESERVED)) return Check.failed(f.path() + ": " + T.get("replace.reservedName"));
            }
            return Check.ok();
        }
        public void execute(RunContext ctx) throws IOException {
            String path = path();
            String folder = folderName(ctx);
            TarPacker.Owner owner = ownerOf(path);
            ctx.put(InEngineSafetyCopy.ownerKey(service), owner.toString());
            // Journaled before the upload: a crash in it still leaves the abort the folder to remove.
            ctx.put(stagingKey(), path + "/" + folder);
            Path source = SetFiles.child(setDir, backup.service());
            try (InputStream tar = TarPacker.stageSet(source, name(), backup.files(), owner, hashed, folder)) {
                try {
                    service.gateway().copyIn(service.container(), path, tar);
                } catch (RuntimeException e) {
                    Optional<IOException> damaged = TarPacker.failureOf(tar);
                    if (damaged.isPresent()) throw new IOException(T.get("stage.damaged", damaged.get().getMessage(), name()), e);
                    throw e;
                }
            }
            ctx.output(T.get("stage.output", name(), backup.files().size(), io.nightwatch.text.Bytes.human(backup.bytes()),
                    path + "/" + folder, owner));
        }

        /** The uid:gid of the data directory itself: the first header of the engine's archive of it, read alone. */
        private TarPacker.Owner ownerOf(String path) throws IOException {
            byte[] head;
            try (InputStream in = service.gateway().copyOut(service.container(), path)) {
                head = in.readNBytes(OWNER_READ_LIMIT);
            } catch (RuntimeException e) {
                throw new IOException(T.get("stage.noOwner", path, e.getMessage()), e);
            }
            try {
                return TarPacker.ownerOfFirstEntry(new java.io.ByteArrayInputStream(head))
                        .orElseThrow(() -> new IOException(T.get("stage.noOwner", path, "empty archive")));
            } catch (IOException | RuntimeException e) {
                throw new IOException(T.get("stage.noOwner", path, e.getMessage()), e);
            }
        }

        public String compensation() { return T.get("stage.compensation"); }
        public void compensate(RunContext ctx) {
            if (ctx.get(stagingKey()).isEmpty()) return; // nothing was sent
            String path = path();
            String folder = folderName(ctx);
            List<String> args = List.of(path, folder);
            DockerGateway engine = service.gateway();
            List<String> images = InEngineSafetyCopy.helperImages(service, Optional.empty());
            String why = "";
            for (String image : images) {
                try {
                    ExecResult r = engine.runHelper(image, service.container(), ContainerShell.argv(REMOVE_STAGED_SCRIPT, args),
                            InEngineSafetyCopy.HELPER_WITHIN);
                    if (r.succeeded()) {
                        ctx.output(T.get("stage.removed", path + "/" + folder));
                        ctx.put(warningKey(), "");
                        return;
                    }
                    why = (r.stdout() + r.stderr()).strip();
                    break;
                } catch (ExecUnavailableException | RuntimeException e) {
                    why = e.getMessage();
                }
            }
            // Never a failed undo: the live data was not touched; the folder only takes disk space.
            String image = images.isEmpty() ? service.shell().helperImage().orElse("busybox") : images.get(images.size() - 1);
            List<String> byHand = InEngineSafetyCopy.helperArgs(service, image, ContainerShell.argv(REMOVE_STAGED_SCRIPT, args));
            ctx.put(warningKey(), T.get("stage.kept", path + "/" + folder, why, service.byHand(byHand)));
        }

        private String path() { return service.spec().dataPath().orElse(""); }
    }

    /** $1 data directory, $2 staging folder name: removes it (and its ".swap" name), refusing links; exit 7: rm failed. */
    static final String REMOVE_STAGED_SCRIPT = InEngineSafetyCopy.script("remove-staged.sh");

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
        public String compensation() { return T.get("start.compensation"); }
        public void compensate(RunContext ctx) {
            // a service that dies on the restored data sits in its restart loop (RESTARTING, not running): stop that
            // too, or it restarts while its old data is being put back
            if (service.gateway().inspect(service.container())
                    .map(c -> c.running() || c.state() == io.nightwatch.docker.ContainerState.RESTARTING).orElse(false)) {
                service.gateway().stop(service.container(), RestoreRunbook.GRACE);
            }
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
