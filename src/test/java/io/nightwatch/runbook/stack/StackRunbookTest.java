package io.nightwatch.runbook.stack;

import io.nightwatch.alerts.AlertmanagerClient;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.recovery.VerifyRecovered;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

class StackRunbookTest {

    private static final VerifyRecovered.Timing FAST = new VerifyRecovered.Timing(Duration.ofSeconds(60),
            new FlowSettings(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMinutes(1), false));

    @Test
    void stopGoesProducersFirstAndKeepersLastAndStartIsTheReverse() {
        StackRunbook stop = new StackRunbook(StackRunbook.Action.STOP, ReferenceStack.profile(), Map.of(), h -> null, FAST);
        List<String> stops = stop.build(Map.of()).steps().stream().map(Step::id).filter(id -> id.startsWith("stop-")).toList();
        assertEquals(List.of("stop-promtail", "stop-otel-collector", "stop-loki", "stop-prometheus", "stop-grafana", "stop-alertmanager",
                "stop-redis"), stops);
        StackRunbook start = new StackRunbook(StackRunbook.Action.START, ReferenceStack.profile(), Map.of(), h -> null, FAST);
        List<String> starts = start.build(Map.of()).steps().stream().map(Step::id).filter(id -> id.startsWith("start-")).toList();
        assertEquals(List.of("start-redis", "start-alertmanager", "start-grafana", "start-prometheus", "start-loki", "start-otel-collector",
                "start-promtail"), starts);
        assertTrue(stop.build(Map.of()).steps().stream().noneMatch(s -> s.id().startsWith("unsilence-")),
                "after a plain stop the silences cover the downtime");
        assertThrows(IllegalArgumentException.class, () -> stop.build(Map.of("services", "prometheus,lokki")));
    }

    @Test
    @EngineTest
    void restartKeepsRedisSessionsAndProvesFlowAgain(@TempDir Path dir) throws Exception {
        TestEngine engine = TestEngine.shared();
        engine.runReferenceServices();
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                .withTimings(Duration.ofMillis(500), Duration.ofSeconds(2));
        try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), Map.of()))) {
            try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
                for (int i = 0; i < 25; i++) redis.set("session:" + i, "t" + i);
            }
            Map<String, String> params = Map.of("services", "prometheus,alertmanager,redis");
            Runbook runbook = new StackRunbook(StackRunbook.Action.RESTART, profile, Map.of(), h -> gateway, FAST).build(params);
            List<String> order = new CopyOnWriteArrayList<>();
            List<String> output = new CopyOnWriteArrayList<>();
            RunResult r = new RunbookRunner(dir.resolve("runs"), Clock.systemUTC()).run(runbook, params, new RunListener() {
                @Override
                public void stepStarted(int index, Step s) { order.add(s.id()); }

                @Override
                public void output(Step s, String line) { output.add(s.id() + ": " + line); }
            });
            assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message() + "\n" + String.join("\n", output));
            assertEquals(List.of("stop-prometheus", "stop-alertmanager", "stop-redis", "start-redis", "start-alertmanager", "start-prometheus"),
                    order.stream().filter(id -> id.startsWith("stop-") || id.startsWith("start-")).toList());
            assertTrue(output.contains("stop-redis: dump.rdb written (25 keys)"), output.toString());
            assertTrue(output.stream().anyMatch(l -> l.startsWith("silence-prometheus: silence ")), output.toString());
            assertTrue(output.stream().anyMatch(l -> l.contains("prometheus.samples-appended FLOWING")), output.toString());
            try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
                assertEquals(25, redis.dbSize(), "the sessions survived the restart");
            }
        }
    }

    @Test
    @EngineTest
    void stopSilencesTheWindowAndStartLiftsTheSilencesOnceDataFlowsAgain(@TempDir Path dir) throws Exception {
        TestEngine engine = TestEngine.shared();
        engine.runReferenceServices();
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                .withTimings(Duration.ofMillis(500), Duration.ofSeconds(2));
        AlertmanagerClient alertmanager = new AlertmanagerClient(HttpUrl.get("http://127.0.0.1:9093/"), Duration.ofSeconds(5));
        try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), Map.of()))) {
            Map<String, String> params = Map.of("services", "prometheus,redis");
            List<String> stopped = run(new StackRunbook(StackRunbook.Action.STOP, profile, Map.of(), h -> gateway, FAST), params, dir);
            assertEquals("false", engine.docker("inspect", "-f", "{{.State.Running}}", "sva-studio-prometheus").strip(), stopped.toString());
            assertEquals("false", engine.docker("inspect", "-f", "{{.State.Running}}", "sva-studio-redis").strip(), stopped.toString());
            assertEquals(List.of("[nightwatch] stack stop of prometheus", "[nightwatch] stack stop of redis"), stopSilences(alertmanager),
                    "the downtime is silenced in Alertmanager");

            List<String> started = run(new StackRunbook(StackRunbook.Action.START, profile, Map.of(), h -> gateway, FAST), params, dir);
            assertTrue(started.stream().anyMatch(l -> l.contains("prometheus.samples-appended FLOWING")), started.toString());
            assertTrue(started.stream().anyMatch(l -> l.contains("redis.ops FLOWING")), started.toString());
            assertTrue(started.stream().anyMatch(l -> l.startsWith("lift-stop-silences: lifted 2 silence(s) of the stop")), started.toString());
            assertEquals(List.of(), stopSilences(alertmanager), "alerts page again after the start");
        }
    }

    private static List<String> stopSilences(AlertmanagerClient alertmanager) throws Exception {
        return alertmanager.silences().stream().filter(s -> s.state().equals("active") && s.comment().startsWith("[nightwatch] stack stop of "))
                .map(s -> s.comment().substring(0, s.comment().indexOf(" (run "))).sorted().toList();
    }

    private static List<String> run(StackRunbook definition, Map<String, String> params, Path dir) {
        List<String> output = new CopyOnWriteArrayList<>();
        RunResult r = new RunbookRunner(dir.resolve("runs"), Clock.systemUTC()).run(definition.build(params), params, new RunListener() {
            @Override
            public void output(Step s, String line) { output.add(s.id() + ": " + line); }
        });
        assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message() + "\n" + String.join("\n", output));
        return output;
    }
}
