package io.nightwatch.runbook.backup;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Steps every backup shares: the set folder, copying a service's data out, the manifest, the verification. */
final class CommonSteps {

    static final String SET = "set";
    private static final String PART_SUFFIX = ".part.json";

    private CommonSteps() {}

    /** Creates the set's folder; on failure the incomplete folder is removed again. */
    static final class PrepareSet implements Step {
        private final Path root;
        private final String host;

        PrepareSet(Path root, String host) {
            this.root = root;
            this.host = host;
        }

        public String id() { return "prepare-set"; }
        public String title() { return "Create the backup set folder"; }
        public String explanation() {
            return "A new folder per run holds every service's data and, written last, manifest.json. A folder without the "
                    + "manifest is incomplete and is never offered for restore.";
        }
        public String preconditionText() { return "The target folder can be written and has free space."; }
        public Check precondition(RunContext ctx) throws IOException {
            Files.createDirectories(root);
            if (!Files.isWritable(root)) return Check.failed(root + " is not writable");
            long free = Files.getFileStore(root).getUsableSpace();
            return free > 0 ? Check.ok(io.nightwatch.text.Bytes.human(free) + " free in " + root) : Check.failed(root + " is full");
        }
        public List<String> preview(RunContext ctx) { return List.of("create folder " + root.resolve("<yyyyMMdd-HHmmss>-" + host)); }
        public void execute(RunContext ctx) throws IOException {
            Path dir = SetFiles.child(root, BackupRunbook.SET_ID.format(ctx.clock().instant()) + "-" + host);
            Files.createDirectories(dir);
            ctx.put(SET, dir.toString());
            ctx.put("startedAt", ctx.clock().instant().toString());
            ctx.output("backup set " + dir);
        }
        public String compensation() { return "Delete the incomplete set folder."; }
        public void compensate(RunContext ctx) throws IOException {
            Path dir = ctx.get(SET).map(Path::of).orElse(null);
            if (dir != null && !Files.exists(dir.resolve(BackupManifest.FILE))) BackupSets.deleteTree(dir);
        }
    }

    /** Streams a path out of the container through the engine into the set, checksumming in the same pass. */
    static final class CopyOut implements Step {
        private final ServiceAccess service;
        private final String method;
        private final java.util.function.Function<RunContext, String> sourcePath;
        private final String sourceText;
        private final int strip;

        CopyOut(ServiceAccess service, String method, String sourceText, java.util.function.Function<RunContext, String> sourcePath, int strip) {
            this.service = service;
            this.method = method;
            this.sourceText = sourceText;
            this.sourcePath = sourcePath;
            this.strip = strip;
        }

        public String id() { return "copy-" + service.spec().name(); }
        public String title() { return "Copy " + service.spec().name() + "'s data out"; }
        public String explanation() {
            return "The engine's archive API streams " + sourceText + " out of " + service.container()
                    + "; every file is written into the set and its SHA-256 computed in the same pass (one read, bounded memory).";
        }
        public List<String> preview(RunContext ctx) {
            return List.of("GET /containers/" + service.container() + "/archive?path=" + sourceText,
                    "write files under <set>/" + service.spec().name() + "/ and " + service.spec().name() + PART_SUFFIX);
        }
        public void execute(RunContext ctx) throws Exception {
            Path set = Path.of(ctx.get(SET).orElseThrow(() -> new IllegalStateException("no set folder")));
            Path dest = SetFiles.child(set, service.spec().name());
            String source = sourcePath.apply(ctx);
            List<FileEntry> files;
            try (InputStream tar = service.gateway().copyOut(service.container(), source)) {
                files = TarExtractor.extract(tar, dest, strip, bytes -> ctx.progress(-1, io.nightwatch.text.Bytes.human(bytes) + " copied"));
            } catch (IOException e) {
                throw new IOException("copying " + source + " from " + service.container() + " into " + dest + " failed: " + e.getMessage(), e);
            }
            ContainerFacts facts = service.gateway().inspect(service.container())
                    .orElseThrow(() -> new IOException("container " + service.container() + " disappeared"));
            Map<String, String> recorded = new HashMap<>();
            String prefix = "facts." + service.spec().name() + ".";
            for (String key : List.of("keys", "newestBlockMaxTime", "appendonly")) ctx.get(prefix + key).ifPresent(v -> recorded.put(key, v));
            BackupManifest.ServiceBackup part = new BackupManifest.ServiceBackup(service.spec().name(), service.spec().kind().id(),
                    service.container(), facts.image(), service.spec().dataPath().orElse(""), method, files, recorded);
            SetFiles.writeAtomically(set, service.spec().name() + PART_SUFFIX, BackupManifest.JSON.writeValueAsBytes(part));
            ctx.output(files.size() + " files, " + io.nightwatch.text.Bytes.human(part.bytes()) + " from " + source);
        }
        public Check verify(RunContext ctx) {
            Path set = Path.of(ctx.get(SET).orElseThrow());
            return Files.isRegularFile(set.resolve(service.spec().name() + PART_SUFFIX)) ? Check.ok() : Check.failed("nothing was copied");
        }
        public String compensation() { return "Delete the copied files of this service from the set."; }
        public void compensate(RunContext ctx) throws IOException {
            Path set = ctx.get(SET).map(Path::of).orElse(null);
            if (set == null) return;
            BackupSets.deleteTree(SetFiles.child(set, service.spec().name()));
            Files.deleteIfExists(SetFiles.child(set, service.spec().name() + PART_SUFFIX));
        }
    }

    /** Assembles the manifest from the services' parts and writes it atomically: from now on the set is complete. */
    static final class WriteManifest implements Step {
        private final String host;
        private final String engine;

        WriteManifest(String host, String engine) {
            this.host = host;
            this.engine = engine;
        }

        public String id() { return "write-manifest"; }
        public String title() { return "Write the manifest"; }
        public String explanation() {
            return "manifest.json lists every file with size and SHA-256, the services' image tags, the source host, start and "
                    + "end times and the method used. It is written to a temporary file, forced to disk and renamed: the set "
                    + "is complete only once it exists.";
        }
        public List<String> preview(RunContext ctx) { return List.of("write <set>/manifest.json (atomic rename)"); }
        public void execute(RunContext ctx) throws IOException {
            Path set = Path.of(ctx.get(SET).orElseThrow());
            List<BackupManifest.ServiceBackup> services = new java.util.ArrayList<>();
            try (var parts = Files.list(set)) {
                for (Path p : parts.filter(f -> f.getFileName().toString().endsWith(PART_SUFFIX)).sorted().toList()) {
                    services.add(BackupManifest.READER.readValue(SetFiles.readBounded(p, BackupManifest.MAX_MANIFEST_BYTES), BackupManifest.ServiceBackup.class));
                }
            }
            if (services.isEmpty()) throw new IOException("no service was copied");
            BackupManifest manifest = new BackupManifest(1, set.getFileName().toString(), host, engine,
                    java.time.Instant.parse(ctx.get("startedAt").orElseThrow()), ctx.clock().instant(), services);
            manifest.writeAtomically(set);
            for (var s : services) Files.deleteIfExists(set.resolve(s.service() + PART_SUFFIX));
            ctx.output("manifest: " + services.size() + " services, " + io.nightwatch.text.Bytes.human(manifest.bytes()));
        }
        public String compensation() { return "Remove the manifest, so the set counts as incomplete."; }
        public void compensate(RunContext ctx) throws IOException {
            Path set = ctx.get(SET).map(Path::of).orElse(null);
            if (set != null) Files.deleteIfExists(set.resolve(BackupManifest.FILE));
        }
    }

    /** Re-reads the whole set and checks it, as a restore would. */
    static final class VerifySet implements Step {
        private final java.util.function.Function<RunContext, Path> set;
        private final String when;
        private final VerifiedFiles hashed;

        VerifySet(java.util.function.Function<RunContext, Path> set, String when) {
            this(set, when, null);
        }

        /** @param hashed where the files that hashed right are noted (a restore's packer then need not hash them again) */
        VerifySet(java.util.function.Function<RunContext, Path> set, String when, VerifiedFiles hashed) {
            this.set = set;
            this.when = when;
            this.hashed = hashed;
        }

        public String id() { return "verify-set"; }
        public String title() { return "Verify the backup set"; }
        public String explanation() {
            return "Every file is read again and its size and SHA-256 compared with the manifest; Prometheus blocks need a "
                    + "valid meta.json, an index and chunks; Redis files need an RDB header. " + when;
        }
        public List<String> preview(RunContext ctx) { return List.of("read every file of the set and compare with manifest.json"); }
        public void execute(RunContext ctx) throws IOException {
            SetVerifier.Report report = SetVerifier.verify(set.apply(ctx), bytes -> ctx.progress(-1, io.nightwatch.text.Bytes.human(bytes) + " checked"), hashed);
            if (!report.ok()) throw new IOException("the set is damaged: " + String.join("; ", report.problems()));
            if (report.newestPrometheusMillis() > 0) ctx.put("set.newestPrometheusMillis", Long.toString(report.newestPrometheusMillis()));
            ctx.output(report.files() + " files verified (" + io.nightwatch.text.Bytes.human(report.bytes()) + ")");
        }
    }
}
