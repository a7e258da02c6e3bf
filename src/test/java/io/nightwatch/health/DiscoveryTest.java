package io.nightwatch.health;

import io.nightwatch.docker.ContainerState;
import io.nightwatch.docker.ContainerSummary;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DiscoveryTest {

    @Test
    void recognisesUnlistedStackContainers() {
        List<ContainerSummary> containers = List.of(
                summary("sva-studio-prometheus", "prom/prometheus:v2.52.0", Map.of(), Map.of()),
                summary("staging-loki-1", "grafana/loki:2.9.6", Map.of(), Map.of(3100, 13100)),
                summary("cache", "mycorp/keydb:6", Map.of("com.docker.compose.service", "redis"), Map.of()),
                summary("mon_alertmanager.1.xyz", "internal/am:1", Map.of("com.docker.swarm.service.name", "mon_alertmanager"), Map.of()),
                summary("web", "nginx:1.25", Map.of("com.docker.compose.service", "web"), Map.of()),
                // the old version an upgrade kept as the way back: not a service of its own
                summary("sva-studio-prometheus-kept-20261127-031205", "prom/prometheus:v2.51.0",
                        Map.of("com.docker.compose.service", "prometheus"), Map.of()));
        List<ServiceSpec> profile = ReferenceStack.profile().services();
        List<ServiceSpec> found = Discovery.discover(containers, profile, DockerHostSpec.fromEnvironment("local"));

        // a Swarm task is its service: the tile is named after the service, which outlives the task
        assertEquals(List.of("staging-loki-1", "cache", "mon_alertmanager"), found.stream().map(ServiceSpec::name).toList());
        assertTrue(found.stream().allMatch(ServiceSpec::discovered));
        ServiceSpec loki = found.get(0);
        assertEquals(ServiceKind.LOKI, loki.kind());
        assertEquals(13100, loki.health().directPort(), "probed on its published port");
        assertEquals(ServiceKind.REDIS, found.get(1).kind());
        assertEquals("", found.get(1).health().directHost(), "unpublished: exec only");
        assertEquals(ServiceKind.ALERTMANAGER, found.get(2).kind());
    }

    private static ContainerSummary summary(String name, String image, Map<String, String> labels, Map<Integer, Integer> ports) {
        return new ContainerSummary("id-" + name, name, image, ContainerState.RUNNING, labels, ports);
    }
}
