package io.nightwatch.runbook.backup;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.testbed.TestEngine;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Backup copy throughput on the testbed: Nightwatch's streaming copy (archive API → tar → disk, SHA-256 in the
 * same pass) beside {@code docker cp} of the same directory, in the same run, with the JVM's peak heap.
 * The 1 GiB is random data written into the Prometheus container's volume (a TSDB of that size cannot be made
 * quickly here); the copy path is the one the Prometheus backup uses for its snapshot directory.
 * Run: {@code ./mvnw -q -DskipTests test-compile && java -cp target/test-classes:target/classes:$(./mvnw -q
 * dependency:build-classpath -Dmdep.outputFile=/dev/stdout) io.nightwatch.runbook.backup.BackupBench [MiB]} as root.
 */
public final class BackupBench {

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        TestEngine engine = TestEngine.shared();
        engine.runReferenceServices();
        engine.docker(Duration.ofMinutes(5), "exec", "sva-studio-prometheus", "sh", "-c",
                "mkdir -p /prometheus/bench && for i in $(seq 1 " + (mib / 64) + "); do "
                        + "dd if=/dev/urandom of=/prometheus/bench/chunk-$i bs=1048576 count=64 2>/dev/null; done");
        Path out = Files.createTempDirectory("nightwatch-bench");
        try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(
                DockerHostSpec.fromEnvironment("local").withAddress(engine.dockerHost().toString()), Map.of()))) {
            resetPeaks();
            long t0 = System.nanoTime();
            List<FileEntry> files;
            try (InputStream tar = gateway.copyOut("sva-studio-prometheus", "/prometheus/bench")) {
                files = TarExtractor.extract(tar, out.resolve("nightwatch"), 1, bytes -> { });
            }
            double ours = (System.nanoTime() - t0) / 1e9;
            long bytes = files.stream().mapToLong(FileEntry::size).sum();
            long peakHeap = peakHeap();

            long t1 = System.nanoTime();
            engine.docker(Duration.ofMinutes(10), "cp", "sva-studio-prometheus:/prometheus/bench", out.resolve("docker-cp").toString());
            double dockerCp = (System.nanoTime() - t1) / 1e9;

            System.out.printf("copied %d MiB in %d files%n", bytes >> 20, files.size());
            System.out.printf("nightwatch (archive API + SHA-256 per file): %.1f s, %.0f MiB/s%n", ours, (bytes >> 20) / ours);
            System.out.printf("docker cp (no checksums):                    %.1f s, %.0f MiB/s%n", dockerCp, (bytes >> 20) / dockerCp);
            System.out.printf("ratio nightwatch / docker cp time: %.2f; peak heap %d MiB (max %d MiB)%n", ours / dockerCp,
                    peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            engine.docker("exec", "sva-studio-prometheus", "rm", "-rf", "/prometheus/bench");
            BackupSets.deleteTree(out);
        }
        System.exit(0);
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
