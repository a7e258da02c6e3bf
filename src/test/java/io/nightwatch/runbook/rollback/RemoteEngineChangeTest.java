package io.nightwatch.runbook.rollback;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.catalog.RunbookCatalog;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second engine reached over TCP with mutual TLS (the remote case), holding only the small busybox image: Swarm
 * services updated and rolled back by the engine itself, followed task by task (including an update to an image the
 * node lacks, which the engine pauses and Nightwatch rolls back); and an engine that goes away in the middle of an
 * image change, which must end with a clear message saying how to put the old container back.
 */
@EngineTest
class RemoteEngineChangeTest {

    private static final String V2 = "local/busybox:v2";
    private Tls remote;
    private RunbookCatalog catalog;
    private DockerGateway gateway;
    private StackProfile profile;

    @TempDir
    Path data;

    @BeforeEach
    void startRemoteEngine() throws Exception {
        TestEngine engine = TestEngine.shared();
        remote = engine.remoteTlsEngine();
        Path certs = remote.certPath();
        String load = "/usr/bin/docker -H " + engine.dockerHost() + " save " + TestEngine.BUSYBOX + " | /usr/bin/docker --tlsverify"
                + " --tlscacert " + certs.resolve("ca.pem") + " --tlscert " + certs.resolve("cert.pem") + " --tlskey " + certs.resolve("key.pem")
                + " -H " + remote.host() + " load";
        Process p = new ProcessBuilder("bash", "-c", load).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "image transfer to the remote engine: " + out);
        DockerHostSpec host = new DockerHostSpec("remote", Optional.of(remote.host().toString()), Optional.of(true), Optional.of(certs));
        profile = new StackProfile(List.of(host), List.of(), Duration.ofSeconds(2), Duration.ofSeconds(2), "remote test");
        gateway = DockerGateway.connect(EngineAddress.resolve(host, Map.of()));
    }

    @AfterEach
    void stop() {
        if (catalog != null) catalog.close();
        if (gateway != null) gateway.close();
        if (remote != null) remote.stop();
    }

    /** A second image id: the first one committed with a new label (no registry, no build). */
    private void makeV2(String fromContainer) {
        remote.docker("commit", "--change", "LABEL org.opencontainers.image.version=v2", fromContainer, V2);
    }

    @Test
    @Timeout(180)
    void swarmServicesAreUpdatedAndRolledBackByTheEngineAndFollowedToConvergence() throws Exception {
        try {
            remote.docker("swarm", "init", "--advertise-addr", "127.0.0.1");
        } catch (RuntimeException e) {
            Assumptions.abort("docker swarm init does not work on this test engine (" + e.getMessage() + "); the Swarm runbook is "
                    + "then covered only by its unit tests");
        }
        remote.docker("run", "--name", "seed", TestEngine.BUSYBOX, "true");
        makeV2("seed");
        remote.docker("service", "create", "--detach", "--no-resolve-image", "--network", "host", "--replicas", "2",
                "--label", "com.docker.stack.namespace=sva-studio", "--update-delay", "0s", "--update-monitor", "2s",
                "--name", "sva-studio_busy", TestEngine.BUSYBOX, "sleep", "3600");
        awaitConverged("sva-studio_busy", TestEngine.BUSYBOX);
        catalog = new RunbookCatalog(profile, Map.of(), data, Clock.systemUTC());
        SwarmService listed = gateway.swarmServices().get(0);
        assertEquals("sva-studio", listed.stack());
        assertEquals(2, listed.replicas());
        assertEquals(Optional.empty(), listed.previousImage(), "never updated");

        Map<String, String> update = Map.of("service", "sva-studio_busy", "action", "update", "to", V2, "timeout", "60s");
        RunResult updated = catalog.newRunner().run(catalog.swarm().build(update), update, new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, updated.outcome(), updated.message());
        SwarmService after = gateway.swarmService("sva-studio_busy").orElseThrow();
        assertEquals(V2, after.image());
        assertEquals(Optional.of(TestEngine.BUSYBOX), after.previousImage());
        assertTrue(after.converged());
        assertEquals(2, after.running());

        Map<String, String> rollback = Map.of("service", "sva-studio_busy", "action", "rollback", "timeout", "60s");
        RunResult rolledBack = catalog.newRunner().run(catalog.swarm().build(rollback), rollback, new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, rolledBack.outcome(), rolledBack.message());
        SwarmService back = gateway.swarmService("sva-studio_busy").orElseThrow();
        assertEquals(TestEngine.BUSYBOX, back.image());
        assertTrue(back.updateState().startsWith("rollback"), back.updateState());

        // an image the node does not have: every new task is rejected, the engine pauses, Nightwatch rolls back
        Map<String, String> bad = Map.of("service", "sva-studio_busy", "action", "update", "to", "local/busybox:missing", "timeout", "60s");
        RunResult failed = catalog.newRunner().run(catalog.swarm().build(bad), bad, new RunListener() { });
        assertEquals(RunResult.Outcome.FAILED_COMPENSATED, failed.outcome(), failed.message());
        awaitConverged("sva-studio_busy", TestEngine.BUSYBOX);
    }

    @Test
    @Timeout(120)
    void anEngineLostInTheMiddleOfAChangeEndsWithTheWayBackSpelledOut() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        remote.docker("run", "-d", "--name", "nw-remote-web", "--network", "host", "--label", "com.docker.compose.project=sva-studio",
                "--label", "com.docker.compose.service=web", TestEngine.BUSYBOX, "sh", "-c",
                // a shell as PID 1 that ends on SIGTERM (httpd as PID 1 would ignore it and wait out the grace period)
                "trap 'kill $!; exit 0' TERM; mkdir -p /www/-; echo ok > /www/-/healthy; /bin/busybox httpd -f -p 127.0.0.1:" + port
                        + " -h /www & wait");
        makeV2("nw-remote-web");
        ServiceSpec web = new ServiceSpec("web", ServiceKind.ALERTMANAGER, "remote", "nw-remote-web",
                new Endpoint(ProbeProtocol.HTTP, "127.0.0.1", port, port, "/-/healthy"), Optional.empty(), Optional.empty(), Optional.empty(), false);
        StackProfile withWeb = new StackProfile(profile.hosts(), List.of(web), Duration.ofSeconds(2), Duration.ofSeconds(2), "remote test");
        catalog = new RunbookCatalog(withWeb, Map.of(), data, Clock.systemUTC());
        String originalId = gateway.inspect("nw-remote-web").orElseThrow().id();

        Map<String, String> params = Map.of("service", "web", "to", V2, "gate", "20s");
        RunResult r = catalog.newRunner().run(catalog.upgrade().build(params), params, new RunListener() {
            @Override
            public void stepStarted(int index, Step s) {
                if (s.id().equals("start-new")) remote.stop(); // the host goes away with the old container renamed, the new one created
            }
        });
        assertEquals(RunResult.Outcome.FAILED_COMPENSATION_INCOMPLETE, r.outcome(), r.message());
        assertTrue(r.message().contains("unreachable"), r.message());
        assertTrue(r.message().contains("docker rename nw-remote-web" + ImageChangeSteps.KEPT_INFIX), "the way back by hand: " + r.message());
        assertTrue(r.message().contains("docker start nw-remote-web"), r.message());
        assertNotEquals("", originalId);
        assertFalse(catalog.deployments().history("remote", "web").iterator().hasNext(), "nothing recorded as deployed");
    }

    private void awaitConverged(String service, String image) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Optional<SwarmService> s = gateway.swarmService(service);
            if (s.isPresent() && s.get().image().equals(image) && s.get().converged()) return;
            assertTrue(System.nanoTime() < deadline, "not converged on " + image + ": " + s);
            Thread.sleep(500);
        }
    }
}
