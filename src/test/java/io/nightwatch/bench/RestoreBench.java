package io.nightwatch.bench;

import io.nightwatch.runbook.backup.BackupBench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The restore row of the suite alone (the same TSDB data, the same {@link BackupBench} restore beside {@code docker cp}
 * in + start + healthy), printed, not written: for working on the restore without the suite's ten minutes.
 * {@code ./mvnw -B -o -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp &&
 * flock /tmp/nw-engine.lock java -Xmx64m -cp target/test-classes:target/classes:$(cat target/bench.cp)
 * io.nightwatch.bench.RestoreBench 256 3}  (MiB, repetitions; medians)
 */
public final class RestoreBench {

    private RestoreBench() {}

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory("nightwatch-restore-bench");
        try {
            Path tsdb = TsdbData.build(work.resolve("tsdb"), mib);
            BackupBench.Measured m = BackupBench.measureRestore(tsdb, reps, work);
            System.out.println(BackupBench.table(m.rows()));
            m.restoreSteps().forEach((step, s) -> System.out.printf("| %s | %.2f s |%n", step, s));
            System.out.printf("data: %.0f MiB in %d files, %d repetitions%n", m.mib(), m.files(), reps);
        } finally {
            TsdbData.deleteTree(work);
        }
        System.exit(0);
    }
}
