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
 * @param previousReplicas the replicas of the previous spec (what a service scaled to 0 had before); 0 when unknown
 * @param updateState   the engine's UpdateStatus.State ("updating", "completed", "paused", "rollback_started",
 *                      "rollback_completed", "rollback_paused"), "" when the service was never updated
 */
public record SwarmService(String id, long version, String name, String stack, String image, long replicas,
                           Optional<String> previousImage, long previousReplicas, String updateState, String updateMessage,
                           List<SwarmTask> tasks) {

    public SwarmService {
        tasks = List.copyOf(tasks);
    }

    public SwarmService(String id, long version, String name, String stack, String image, long replicas,
                        Optional<String> previousImage, String updateState, String updateMessage, List<SwarmTask> tasks) {
        this(id, version, name, stack, image, replicas, previousImage, 0, updateState, updateMessage, tasks);
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

    /** Tasks that ended in failure (failed, rejected): the Swarm's restarts, kept by its task history. */
    public List<SwarmTask> failures() {
        return tasks.stream().filter(SwarmTask::failedState).toList();
    }

    /**
     * The task whose container stands for the service now: a running one the engine wants running (newest first),
     * else the newest wanted one (starting, failing), else the newest of all; empty when there are no tasks.
     */
    public Optional<SwarmTask> currentTask() {
        java.util.Comparator<SwarmTask> newest = java.util.Comparator.comparing(SwarmTask::timestamp).reversed();
        return current().stream().filter(t -> t.state().equals("running")).sorted(newest).findFirst()
                .or(() -> current().stream().sorted(newest).findFirst())
                .or(() -> tasks.stream().sorted(newest).findFirst());
    }

    /**
     * One task: a slot's container, its state and what the engine says about it.
     *
     * @param nodeId      the Swarm node the task was scheduled on ("" while pending)
     * @param nodeName    that node's hostname as the manager knows it ("" when unknown)
     * @param containerId the task's container on that node ("" before it was created)
     * @param timestamp   when the task reached its current state
     */
    public record SwarmTask(String id, long slot, String state, String desiredState, String image, String message, String error,
                            String nodeId, String nodeName, String containerId, int exitCode, java.time.Instant timestamp) {

        public SwarmTask(String id, long slot, String state, String desiredState, String image, String message, String error) {
            this(id, slot, state, desiredState, image, message, error, "", "", "", 0, java.time.Instant.EPOCH);
        }

        public boolean failedState() {
            return state.equals("failed") || state.equals("rejected");
        }
    }
}
