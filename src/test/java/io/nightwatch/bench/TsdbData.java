package io.nightwatch.bench;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Prometheus TSDB of about a given size, made by {@code promtool tsdb create-blocks-from openmetrics}: one set of
 * blocks from random gauge samples (random values compress like real chunks, not like constants), then copies of
 * those blocks under new block ids until the size is reached — promtool takes about 6 s per 8 MiB here, so a 256 MiB
 * TSDB written sample by sample would take minutes.
 */
public final class TsdbData {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private TsdbData() {}

    /** @return {@code dir}, holding block directories (chunks/, index, meta.json, tombstones) of about {@code mib} MiB */
    public static Path build(Path dir, int mib) throws Exception {
        Path scratch = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-om"));
        Path om = scratch.resolve("samples.om");
        Random random = new Random(16);
        try (BufferedWriter w = Files.newBufferedWriter(om)) {
            w.write("# HELP nw_bench_value Benchmark series.\n# TYPE nw_bench_value gauge\n");
            long t0 = 1_764_000_000L;
            for (int s = 0; s < 200; s++) {
                for (int i = 0; i < 5_000; i++) {
                    w.write("nw_bench_value{series=\"" + s + "\",job=\"bench\"} " + String.format("%.6f", random.nextDouble() * 1000)
                            + " " + (t0 + i * 15L) + "\n");
                }
            }
            w.write("# EOF\n");
        }
        Path base = scratch.resolve("blocks");
        Process p = new ProcessBuilder("promtool", "tsdb", "create-blocks-from", "openmetrics", om.toString(), base.toString())
                .redirectErrorStream(true).redirectOutput(scratch.resolve("promtool.out").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("promtool failed: " + Files.readString(scratch.resolve("promtool.out")));
        }
        List<Path> blocks;
        try (Stream<Path> list = Files.list(base)) {
            blocks = list.filter(Files::isDirectory).sorted().toList();
        }
        Files.createDirectories(dir);
        long want = (long) mib << 20;
        long have = 0;
        SecureRandom ids = new SecureRandom();
        while (have < want) {
            for (Path block : blocks) {
                if (have >= want) break;
                String ulid = ulid(ids);
                Path copy = dir.resolve(ulid);
                have += copyTree(block, copy);
                Path meta = copy.resolve("meta.json");
                Files.writeString(meta, Files.readString(meta).replace(block.getFileName().toString(), ulid));
            }
        }
        deleteTree(scratch);
        return dir;
    }

    private static String ulid(Random r) {
        StringBuilder s = new StringBuilder("01");
        for (int i = 0; i < 24; i++) s.append(CROCKFORD.charAt(r.nextInt(32)));
        return s.toString();
    }

    private static long copyTree(Path from, Path to) throws Exception {
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    bytes += Files.size(target);
                }
            }
        }
        return bytes;
    }

    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
