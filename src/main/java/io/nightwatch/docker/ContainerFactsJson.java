package io.nightwatch.docker;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ContainerFacts} from the engine's own inspect JSON ({@code GET /containers/{id}/json}). Health rounds and
 * engine events inspect containers all night: docker-java's inspect command mapped the whole answer (networks, mounts, graph
 * driver, ports) onto its model through its command machinery, for the dozen fields read here.
 */
final class ContainerFactsJson {

    private ContainerFactsJson() {}

    static ContainerFacts read(JsonNode c) {
        JsonNode state = c.path("State");
        JsonNode host = c.path("HostConfig");
        JsonNode config = c.path("Config");
        HealthcheckStatus health = HealthcheckStatus.NONE;
        String healthOutput = "";
        JsonNode healthNode = state.path("Health");
        if (healthNode.isObject()) {
            health = HealthcheckStatus.of(text(healthNode.path("Status")));
            JsonNode log = healthNode.path("Log");
            if (log.isArray() && !log.isEmpty()) healthOutput = DockerGateway.firstLine(text(log.get(log.size() - 1).path("Output")));
        }
        String image = config.path("Image").isTextual() ? config.path("Image").asText() : text(c.path("Image"));
        return new ContainerFacts(text(c.path("Id")), DockerGateway.stripSlash(text(c.path("Name"))), image,
                state.isObject() ? ContainerState.of(text(state.path("Status"))) : ContainerState.UNKNOWN, health, healthOutput,
                (int) Math.min(Integer.MAX_VALUE, positive(c.path("RestartCount"))), state.path("OOMKilled").asBoolean(false),
                state.path("ExitCode").canConvertToInt() ? state.path("ExitCode").asInt() : 0,
                timestamp(text(state.path("StartedAt"))), timestamp(text(state.path("FinishedAt"))),
                positive(host.path("Memory")), nanoCpus(host), labels(config.path("Labels")), text(state.path("Error")));
    }

    /** The CPU limit in billionths of a CPU from a {@code HostConfig}: NanoCpus, else quota over period; 0 for none. */
    static long nanoCpus(JsonNode host) {
        long nanoCpus = positive(host.path("NanoCpus"));
        if (nanoCpus == 0 && positive(host.path("CpuQuota")) > 0 && positive(host.path("CpuPeriod")) > 0) {
            nanoCpus = host.path("CpuQuota").asLong() * 1_000_000_000L / host.path("CpuPeriod").asLong();
        }
        return nanoCpus;
    }

    /** An object's text fields (labels); fields of another type are skipped, not believed. */
    static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> {
            if (f.getValue().isTextual()) labels.put(f.getKey(), f.getValue().asText());
        });
        return labels;
    }

    static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : "";
    }

    /** A count or size the engine gives; 0 when absent, not a whole number, or negative. */
    private static long positive(JsonNode node) {
        return node.canConvertToLong() && node.isIntegralNumber() && node.asLong() > 0 ? node.asLong() : 0;
    }

    /** The engine writes "0001-01-01T00:00:00Z" for "never". */
    static Optional<Instant> timestamp(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-")) return Optional.empty();
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
