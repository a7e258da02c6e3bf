package io.nightwatch.docker;

import java.util.List;
import java.util.Optional;

/**
 * A Swarm service as the manager sees it: its image, replicas, the spec it would roll back to, the state of its last
 * update, and its current tasks.
 *
 * @param stack         the {@code com.docker.stack.namespace} label ("" when deployed without a stack)
 * @param replicas      desired replicas (0 for a global service: one per node)
 * @param previousImage the image of the previous spec, which the engine's own rollback returns to
 * @param updateState   the engine's UpdateStatus.State ("updating", "completed", "paused", "rollback_started",
 *                      "rollback_completed", "rollback_paused"), "" when the service was never updated
 */
public record SwarmService(String id, long version, String name, String stack, String image, long replicas,
                           Optional<String> previousImage, String updateState, String updateMessage, List<SwarmTask> tasks) {

    public SwarmService {
        tasks = List.copyOf(tasks);
    }

    /** Tasks the engine wants running. */
    public List<SwarmTask> current() {
        return tasks.stream().filter(t -> t.desiredState().equals("running")).toList();
    }

    public long running() {
        return current().stream().filter(t -> t.state().equals("running")).count();
    }

    /** Converged: no update under way and every wanted task runs the service's image. */
    public boolean converged() {
        boolean updating = updateState.equals("updating") || updateState.equals("rollback_started");
        List<SwarmTask> wanted = current();
        return !updating && !wanted.isEmpty() && (replicas == 0 || wanted.size() == replicas)
                && wanted.stream().allMatch(t -> t.state().equals("running") && t.image().equals(image));
    }

    /** The engine gave up: the update paused on failures, or its rollback did. */
    public boolean failed() {
        return updateState.equals("paused") || updateState.equals("rollback_paused");
    }

    /** One task: a slot's container, its state and what the engine says about it. */
    public record SwarmTask(String id, long slot, String state, String desiredState, String image, String message, String error) {}
}
