package io.nightwatch.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Fills an alert history with realistic occurrences (default 1 000 000) and prints insert throughput and query
 * latency. Not a unit test: run it by hand, e.g.
 * {@code java -cp target/test-classes:target/classes:<deps> io.nightwatch.store.AlertStoreBench [dir] [rows]}
 * (rows 0: only query the database a previous run left in dir).
 */
public final class AlertStoreBench {

    private static final String[] SERVICES = {"prometheus", "loki", "grafana", "otel-collector", "promtail",
            "alertmanager", "redis"};
    /** name, severity, summary template ({i} instance, {n} a number). */
    private static final String[][] ALERTS = {
            {"DiskFull", "critical", "Disk full on {i}: {n}% used"},
            {"DiskSpaceLow", "warning", "Disk space low on {i}, {n}% left"},
            {"HighMemoryUsage", "warning", "Memory usage {n}% on {i}"},
            {"HighCPUUsage", "warning", "CPU busy {n}% on {i}"},
            {"TargetDown", "critical", "Scrape target {i} is down"},
            {"InstanceDown", "critical", "Instance {i} unreachable for {n} minutes"},
            {"LokiRequestErrors", "warning", "Loki returns {n}% errors"},
            {"LokiIngesterUnhealthy", "critical", "Ingester ring unhealthy on {i}"},
            {"PromtailDroppedLogs", "warning", "Promtail dropped {n} log lines"},
            {"PrometheusRuleFailures", "warning", "{n} rule evaluations failed"},
            {"PrometheusTSDBCompactionsFailing", "critical", "TSDB compactions failing on {i}"},
            {"AlertmanagerNotificationsFailing", "critical", "Notifications to webhook failing ({n} errors)"},
            {"GrafanaDatasourceError", "warning", "Datasource query errors: {n}"},
            {"RedisDown", "critical", "Redis on {i} does not answer PING"},
            {"RedisMemoryHigh", "warning", "Redis memory {n}% of maxmemory"},
            {"RedisRejectedConnections", "warning", "Redis rejected {n} connections"},
            {"OtelExporterFailed", "warning", "Collector failed to export {n} spans"},
            {"OtelQueueFull", "critical", "Exporter queue full on {i}"},
            {"ContainerOOMKilled", "critical", "Container OOM-killed on {i}"},
            {"ContainerRestarting", "warning", "Container restarted {n} times"},
            {"HighLatencyP99", "warning", "p99 latency {n} ms"},
            {"Http5xxRate", "warning", "{n}% of requests answer 5xx"},
            {"CertificateExpiringSoon", "info", "TLS certificate expires in {n} days"},
            {"ClockSkew", "info", "Clock drift of {n} ms on {i}"},
            {"BackupFailed", "critical", "Nightly backup failed on {i}"},
            {"ScrapeTimeout", "info", "Scrape of {i} took {n} s"},
            {"WalCorruption", "critical", "WAL corruption detected on {i}"},
            {"TooManyOpenFiles", "warning", "{n} open files on {i}"},
            {"NetworkReceiveErrors", "info", "{n} receive errors on {i}"},
            {"SwapUsageHigh", "info", "Swap usage {n}% on {i}"},
    };
    private static final int INSTANCES = 3;
    private static final Duration SPAN = Duration.ofDays(90);
    private static final int RUNS = 50;

    private AlertStoreBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("nightwatch-bench");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path file = dir.resolve("alerts.db");
        Instant end = Instant.parse("2025-06-01T00:00:00Z");
        Instant start = end.minus(SPAN);
        if (rows > 0) { // 0: query the database a previous run left
            for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(file + suffix));
            System.out.printf("Nightwatch alert store benchmark: %,d rows in %s (SQLite WAL, synchronous=FULL)%n", rows, file);
            try (AlertStore store = AlertStore.open(file)) {
                singleInserts(store, start);
                concurrentInserts(store, start);
                batchedFill(store, start, rows);
            }
        }
        try (AlertStore store = AlertStore.open(file)) { // reopened, as the console would be
            System.out.printf("%nrows: %,d; file: %.1f MiB (+ WAL %.1f MiB)%n", store.count(AlertQuery.all()),
                    mib(file), mib(Path.of(file + "-wal")));
            queries(store, end);
        }
    }

    /** One thread, one record() at a time: each waits for its own fsync'd commit. */
    private static void singleInserts(AlertStore store, Instant start) {
        int n = 2_000;
        Random random = new Random(1);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            store.record(resolved("Single" + i, "loki", random, start));
        }
        report("record(), 1 thread (each call durable)", n, t0);
    }

    /** A resolved occurrence of a label set of its own, at a random time of the 90 days. */
    private static IncomingAlert resolved(String name, String service, Random random, Instant start) {
        Instant startsAt = start.plusMillis((long) (random.nextDouble() * (SPAN.toMillis() - 3_600_000)));
        return alert(name, 0, "warning", service, "Probe failed for " + name, startsAt,
                Optional.of(startsAt.plusSeconds(60 + random.nextInt(3_000))));
    }

    /** A webhook burst: 8 threads × 1 250 record() calls; group commit shares fsyncs between them. */
    private static void concurrentInserts(AlertStore store, Instant start) throws Exception {
        int threads = 8;
        int per = 1_250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    for (int i = 0; i < per; i++) store.record(resolved("Burst" + thread + "x" + i, "redis", random, start));
                }));
            }
            for (Future<?> f : futures) f.get();
            report("record(), 8 threads (group commit)", threads * per, t0);
        } finally {
            pool.shutdown();
        }
    }

    /** Occurrences of 630 label sets over 90 days, per label set back to back without overlap. */
    private static void batchedFill(AlertStore store, Instant start, int rows) {
        int batchSize = 1_000;
        int fingerprints = ALERTS.length * SERVICES.length * INSTANCES;
        int slots = (rows + fingerprints - 1) / fingerprints;
        long slotMillis = SPAN.toMillis() / slots;
        Random random = new Random(42);
        List<IncomingAlert> batch = new ArrayList<>(batchSize);
        int written = 0;
        long t0 = System.nanoTime();
        for (int slot = 0; slot < slots && written < rows; slot++) {
            for (int fp = 0; fp < fingerprints && written < rows; fp++) {
                String[] alert = ALERTS[fp % ALERTS.length];
                String service = SERVICES[(fp / ALERTS.length) % SERVICES.length];
                int instance = fp / (ALERTS.length * SERVICES.length);
                Instant startsAt = start.plusMillis(slot * slotMillis + (long) (random.nextDouble() * slotMillis / 2));
                boolean last = slot == slots - 1 || written + fingerprints >= rows;
                Optional<Instant> endsAt = last && random.nextInt(4) == 0 ? Optional.empty()
                        : Optional.of(startsAt.plusMillis(60_000 + (long) (random.nextDouble() * (slotMillis / 2 - 60_000))));
                String summary = alert[2].replace("{i}", service + "-" + instance + ":9100")
                        .replace("{n}", Integer.toString(1 + random.nextInt(99)));
                batch.add(alert(alert[0], instance, alert[1], service, summary, startsAt, endsAt));
                written++;
                if (batch.size() == batchSize) {
                    store.recordAll(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) store.recordAll(batch);
        report("recordAll(), batches of " + batchSize + " (the 1M fill)", written, t0);
    }

    private static IncomingAlert alert(String name, int instance, String severity, String service, String summary,
                                       Instant startsAt, Optional<Instant> endsAt) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", name);
        labels.put("severity", severity);
        labels.put("component", service);
        labels.put("instance", service + "-" + instance + ":9100");
        labels.put("job", service);
        labels.put("workspace_id", "ws-prod");
        Map<String, String> annotations = Map.of("summary", summary,
                "description", summary + ". See the runbook for " + name + ".",
                "runbook_url", "https://runbooks.example/" + name);
        AlertState state = endsAt.isPresent() ? AlertState.RESOLVED
                : startsAt.toEpochMilli() % 5 == 0 ? AlertState.SUPPRESSED : AlertState.FIRING;
        return new IncomingAlert(null, labels, annotations, state, startsAt, endsAt, IncomingAlert.WEBHOOK,
                "http://prometheus:9090/graph", "nightwatch", endsAt.orElse(startsAt).plusSeconds(1));
    }

    private static void queries(AlertStore store, Instant now) {
        Map<String, AlertQuery> queries = new LinkedHashMap<>();
        queries.put("last 6 h", AlertQuery.builder().since(now.minus(Duration.ofHours(6))).build());
        queries.put("severity=critical, 30 days", AlertQuery.builder().severity("critical")
                .since(now.minus(Duration.ofDays(30))).build());
        queries.put("service=loki + state=firing", AlertQuery.builder().service("loki").state(AlertState.FIRING).build());
        queries.put("text \"disk full\"", AlertQuery.builder().text("disk full").build());
        queries.put("critical+loki+text \"disk\"+7 days", AlertQuery.builder().severity("critical").service("loki")
                .text("disk").since(now.minus(Duration.ofDays(7))).build());
        queries.put("text \"disk full\" + state=resolved + 24 h", AlertQuery.builder().text("disk full")
                .state(AlertState.RESOLVED).since(now.minus(Duration.ofHours(24))).build());
        queries.put("open (firing|suppressed|pending)", AlertQuery.builder()
                .state(AlertState.FIRING, AlertState.SUPPRESSED, AlertState.PENDING).build());
        System.out.printf("%nquery latency over %d runs (ms): search returns up to 500 occurrences; count counts all%n", RUNS);
        System.out.printf("%-42s %9s %8s %8s %8s %8s%n", "query", "matches", "search p50", "p95", "count p50", "p95");
        for (Map.Entry<String, AlertQuery> q : queries.entrySet()) {
            double[] search = time(() -> store.search(q.getValue()).size());
            double[] count = time(() -> store.count(q.getValue()));
            System.out.printf("%-42s %,9d %8.1f %8.1f %8.1f %8.1f%n", q.getKey(), store.count(q.getValue()),
                    search[0], search[1], count[0], count[1]);
        }
        System.out.printf("%nplans:%n");
        for (Map.Entry<String, AlertQuery> q : queries.entrySet()) {
            System.out.printf("  %-42s %s%n", q.getKey(), store.explain(q.getValue()));
        }
    }

    /** @return {median, p95} in milliseconds */
    private static double[] time(Supplier<?> query) {
        for (int i = 0; i < 5; i++) query.get();
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1]};
    }

    private static void report(String what, int n, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-48s %,10d alerts in %6.1f s = %,9.0f alerts/s%n", what, n, s, n / s);
    }

    private static double mib(Path p) throws java.io.IOException {
        return Files.exists(p) ? Files.size(p) / 1048576.0 : 0;
    }
}
