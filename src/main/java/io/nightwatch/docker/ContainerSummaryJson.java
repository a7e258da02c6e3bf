package io.nightwatch.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.DockerException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ContainerSummary}s from the engine's own list JSON ({@code GET /containers/json?all=1}): every full health
 * round lists the containers, and docker-java's command machinery cost half again as much as the request.
 */
final class ContainerSummaryJson {

    private ContainerSummaryJson() {}

    static List<ContainerSummary> read(JsonNode list) {
        if (!list.isArray()) throw new DockerException("the engine's container list is no JSON array", 500);
        List<ContainerSummary> result = new ArrayList<>(list.size());
        for (JsonNode c : list) {
            String id = ContainerFactsJson.text(c.path("Id"));
            JsonNode names = c.path("Names");
            String name = names.isArray() && !names.isEmpty() && names.get(0).isTextual() ? DockerGateway.stripSlash(names.get(0).asText()) : id;
            Map<Integer, Integer> published = new HashMap<>();
            for (JsonNode port : c.path("Ports")) {
                if (port.path("PublicPort").canConvertToInt() && port.path("PrivatePort").canConvertToInt()
                        && port.path("PublicPort").isIntegralNumber() && port.path("PrivatePort").isIntegralNumber()
                        && !"udp".equals(ContainerFactsJson.text(port.path("Type")))) {
                    published.putIfAbsent(port.path("PrivatePort").asInt(), port.path("PublicPort").asInt());
                }
            }
            result.add(new ContainerSummary(id, name, ContainerFactsJson.text(c.path("Image")),
                    ContainerState.of(ContainerFactsJson.text(c.path("State"))), ContainerFactsJson.labels(c.path("Labels")), published));
        }
        return result;
    }
}
