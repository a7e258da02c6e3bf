package io.nightwatch.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inspect answers in the engine's shape (Docker 20.10–26, trimmed to the parts read and a few beside them). */
class ContainerFactsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ContainerFacts read(String json) throws Exception {
        return ContainerFactsJson.read(JSON.readTree(json));
    }

    @Test
    void aRunningContainerWithLimitsAndAHealthcheck() throws Exception {
        ContainerFacts f = read("""
                {"Id":"4f2c","Created":"2026-12-07T03:00:00.1Z","Name":"/sva-studio-prometheus","RestartCount":2,
                 "Image":"sha256:9a1b","State":{"Status":"running","Running":true,"Paused":false,"OOMKilled":false,"Dead":false,
                   "Pid":4242,"ExitCode":0,"Error":"","StartedAt":"2026-12-07T03:00:01.123456789Z","FinishedAt":"0001-01-01T00:00:00Z",
                   "Health":{"Status":"healthy","FailingStreak":0,"Log":[
                     {"Start":"2026-12-07T03:59:30Z","End":"2026-12-07T03:59:30.1Z","ExitCode":0,"Output":"old\\n"},
                     {"Start":"2026-12-07T04:00:00Z","End":"2026-12-07T04:00:00.1Z","ExitCode":0,"Output":"  Prometheus Server is Healthy.\\nmore\\n"}]}},
                 "HostConfig":{"Memory":536870912,"NanoCpus":500000000,"CpuQuota":0,"CpuPeriod":0,"RestartPolicy":{"Name":"unless-stopped"}},
                 "Config":{"Image":"sva/prometheus:2.42.0","Labels":{"com.docker.compose.service":"prometheus","n":"1"},
                   "Env":["PATH=/bin"],"ExposedPorts":{"9090/tcp":{}}},
                 "NetworkSettings":{"Networks":{"bridge":{"IPAddress":"172.17.0.2"}}},"Mounts":[]}
                """);
        assertEquals(new ContainerFacts("4f2c", "sva-studio-prometheus", "sva/prometheus:2.42.0", ContainerState.RUNNING,
                HealthcheckStatus.HEALTHY, "Prometheus Server is Healthy.", 2, false, 0,
                Optional.of(Instant.parse("2026-12-07T03:00:01.123456789Z")), Optional.empty(), 512L << 20, 500_000_000L,
                Map.of("com.docker.compose.service", "prometheus", "n", "1"), ""), f);
    }

    @Test
    void anOomKilledContainerWithACpuQuotaAndNoHealthcheck() throws Exception {
        ContainerFacts f = read("""
                {"Id":"77","Name":"/sva-studio-redis","RestartCount":0,"Image":"sha256:1",
                 "State":{"Status":"exited","Running":false,"OOMKilled":true,"ExitCode":137,"Error":"",
                   "StartedAt":"2026-12-07T03:00:01Z","FinishedAt":"2026-12-07T03:10:00Z"},
                 "HostConfig":{"Memory":0,"NanoCpus":0,"CpuQuota":50000,"CpuPeriod":100000},
                 "Config":{"Image":"sva/redis:7","Labels":null}}
                """);
        assertEquals(ContainerState.EXITED, f.state());
        assertTrue(f.oomKilled());
        assertEquals(137, f.exitCode());
        assertEquals(HealthcheckStatus.NONE, f.health());
        assertEquals(500_000_000L, f.nanoCpus(), "a quota of half the period is half a CPU");
        assertEquals(0, f.memoryLimitBytes());
        assertEquals(Optional.of(Instant.parse("2026-12-07T03:10:00Z")), f.finishedAt());
        assertEquals(Map.of(), f.labels());
    }

    @Test
    void fieldsOfTheWrongKindAreNotBelieved() throws Exception {
        ContainerFacts f = read("""
                {"Id":"x","Name":"odd","RestartCount":-3,"Image":"sha256:2",
                 "State":{"Status":"sleeping","OOMKilled":"yes","ExitCode":"1","StartedAt":"yesterday"},
                 "HostConfig":{"Memory":"lots","NanoCpus":1.5},
                 "Config":{"Labels":{"a":{"nested":true},"b":"ok"}}}
                """);
        assertEquals("odd", f.name());
        assertEquals("sha256:2", f.image(), "no Config.Image: the image id");
        assertEquals(ContainerState.UNKNOWN, f.state());
        assertEquals(0, f.restartCount());
        assertEquals(false, f.oomKilled());
        assertEquals(0, f.exitCode());
        assertEquals(Optional.empty(), f.startedAt());
        assertEquals(0, f.memoryLimitBytes());
        assertEquals(0, f.nanoCpus());
        assertEquals(Map.of("b", "ok"), f.labels());
    }
}
