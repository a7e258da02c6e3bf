package io.nightwatch.runbook.backup;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ProbeProtocol;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import io.nightwatch.testbed.Tls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The remote case: a second engine reached over TCP with mutual TLS, its Redis reachable only through the
 * engine (the profile's direct address is closed, as for ports published on the remote host's loopback).
 */
@EngineTest
class RemoteBackupIntegrationTest {

    private static final int PORT = 6391;
    private Tls remote;
    private DockerGateway gateway;
    private StackProfile profile;

    @BeforeEach
    void startRemoteEngine() throws Exception {
        TestEngine engine = TestEngine.shared();
        remote = engine.remoteTlsEngine();
        Path certs = remote.certPath();
        String load = "/usr/bin/docker -H " + engine.dockerHost() + " save " + TestEngine.REDIS + " | /usr/bin/docker --tlsverify"
                + " --tlscacert " + certs.resolve("ca.pem") + " --tlscert " + certs.resolve("cert.pem") + " --tlskey " + certs.resolve("key.pem")
                + " -H " + remote.host() + " load";
        Process p = new ProcessBuilder("bash", "-c", load).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "image transfer to the remote engine: " + out);
        remote.docker("run", "-d", "--name", "nw-remote-redis", "--network", "host", "-v", "nw-remote-data:/data", TestEngine.REDIS,
                "redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(PORT), "--dir", "/data");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Jedis jedis = new Jedis("127.0.0.1", PORT)) {
                jedis.ping();
                break;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) throw notYet;
                Thread.sleep(200);
            }
        }
        DockerHostSpec host = new DockerHostSpec("remote", Optional.of(remote.host().toString()), Optional.of(true), Optional.of(certs));
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ServiceSpec sessions = new ServiceSpec("sessions", ServiceKind.REDIS, "remote", "nw-remote-redis",
                new Endpoint(ProbeProtocol.REDIS, "127.0.0.1", closed, PORT, null), Optional.empty(), Optional.of("/data"), Optional.empty(), false);
        profile = new StackProfile(List.of(host), List.of(sessions), Duration.ofSeconds(2), Duration.ofSeconds(2), "remote test");
        gateway = DockerGateway.connect(EngineAddress.resolve(host, Map.of()));
    }

    @AfterEach
    void stop() {
        if (gateway != null) gateway.close();
        if (remote != null) remote.stop();
    }

    @Test
    void backupAndRestoreThroughTheRemoteEngineOnly(@TempDir Path dir) throws Exception {
        try (Jedis jedis = new Jedis("127.0.0.1", PORT)) {
            for (int i = 0; i < 20; i++) jedis.set("session:remote-" + i, "v" + i);
        }
        Path root = dir.resolve("backups");
        Map<String, String> params = Map.of("services", "sessions", "to", root.toString());
        RunbookRunner runner = new RunbookRunner(dir.resolve("runs"), Clock.systemUTC());
        RunResult backedUp = runner.run(new BackupRunbook(profile, Map.of(), h -> gateway, root, Clock.systemUTC()).build(params),
                params, new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, backedUp.outcome(), backedUp.message());
        BackupSets.SetInfo set = BackupSets.list(root).get(0);
        assertTrue(set.verified());
        assertEquals("20", set.manifest().orElseThrow().service("sessions").orElseThrow().facts().get("keys"));
        assertTrue(set.manifest().orElseThrow().engine().startsWith(remote.host().toString()), set.manifest().orElseThrow().engine());

        try (Jedis jedis = new Jedis("127.0.0.1", PORT)) {
            jedis.flushAll();
        }
        Map<String, String> restoreParams = Map.of("set", set.dir().toString(), "services", "sessions");
        RunResult restored = runner.run(new RestoreRunbook(profile, Map.of(), h -> gateway, Clock.systemUTC()).build(restoreParams),
                restoreParams, new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, restored.outcome(), restored.message());
        try (Jedis jedis = new Jedis("127.0.0.1", PORT)) {
            assertEquals(20, jedis.dbSize());
        }
    }

    @Test
    void engineStoppedMidBackupEndsClearlyAndLeavesNoHalfSet(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("backups");
        Map<String, String> params = Map.of("services", "sessions", "to", root.toString());
        RunResult r = new RunbookRunner(dir.resolve("runs"), Clock.systemUTC()).run(
                new BackupRunbook(profile, Map.of(), h -> gateway, root, Clock.systemUTC()).build(params), params, new RunListener() {
                    @Override
                    public void stepStarted(int index, Step s) {
                        if (s.id().startsWith("copy-")) remote.stop(); // the remote host goes away mid-run
                    }
                });
        assertNotEquals(RunResult.Outcome.SUCCEEDED, r.outcome());
        assertTrue(r.message().contains("engine unreachable at " + remote.host()) || r.message().contains("unreachable"), r.message());
        assertTrue(BackupSets.list(root).isEmpty(), "the incomplete set was removed by the compensation");
    }
}
