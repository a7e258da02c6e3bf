package io.nightwatch.health;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.docker.SwarmNode;
import io.nightwatch.docker.SwarmService.SwarmTask;
import io.nightwatch.stack.DockerHostSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engines of a Swarm's nodes: the manager's own, and for every other node the engine the profile names for it
 * (by the Swarm's node id or hostname, or by its address). Exec, logs, stats and archive copies of a task must go to
 * the engine of the node that runs it; the manager cannot reach into another node's containers.
 */
public final class SwarmNodes implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SwarmNodes.class);

    private final DockerHostSpec host;
    private final DockerGateway manager;
    private final Map<String, DockerGateway> byProfileName = new ConcurrentHashMap<>();
    private volatile Map<String, String> profileNameByNodeId = Map.of();
    private volatile String localNodeId = "";

    SwarmNodes(DockerHostSpec host, DockerGateway manager) {
        this.host = host;
        this.manager = manager;
    }

    /**
     * For the runbooks: the engine of a task's node, read afresh from the manager each time (a restore moves tasks);
     * empty for a node the profile names no engine for.
     */
    public static java.util.function.Function<SwarmTask, Optional<DockerGateway>> router(DockerHostSpec host, DockerGateway manager) {
        SwarmNodes nodes = new SwarmNodes(host, manager);
        return task -> {
            nodes.refresh();
            return nodes.gatewayFor(task);
        };
    }

    /** Reads the Swarm's node list and matches it to the profile's node engines. */
    void refresh() {
        try {
            use(manager.swarmNodeId(), manager.swarmNodes());
        } catch (RuntimeException e) {
            LOG.debug("Swarm nodes of {} not read: {}", host.name(), e.getMessage());
        }
    }

    /** What the manager said: which node it is, and the Swarm's node list. */
    void use(String localId, List<SwarmNode> swarmNodes) {
        localNodeId = localId;
        profileNameByNodeId = Map.copyOf(match(host.nodes(), swarmNodes));
    }

    /** Profile node name for every Swarm node id the profile names (by hostname, else by address). */
    static Map<String, String> match(List<DockerHostSpec> profileNodes, List<SwarmNode> swarmNodes) {
        Map<String, String> out = new java.util.HashMap<>();
        for (SwarmNode node : swarmNodes) {
            profileNodes.stream().filter(p -> p.name().equals(node.id())).findFirst()
                    .or(() -> profileNodes.stream().filter(p -> p.name().equals(node.hostname())).findFirst())
                    .or(() -> profileNodes.stream().filter(p -> !node.address().isEmpty()
                            && p.address().map(SwarmNodes::hostOf).orElse("").equals(node.address())
                            // several engines on one address (tests, one machine): only the name can tell them apart
                            && profileNodes.stream().filter(q -> q.address().map(SwarmNodes::hostOf).orElse("").equals(node.address())).count() == 1)
                            .findFirst())
                    .ifPresent(p -> out.put(node.id(), p.name()));
        }
        return out;
    }

    /** The engine holding {@code task}'s container; empty when it runs on a node the profile has no engine for. */
    Optional<DockerGateway> gatewayFor(SwarmTask task) {
        if (task.nodeId().isEmpty() || task.nodeId().equals(localNodeId) || localNodeId.isEmpty()) return Optional.of(manager);
        String name = profileNameByNodeId.get(task.nodeId());
        if (name == null) name = host.nodes().stream().map(DockerHostSpec::name).filter(n -> n.equals(task.nodeName())).findFirst().orElse(null);
        if (name == null) return Optional.empty();
        String profileName = name;
        return host.nodes().stream().filter(n -> n.name().equals(profileName)).findFirst()
                .map(n -> byProfileName.computeIfAbsent(profileName, k -> DockerGateway.connect(EngineAddress.resolve(n, Map.of()))));
    }

    private static String hostOf(String address) {
        try {
            String h = URI.create(address).getHost();
            return h == null ? "" : h;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    @Override
    public void close() {
        byProfileName.values().forEach(DockerGateway::close);
        byProfileName.clear();
    }
}
