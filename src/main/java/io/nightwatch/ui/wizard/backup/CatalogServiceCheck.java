package io.nightwatch.ui.wizard.backup;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.health.SwarmIdentity;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.stack.ServiceSpec;

import java.util.Optional;

/** Asks each service's engine for its container (off the FX thread), for the backup's choose page. */
public final class CatalogServiceCheck implements ServiceCheck {

    private final RunbookCatalog catalog;

    public CatalogServiceCheck(RunbookCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Standing standing(String service) {
        ServiceSpec spec = catalog.profile().services().stream().filter(s -> s.name().equals(service)).findFirst().orElse(null);
        if (spec == null) return new Standing(State.ABSENT, "not in the profile");
        Optional<ContainerFacts> facts;
        Optional<SwarmService> swarm = Optional.empty();
        try {
            facts = catalog.engine(spec.host()).inspect(spec.container());
            if (facts.isEmpty()) swarm = SwarmIdentity.match(spec, catalog.engine(spec.host()).swarmServices());
        } catch (RuntimeException e) {
            return new Standing(State.UNKNOWN, "could not ask " + spec.host() + "'s engine: " + e.getMessage());
        }
        if (swarm.isPresent()) {
            // a stack service: the backup works on its current task; no running task is said as stopped
            return swarm.get().running() > 0 ? new Standing(State.RUNNING, "")
                    : new Standing(State.STOPPED, "Swarm service " + swarm.get().name() + " has no running task: the copy needs one");
        }
        if (facts.isEmpty()) {
            return new Standing(State.ABSENT, "not deployed here: no container " + spec.container() + " on " + spec.host());
        }
        ContainerFacts c = facts.get();
        if (c.running()) return new Standing(State.RUNNING, "");
        String how = c.state().name().toLowerCase(java.util.Locale.ROOT) + (c.exitCode() != 0 ? ", exit " + c.exitCode() : "");
        return new Standing(State.STOPPED, "stopped (" + how + "): the copy needs it running; start it first");
    }
}
