package io.nightwatch.docker;

import java.time.Instant;

/**
 * An event from the engine's event stream: a container's ({@code die}, {@code oom}, {@code start}), or on a Swarm
 * manager a service's ({@code update}, with the update state) or a node's ({@code update} when it goes down).
 *
 * @param type        "container", "service" or "node"
 * @param serviceName the Swarm service the event concerns (a task container's label, a service's name), else ""
 * @param exitCode    a {@code die} event's exit code as the engine reports it, else ""
 */
public record EngineEvent(Instant time, String containerId, String containerName, String action, String type, String serviceName,
                          String exitCode) {

    public EngineEvent(Instant time, String containerId, String containerName, String action, String type, String serviceName) {
        this(time, containerId, containerName, action, type, serviceName, "");
    }

    public EngineEvent(Instant time, String containerId, String containerName, String action) {
        this(time, containerId, containerName, action, "container", "");
    }

    /** Events that change what a tile shows; exec events (our own probes cause them) do not. */
    public boolean changesContainerState() {
        if (!type.equals("container")) return isSwarmChange();
        return CONTAINER_ACTIONS.contains(baseAction());
    }

    /** A container's actions that change what its tile shows. */
    private static final java.util.Set<String> CONTAINER_ACTIONS = java.util.Set.of("start", "restart", "die", "kill", "oom",
            "stop", "pause", "unpause", "destroy", "create", "health_status", "rename", "update");

    /** The actions the event stream asks the engine for: the containers' above, and services' and nodes' own. */
    public static final java.util.Set<String> STATE_ACTIONS;
    static {
        java.util.Set<String> all = new java.util.TreeSet<>(CONTAINER_ACTIONS);
        all.addAll(java.util.List.of("create", "update", "remove"));
        STATE_ACTIONS = java.util.Collections.unmodifiableSet(all);
    }

    /** A service or node event: every one of them (create, update, remove) changes what a Swarm tile shows. */
    public boolean isSwarmChange() {
        return type.equals("service") || type.equals("node");
    }

    /** "health_status: healthy" → "health_status". */
    public String baseAction() {
        int colon = action.indexOf(':');
        return colon < 0 ? action : action.substring(0, colon);
    }
}
