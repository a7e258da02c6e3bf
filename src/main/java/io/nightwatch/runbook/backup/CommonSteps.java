package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
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
    private static final Texts T = Texts.of(CommonSteps.class);

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
        public String title() { return T.get("prepareSet.title"); }
        public String explanation() { return T.get("prepareSet.explanation"); }
        public String preconditionText() { return T.get("prepareSet.precondition"); }
        public Check precondition(RunContext ctx) throws IOException {
            Files.createDirectories(root);
            if (!Files.isWritable(root)) return Check.failed(T.get("prepareSet.notWritable", root));
            long free = Files.getFileStore(root).getUsableSpace();
            return free > 0 ? Check.ok(T.get("prepareSet.free", io.nightwatch.text.Bytes.human(free), root)) : Check.failed(T.get("prepareSet.full", root));
        }
        public List<String> preview(RunContext ctx) { return List.of(T.get("prepareSet.preview", root.resolve("<yyyyMMdd-HHmmss>-" + host))); }
        public void execute(RunContext ctx) throws IOException {
            Path dir = SetFiles.child(root, BackupRunbook.SET_ID.format(ctx.clock().instant()) + "-" + host);
            Files.createDirectories(dir);
            ctx.put(SET, dir.toString());
            ctx.put("startedAt", ctx.clock().instant().toString());
            ctx.output(T.get("prepareSet.output", dir));
        }
        public String compensation() { return T.get("prepareSet.compensation"); }
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
        public String title() { return T.get("copyOut.title", service.spec().name()); }
        public String explanation() { return T.get("copyOut.explanation", sourceText, service.container()); }
        public List<String> preview(RunContext ctx) {
            return List.of("GET /containers/" + service.container() + "/archive?path=" + sourceText,
                    T.get("copyOut.previewWrite", service.spec().name(), service.spec().name() + PART_SUFFIX));
        }
        public void execute(RunContext ctx) throws Exception {
            Path set = Path.of(ctx.get(SET).orElseThrow(() -> new IllegalStateException("no set folder")));
            Path dest = SetFiles.child(set, service.spec().name());
            String source = sourcePath.apply(ctx);
            List<FileEntry> files;
            try (InputStream tar = service.gateway().copyOut(service.container(), source)) {
                files = TarExtractor.extract(tar, dest, strip, bytes -> ctx.progress(-1, T.get("copyOut.progress", io.nightwatch.text.Bytes.human(bytes))));
            } catch (IOException e) {
                throw new IOException(T.get("copyOut.failed", source, service.container(), dest, e.getMessage()), e);
            }
            ContainerFacts facts = service.gateway().inspect(service.container())
                    .orElseThrow(() -> new IOException(T.get("copyOut.gone", service.container())));
            Map<String, String> recorded = new HashMap<>();
            String prefix = "facts." + service.spec().name() + ".";
            for (String key : List.of("keys", "newestBlockMaxTime", "appendonly")) ctx.get(prefix + key).ifPresent(v -> recorded.put(key, v));
            BackupManifest.ServiceBackup part = new BackupManifest.ServiceBackup(service.spec().name(), service.spec().kind().id(),
                    service.container(), facts.image(), service.spec().dataPath().orElse(""), method, files, recorded);
            SetFiles.writeAtomically(set, service.spec().name() + PART_SUFFIX, BackupManifest.JSON.writeValueAsBytes(part));
            ctx.output(T.get("copyOut.output", files.size(), io.nightwatch.text.Bytes.human(part.bytes()), source));
        }
        public Check verify(RunContext ctx) {
            Path set = Path.of(ctx.get(SET).orElseThrow());
            return Files.isRegularFile(set.resolve(service.spec().name() + PART_SUFFIX)) ? Check.ok() : Check.failed(T.get("copyOut.nothing"));
        }
        public String compensation() { return T.get("copyOut.compensation"); }
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
        public String title() { return T.get("manifest.title"); }
        public String explanation() { return T.get("manifest.explanation"); }
        public List<String> preview(RunContext ctx) { return List.of(T.get("manifest.preview")); }
        public void execute(RunContext ctx) throws IOException {
            Path set = Path.of(ctx.get(SET).orElseThrow());
            List<BackupManifest.ServiceBackup> services = new java.util.ArrayList<>();
            try (var parts = Files.list(set)) {
                for (Path p : parts.filter(f -> f.getFileName().toString().endsWith(PART_SUFFIX)).sorted().toList()) {
                    services.add(BackupManifest.READER.readValue(SetFiles.readBounded(p, BackupManifest.MAX_MANIFEST_BYTES), BackupManifest.ServiceBackup.class));
                }
            }
            if (services.isEmpty()) throw new IOException(T.get("manifest.noService"));
            BackupManifest manifest = new BackupManifest(1, set.getFileName().toString(), host, engine,
                    java.time.Instant.parse(ctx.get("startedAt").orElseThrow()), ctx.clock().instant(), services);
            manifest.writeAtomically(set);
            for (var s : services) Files.deleteIfExists(set.resolve(s.service() + PART_SUFFIX));
            ctx.output(T.get("manifest.output", services.size(), io.nightwatch.text.Bytes.human(manifest.bytes())));
        }
        public String compensation() { return T.get("manifest.compensation"); }
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
        public String title() { return T.get("verifySet.title"); }
        public String explanation() { return T.get("verifySet.explanation", when); }
        public List<String> preview(RunContext ctx) { return List.of(T.get("verifySet.preview")); }
        public void execute(RunContext ctx) throws IOException {
            SetVerifier.Report report = SetVerifier.verify(set.apply(ctx), bytes -> ctx.progress(-1, T.get("verifySet.progress", io.nightwatch.text.Bytes.human(bytes))), hashed);
            accept(report, ctx);
            ctx.output(T.get("verifySet.output", report.files(), io.nightwatch.text.Bytes.human(report.bytes())));
        }
    }

    /** A damaged set ends the run; a sound one notes its newest Prometheus sample for the later data check. */
    private static void accept(SetVerifier.Report report, RunContext ctx) throws IOException {
        if (!report.ok()) throw new IOException(T.get("verifySet.damaged", String.join("; ", report.problems())));
        if (report.newestPrometheusMillis() > 0) ctx.put("set.newestPrometheusMillis", Long.toString(report.newestPrometheusMillis()));
    }

    /**
     * A restore's check of the set before anything is touched, without hashing: every byte is hashed while it is
     * uploaded into the staging folder (still before anything is stopped), so hashing it here too would read it twice.
     */
    static final class CheckSet implements Step {
        private final Path set;

        CheckSet(Path set) {
            this.set = set;
        }

        public String id() { return "check-set"; }
        public String title() { return T.get("checkSet.title"); }
        public String explanation() { return T.get("checkSet.explanation"); }
        public List<String> preview(RunContext ctx) { return List.of(T.get("checkSet.preview")); }
        public void execute(RunContext ctx) throws IOException {
            SetVerifier.Report report = SetVerifier.structure(set);
            accept(report, ctx);
            ctx.output(T.get("checkSet.output", report.files(), io.nightwatch.text.Bytes.human(report.bytes())));
        }
    }
}
