package io.nightwatch.ui.wizard.backup;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.health.ServiceDeployment;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.text.Texts;

/** Asks each service's engine whether it is deployed there (ServiceDeployment, off the FX thread), for the backup's choose page. */
public final class CatalogServiceCheck implements ServiceCheck {

    private static final Texts T = Texts.of(CatalogServiceCheck.class);

    private final RunbookCatalog catalog;

    public CatalogServiceCheck(RunbookCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Standing standing(String service) {
        ServiceSpec spec = catalog.profile().services().stream().filter(s -> s.name().equals(service)).findFirst().orElse(null);
        if (spec == null) return new Standing(State.ABSENT, T.get("check.notInProfile"));
        ServiceDeployment deployment;
        try {
            deployment = ServiceDeployment.of(catalog.engine(spec.host()), spec);
        } catch (RuntimeException e) {
            return new Standing(State.UNKNOWN, T.get("check.couldNotAsk", spec.host(), e.getMessage()));
        }
        if (deployment instanceof ServiceDeployment.Swarm swarm) {
            // a stack service: the backup works on its current task; no running task is said as stopped
            return swarm.running() ? new Standing(State.RUNNING, "")
                    : new Standing(State.STOPPED, T.get("check.noTask", swarm.service().name()));
        }
        if (!(deployment instanceof ServiceDeployment.Container container)) {
            return new Standing(State.ABSENT, T.get("check.notDeployed", spec.container(), spec.host()));
        }
        ContainerFacts c = container.facts();
        if (c.running()) return new Standing(State.RUNNING, "");
        String how = c.state().name().toLowerCase(java.util.Locale.ROOT) + (c.exitCode() != 0 ? T.get("check.exit", c.exitCode()) : "");
        return new Standing(State.STOPPED, T.get("check.stopped", how));
    }
}
