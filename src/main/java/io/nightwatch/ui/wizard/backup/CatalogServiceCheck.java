package io.nightwatch.ui.wizard.backup;

import io.nightwatch.docker.ContainerFacts;
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
        try {
            facts = catalog.engine(spec.host()).inspect(spec.container());
        } catch (RuntimeException e) {
            return new Standing(State.UNKNOWN, "could not ask " + spec.host() + "'s engine: " + e.getMessage());
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
