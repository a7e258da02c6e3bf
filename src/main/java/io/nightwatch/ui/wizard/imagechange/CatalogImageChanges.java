package io.nightwatch.ui.wizard.imagechange;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.runbook.rollback.ChangePlan;
import io.nightwatch.runbook.rollback.RollbackTargets;
import io.nightwatch.stack.ServiceSpec;

import io.nightwatch.ui.wizard.ServiceOption;

import java.util.List;
import java.util.Map;

/**
 * The image-change wizard's questions answered by the engines and the deployment journal of a {@link RunbookCatalog},
 * the same answers {@code nightwatch upgrade|rollback --history} prints. Called on the wizard's worker thread.
 */
public final class CatalogImageChanges implements ImageChanges {

    private final RunbookCatalog catalog;

    public CatalogImageChanges(RunbookCatalog catalog) {
        this.catalog = catalog;
    }

    /** The services an image change can act on: those with a container, in the profile's order. */
    public static List<ServiceOption> services(RunbookCatalog catalog) {
        return catalog.profile().deployedServices().stream().filter(s -> !s.discovered())
                .map(s -> new ServiceOption(s.name(), s.container() + " on " + s.host())).toList();
    }

    @Override
    public String currentImage(String service) {
        ServiceSpec s = spec(service);
        return engine(s).inspect(s.container()).map(c -> c.image())
                // a stack service has no container of the profile's name: its service spec names the image
                .or(() -> io.nightwatch.health.SwarmIdentity.match(s, engine(s).swarmServices()).map(io.nightwatch.docker.SwarmService::image))
                .orElseThrow(() -> new IllegalStateException("no container " + s.container() + " on " + engine(s).address()));
    }

    @Override
    public List<ImageChoice> targets(String service) throws Exception {
        ServiceSpec s = spec(service);
        return RollbackTargets.of(engine(s), s, catalog.deployments()).stream()
                .map(c -> new ImageChoice(c.image(), c.why())).toList();
    }

    @Override
    public List<String> planLines(Map<String, String> params) {
        ServiceSpec s = spec(params.get("service"));
        ChangePlan plan = ChangePlan.of(engine(s), s, params.get("to"));
        return plan.lines();
    }

    private ServiceSpec spec(String service) {
        return catalog.profile().services().stream().filter(x -> x.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the profile has no service '" + service + "'"));
    }

    private DockerGateway engine(ServiceSpec s) {
        return catalog.engine(s.host());
    }
}
