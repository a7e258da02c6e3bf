package io.nightwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.health.EngineStatus;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.ServiceHealth;

import java.time.Duration;
import java.time.Instant;

/** The JSON shape of {@code status --json} and {@code status --watch --json}; field names are a public contract. */
final class StatusJson {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private StatusJson() {}

    static ObjectNode document(HealthSnapshot snapshot) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("takenAt", snapshot.takenAt().toString());
        root.put("exitCode", snapshot.exitCode());
        ArrayNode engines = root.putArray("engines");
        snapshot.engines().forEach(e -> engines.add(engine(e)));
        ArrayNode services = root.putArray("services");
        snapshot.services().forEach(s -> services.add(service(s)));
        return root;
    }

    static ObjectNode engine(EngineStatus e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("host", e.host());
        node.put("address", e.address());
        node.put("reachable", e.reachable());
        e.version().ifPresent(v -> node.put("version", v));
        e.apiVersion().ifPresent(v -> node.put("apiVersion", v));
        if (!e.reachable()) node.put("error", e.error());
        return node;
    }

    static ObjectNode service(ServiceHealth s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("host", s.spec().host());
        node.put("service", s.spec().name());
        node.put("kind", s.spec().kind().id());
        node.put("container", s.spec().container());
        node.put("discovered", s.spec().discovered());
        node.put("state", s.state().name());
        node.put("reason", s.reason());
        node.put("endpoint", s.spec().health().toString());
        node.put("transport", s.probe().transport().name().toLowerCase());
        node.put("probe", s.probe().outcome().name());
        node.put("probeDetail", s.probe().detail());
        s.probe().latency().ifPresent(l -> node.put("latencyMs", l.toNanos() / 1_000_000.0));
        s.version().ifPresent(v -> node.put("version", v));
        s.uptime().ifPresent(u -> node.put("uptimeSeconds", u.toSeconds()));
        s.container().ifPresent(c -> container(node.putObject("containerFacts"), c));
        s.memory().ifPresent(m -> {
            node.put("memoryUsedBytes", m.usedBytes());
            node.put("memoryLimitBytes", m.limitBytes());
        });
        ArrayNode findings = node.putArray("findings");
        s.findings().forEach(findings::add);
        node.put("checkedAt", s.checkedAt().toString());
        return node;
    }

    private static void container(ObjectNode node, ContainerFacts c) {
        node.put("id", c.id().length() > 12 ? c.id().substring(0, 12) : c.id());
        node.put("image", c.image());
        node.put("state", c.state().label());
        node.put("health", c.health().label());
        node.put("restartCount", c.restartCount());
        node.put("oomKilled", c.oomKilled());
        node.put("exitCode", c.exitCode());
        c.startedAt().ifPresent(t -> node.put("startedAt", t.toString()));
        c.finishedAt().ifPresent(t -> node.put("finishedAt", t.toString()));
        if (c.memoryLimitBytes() > 0) node.put("memoryLimitBytes", c.memoryLimitBytes()); else node.putNull("memoryLimitBytes");
        if (c.nanoCpus() > 0) node.put("cpuLimit", c.nanoCpus() / 1e9); else node.putNull("cpuLimit");
    }

    /** One line of {@code --watch --json}: a tile whose state changed. */
    static ObjectNode change(Instant at, ServiceHealth now, String previous) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("time", at.toString());
        node.put("event", "state");
        node.put("host", now.spec().host());
        node.put("service", now.spec().name());
        node.put("state", now.state().name());
        if (previous == null) node.putNull("previous"); else node.put("previous", previous);
        node.put("reason", now.reason());
        node.put("transport", now.probe().transport().name().toLowerCase());
        node.put("checkedAt", now.checkedAt().toString());
        return node;
    }

    static ObjectNode engineChange(Instant at, EngineStatus engine) {
        ObjectNode node = engine(engine);
        node.put("time", at.toString());
        node.put("event", "engine");
        return node;
    }

    static String duration(Duration d) { return d.toString(); }
}
