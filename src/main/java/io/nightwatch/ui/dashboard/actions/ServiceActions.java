package io.nightwatch.ui.dashboard.actions;

import io.nightwatch.health.HealthMonitor;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.incident.IncidentRecorder;
import io.nightwatch.incident.Incidents;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.runbook.service.ServiceActionRunbook;
import io.nightwatch.ui.dashboard.TileActions;
import io.nightwatch.ui.dashboard.TileRef;
import io.nightwatch.ui.fx.Background;
import io.nightwatch.ui.fx.Lane;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tile actions over the real engine: Start and Restart through the one-step {@link ServiceActionRunbook} (previewed,
 * journaled with the catalog's runner, noted on the open incident), the container's log, and the not-deployed marks
 * of the health monitor. Engine work runs on a background lane; answers come back on the FX thread.
 */
public final class ServiceActions implements TileActions {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceActions.class);

    private final HealthMonitor monitor;
    private final RunbookCatalog catalog;
    private final Optional<Incidents> incidents;
    private final String user;
    private final Clock clock;
    private final Lane lane = Background.shared().lane("tile-actions", problem -> LOG.warn("tile action: {}", problem));
    private ActionDialog lastDialog;
    private LogPane lastLog;

    public ServiceActions(HealthMonitor monitor, RunbookCatalog catalog, Optional<Incidents> incidents, String user, Clock clock) {
        this.monitor = monitor;
        this.catalog = catalog;
        this.incidents = incidents;
        this.user = user;
        this.clock = clock;
    }

    @Override public boolean available() { return true; }

    @Override
    public void start(TileRef tile, Window owner) {
        open(tile, false, owner);
    }

    @Override
    public void restart(TileRef tile, Window owner) {
        open(tile, true, owner);
    }

    private void open(TileRef tile, boolean restart, Window owner) {
        ServiceActionRunbook definition = catalog.serviceAction(restart ? ServiceActionRunbook.Action.RESTART : ServiceActionRunbook.Action.START);
        lastDialog = new ActionDialog(tile, restart, definition::build, (runbook, params, output, done) -> {
            Consumer<String> lines = lane.reporter(output);
            lane.run(() -> {
                RunResult r = catalog.newRunner().run(runbook, params, new RunListener() {
                    @Override public void output(Step s, String line) { lines.accept(line); }
                });
                note(tile, restart, r);
                return r;
            }, done);
        }, owner);
        lastDialog.stage().show();
    }

    /** The run on the incident open for the service's host (or the stack): who did what, and how it ended. */
    private void note(TileRef tile, boolean restart, RunResult r) {
        if (incidents.isEmpty()) return;
        try {
            var store = incidents.get().store();
            store.openFor(tile.host()).or(() -> store.openFor(IncidentRecorder.STACK)).ifPresent(incident ->
                    incidents.get().note(incident.id(), ActionWording.incidentNote(restart, tile.service(),
                            r.outcome().name().toLowerCase(java.util.Locale.ROOT), r.runId()), user));
        } catch (RuntimeException e) {
            LOG.warn("run {} not noted on the incident: {}", r.runId(), e.getMessage());
        }
    }

    @Override
    public void logs(TileRef tile, Window owner) {
        Optional<ServiceHealth> health = monitor.snapshot().services().stream().filter(s -> s.id().equals(tile.serviceId())).findFirst();
        Optional<io.nightwatch.docker.DockerGateway> engine = health.flatMap(monitor::gatewayFor);
        if (health.isEmpty() || engine.isEmpty()) {
            tell(owner, ActionWording.logTitle(tile.service()), ActionWording.noEngine(tile.host()));
            return;
        }
        // a Swarm task's container has a generated name: follow the one that stands for the service now
        String container = health.get().container().map(io.nightwatch.docker.ContainerFacts::name).orElse(health.get().spec().container());
        lastLog = LogPane.open(engine.get(), tile.service(), container, owner, clock);
    }

    @Override
    public void setNotDeployed(TileRef tile, boolean notDeployed, Window owner) {
        try {
            if (notDeployed) monitor.notDeployed().mark(tile.serviceId());
            else monitor.notDeployed().watchAgain(tile.serviceId());
        } catch (RuntimeException e) { // the file could not be written, or the profile says so
            tell(owner, tile.service(), e.getMessage());
        }
    }

    @Override
    public boolean notDeployedByProfile(TileRef tile) {
        return monitor.notDeployed().byProfile(tile.serviceId());
    }

    /** The dialog opened last, for tests and pictures. */
    public Optional<ActionDialog> lastDialog() { return Optional.ofNullable(lastDialog); }

    /** The log opened last, for tests and pictures. */
    public Optional<LogPane> lastLog() { return Optional.ofNullable(lastLog); }

    private static void tell(Window owner, String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
        alert.setHeaderText(title);
        if (owner != null) alert.initOwner(owner);
        alert.show();
    }
}
