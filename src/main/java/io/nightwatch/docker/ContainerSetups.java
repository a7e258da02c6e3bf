package io.nightwatch.docker;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link ContainerSetup} from the engine's own JSON: docker-java's model has no StopTimeout or StopSignal,
 * and the audit needs exactly those.
 */
final class ContainerSetups {

    private ContainerSetups() {}

    static Optional<ContainerSetup> read(SwarmApi api, String container) throws IOException {
        JsonNode c;
        try {
            c = api.get("/containers/" + URLEncoder.encode(container, StandardCharsets.UTF_8) + "/json");
        } catch (SwarmApi.NotFound e) {
            return Optional.empty();
        }
        JsonNode config = c.path("Config");
        JsonNode host = c.path("HostConfig");
        List<String> digests = new ArrayList<>();
        try {
            api.get("/images/" + URLEncoder.encode(c.path("Image").asText(), StandardCharsets.UTF_8) + "/json")
                    .path("RepoDigests").forEach(d -> digests.add(d.asText()));
        } catch (SwarmApi.NotFound imageGone) {
            // the image was removed after the container was made: no digests to report
        }
        Map<String, String> env = new LinkedHashMap<>();
        config.path("Env").forEach(e -> {
            String text = e.asText();
            int eq = text.indexOf('=');
            env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
        });
        List<String> healthTest = new ArrayList<>();
        config.path("Healthcheck").path("Test").forEach(t -> healthTest.add(t.asText()));
        long nanoCpus = ContainerFactsJson.nanoCpus(host);
        Map<String, String> logOptions = new LinkedHashMap<>();
        host.path("LogConfig").path("Config").fields().forEachRemaining(f -> logOptions.put(f.getKey(), f.getValue().asText()));
        List<ContainerSetup.Mount> mounts = new ArrayList<>();
        c.path("Mounts").forEach(m -> mounts.add(new ContainerSetup.Mount(m.path("Type").asText(),
                m.path("Type").asText().equals("volume") ? m.path("Name").asText() : m.path("Source").asText(),
                m.path("Destination").asText())));
        Map<String, String> labels = new LinkedHashMap<>();
        config.path("Labels").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
        String name = c.path("Name").asText();
        return Optional.of(new ContainerSetup(DockerGateway.stripSlash(name), config.path("Image").asText(),
                digests, env, labels, healthTest, Duration.ofNanos(config.path("Healthcheck").path("Interval").asLong(0)),
                host.path("RestartPolicy").path("Name").asText("no").isEmpty() ? "no" : host.path("RestartPolicy").path("Name").asText(),
                host.path("RestartPolicy").path("MaximumRetryCount").asInt(0), c.path("RestartCount").asInt(0),
                c.path("State").path("OOMKilled").asBoolean(false),
                host.path("Memory").asLong(0), host.path("MemoryReservation").asLong(0), nanoCpus,
                config.hasNonNull("StopTimeout") ? Optional.of(Duration.ofSeconds(config.path("StopTimeout").asLong())) : Optional.empty(),
                config.path("StopSignal").asText("").isEmpty() ? Optional.empty() : Optional.of(config.path("StopSignal").asText()),
                host.path("LogConfig").path("Type").asText(""), logOptions, mounts,
                c.path("State").path("Running").asBoolean(false)));
    }
}
