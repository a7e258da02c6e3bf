package io.nightwatch.alerts;

import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertQuery;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.AlertStore;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Alert history against the real Alertmanager of the testbed, whose webhook receivers point at
 * 127.0.0.1:5001 exactly like the reference stack's, and a real Prometheus evaluating a real rule.
 */
@EngineTest
class AlertsIntegrationTest {

    private static TestEngine engine;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private AlertStore store;
    private AlertService service;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTestbed() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    @BeforeEach
    void openStore() throws Exception {
        store = AlertStore.open(dir.resolve("history.db"));
    }

    @AfterEach
    void close() throws Exception {
        if (service != null) service.close();
        store.close();
    }

    private StackProfile profile() {
        return ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString());
    }

    private void postToAlertmanager(String alertname, String severity, String marker) throws Exception {
        String body = "[{\"labels\":{\"alertname\":\"" + alertname + "\",\"severity\":\"" + severity + "\",\"component\":\"loki\","
                + "\"workspace_id\":\"" + marker + "\"},\"annotations\":{\"summary\":\"" + alertname + " from the test\"},"
                + "\"startsAt\":\"" + Instant.now().minusSeconds(5) + "\",\"generatorURL\":\"http://prometheus:9090/graph\"}]";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9093/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private List<AlertOccurrence> withText(String marker) {
        return store.search(AlertQuery.builder().text(marker).since(Instant.now().minus(Duration.ofHours(1))).build());
    }

    @Test
    void alertmanagerDeliversToTheReceiverAndThePollDoesNotDoubleCount() throws Exception {
        service = new AlertService(profile(), store, AlertSettings.defaults()
                .withListen(Optional.of(new InetSocketAddress("127.0.0.1", AlertSettings.DEFAULT_PORT))), Clock.systemUTC());
        service.start(Optional.empty(), Optional.empty());
        String marker = "nw" + UUID.randomUUID().toString().substring(0, 8);
        postToAlertmanager("LokiDown", "critical", marker);
        // critical: group_wait 0 s; the webhook arrives within seconds
        awaitUntil(() -> withText(marker).stream().anyMatch(a -> a.seenBy().contains("webhook")), Duration.ofSeconds(30));
        service.poll();
        service.poll();
        List<AlertOccurrence> found = withText(marker);
        assertEquals(1, found.size(), "one occurrence, seen by webhook and poll: " + found);
        AlertOccurrence a = found.get(0);
        assertEquals(Set.of("webhook", "alertmanager"), a.seenBy());
        assertEquals("LokiDown", a.alertname());
        assertEquals("critical", a.severity());
        assertEquals("loki", a.service());
        assertEquals(AlertState.FIRING, a.state());
    }

    @Test
    void silenceCreatedAndExpiredThroughTheRealApi() throws Exception {
        service = new AlertService(profile(), store, AlertSettings.defaults().withListen(Optional.empty()), Clock.systemUTC());
        String id = service.createSilence(List.of(new AlertmanagerClient.Matcher("alertname", "NightwatchTest", false, true)),
                Duration.ofMinutes(30), "test", "maintenance window");
        AlertmanagerClient.Silence created = service.alertmanager().orElseThrow().silences().stream()
                .filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        assertEquals("active", created.state());
        assertTrue(created.comment().startsWith("[nightwatch]"), "marked as Nightwatch's in Alertmanager too");
        assertTrue(store.silences().stream().anyMatch(s -> s.id().equals(id) && s.createdByNightwatch()));

        service.expireSilence(id);
        AlertmanagerClient.Silence expired = service.alertmanager().orElseThrow().silences().stream()
                .filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        assertEquals("expired", expired.state());
    }

    @Test
    void silencedAlertsNeverReachTheWebhookButThePollSeesThem() throws Exception {
        service = new AlertService(profile(), store, AlertSettings.defaults()
                .withListen(Optional.of(new InetSocketAddress("127.0.0.1", AlertSettings.DEFAULT_PORT))), Clock.systemUTC());
        service.start(Optional.empty(), Optional.empty());
        String marker = "nw" + UUID.randomUUID().toString().substring(0, 8);
        String silence = service.createSilence(List.of(new AlertmanagerClient.Matcher("workspace_id", marker, false, true)),
                Duration.ofMinutes(10), "test", "silenced in test");
        try {
            postToAlertmanager("GrafanaDown", "critical", marker);
            awaitUntil(() -> {
                try {
                    service.poll();
                } catch (Exception e) {
                    return false;
                }
                return !withText(marker).isEmpty();
            }, Duration.ofSeconds(20));
            AlertOccurrence a = withText(marker).get(0);
            assertEquals(AlertState.SUPPRESSED, a.state());
            assertEquals(Set.of("alertmanager"), a.seenBy(), "silenced alerts never reach a webhook");
            assertEquals(silence, a.annotations().get("nightwatch_silenced_by"));
        } finally {
            service.expireSilence(silence);
        }
    }

    @Test
    void prometheusRuleShowsPendingThenFiring() throws Exception {
        Path config = Files.createDirectories(dir.resolve("prometheus"));
        Files.writeString(config.resolve("prometheus.yml"), """
                global: {scrape_interval: 2s, evaluation_interval: 2s}
                rule_files: [/etc/prometheus/rules.yml]
                scrape_configs:
                  - job_name: nightwatch-dead
                    static_configs: [{targets: ['127.0.0.1:9']}]
                """);
        Files.writeString(config.resolve("rules.yml"), """
                groups:
                  - name: test
                    rules:
                      - alert: DeadTargetDown
                        expr: up{job="nightwatch-dead"} == 0
                        for: 10s
                        labels: {severity: warning, component: nightwatch-dead}
                        annotations: {summary: the dead target is down}
                """);
        engine.docker("rm", "-f", "nw-rules-prometheus");
        engine.docker("run", "-d", "--name", "nw-rules-prometheus", "--network", "host", "-v", config + ":/etc/prometheus:ro",
                TestEngine.PROMETHEUS, "--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/tmp/tsdb",
                "--web.listen-address=127.0.0.1:19090");
        try {
            PrometheusAlertsClient prometheus = new PrometheusAlertsClient(HttpUrl.get("http://127.0.0.1:19090/"), Duration.ofSeconds(2));
            awaitUntil(() -> record(prometheus) && stateOf("DeadTargetDown") == AlertState.PENDING, Duration.ofSeconds(30));
            awaitUntil(() -> record(prometheus) && stateOf("DeadTargetDown") == AlertState.FIRING, Duration.ofSeconds(30));
            AlertOccurrence a = store.search(AlertQuery.builder().text("DeadTargetDown").since(Instant.now().minus(Duration.ofHours(1))).build()).get(0);
            assertTrue(store.transitions(a.id()).stream().anyMatch(t -> t.from() == AlertState.PENDING && t.to() == AlertState.FIRING),
                    store.transitions(a.id()).toString());
            assertTrue(prometheus.failingRules().isEmpty());
        } finally {
            engine.docker("rm", "-f", "nw-rules-prometheus");
        }
    }

    private boolean record(PrometheusAlertsClient prometheus) {
        try {
            store.recordAll(prometheus.alerts(Instant.now()));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private AlertState stateOf(String alertname) {
        return store.search(AlertQuery.builder().text(alertname).since(Instant.now().minus(Duration.ofHours(1))).build())
                .stream().findFirst().map(AlertOccurrence::state).orElse(null);
    }

    static void awaitUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("not within " + limit);
            Thread.sleep(250);
        }
    }

}
