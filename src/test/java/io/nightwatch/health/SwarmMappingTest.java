package io.nightwatch.health;

import io.nightwatch.docker.ContainerState;
import io.nightwatch.docker.ContainerSummary;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.docker.EngineEvent;
import io.nightwatch.docker.SwarmNode;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.docker.SwarmService.SwarmTask;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a Swarm stack maps onto the profile without an engine: services onto tiles, the Swarm's nodes onto the
 * profile's node engines, tasks onto discovered tiles, and what a task on a node without an engine leaves unknown.
 * (The real two-node case is SwarmTwoNodeEngineTest.)
 */
class SwarmMappingTest {

    private static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");
    private static final StackProfile PROFILE = ReferenceStack.profile();

    private static ServiceSpec spec(String name) {
        return PROFILE.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static SwarmService service(String name, String stack, List<SwarmTask> tasks) {
        return new SwarmService("id-" + name, 7, name, stack, "local/redis:7.0.15", 1, Optional.empty(), "", "", tasks);
    }

    private static SwarmTask task(String id, String state, String desired, String node, String nodeName, Instant at, String error) {
        return new SwarmTask(id, 1, state, desired, "local/redis:7.0.15", state, error, node, nodeName, "c-" + id, 0, at);
    }

    @Test
    void aStackServiceMapsOntoTheProfileTileOfItsNameAndTheComposeStyleContainerPicksTheStack() {
        SwarmService ours = service("sva-studio_redis", "sva-studio", List.of());
        SwarmService other = service("another_redis", "another", List.of());
        assertEquals(Optional.of(ours), SwarmIdentity.match(spec("redis"), List.of(other, ours)));
        assertEquals(Optional.empty(), SwarmIdentity.match(spec("loki"), List.of(other, ours)));
        assertEquals(Optional.of(other), SwarmIdentity.match(spec("redis"), List.of(other)), "one stack with that service: that one");
    }

    @Test
    void theCurrentTaskIsTheRunningOneAndFailuresAreTheHistory() {
        SwarmTask failed = task("t1", "failed", "shutdown", "n1", "node-a", NOW.minusSeconds(20), "task: non-zero exit (137)");
        SwarmTask running = task("t2", "running", "running", "n1", "node-a", NOW.minusSeconds(18), "");
        SwarmService s = service("sva-studio_redis", "sva-studio", List.of(failed, running));
        assertEquals(Optional.of(running), s.currentTask());
        assertEquals(List.of(failed), s.failures());
        SwarmStatus status = new SwarmStatus(s, s.currentTask(), Optional.empty());
        assertEquals("1/1 running", status.replicasText());
        assertEquals(List.of("task 1 running on node-a 18 s ago", "task 1 failed on node-a 20 s ago: task: non-zero exit (137)"),
                status.taskLines(NOW));
    }

    @Test
    void nodesMatchTheProfilesEnginesByNameElseByAddressAndATaskElsewhereGoesToItsNodesEngine() {
        DockerHostSpec host = new DockerHostSpec("prod", Optional.of("tcp://10.0.0.1:2376"), Optional.of(false), Optional.empty(),
                List.of(new DockerHostSpec("worker-2", Optional.of("tcp://10.0.0.2:2376"), Optional.of(false), Optional.empty()),
                        new DockerHostSpec("db", Optional.of("tcp://10.0.0.3:2376"), Optional.of(false), Optional.empty())));
        List<SwarmNode> swarm = List.of(new SwarmNode("n1", "manager-1", "10.0.0.1", "ready", "active", "manager"),
                new SwarmNode("n2", "worker-2", "10.0.0.2", "ready", "active", "worker"),
                new SwarmNode("n3", "ip-10-0-0-3", "10.0.0.3", "ready", "active", "worker"),
                new SwarmNode("n4", "worker-4", "10.0.0.4", "down", "active", "worker"));
        assertEquals(Map.of("n2", "worker-2", "n3", "db"), SwarmNodes.match(host.nodes(), swarm));

        try (DockerGateway manager = DockerGateway.connect(EngineAddress.resolve(host, Map.of()));
             SwarmNodes nodes = new SwarmNodes(host, manager)) {
            nodes.use("n1", swarm);
            assertEquals(Optional.of(manager), nodes.gatewayFor(task("a", "running", "running", "n1", "manager-1", NOW, "")));
            assertEquals("tcp://10.0.0.2:2376", nodes.gatewayFor(task("b", "running", "running", "n2", "worker-2", NOW, ""))
                    .orElseThrow().address().uri());
            assertEquals("tcp://10.0.0.3:2376", nodes.gatewayFor(task("c", "running", "running", "n3", "ip-10-0-0-3", NOW, ""))
                    .orElseThrow().address().uri());
            assertEquals(Optional.empty(), nodes.gatewayFor(task("d", "running", "running", "n4", "worker-4", NOW, "")));
        }
    }

    @Test
    void aTaskOnANodeWithoutAnEngineIsNamedWithWhatItPrevents() {
        SwarmTask elsewhere = task("t9", "running", "running", "n4", "worker-4", NOW.minusSeconds(60), "");
        SwarmService s = service("sva-studio_redis", "sva-studio", List.of(elsewhere));
        SwarmStatus status = new SwarmStatus(s, Optional.of(elsewhere), Optional.of("worker-4"));
        EngineStatus engine = EngineStatus.reachable("local", "unix:///var/run/docker.sock", "20.10.24", "1.41", NOW);
        ServiceHealth h = HealthEvaluator.evaluate(new HealthEvaluator.Input(spec("redis"), engine, Optional.empty(), Optional.empty(),
                ProbeResult.notProbed("not published"), Optional.empty(), NOW, Optional.of(status)));
        assertEquals(HealthState.UNKNOWN, h.state(), h.reason());
        assertTrue(h.reason().contains("worker-4, which has no engine in the profile"), h.reason());
        assertTrue(h.findings().contains("node worker-4 has no engine in the profile: no exec probe, flow readings, log lines, "
                + "disk headroom or backup there"), h.findings().toString());
    }

    @Test
    void tasksOfAnUnclaimedSwarmServiceMakeOneTileNamedAfterTheServiceAndClaimedOnesNone() {
        Map<String, String> loki = Map.of(Discovery.SWARM_SERVICE, "sva-studio_loki", SwarmIdentity.STACK_LABEL, "sva-studio");
        Map<String, String> redis = Map.of(Discovery.SWARM_SERVICE, "sva-studio_redis", SwarmIdentity.STACK_LABEL, "sva-studio");
        List<ContainerSummary> containers = List.of(
                new ContainerSummary("1", "sva-studio_loki.1.abc", "grafana/loki:2.9.6", ContainerState.RUNNING, loki, Map.of()),
                new ContainerSummary("2", "sva-studio_loki.2.def", "grafana/loki:2.9.6", ContainerState.RUNNING, loki, Map.of()),
                new ContainerSummary("3", "sva-studio_redis.1.ghi", "redis:7.2-alpine", ContainerState.RUNNING, redis, Map.of()));
        List<ServiceSpec> found = Discovery.discover(containers, List.of(spec("prometheus")), PROFILE.hosts().get(0), Set.of("sva-studio_redis"));
        assertEquals(List.of("sva-studio_loki"), found.stream().map(ServiceSpec::name).toList());
        assertTrue(found.get(0).health().directHost().isEmpty(), "no published port: exec only");
    }

    @Test
    void serviceAndNodeEventsChangeTiles() {
        assertTrue(new EngineEvent(NOW, "s1", "sva-studio_redis", "update", "service", "sva-studio_redis").changesContainerState());
        assertTrue(new EngineEvent(NOW, "n1", "worker-2", "update", "node", "").changesContainerState());
        assertTrue(!new EngineEvent(NOW, "c1", "sva-studio_redis.1.x", "exec_start: sh", "container", "sva-studio_redis").changesContainerState());
    }
}
