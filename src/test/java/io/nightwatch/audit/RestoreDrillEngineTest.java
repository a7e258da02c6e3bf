package io.nightwatch.audit;

import io.nightwatch.cli.AuditCliAccess;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.backup.BackupRunbook;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backup of the real Prometheus and Redis, then {@code nightwatch drill restore} into scratch containers: the data
 * checks out, the scratch containers and volumes are gone afterwards, production kept running, and the next audit
 * counts the drill and the backups as OK.
 */
@EngineTest
class RestoreDrillEngineTest {

    private static TestEngine engine;

    @BeforeAll
    static void startTestbed() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    @Test
    void aDrillRestoresIntoScratchContainersAndTheAuditCountsIt(@TempDir Path home) throws Exception {
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            for (int i = 0; i < 20; i++) redis.set("session:drill-" + i, "t" + i);
        }
        awaitSeries();
        StackProfile profile = AuditEngineTest.testbedProfile();
        Path data = home.resolve("data").resolve("nightwatch");
        Path backups = data.resolve("backups");
        try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), Map.of()))) {
            Map<String, String> params = Map.of("services", "prometheus,redis", "to", backups.toString());
            RunResult backedUp = new RunbookRunner(home.resolve("runs"), Clock.systemUTC())
                    .run(new BackupRunbook(profile, Map.of(), h -> gateway, backups, Clock.systemUTC()).build(params), params, new RunListener() { });
            assertEquals(RunResult.Outcome.SUCCEEDED, backedUp.outcome(), backedUp.message());
        }
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        Path profileFile = home.resolve("profile.yaml");
        Files.writeString(profileFile, "services:\n  - kind: prometheus\n  - kind: alertmanager\n  - kind: redis\nrecovery:\n  rpo: 24h\n  rto: 2h\n");
        String host = engine.dockerHost().toString();

        AuditCliAccess.Result drill = AuditCliAccess.drillRestore(env, "--host", host, "--profile", profileFile.toString(), "--timeout", "60");
        assertEquals(0, drill.exit(), drill.out() + drill.err());
        assertTrue(drill.out().contains("20 keys, as in the set"), drill.out());
        assertTrue(drill.out().contains("series answered"), drill.out());
        assertTrue(drill.out().contains("(measured RTO)"), drill.out());
        assertEquals("", engine.docker("ps", "-aq", "--filter", "label=io.nightwatch.drill=true"), "scratch containers removed");
        assertEquals("", engine.docker("volume", "ls", "-q", "--filter", "label=io.nightwatch.drill=true"), "scratch volumes removed");
        assertEquals("running", engine.docker("inspect", "-f", "{{.State.Status}}", "sva-studio-redis"), "production untouched");

        AuditCliAccess.Result audit = AuditCliAccess.run(env, "--host", host, "--profile", profileFile.toString(), "--json",
                "--flow-window", "0");
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(audit.out());
        for (String id : new String[] {"restore-drill:stack", "backup-rpo:local/redis", "backup-rpo:local/prometheus", "rpo-defined:stack"}) {
            String status = "";
            for (var i : doc.path("items")) if (i.path("id").asText().equals(id)) status = i.path("status").asText();
            assertEquals("OK", status, id);
        }
        assertFalse(doc.path("verdict").asText().isEmpty());
    }

    @Test
    void aSetThatIsNotThereIsAUserError(@TempDir Path home) {
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString());
        AuditCliAccess.Result r = AuditCliAccess.drillRestore(env, "--host", engine.dockerHost().toString(), "--set", "../etc");
        assertEquals(64, r.exit(), r.err());
        assertTrue(r.err().contains("not a set name"), r.err());
    }

    private static void awaitSeries() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9090/api/v1/query?query=count(up)")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"result\":[{")) return;
            Thread.sleep(500);
        }
        throw new AssertionError("Prometheus has not scraped itself within 30 s");
    }
}
