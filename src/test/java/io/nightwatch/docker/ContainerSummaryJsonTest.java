package io.nightwatch.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Container lists in the engine's shape ({@code GET /containers/json?all=1}, Docker 20.10–26, trimmed). */
class ContainerSummaryJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void namesPortsLabelsAndStatesAsTheEngineListsThem() throws Exception {
        List<ContainerSummary> list = ContainerSummaryJson.read(JSON.readTree("""
                [{"Id":"4f2c","Names":["/sva-studio-grafana"],"Image":"grafana/grafana:10.4.1","ImageID":"sha256:1",
                  "Command":"/run.sh","Created":1796000000,"State":"running","Status":"Up 2 hours (healthy)",
                  "Ports":[{"IP":"127.0.0.1","PrivatePort":3000,"PublicPort":3001,"Type":"tcp"},
                           {"IP":"::1","PrivatePort":3000,"PublicPort":3001,"Type":"tcp"},
                           {"PrivatePort":9094,"PublicPort":9094,"Type":"udp"},{"PrivatePort":8080,"Type":"tcp"}],
                  "Labels":{"com.docker.compose.service":"grafana"},"HostConfig":{"NetworkMode":"sva"}},
                 {"Id":"77","Names":null,"Image":"redis","State":"exited","Status":"Exited (137) 3 minutes ago","Ports":[],"Labels":null}]
                """));
        assertEquals(List.of(
                new ContainerSummary("4f2c", "sva-studio-grafana", "grafana/grafana:10.4.1", ContainerState.RUNNING,
                        Map.of("com.docker.compose.service", "grafana"), Map.of(3000, 3001)),
                new ContainerSummary("77", "77", "redis", ContainerState.EXITED, Map.of(), Map.of())), list);
    }

    @Test
    void hostileFieldsAreSkippedNotBelieved() throws Exception {
        List<ContainerSummary> list = ContainerSummaryJson.read(JSON.readTree("""
                [{"Id":12,"Names":[{"x":1}],"State":["running"],"Ports":[{"PrivatePort":"80","PublicPort":8080.5}],
                  "Labels":{"ok":"yes","nested":{"a":"b"},"number":3}}]
                """));
        assertEquals(List.of(new ContainerSummary("", "", "", ContainerState.UNKNOWN, Map.of("ok", "yes"), Map.of())), list);
    }

    @Test
    void anAnswerThatIsNoListIsAnEngineError() throws Exception {
        DockerException e = assertThrows(DockerException.class, () -> ContainerSummaryJson.read(JSON.readTree("{\"message\":\"nope\"}")));
        assertEquals(500, e.getHttpStatus());
    }
}
