package io.nightwatch.docker;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The pieces behind lean-image support that need no engine: command lines to copy, argv scripts, mount checks. */
class LeanToolsPartsTest {

    @Test
    void commandLinesNameTheEngineAndQuoteEveryWord() {
        EngineAddress local = new EngineAddress(EngineAddress.DEFAULT_SOCKET, false, Optional.empty());
        assertEquals("docker exec -u 0 prometheus sh -c 'rm -rf -- \"$1\"' sh /prometheus/snapshots/2026-x",
                DockerCli.line(local, List.of("exec", "-u", "0", "prometheus", "sh", "-c", "rm -rf -- \"$1\"", "sh", "/prometheus/snapshots/2026-x")));
        EngineAddress remote = new EngineAddress("tcp://10.0.0.5:2376", true, Optional.of(Path.of("/home/op/.docker/prod certs")));
        assertEquals("DOCKER_HOST=tcp://10.0.0.5:2376 DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH='/home/op/.docker/prod certs' docker start redis",
                DockerCli.line(remote, List.of("start", "redis")));
        assertEquals("'it'\\''s; rm -rf /'", DockerCli.quote("it's; rm -rf /"), "a hostile value stays one word");
        assertEquals("''", DockerCli.quote(""));
    }

    @Test
    void valuesReachTheScriptAsPositionalParametersNeverAsText() {
        List<String> argv = ContainerShell.argv("rm -rf -- \"$1\"", List.of("/data/x; reboot"));
        assertEquals(List.of("sh", "-c", "rm -rf -- \"$1\"", "sh", "/data/x; reboot"), argv);
    }

    @Test
    void aHelperOnlySeesPathsOnVolumesOrBindMounts() {
        assertTrue(ContainerShell.onMount(List.of("/prometheus"), "/prometheus"));
        assertTrue(ContainerShell.onMount(List.of("/prometheus/"), "/prometheus/snapshots/x"));
        assertFalse(ContainerShell.onMount(List.of("/prometheus"), "/prometheus-old/x"));
        assertFalse(ContainerShell.onMount(List.of(), "/data"));
    }

    @Test
    void thePreviewSaysWhichWayIsUsed() {
        assertEquals("sh -c inside redis; if it has no shell: a helper container from busybox:1.36 with --volumes-from redis",
                new ContainerShell(null, Optional.of("busybox:1.36")).routeText("redis", true));
        assertTrue(new ContainerShell(null, Optional.empty()).routeText("redis", false).endsWith("not possible (no helperImage for this host)"));
    }

    @Test
    void discoverySkipsHelperContainersEvenFromAServicesImage() {
        var helper = new ContainerSummary("h1", "elated_turing", "prom/prometheus:v2.53.0", ContainerState.RUNNING,
                java.util.Map.of(DockerGateway.HELPER_LABEL, "true"), java.util.Map.of());
        var real = new ContainerSummary("p1", "prom", "prom/prometheus:v2.53.0", ContainerState.RUNNING, java.util.Map.of(), java.util.Map.of());
        assertTrue(helper.nightwatchHelper());
        var found = io.nightwatch.health.Discovery.discover(List.of(helper, real), List.of(),
                io.nightwatch.stack.DockerHostSpec.fromEnvironment("local"));
        assertEquals(List.of("prom"), found.stream().map(io.nightwatch.stack.ServiceSpec::container).toList());
    }
}
