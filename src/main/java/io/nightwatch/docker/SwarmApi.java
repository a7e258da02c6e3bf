package io.nightwatch.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.transport.DockerHttpClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Swarm part of the Engine API, spoken as JSON over docker-java's transport: docker-java's own model has neither
 * a service's PreviousSpec nor the {@code rollback=previous} update, and the engine's rollback is what an operator
 * expects (its rollback config: order, parallelism, failure action).
 */
final class SwarmApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A large Swarm's task list is a few MiB; no answer read here comes near this. */
    static final int MAX_BODY = 64 << 20;
    private final DockerHttpClient http;

    SwarmApi(DockerHttpClient http) {
        this.http = http;
    }

    /** Whether this engine is a Swarm manager (the only kind that can list and change services). */
    boolean isManager() throws IOException {
        JsonNode swarm = get("/info").path("Swarm");
        return swarm.path("LocalNodeState").asText().equals("active") && swarm.path("ControlAvailable").asBoolean();
    }

    List<SwarmService> services() throws IOException {
        List<SwarmService> out = new ArrayList<>();
        JsonNode tasks = get("/tasks");
        Map<String, String> nodeNames = nodeNames();
        for (JsonNode s : get("/services")) out.add(toService(s, tasks, nodeNames));
        return out;
    }

    /** The Swarm's nodes as the manager sees them. */
    List<SwarmNode> nodes() throws IOException {
        List<SwarmNode> out = new ArrayList<>();
        for (JsonNode n : get("/nodes")) {
            out.add(new SwarmNode(n.path("ID").asText(), n.path("Description").path("Hostname").asText(),
                    n.path("Status").path("Addr").asText(""), n.path("Status").path("State").asText(""),
                    n.path("Spec").path("Availability").asText(""), n.path("Spec").path("Role").asText("")));
        }
        out.sort(java.util.Comparator.comparing(SwarmNode::hostname));
        return out;
    }

    /** The id of the node this engine is (empty when it is in no Swarm). */
    String localNodeId() throws IOException {
        return get("/info").path("Swarm").path("NodeID").asText("");
    }

    /** Sets a replicated service's desired replicas (as {@code docker service scale}); the engine converges. */
    void scale(String nameOrId, long replicas) throws IOException {
        JsonNode s = get("/services/" + encode(nameOrId));
        ObjectNode spec = (ObjectNode) s.path("Spec").deepCopy();
        if (!spec.path("Mode").has("Replicated")) {
            throw new IOException("service " + spec.path("Name").asText() + " returns 400: it is global, not replicated; it cannot be scaled");
        }
        ((ObjectNode) spec.with("Mode").with("Replicated")).put("Replicas", replicas);
        post("/services/" + s.path("ID").asText() + "/update?version=" + s.path("Version").path("Index").asLong(), spec);
    }

    private Map<String, String> nodeNames() throws IOException {
        Map<String, String> names = new java.util.HashMap<>();
        for (JsonNode n : get("/nodes")) names.put(n.path("ID").asText(), n.path("Description").path("Hostname").asText(""));
        return names;
    }

    Optional<SwarmService> service(String nameOrId) throws IOException {
        try {
            JsonNode s = get("/services/" + encode(nameOrId));
            String id = s.path("ID").asText();
            return Optional.of(toService(s, get("/tasks?filters=" + encode("{\"service\":[\"" + id + "\"]}")), nodeNames()));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** A new spec with {@code image}: the engine rolls it out by the service's update config. */
    void updateImage(String nameOrId, String image) throws IOException {
        JsonNode s = get("/services/" + encode(nameOrId));
        ObjectNode spec = (ObjectNode) s.path("Spec").deepCopy();
        ((ObjectNode) spec.with("TaskTemplate").with("ContainerSpec")).put("Image", image);
        post("/services/" + s.path("ID").asText() + "/update?version=" + s.path("Version").path("Index").asLong(), spec);
    }

    /** The engine's own rollback to the previous spec (as {@code docker service rollback}). */
    void rollback(String nameOrId) throws IOException {
        JsonNode s = get("/services/" + encode(nameOrId));
        if (s.path("PreviousSpec").isMissingNode() || s.path("PreviousSpec").isNull()) {
            throw new IOException("service " + s.path("Spec").path("Name").asText() + " has no previous spec to roll back to");
        }
        post("/services/" + s.path("ID").asText() + "/update?version=" + s.path("Version").path("Index").asLong() + "&rollback=previous",
                s.path("Spec"));
    }

    private static SwarmService toService(JsonNode s, JsonNode tasks, Map<String, String> nodeNames) {
        JsonNode spec = s.path("Spec");
        String id = s.path("ID").asText();
        List<SwarmService.SwarmTask> mine = new ArrayList<>();
        for (JsonNode t : tasks) {
            if (!t.path("ServiceID").asText().equals(id)) continue;
            mine.add(new SwarmService.SwarmTask(t.path("ID").asText(), t.path("Slot").asLong(), t.path("Status").path("State").asText(),
                    t.path("DesiredState").asText(), stripDigest(t.path("Spec").path("ContainerSpec").path("Image").asText()),
                    t.path("Status").path("Message").asText(), t.path("Status").path("Err").asText(),
                    t.path("NodeID").asText(""), nodeNames.getOrDefault(t.path("NodeID").asText(""), ""),
                    t.path("Status").path("ContainerStatus").path("ContainerID").asText(""),
                    t.path("Status").path("ContainerStatus").path("ExitCode").asInt(0), instant(t.path("Status").path("Timestamp").asText(""))));
        }
        mine.sort(java.util.Comparator.comparingLong(SwarmService.SwarmTask::slot));
        JsonNode previous = s.path("PreviousSpec").path("TaskTemplate").path("ContainerSpec").path("Image");
        return new SwarmService(id, s.path("Version").path("Index").asLong(), spec.path("Name").asText(),
                spec.path("Labels").path("com.docker.stack.namespace").asText(""),
                stripDigest(spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText()),
                spec.path("Mode").path("Replicated").path("Replicas").asLong(0),
                previous.isMissingNode() ? Optional.empty() : Optional.of(stripDigest(previous.asText())),
                s.path("PreviousSpec").path("Mode").path("Replicated").path("Replicas").asLong(0),
                s.path("UpdateStatus").path("State").asText(""), s.path("UpdateStatus").path("Message").asText(""), mine);
    }

    private static java.time.Instant instant(String text) {
        try {
            return text.isEmpty() ? java.time.Instant.EPOCH : java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.Instant.EPOCH;
        }
    }

    /** {@code image:tag@sha256:…} as the CLI pins it: the operator thinks in tags. */
    private static String stripDigest(String image) {
        int at = image.indexOf('@');
        return at < 0 ? image : image.substring(0, at);
    }

    /** Also used for raw container reads docker-java's model lacks (StopTimeout, StopSignal): see {@link ContainerSetups}. */
    JsonNode get(String path) throws IOException {
        return send(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path).build());
    }

    private void post(String path, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        send(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.POST).path(path)
                .headers(Map.of("Content-Type", "application/json")).body(new ByteArrayInputStream(bytes)).build());
    }

    private JsonNode send(DockerHttpClient.Request request) throws IOException {
        try (DockerHttpClient.Response r = http.execute(request); InputStream in = r.getBody()) {
            byte[] body = in == null ? new byte[0] : readAtMost(in, MAX_BODY, request.path());
            if (r.getStatusCode() == 404) throw new NotFound(new String(body, StandardCharsets.UTF_8));
            if (r.getStatusCode() >= 300) {
                String message = body.length == 0 ? "" : JSON.readTree(body).path("message").asText(new String(body, StandardCharsets.UTF_8));
                throw new IOException(request.method() + " " + request.path() + " returns " + r.getStatusCode() + ": " + message);
            }
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        }
    }

    /** Reads a whole answer, refusing one larger than {@code max} (a hostile or broken engine never fills the heap). */
    static byte[] readAtMost(InputStream in, int max, String what) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int r;
        while ((r = in.read(buffer)) > 0) {
            if (out.size() + r > max) throw new IOException("the engine's answer to " + what + " is larger than " + (max >> 20) + " MiB; not read");
            out.write(buffer, 0, r);
        }
        return out.toByteArray();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The engine's 404: no such service. */
    static final class NotFound extends IOException {
        NotFound(String message) {
            super(message);
        }
    }
}
