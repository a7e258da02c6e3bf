package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceDefaults;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit against the real testbed (Prometheus, Alertmanager, Redis as the reference stack runs them: limits on
 * some, no CPU limit on others, default log rotation, two rules, webhook-only receivers). Grafana and Loki are not
 * packaged here: their HTTP APIs are emulated with MockWebServer using their documented payloads (Grafana
 * {@code GET /api/user}, Loki {@code GET /config} YAML), and a Grafana-like container is a busybox container.
 */
@EngineTest
class AuditEngineTest {

    private static TestEngine engine;

    @BeforeAll
    static void startTestbed() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    static StackProfile testbedProfile() {
        StackProfile reference = ReferenceStack.profile().withPrimaryHostAddress(TestEngine.shared().dockerHost().toString());
        return reference.withServices(reference.services().stream()
                .filter(s -> s.kind() == ServiceKind.PROMETHEUS || s.kind() == ServiceKind.ALERTMANAGER || s.kind() == ServiceKind.REDIS)
                .toList());
    }

    static AuditInputs inputs(Path data) {
        return new AuditInputs(Map.of(), data, data.resolve("backups"), RecoveryTargets.NONE, Optional.empty(), Duration.ofSeconds(5), Clock.systemUTC());
    }

    static Status status(AuditReport r, String id) {
        return r.item(id).orElseThrow(() -> new AssertionError("no item " + id + " in " + r.items().stream().map(AuditItem::id).toList())).status();
    }

    @Test
    void theTestbedAsItIsIsNotReadyWithTheRightItems(@TempDir Path data) {
        AuditReport report = new AuditRunner(engine.clientEnv()).run(testbedProfile(), inputs(data));

        assertEquals(Verdict.NOT_READY, report.verdict());
        assertEquals(Verdict.NOT_READY, report.phases().get(Phase.PRODUCTION));
        assertEquals(Verdict.NOT_READY, report.phases().get(Phase.STAGING)); // critical gaps: no human receiver, Redis unbacked
        assertEquals(Verdict.CONDITIONAL, report.phases().get(Phase.DEVELOPMENT));
        assertTrue(report.ok() > 0 && report.ok() < report.total());
        // resources: the testbed gives Prometheus a CPU limit, not Alertmanager and Redis
        assertEquals(Status.OK, status(report, "cpu-limit:local/prometheus"));
        assertEquals(Status.MISSING, status(report, "cpu-limit:local/redis"));
        assertEquals(Status.OK, status(report, "memory-limit:local/redis"));
        // health: the reference checks work (wget and redis-cli are in the images)
        assertEquals(Status.OK, status(report, "healthcheck:local/prometheus"));
        assertEquals(Status.OK, status(report, "healthcheck:local/redis"));
        assertEquals(Status.OK, status(report, "restart-policy:local/redis"));
        // shutdown and logging: engine defaults everywhere
        assertEquals(Status.MISSING, status(report, "stop-grace:local/prometheus"));
        assertEquals(Status.MISSING, status(report, "log-rotation:local/alertmanager"));
        // alerting: two "down" rules cover none of the review's scenarios; receivers are webhooks to this host
        for (String scenario : List.of("disk-full", "loki-ingestion-errors", "collector-down", "redis-down", "target-down", "stale-metrics")) {
            assertEquals(Status.MISSING, status(report, "alert-rule." + scenario + ":local/prometheus"), scenario);
        }
        assertEquals(Status.OK, status(report, "alertmanager-connected:local/prometheus"));
        assertEquals(Status.OK, status(report, "alert-route:local/alertmanager"));
        assertEquals(Status.MISSING, status(report, "alert-human-receiver:local/alertmanager"));
        // retention: time set (7d), size not
        assertEquals(Status.OK, status(report, "retention-time:local/prometheus"));
        assertEquals(Status.MISSING, status(report, "retention-size:local/prometheus"));
        // Redis: RDB only, no maxmemory
        assertEquals(Status.RISK, status(report, "redis-persistence:local/redis"));
        assertEquals(Status.MISSING, status(report, "redis-maxmemory:local/redis"));
        // self-monitoring: Prometheus and Alertmanager scraped, Redis not
        assertEquals(Status.OK, status(report, "scraped:local/alertmanager"));
        assertEquals(Status.MISSING, status(report, "scraped:local/redis"));
        // data safety: nothing backed up, no targets, no drill; items link to their runbooks
        assertEquals(Status.MISSING, status(report, "backup-rpo:local/redis"));
        assertEquals(Optional.of("backup"), report.item("backup-rpo:local/redis").orElseThrow().runbook());
        assertEquals(Status.MISSING, status(report, "rpo-defined:stack"));
        assertEquals(Status.MISSING, status(report, "restore-drill:stack"));
        assertEquals(Status.MISSING, status(report, "performance-baseline:local/prometheus")); // nothing recorded in this audit's inputs
        assertEquals(Status.MISSING, status(report, "slo:local/redis"));
        assertEquals(Status.OK, status(report, "disk-headroom:local/prometheus"));
    }

    @Test
    void grafanaWithItsDefaultLoginAndABrokenHealthcheckIsCritical(@TempDir Path data) throws Exception {
        String container = "nw-audit-grafana";
        engine.docker("rm", "-f", container);
        // busybox has wget but no curl: the healthcheck can never pass. Env as an operator left it.
        engine.docker("run", "-d", "--name", container, "--network", "none", "--label", "io.nightwatch.testbed=isolated",
                "--health-cmd", "curl -fs http://localhost:3000/api/health", "--health-interval", "60s",
                "-e", "GF_SECURITY_ADMIN_PASSWORD=admin", "-e", "DB_PASSWORD=hunter2-very-secret",
                TestEngine.BUSYBOX, "sleep", "3600");
        try (MockWebServer grafana = new MockWebServer(); MockWebServer loki = new MockWebServer()) {
            grafana.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    String basic = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes());
                    if (r.getPath().equals("/api/health")) return new MockResponse().setBody("{\"database\":\"ok\",\"version\":\"10.4.3\"}");
                    if (r.getPath().equals("/api/user") && basic.equals(r.getHeader("Authorization"))) {
                        return new MockResponse().setBody("{\"id\":1,\"login\":\"admin\",\"isGrafanaAdmin\":true}");
                    }
                    return new MockResponse().setResponseCode(401).setBody("{\"message\":\"Unauthorized\"}");
                }
            });
            // Loki 2.9's /config: retention off (the compactor default), replication 1.
            loki.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    if (r.getPath().equals("/ready")) return new MockResponse().setBody("ready");
                    if (r.getPath().equals("/config")) {
                        return new MockResponse().setBody("common:\n  replication_factor: 1\n  path_prefix: /loki\n"
                                + "compactor:\n  working_directory: /loki/compactor\n  retention_enabled: false\n"
                                + "limits_config:\n  retention_period: 0s\n");
                    }
                    return new MockResponse().setResponseCode(404);
                }
            });
            grafana.start(InetAddress.getLoopbackAddress(), 0);
            loki.start(InetAddress.getLoopbackAddress(), 0);
            StackProfile base = testbedProfile();
            var host = base.hosts().get(0);
            List<ServiceSpec> services = new ArrayList<>(base.services());
            services.add(ServiceDefaults.forKind(ServiceKind.GRAFANA, host, "grafana", container, grafana.getPort()));
            services.add(ServiceDefaults.forKind(ServiceKind.LOKI, host, "loki", "nw-audit-loki-absent", loki.getPort()));

            AuditReport report = new AuditRunner(engine.clientEnv()).run(base.withServices(services), inputs(data));

            assertEquals(Status.RISK, status(report, "grafana-default-login:local/grafana"));
            assertEquals(Status.RISK, status(report, "grafana-admin-password:local/grafana"));
            assertEquals(Status.RISK, status(report, "healthcheck:local/grafana"));
            assertTrue(report.item("healthcheck:local/grafana").orElseThrow().evidence().contains("curl is not in the image"));
            assertEquals(Status.RISK, status(report, "plain-secrets:local/grafana"));
            assertTrue(report.item("plain-secrets:local/grafana").orElseThrow().evidence().contains("DB_PASSWORD"));
            assertEquals(Status.MISSING, status(report, "restart-policy:local/grafana"));
            assertEquals(Status.MISSING, status(report, "memory-limit:local/grafana"));
            assertEquals(Status.MISSING, status(report, "loki-retention:local/loki"));
            assertEquals(Status.RISK, status(report, "loki-single-node:local/loki"));
            assertEquals(Status.UNKNOWN, status(report, "deployed:local/loki"));
            for (AuditItem i : report.items()) {
                assertFalse((i.evidence() + i.fix()).contains("hunter2"), "a secret value leaked into " + i.id());
            }
        } finally {
            engine.docker("rm", "-f", container);
        }
    }
}
