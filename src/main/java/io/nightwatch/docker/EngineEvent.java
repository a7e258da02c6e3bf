package io.nightwatch.docker;

import java.time.Instant;

/** A container event from the engine's event stream, e.g. {@code die}, {@code oom}, {@code start}. */
public record EngineEvent(Instant time, String containerId, String containerName, String action) {

    /** Events that change what a tile shows; exec events (our own probes cause them) do not. */
    public boolean changesContainerState() {
        return switch (baseAction()) {
            case "start", "restart", "die", "kill", "oom", "stop", "pause", "unpause", "destroy", "create",
                 "health_status", "rename", "update" -> true;
            default -> false;
        };
    }

    /** "health_status: healthy" → "health_status". */
    public String baseAction() {
        int colon = action.indexOf(':');
        return colon < 0 ? action : action.substring(0, colon);
    }
}
