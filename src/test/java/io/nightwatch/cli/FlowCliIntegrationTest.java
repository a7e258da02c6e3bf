package io.nightwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code nightwatch flow} against the testbed: real Prometheus, Alertmanager, Redis; Promtail emulated. */
@EngineTest
class FlowCliIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestEngine engine;

    @BeforeAll
    static void startTestbed() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = NightwatchCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void flowingStackExitsZeroWithEveryStageInJson(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("profile.yaml");
        Files.writeString(profile, "services:\n  - kind: prometheus\n  - kind: alertmanager\n  - kind: redis\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "flow", "--profile", profile.toString(), "--host", engine.dockerHost().toString(),
                "--window", "12", "--interval", "1", "--json");
        JsonNode doc = JSON.readTree(out.toString());
        assertEquals(0, code, err + "\n" + out);
        assertFalse(doc.path("anyStalled").asBoolean());
        int seen = 0;
        for (JsonNode stage : doc.path("stages")) {
            assertTrue(stage.path("state").asText().matches("FLOWING|IDLE"), "nothing unknown on the real services: " + stage);
            if (stage.path("stage").asText().equals("prometheus.samples-appended")) {
                seen++;
                assertTrue(stage.path("value").isNumber(), stage.toString());
                assertEquals("samples/s", stage.path("unit").asText());
            }
        }
        assertEquals(1, seen);
        assertTrue(doc.path("disks").size() >= 3, "Prometheus, Alertmanager and Redis data volumes");
        System.out.println(out);
        StringWriter text = new StringWriter();
        run(text, new StringWriter(), "flow", "--profile", profile.toString(), "--host", engine.dockerHost().toString(), "--window", "2", "--interval", "1");
        System.out.println(text);
        assertTrue(err.toString().contains("reading flows for"), err.toString());
    }

    @Test
    void stalledPromtailExitsOne(@TempDir Path dir) throws Exception {
        try (MockWebServer promtail = new MockWebServer()) {
            promtail.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if ("/ready".equals(request.getPath())) return new MockResponse().setBody("Ready");
                    return new MockResponse().setBody("# TYPE promtail_sent_entries_total counter\n"
                            + "promtail_sent_entries_total{host=\"loki:3100\"} 4711\n");
                }
            });
            promtail.start(InetAddress.getLoopbackAddress(), 0);
            engine.runIsolated("sva-studio-promtail", TestEngine.BUSYBOX, "sleep", "3600");
            Path profile = dir.resolve("profile.yaml");
            Files.writeString(profile, "services:\n  - kind: promtail\n    health: http://127.0.0.1:" + promtail.getPort()
                    + "/ready\n    metrics: http://127.0.0.1:" + promtail.getPort() + "/metrics\n");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = run(out, err, "flow", "--profile", profile.toString(), "--host", engine.dockerHost().toString(),
                    "--window", "3", "--interval", "0.5");
            assertEquals(1, code, err + "\n" + out);
            assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("STALLED") && l.contains("Promtail entries sent")
                    && l.contains("while promtail is up")), out.toString());
        } finally {
            engine.docker("rm", "-f", "sva-studio-promtail");
        }
    }
}
