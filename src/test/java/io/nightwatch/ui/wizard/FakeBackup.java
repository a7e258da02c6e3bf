package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.Step;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A backup runbook without Docker: the same parameters and the same shape of steps as the real one (a set folder,
 * one copy per service, a manifest, a verification), each step a small fake that sleeps briefly, reports progress
 * and output, and writes real files into the set, so undoing can be checked on disk.
 */
final class FakeBackup implements RunbookDefinition {

    static final List<String> SERVICES = List.of("prometheus", "redis", "alertmanager", "grafana");

    /** What the steps were asked to do, in order ("execute copy-redis", "compensate prepare-set"). */
    final List<String> log = new CopyOnWriteArrayList<>();
    private final long stepMillis;
    private String slowStep = "";
    private String failingVerification = "";
    private long undoMillis;

    FakeBackup(long stepMillis) {
        this.stepMillis = stepMillis;
    }

    /** The step with this id runs until the operator cancels (or 20 s pass), reporting progress meanwhile. */
    FakeBackup waitingForCancelIn(String stepId) {
        this.slowStep = stepId;
        return this;
    }

    /** Each compensation takes this long, so the wizard can be seen undoing. */
    FakeBackup undoTaking(long millis) {
        this.undoMillis = millis;
        return this;
    }

    private void undoPause() throws InterruptedException {
        if (undoMillis > 0) Thread.sleep(undoMillis);
    }

    /** The step with this id executes, then its verification fails. */
    FakeBackup failingVerificationOf(String stepId) {
        this.failingVerification = stepId;
        return this;
    }

    static List<ServiceOption> options() {
        return SERVICES.stream().map(s -> new ServiceOption(s, s + " on local · /" + (s.equals("grafana") ? "var/lib/grafana" : s))).toList();
    }

    @Override public String id() { return "backup"; }
    @Override public String title() { return "Back up the stack's data"; }
    @Override public String purpose() {
        return "Take a consistent, verified copy of every stateful service into one backup set, through the Docker API.";
    }
    @Override public List<Parameter> parameters() {
        return List.of(new Parameter("services", "Services to back up, comma-separated, or all", false, "all"),
                new Parameter("to", "Folder that receives the set", false, "/tmp/backups"));
    }

    @Override
    public Runbook build(Map<String, String> params) {
        String wanted = params.getOrDefault("services", "all");
        List<String> chosen = wanted.equals("all") ? SERVICES : Arrays.stream(wanted.split(",")).map(String::trim).toList();
        for (String s : chosen) if (!SERVICES.contains(s)) throw new IllegalArgumentException("no service '" + s + "' with data");
        if (chosen.isEmpty()) throw new IllegalArgumentException("choose at least one service");
        Path root = Path.of(params.getOrDefault("to", "/tmp/backups"));
        List<Step> steps = new ArrayList<>();
        steps.add(new Prepare(root));
        for (String s : chosen) steps.add(new Copy(s));
        steps.add(new Manifest(chosen));
        steps.add(new Verify());
        return new Runbook(id(), title(), purpose(), parameters(), steps);
    }

    private void pause(RunContext ctx, Step step, int parts) throws Exception {
        for (int i = 1; i <= parts; i++) {
            Thread.sleep(Math.max(1, stepMillis / parts));
            ctx.progress(i / (double) parts, (i * 3) + " MiB of " + (parts * 3) + " MiB");
            ctx.throwIfCancelled();
        }
        if (step.id().equals(slowStep)) {
            long until = System.nanoTime() + 20_000_000_000L;
            int tick = 0;
            while (!ctx.cancelled() && System.nanoTime() < until) {
                Thread.sleep(20);
                ctx.progress(-1, "waiting for the engine to stream the archive (" + (++tick) + ")");
            }
            ctx.throwIfCancelled();
        }
    }

    private static Path set(RunContext ctx) {
        return Path.of(ctx.get("set").orElseThrow());
    }

    private abstract class FakeStep implements Step {
        @Override
        public Check verify(RunContext ctx) {
            return id().equals(failingVerification) ? Check.failed("size 0 instead of 4 KiB") : Check.ok();
        }
    }

    private final class Prepare extends FakeStep {
        private final Path root;

        Prepare(Path root) {
            this.root = root;
        }

        @Override public String id() { return "prepare-set"; }
        @Override public String title() { return "Create the backup set folder"; }
        @Override public String explanation() {
            return "A new folder per run holds every service's data and, written last, manifest.json. A folder without "
                    + "the manifest is incomplete and is never offered for restore.";
        }
        @Override public String preconditionText() { return "The target folder can be written and has free space."; }
        @Override public List<String> preview(RunContext ctx) { return List.of("create folder " + root.resolve("<yyyyMMdd-HHmmss>-local")); }
        @Override public void execute(RunContext ctx) throws Exception {
            log.add("execute " + id());
            Path dir = root.resolve("20260101-030000-local");
            Files.createDirectories(dir);
            ctx.put("set", dir.toString());
            ctx.output("backup set " + dir);
            pause(ctx, this, 2);
        }
        @Override public String compensation() { return "Delete the incomplete set folder."; }
        @Override public void compensate(RunContext ctx) throws Exception {
            log.add("compensate " + id());
            undoPause();
            Path dir = ctx.get("set").map(Path::of).orElse(null);
            if (dir != null && Files.isDirectory(dir)) {
                try (var files = Files.walk(dir)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
    }

    private final class Copy extends FakeStep {
        private final String service;

        Copy(String service) {
            this.service = service;
        }

        @Override public String id() { return "copy-" + service; }
        @Override public String title() { return "Copy " + service + "'s data out"; }
        @Override public String explanation() {
            return "Streams the data directory out of the container through the engine and checksums every file on the way.";
        }
        @Override public String preconditionText() { return "The container sva-studio-" + service + " is running."; }
        @Override public List<String> preview(RunContext ctx) {
            return List.of("docker: GET /containers/sva-studio-" + service + "/archive?path=/" + service,
                    "write <set>/" + service + "/ (every file with its SHA-256)");
        }
        @Override public void execute(RunContext ctx) throws Exception {
            log.add("execute " + id());
            Path dir = set(ctx).resolve(service);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("data.bin"), service.repeat(100));
            ctx.output(service + ": 3 files, " + service.length() * 100 + " B");
            pause(ctx, this, 4);
            ctx.output(service + ": copied and checksummed");
        }
        @Override public String verificationText() { return "Every file's size matches what the engine sent."; }
        @Override public String compensation() { return "Delete " + service + "'s folder in the set."; }
        @Override public void compensate(RunContext ctx) throws Exception {
            log.add("compensate " + id());
            undoPause();
            ctx.get("set").map(Path::of).map(p -> p.resolve(service)).ifPresent(dir -> {
                try {
                    Files.deleteIfExists(dir.resolve("data.bin"));
                    Files.deleteIfExists(dir);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private final class Manifest extends FakeStep {
        private final List<String> services;

        Manifest(List<String> services) {
            this.services = services;
        }

        @Override public String id() { return "write-manifest"; }
        @Override public String title() { return "Write the manifest"; }
        @Override public String explanation() { return "Lists every file with its size and checksum; written last and atomically."; }
        @Override public List<String> preview(RunContext ctx) { return List.of("write <set>/manifest.json (atomically: temp file, fsync, rename)"); }
        @Override public void execute(RunContext ctx) throws Exception {
            log.add("execute " + id());
            Files.writeString(set(ctx).resolve("manifest.json"), "{\"services\":" + services.size() + "}");
            ctx.output("manifest: " + services.size() + " services");
            pause(ctx, this, 1);
        }
        @Override public String compensation() { return "Delete manifest.json, so the set counts as incomplete."; }
        @Override public void compensate(RunContext ctx) throws Exception {
            log.add("compensate " + id());
            undoPause();
            Files.deleteIfExists(set(ctx).resolve("manifest.json"));
        }
    }

    private final class Verify extends FakeStep {
        @Override public String id() { return "verify-set"; }
        @Override public String title() { return "Verify the backup set"; }
        @Override public String explanation() { return "Re-reads every file and compares size and SHA-256 with the manifest."; }
        @Override public List<String> preview(RunContext ctx) { return List.of("read every file of <set>", "write <set>/verified.json"); }
        @Override public void execute(RunContext ctx) throws Exception {
            log.add("execute " + id());
            pause(ctx, this, 3);
            ctx.output("verified: every file matches");
        }
        @Override public String verificationText() { return "No file is missing, shorter or different."; }
    }
}
