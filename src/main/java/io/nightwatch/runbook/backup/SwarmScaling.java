package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.runbook.RunContext;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Stopping and starting a service that runs as a Swarm service: stopping its task's container would only make the
 * Swarm start another, so it is scaled to 0 and back, each time waiting until the Swarm got there.
 */
public final class SwarmScaling {

    private static final Texts T = Texts.of(SwarmScaling.class);

    private SwarmScaling() {}

    /** Scales to 0 and waits until no task runs or is wanted. */
    public static void toZero(ServiceAccess service, String swarmName, Duration timeout, RunContext ctx) throws Exception {
        service.manager().scaleSwarmService(swarmName, 0);
        service.forgetSwarmState();
        await(service, swarmName, s -> s.running() == 0 && s.current().isEmpty(), timeout, ctx, false,
                now -> T.get("swarm.stillRunning", swarmName, timeout.toSeconds()));
    }

    /** Scales to {@code replicas} and waits until the Swarm converged (every wanted task runs the service's image). */
    public static void to(ServiceAccess service, String swarmName, long replicas, Duration timeout, RunContext ctx) throws Exception {
        service.manager().scaleSwarmService(swarmName, replicas);
        service.forgetSwarmState();
        await(service, swarmName, SwarmService::converged, timeout, ctx, true, now -> T.get("swarm.notConverged", swarmName,
                timeout.toSeconds(), now.map(s -> T.get("swarm.running", s.running(), s.replicas())).orElse(T.get("swarm.gone"))));
    }

    /** What a stopped service gets back: the replicas it had (by this run's record, else its previous spec), at least 1. */
    public static long replicasToStart(SwarmService service, Optional<String> recorded) {
        long known = recorded.map(Long::parseLong).orElse(service.previousReplicas());
        return Math.max(1, known);
    }

    private static void await(ServiceAccess service, String swarmName, Predicate<SwarmService> there, Duration timeout, RunContext ctx,
                              boolean cancellable, java.util.function.Function<Optional<SwarmService>, String> failure) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (cancellable) ctx.throwIfCancelled();
            Optional<SwarmService> now = service.manager().swarmService(swarmName);
            if (now.isPresent() && there.test(now.get())) return;
            if (System.nanoTime() > deadline) throw new IOException(failure.apply(now));
            Thread.sleep(300);
        }
    }
}
