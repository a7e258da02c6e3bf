package io.nightwatch.swarm;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.HealthState;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two engines on this machine form one Swarm: the manager on 127.0.0.1, a worker joined on 127.0.0.2. Redis runs
 * on the worker only (host network on an unusual port, nothing asked directly), so the manager's engine cannot reach
 * into its task: the profile names the worker's engine under the manager's {@code nodes}, and both the probe and the
 * backup must go there.
 */
@EngineTest
class SwarmTwoNodeEngineTest {

    private Tls manager;
    private Tls worker;
    private DockerGateway managerGateway;

    @TempDir
    Path data;

    @AfterEach
    void stop() {
        if (managerGateway != null) managerGateway.close();
        if (worker != null) worker.stop();
        if (manager != null) manager.stop();
    }

    @Test
    @Timeout(240)
    void aTaskOnTheWorkerIsProbedAndBackedUpThroughTheWorkersEngine() throws Exception {
        TestEngine engine = TestEngine.shared();
        manager = engine.remoteTlsEngine();
        worker = engine.remoteTlsEngine();
        load(engine, worker, TestEngine.REDIS);
        try {
            manager.docker("swarm", "init", "--advertise-addr", "127.0.0.1");
            String token = manager.docker("swarm", "join-token", "-q", "worker").strip();
            worker.docker("swarm", "join", "--token", token, "--advertise-addr", "127.0.0.2", "--listen-addr", "127.0.0.2:2377",
                    "--data-path-addr", "127.0.0.2", "127.0.0.1:2377");
        } catch (RuntimeException e) {
            Assumptions.abort("two engines on this machine cannot form one Swarm: " + e.getMessage()
                    + " (the node mapping is then covered through the profile by SwarmMappingTest)");
        }
        String workerNode = worker.docker("info", "--format", "{{.Swarm.NodeID}}").strip();
        manager.docker("service", "create", "--detach", "--no-resolve-image", "--name", "sva-studio_redis",
                "--label", "com.docker.stack.namespace=sva-studio", "--network", "host", "--constraint", "node.id==" + workerNode,
                "--mount", "type=volume,source=sva-studio_redis-data,target=/data",
                TestEngine.REDIS, "redis-server", "--bind", "127.0.0.1", "--port", "16379", "--dir", "/data");

        DockerHostSpec workerSpec = new DockerHostSpec(workerNode, Optional.of(worker.host().toString()), Optional.of(true),
                Optional.of(worker.certPath()));
        DockerHostSpec host = new DockerHostSpec("prod", Optional.of(manager.host().toString()), Optional.of(true),
                Optional.of(manager.certPath()), List.of(workerSpec));
        ServiceSpec redis = new ServiceSpec("redis", ServiceKind.REDIS, "prod", "sva-studio-redis",
                new Endpoint(ProbeProtocol.REDIS, "", 16379, 16379, "/"), Optional.empty(), Optional.of("/data"), Optional.empty(), false);
        StackProfile profile = new StackProfile(List.of(host), List.of(redis), Duration.ofMillis(500), Duration.ofSeconds(2), "two nodes");
        managerGateway = DockerGateway.connect(EngineAddress.resolve(host, Map.of()));
        awaitConverged();
        SwarmService.SwarmTask task = managerGateway.swarmService("sva-studio_redis").orElseThrow().currentTask().orElseThrow();
        assertEquals(workerNode, task.nodeId(), "the task runs on the worker");
        assertTrue(managerGateway.inspect(task.containerId()).isEmpty(), "the manager's engine does not hold the task's container");

        List<HealthSnapshot> seen = new CopyOnWriteArrayList<>();
        try (HealthMonitor monitor = new HealthMonitor(profile, Map.of(), Clock.systemUTC())) {
            monitor.addListener(seen::add);
            monitor.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            ServiceHealth last = null;
            while (System.nanoTime() < deadline && (last == null || last.state() != HealthState.UP)) {
                Thread.sleep(200);
                last = seen.isEmpty() ? null : seen.get(seen.size() - 1).services().get(0);
            }
            assertTrue(last != null && last.state() == HealthState.UP, "probed by exec on the worker: " + (last == null ? "nothing" : last.reason()));
            assertEquals("exec in container", last.probe().transport().label());
        }

        try (RunbookCatalog catalog = new RunbookCatalog(profile, Map.of(), data, Clock.systemUTC())) {
            Map<String, String> params = Map.of("services", "redis", "to", data.resolve("backups").toString());
            RunResult backup = catalog.newRunner().run(catalog.backup().build(params), params, new RunListener() { });
            assertEquals(RunResult.Outcome.SUCCEEDED, backup.outcome(), backup.message());
            try (var sets = Files.list(data.resolve("backups"))) {
                Path set = sets.filter(Files::isDirectory).findFirst().orElseThrow();
                assertTrue(Files.exists(set.resolve("redis")), "the dump copied from the worker's engine");
            }
        }
    }

    private void awaitConverged() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Optional<SwarmService> s = managerGateway.swarmService("sva-studio_redis");
            if (s.isPresent() && s.get().converged()) return;
            assertTrue(System.nanoTime() < deadline, "not converged: " + s + "\n" + manager.docker("service", "ps", "--no-trunc", "sva-studio_redis"));
            Thread.sleep(300);
        }
    }

    private static void load(TestEngine engine, Tls target, String image) throws Exception {
        Path certs = target.certPath();
        String load = "/usr/bin/docker -H " + engine.dockerHost() + " save " + image + " | /usr/bin/docker --tlsverify --tlscacert "
                + certs.resolve("ca.pem") + " --tlscert " + certs.resolve("cert.pem") + " --tlskey " + certs.resolve("key.pem")
                + " -H " + target.host() + " load";
        Process p = new ProcessBuilder("bash", "-c", load).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "image transfer: " + out);
    }
}
