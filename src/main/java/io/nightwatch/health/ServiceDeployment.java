package io.nightwatch.health;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.stack.ServiceSpec;

import java.util.Optional;

/**
 * Whether a profile service is deployed on its host, and as what: a container of the profile's name, or on a Swarm
 * manager the stack service it runs as ({@link SwarmIdentity}). The one answer the CLI, the runbooks, the audit and
 * the wizards share, so none of them takes a Swarm service for a missing one.
 */
public sealed interface ServiceDeployment {

    /** A container of the profile's name. */
    record Container(ContainerFacts facts) implements ServiceDeployment {
        public boolean running() { return facts.running(); }
        public Optional<String> container() { return Optional.of(facts.name()); }
    }

    /** A Swarm service; its tasks' containers have generated names and may run on other nodes. */
    record Swarm(SwarmService service) implements ServiceDeployment {
        public boolean running() { return service.running() > 0; }
        public Optional<String> container() {
            return service.currentTask().map(SwarmService.SwarmTask::containerId).filter(id -> !id.isEmpty());
        }
    }

    /** Neither: the profile names a service this host does not run. */
    record Absent(ServiceSpec spec) implements ServiceDeployment {
        private static final Texts T = Texts.of(Absent.class);
        public boolean running() { return false; }
        public Optional<String> container() { return Optional.empty(); }
        /** "not deployed on local", for skip lines. */
        public String reason() { return T.get("deployment.absent", spec.host()); }
    }

    /**
     * Asks {@code engine} (the service's host) once: its container first, then its Swarm services.
     *
     * @throws io.nightwatch.docker.EngineUnreachableException when the engine does not answer
     */
    static ServiceDeployment of(DockerGateway engine, ServiceSpec spec) {
        Optional<ContainerFacts> facts = engine.inspect(spec.container());
        if (facts.isPresent()) return new Container(facts.get());
        return SwarmIdentity.match(spec, engine.swarmServices()).<ServiceDeployment>map(Swarm::new).orElseGet(() -> new Absent(spec));
    }

    default boolean deployed() { return !(this instanceof Absent); }

    /** The container runs, or the service has a running task. */
    boolean running();

    /**
     * The container that stands for the service now: the profile's, or the current task's (by id; on a multi-node
     * Swarm it may be on another node's engine). Empty when absent or no task has a container yet.
     */
    Optional<String> container();

    /** The Swarm service, when it is one. */
    default Optional<SwarmService> swarm() {
        return this instanceof Swarm s ? Optional.of(s.service()) : Optional.empty();
    }
}
