package io.nightwatch.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.cli.AuditCliAccess;
import io.nightwatch.testbed.Cli;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nightwatch audit} as an operator runs it against the testbed: JSON contract and exit code, reports, history,
 * then the fix files — checked by promtool and amtool, applied to the real Prometheus and Alertmanager (written into
 * their bind-mounted config folders, reloaded with SIGHUP: the testbed's Prometheus has no --web.enable-lifecycle) —
 * and the alerting items move to OK in the next audit.
 */
@EngineTest
class AuditFixFilesEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static TestEngine engine;

    @TempDir
    Path home;

    @BeforeAll
    static void startTestbed() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    /** The fix files changed the testbed's configuration: give the next test class the reference one again. */
    @AfterAll
    static void restoreTestbed() {
        engine.runReferenceServices();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        return env;
    }

    /** Without the flow sample (its own test covers it): these audits are about the fix files. */
    private AuditCliAccess.Result audit(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--flow-window";
        all[args.length + 1] = "0";
        return AuditCliAccess.run(env(), all);
    }

    @Test
    void auditReportsHistoryAndFixFilesThatCloseTheAlertingGaps() throws Exception {
        String host = engine.dockerHost().toString();
        String profile = writeProfile();
        AuditCliAccess.Result first = audit("--host", host, "--profile", profile, "--json", "--fix-files", home.resolve("fix").toString(),
                "--format", "html", "--out", home.resolve("audit.html").toString());
        assertEquals(2, first.exit(), first.err());
        JsonNode doc = JSON.readTree(first.out());
        assertEquals("NOT_READY", doc.path("verdict").asText());
        for (String phase : List.of("development", "staging", "production")) assertTrue(doc.path("phases").has(phase), phase);
        assertTrue(doc.path("score").path("ok").asInt() > 0);
        assertEquals(doc.path("items").size(), doc.path("score").path("total").asInt());
        JsonNode item = find(doc, "alert-human-receiver:local/alertmanager");
        for (String field : List.of("id", "category", "subject", "status", "risk", "evidence", "fix")) assertTrue(item.has(field), field);
        assertEquals("MISSING", item.path("status").asText());
        assertEquals("critical", item.path("risk").asText());

        String html = Files.readString(home.resolve("audit.html"));
        assertTrue(html.contains("<th>Category</th><th>Check</th>") && html.contains("alert-human-receiver"), html);
        assertFalse(html.contains("<repository>"), "HTML-escaped");

        Path fix = home.resolve("fix");
        Path rules = fix.resolve(FixFiles.RULES);
        Path am = fix.resolve(FixFiles.ALERTMANAGER);
        Path override = fix.resolve(FixFiles.OVERRIDE);
        assertTrue(Files.isRegularFile(rules) && Files.isRegularFile(am) && Files.isRegularFile(override));
        Cli.run(Map.of(), Duration.ofSeconds(30), "/usr/bin/promtool", "check", "rules", rules.toString());
        Cli.run(Map.of(), Duration.ofSeconds(30), "/usr/bin/amtool", "check-config", am.toString());
        String overrideText = Files.readString(override);
        assertTrue(overrideText.contains("stop_grace_period: 60s") && overrideText.contains("max-size: 10m"), overrideText);

        // Apply: Prometheus loads the written rules beside its own, Alertmanager takes the written configuration.
        Path promDir = Path.of(mountSource("sva-studio-prometheus", "/etc/prometheus"));
        Files.copy(rules, promDir.resolve("nightwatch-rules.yml"));
        Files.writeString(promDir.resolve("prometheus.yml"), Files.readString(promDir.resolve("prometheus.yml"))
                .replace("  - /etc/prometheus/alert-rules.yml", "  - /etc/prometheus/alert-rules.yml\n  - /etc/prometheus/nightwatch-rules.yml"));
        Path amDir = Path.of(mountSource("sva-studio-alertmanager", "/etc/alertmanager"));
        Files.copy(am, amDir.resolve("alertmanager.yml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        engine.docker("kill", "-s", "HUP", "sva-studio-prometheus");
        engine.docker("kill", "-s", "HUP", "sva-studio-alertmanager");
        awaitAnswer("http://127.0.0.1:9090/api/v1/rules", body -> body.contains("nightwatch-readiness"));
        awaitAnswer("http://127.0.0.1:9093/api/v2/status", body -> body.contains("oncall-critical"));

        AuditCliAccess.Result second = audit("--host", host, "--profile", profile, "--json");
        JsonNode after = JSON.readTree(second.out());
        for (String scenario : List.of("disk-full", "loki-ingestion-errors", "collector-down", "redis-down", "target-down", "stale-metrics")) {
            assertEquals("OK", find(after, "alert-rule." + scenario + ":local/prometheus").path("status").asText(), scenario);
        }
        assertEquals("OK", find(after, "alert-human-receiver:local/alertmanager").path("status").asText());
        assertEquals("OK", find(after, "rules-evaluate:local/prometheus").path("status").asText());
        assertTrue(after.path("score").path("ok").asInt() > doc.path("score").path("ok").asInt());

        AuditCliAccess.Result history = audit("--history");
        assertEquals(0, history.exit(), history.err());
        assertEquals(2, history.out().lines().count(), history.out());
        assertTrue(history.out().contains("NOT_READY"), history.out());
    }

    @Test
    void anUnreachableEngineIsExitThree() {
        AuditCliAccess.Result r = audit("--host", "unix://" + home.resolve("no-engine.sock"), "--json");
        assertEquals(3, r.exit(), r.err() + r.out());
    }

    /** The reference profile narrowed to what the testbed runs. */
    private String writeProfile() throws Exception {
        Path p = home.resolve("profile.yaml");
        Files.writeString(p, """
                services:
                  - kind: prometheus
                  - kind: alertmanager
                  - kind: redis
                recovery:
                  rpo: 24h
                  rto: 2h
                """);
        return p.toString();
    }

    private static String mountSource(String container, String destination) {
        return engine.docker("inspect", "-f", "{{range .Mounts}}{{if eq .Destination \"" + destination + "\"}}{{.Source}}{{end}}{{end}}", container).strip();
    }

    private static JsonNode find(JsonNode doc, String id) {
        for (JsonNode i : doc.path("items")) if (i.path("id").asText().equals(id)) return i;
        throw new AssertionError("no item " + id);
    }

    private static void awaitAnswer(String url, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (done.test(body)) return;
            Thread.sleep(250);
        }
        throw new AssertionError(url + " did not take the new configuration within 20 s: " + body);
    }
}
