package io.nightwatch.runbook.backup;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.TestEngine;
import io.nightwatch.testbed.Tls;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Backup and restore copy throughput on the testbed, each beside its reference in the same run: Nightwatch's copy out
 * (archive API → tar → files, SHA-256 per file in the same pass) against {@code docker cp} out, its copy in (files
 * re-checked against their SHA-256 while packed, as a restore does) against {@code docker cp} in, over the local
 * engine's unix socket and over a second engine on TCP with mutual TLS; then a whole restore of Alertmanager holding
 * the same data against a raw {@code docker cp} plus the service's start. The data is random (it does not compress,
 * like TSDB chunks): a quarter in one file, the rest in 64 MiB files, plus 200 small files. The JVM's peak heap is
 * recorded around each Nightwatch copy. Prints a table and writes its section of {@code docs/benchmarks.md}.
 * <p>
 * Run as root, alone on the reference ports:
 * {@code ./mvnw -B -o -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp &&
 * flock /tmp/nw-engine.lock java -Xmx64m -cp target/test-classes:target/classes:$(cat target/bench.cp)
 * io.nightwatch.runbook.backup.BackupBench 512 3}  (MiB, repetitions; each figure is the median).
 */
public final class BackupBench {

    private static final String CONTAINER = "nw-bench";
    private static final String START = "<!-- backup-bench:start -->";
    private static final String END = "<!-- backup-bench:end -->";

    /** One measured figure: ours and the reference, in seconds. */
    public record Row(String what, String engine, double ours, String reference, double theirs, String target, long peakHeap, double mib) {
        public double ratio() { return theirs / ours; }
    }

    /** Every figure of one run: the copy rows (unix socket, TLS), the restore row, the restore's steps. */
    public record Measured(List<Row> rows, Map<String, Double> restoreSteps, double mib, int files) {}

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory("nightwatch-bench");
        Measured measured;
        try {
            measured = measure(makeData(work.resolve("src"), mib), reps, work);
        } finally {
            BackupSets.deleteTree(work);
        }
        System.out.println(table(measured.rows()));
        measured.restoreSteps().forEach((step, s) -> System.out.printf("  restore step %-45s %6.2f s%n", step, s));
        writeDoc(Path.of("docs/benchmarks.md"), section(measured.rows(), measured.restoreSteps(), mib, reps));
        System.exit(0);
    }

    /**
     * Copies {@code src} out and in over the test engine's unix socket and over a second engine on TCP+TLS, each beside
     * {@code docker cp}, then restores Alertmanager holding it; {@code work} holds the scratch copies.
     */
    public static Measured measure(Path src, int reps, Path work) throws Exception {
        TestEngine engine = TestEngine.shared();
        List<Row> rows = new ArrayList<>();
        Map<String, Double> restoreSteps = new LinkedHashMap<>();
        Tls remote = null;
        List<FileEntry> listed = listing(src);
        double total = listed.stream().mapToLong(FileEntry::size).sum() / 1048576.0;
        System.out.printf("data: %.0f MiB in %d files%n", total, listed.size());
        try {
            startContainer(engine::docker);
            try (DockerGateway local = gateway(new DockerHostSpec("local", Optional.of(engine.dockerHost().toString()),
                    Optional.empty(), Optional.empty()))) {
                rows.addAll(copies("unix socket", local, args2 -> engine.docker(Duration.ofMinutes(10), args2), src, listed, work, reps, total));
            } finally {
                engine.docker("rm", "-f", "-v", CONTAINER);
            }

            remote = engine.remoteTlsEngine();
            loadBusybox(engine, remote);
            startContainer(remote::docker);
            try (DockerGateway tls = gateway(new DockerHostSpec("remote", Optional.of(remote.host().toString()), Optional.of(true),
                    Optional.of(remote.certPath())))) {
                Tls r = remote;
                rows.addAll(copies("TCP+TLS", tls, r::docker, src, listed, work, reps, total));
            }
            remote.stop();
            remote = null;

            rows.add(restore(engine, src, work, restoreSteps, total, reps));
        } finally {
            if (remote != null) remote.stop();
        }
        return new Measured(rows, restoreSteps, total, listed.size());
    }

    private static DockerGateway gateway(DockerHostSpec host) {
        return DockerGateway.connect(EngineAddress.resolve(host, Map.of()));
    }

    // ---- data -----------------------------------------------------------------------------------------------

    private static Path makeData(Path dir, int mib) throws Exception {
        Files.createDirectories(dir.resolve("chunks"));
        Random random = new Random(533);
        byte[] block = new byte[1 << 20];
        int big = Math.max(1, mib / 4);
        writeRandom(dir.resolve("chunks/000001-large"), big, random, block);
        int left = mib - big;
        for (int i = 2; left > 0; i++) {
            int size = Math.min(64, left);
            writeRandom(dir.resolve(String.format("chunks/%06d", i)), size, random, block);
            left -= size;
        }
        for (int i = 0; i < 200; i++) {
            byte[] small = new byte[4096 + random.nextInt(60 * 1024)];
            random.nextBytes(small);
            Path folder = Files.createDirectories(dir.resolve("index-" + (i % 10)));
            Files.write(folder.resolve("meta-" + i + ".json"), small);
        }
        return dir;
    }

    private static void writeRandom(Path file, int mib, Random random, byte[] block) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mib; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
    }

    private static List<FileEntry> listing(Path dir) throws Exception {
        List<FileEntry> files = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                MessageDigest sha = TarExtractor.sha256();
                try (InputStream in = Files.newInputStream(p)) {
                    byte[] buf = new byte[1 << 20];
                    int n;
                    while ((n = in.read(buf)) > 0) sha.update(buf, 0, n);
                }
                files.add(new FileEntry(dir.relativize(p).toString(), Files.size(p), HexFormat.of().formatHex(sha.digest())));
            }
        }
        return files;
    }

    private static void startContainer(Function<String[], String> docker) {
        docker.apply(new String[]{"rm", "-f", "-v", CONTAINER});
        docker.apply(new String[]{"run", "-d", "--name", CONTAINER, "--network", "none", "-v", "/data", TestEngine.BUSYBOX, "sleep", "86400"});
    }

    private static void loadBusybox(TestEngine engine, Tls remote) throws Exception {
        Path certs = remote.certPath();
        String load = "/usr/bin/docker -H " + engine.dockerHost() + " save " + TestEngine.BUSYBOX + " | /usr/bin/docker --tlsverify"
                + " --tlscacert " + certs.resolve("ca.pem") + " --tlscert " + certs.resolve("cert.pem") + " --tlskey " + certs.resolve("key.pem")
                + " -H " + remote.host() + " load";
        Process p = new ProcessBuilder("bash", "-c", load).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("image transfer: " + out);
    }

    // ---- copies ---------------------------------------------------------------------------------------------

    private static List<Row> copies(String engineName, DockerGateway gateway, Function<String[], String> docker, Path src,
                                    List<FileEntry> listed, Path work, int reps, double mib) throws Exception {
        List<Double> inOurs = new ArrayList<>(), inCp = new ArrayList<>(), outOurs = new ArrayList<>(), outCp = new ArrayList<>();
        List<Double> inRaw = new ArrayList<>();
        // The transport alone, without the packer: the same files as one tar file made beforehand.
        Path tarFile = work.resolve("src.tar");
        try (InputStream tar = TarPacker.pack(src, p -> false)) {
            Files.copy(tar, tarFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // One round not measured, each side once: the JVM compiles the copy path (TLS, SHA-256, tar) while the copies run,
        // which on two cores took CPU from the engine in every measured run (docker cp's Go code is compiled ahead).
        docker.apply(new String[]{"exec", CONTAINER, "mkdir", "-p", "/data/warm-nw"});
        try (InputStream tar = TarPacker.packSet(src, listed)) {
            gateway.copyIn(CONTAINER, "/data/warm-nw", tar);
        }
        try (InputStream tar = gateway.copyOut(CONTAINER, "/data/warm-nw")) {
            TarExtractor.extract(tar, work.resolve("out-nw"), 1, n -> { });
        }
        docker.apply(new String[]{"cp", src.toString(), CONTAINER + ":/data/warm-cp"});
        docker.apply(new String[]{"cp", CONTAINER + ":/data/warm-cp", work.resolve("out-cp").toString()});
        BackupSets.deleteTree(work.resolve("out-nw"));
        BackupSets.deleteTree(work.resolve("out-cp"));
        docker.apply(new String[]{"exec", CONTAINER, "rm", "-rf", "/data/warm-nw", "/data/warm-cp"});
        long peakIn = 0, peakOut = 0;
        for (int rep = 0; rep < reps; rep++) {
            boolean oursFirst = rep % 2 == 0; // alternate, so neither side always meets a warmer cache
            docker.apply(new String[]{"exec", CONTAINER, "mkdir", "-p", "/data/nw-" + rep});
            for (int side = 0; side < 2; side++) {
                if ((side == 0) == oursFirst) {
                    resetPeaks();
                    long t0 = System.nanoTime();
                    try (InputStream tar = TarPacker.packSet(src, listed)) {
                        gateway.copyIn(CONTAINER, "/data/nw-" + rep, tar);
                    }
                    inOurs.add(seconds(t0));
                    peakIn = Math.max(peakIn, peakHeap());
                } else {
                    long t0 = System.nanoTime();
                    docker.apply(new String[]{"cp", src.toString(), CONTAINER + ":/data/cp-" + rep});
                    inCp.add(seconds(t0));
                }
            }
            for (int side = 0; side < 2; side++) {
                if ((side == 0) == oursFirst) {
                    resetPeaks();
                    long t0 = System.nanoTime();
                    List<FileEntry> got;
                    try (InputStream tar = gateway.copyOut(CONTAINER, "/data/nw-" + rep)) {
                        got = TarExtractor.extract(tar, work.resolve("out-nw"), 1, n -> { });
                    }
                    outOurs.add(seconds(t0));
                    peakOut = Math.max(peakOut, peakHeap());
                    check(listed, got);
                } else {
                    long t0 = System.nanoTime();
                    docker.apply(new String[]{"cp", CONTAINER + ":/data/cp-" + rep, work.resolve("out-cp").toString()});
                    outCp.add(seconds(t0));
                }
            }
            docker.apply(new String[]{"exec", CONTAINER, "mkdir", "-p", "/data/raw-" + rep});
            long tr = System.nanoTime();
            try (InputStream tar = Files.newInputStream(tarFile)) {
                gateway.copyIn(CONTAINER, "/data/raw-" + rep, tar);
            }
            inRaw.add(seconds(tr));
            BackupSets.deleteTree(work.resolve("out-nw"));
            BackupSets.deleteTree(work.resolve("out-cp"));
            docker.apply(new String[]{"exec", CONTAINER, "rm", "-rf", "/data/nw-" + rep, "/data/cp-" + rep, "/data/raw-" + rep});
            System.out.printf("%s rep %d: in %.2f s (docker cp %.2f s), out %.2f s (docker cp %.2f s)%n", engineName, rep + 1,
                    inOurs.get(rep), inCp.get(rep), outOurs.get(rep), outCp.get(rep));
        }
        return List.of(
                new Row("copy out (backup)", engineName, median(outOurs), "`docker cp` out", median(outCp), "≥ 0.8×", peakOut, mib),
                new Row("copy in (restore)", engineName, median(inOurs), "`docker cp` in", median(inCp), "≥ 0.8×", peakIn, mib),
                new Row("copy in, transport only (tar file, no packing or re-check)", engineName, median(inRaw), "`docker cp` in",
                        median(inCp), "(context)", 0, mib));
    }

    /** The copy must be the data, or its speed means nothing. */
    private static void check(List<FileEntry> expected, List<FileEntry> got) {
        Map<String, FileEntry> byPath = new LinkedHashMap<>();
        got.forEach(f -> byPath.put(f.path(), f));
        for (FileEntry f : expected) {
            if (!f.equals(byPath.get(f.path()))) throw new IllegalStateException("copy differs at " + f.path() + ": " + byPath.get(f.path()));
        }
    }

    // ---- restore --------------------------------------------------------------------------------------------

    /** Only the restore total beside its reference ({@code reps} times, medians), for a quick look at the restore alone. */
    public static Measured measureRestore(Path src, int reps, Path work) throws Exception {
        Map<String, Double> steps = new LinkedHashMap<>();
        List<FileEntry> listed = listing(src);
        double total = listed.stream().mapToLong(FileEntry::size).sum() / 1048576.0;
        Row row = restore(TestEngine.shared(), src, work, steps, total, reps);
        return new Measured(List.of(row), steps, total, listed.size());
    }

    /**
     * Real restore runs (check the set, stage it, silence, stop, swap, start, health, data check) of Alertmanager holding
     * the data, each beside the reference: {@code docker cp} of the set's files into the stopped container, then its start
     * until it answers healthy. One unmeasured round of each, then {@code reps} of each, alternating which goes first; the
     * medians (steps: each step's median).
     */
    private static Row restore(TestEngine engine, Path src, Path work, Map<String, Double> steps, double mib, int reps) throws Exception {
        engine.runReferenceServices();
        String container = "sva-studio-alertmanager";
        engine.docker(Duration.ofMinutes(10), "cp", src.toString(), container + ":/alertmanager/bench");
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString());
        try (DockerGateway gateway = gateway(profile.hosts().get(0))) {
            Path root = work.resolve("sets");
            RunbookRunner runner = new RunbookRunner(work.resolve("runs"), Clock.systemUTC());
            Map<String, String> backupParams = Map.of("services", "alertmanager", "to", root.toString());
            RunResult backedUp = runner.run(new BackupRunbook(profile, Map.of(), h -> gateway, root, Clock.systemUTC()).build(backupParams),
                    backupParams, new RunListener() { });
            if (backedUp.outcome() != RunResult.Outcome.SUCCEEDED) throw new IllegalStateException("backup: " + backedUp.message());
            Path set = BackupSets.list(root).get(0).dir();

            Map<String, String> params = Map.of("set", set.toString(), "services", "alertmanager");
            List<Double> ours = new ArrayList<>(), theirs = new ArrayList<>();
            Map<String, List<Double>> stepTimes = new LinkedHashMap<>();
            // One round not measured, each side once, as for the copies: the JVM compiles the restore's path (tar, SHA-256,
            // the engine calls) during its first runs, taking CPU from the engine on two cores.
            restoreOnce(runner, profile, gateway, params, new HashMap<>());
            referenceRestore(engine, container, set);
            long peak = 0;
            for (int rep = 0; rep < reps; rep++) {
                for (int side = 0; side < 2; side++) {
                    if ((side == 0) == (rep % 2 == 0)) {
                        resetPeaks();
                        ours.add(restoreOnce(runner, profile, gateway, params, stepTimes));
                        peak = Math.max(peak, peakHeap());
                    } else {
                        theirs.add(referenceRestore(engine, container, set));
                    }
                }
                System.out.printf("restore rep %d: %.2f s (docker cp in + start + healthy %.2f s)%n", rep + 1, ours.get(rep), theirs.get(rep));
            }
            stepTimes.forEach((step, t) -> steps.put(step, median(t)));
            return new Row("restore total", "unix socket", median(ours), "`docker cp` in + start + healthy", median(theirs), "≤ 1.5× time", peak, mib);
        }
    }

    /** One restore run; its seconds, each step's time added to {@code stepTimes}. */
    private static double restoreOnce(RunbookRunner runner, StackProfile profile, DockerGateway gateway, Map<String, String> params,
                                      Map<String, List<Double>> stepTimes) throws Exception {
        long t0 = System.nanoTime();
        RunResult restored = runner.run(new RestoreRunbook(profile, Map.of(), h -> gateway, Clock.systemUTC()).build(params), params,
                new RunListener() {
                    @Override
                    public void stepFinished(int index, Step s, Duration took) {
                        stepTimes.computeIfAbsent(s.title(), k -> new ArrayList<>()).add(took.toNanos() / 1e9);
                    }
                });
        double took = seconds(t0);
        if (restored.outcome() != RunResult.Outcome.SUCCEEDED) throw new IllegalStateException("restore: " + restored.message());
        return took;
    }

    /** The reference: {@code docker cp} of the set's files into the stopped container, its start, until healthy; seconds. */
    private static double referenceRestore(TestEngine engine, String container, Path set) throws Exception {
        engine.docker("stop", container);
        long t1 = System.nanoTime();
        engine.docker(Duration.ofMinutes(10), "cp", set.resolve("alertmanager") + "/.", container + ":/alertmanager/");
        engine.docker("start", container);
        awaitHealthy(URI.create("http://127.0.0.1:9093/-/healthy"));
        return seconds(t1);
    }

    private static void awaitHealthy(URI uri) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) return;
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(uri + " not healthy within 60 s");
    }

    // ---- report ---------------------------------------------------------------------------------------------

    public static String table(List<Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append("| Measurement | Engine | Nightwatch | Reference | Reference time | Ratio | Target | Met | Peak heap |\n");
        t.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            boolean restore = r.what().startsWith("restore");
            String ratio = restore ? String.format("%.2f× the time", r.ours() / r.theirs()) : String.format("%.2f× the speed", r.ratio());
            boolean met = restore ? r.ours() / r.theirs() <= 1.5 : r.ratio() >= 0.8;
            String metText = r.target().startsWith("(") ? "–" : met ? "yes" : "**no**";
            t.append(String.format("| %s | %s | %.2f s (%.0f MiB/s) | %s | %.2f s (%.0f MiB/s) | %s | %s | %s | %s |%n",
                    r.what(), r.engine(), r.ours(), r.mib() / r.ours(), r.reference(), r.theirs(), r.mib() / r.theirs(), ratio,
                    r.target(), metText, r.peakHeap() == 0 ? "–" : (r.peakHeap() >> 20) + " MiB"));
        }
        return t.toString();
    }

    private static String section(List<Row> rows, Map<String, Double> steps, int mib, int reps) throws Exception {
        StringBuilder s = new StringBuilder();
        s.append(START).append('\n');
        s.append("## Backup and restore copy\n\n");
        s.append("Measured by `BackupBench ").append(mib).append(' ').append(reps).append("` (").append(java.time.LocalDate.now())
                .append("), each figure the median of ").append(reps).append(" runs, Nightwatch and its reference alternating in the ")
                .append("same run on the same engine. Data: ").append(mib).append(" MiB of random data (one file of a quarter of it, the rest ")
                .append("in 64 MiB files) plus 200 small files of 4–64 KiB; MiB/s counts all of it. Copy out writes every file with its SHA-256 computed in the same pass; copy ")
                .append("in re-checks every file's size and SHA-256 while packing it, as a restore does. Ratio = reference time / ")
                .append("Nightwatch time for copies, Nightwatch time / reference time for the restore. The JVM's heap limit was ")
                .append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB, smaller than the largest file: no file is held in memory. Peak heap is the sum of the heap pools' ")
                .append("peaks during the copy (garbage included), after a GC.\n\n");
        s.append(table(rows)).append('\n');
        s.append("Restore steps (Alertmanager holding the same data; the reference is `docker cp` of the set's files into the ")
                .append("stopped container, `docker start`, then polling `/-/healthy`):\n\n| Step | Time |\n|---|---|\n");
        steps.forEach((step, t) -> s.append(String.format("| %s | %.2f s |%n", step, t)));
        s.append("\nMachine: ").append(machine()).append("\n\n");
        s.append("Command (as root, alone on the reference ports): `./mvnw -B -o -q -DskipTests test-compile dependency:build-classpath ")
                .append("-Dmdep.outputFile=target/bench.cp && flock /tmp/nw-engine.lock java -Xmx64m -cp ")
                .append("target/test-classes:target/classes:$(cat target/bench.cp) io.nightwatch.runbook.backup.BackupBench ")
                .append(mib).append(' ').append(reps).append("`\n");
        s.append(END).append('\n');
        return s.toString();
    }

    public static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        String docker = TestEngine.shared().docker("version", "--format", "{{.Server.Version}} (API {{.Server.APIVersion}})").strip();
        return Runtime.getRuntime().availableProcessors() + " CPUs (`nproc`), " + cpu + ", " + (memKb >> 20) + " GiB memory, JDK "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + "), Docker engine " + docker
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** Replaces this benchmark's section of the file, leaving the other benchmarks' sections as they are. */
    private static void writeDoc(Path file, String section) throws Exception {
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\nMeasured on this project's own machine; each "
                + "figure beside its reference, measured in the same run. The README's figures come from here.\n\n";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start >= 0 && end > start) text = text.substring(0, start) + section + text.substring(end + END.length() + 1);
        else text = text + (text.endsWith("\n\n") ? "" : "\n") + section;
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
        System.out.println("wrote " + file.toAbsolutePath());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
