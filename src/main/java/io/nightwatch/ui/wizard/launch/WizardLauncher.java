package io.nightwatch.ui.wizard.launch;

import io.nightwatch.alerts.RunbookHints.Scenario;
import io.nightwatch.flow.FlowState;
import io.nightwatch.health.HealthState;
import io.nightwatch.runbook.InterruptedRun;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.ui.fx.Background;
import io.nightwatch.ui.fx.LatestAnswer;
import io.nightwatch.ui.wizard.RunbookWizard;
import io.nightwatch.ui.wizard.WizardModel;
import io.nightwatch.audit.DrillRunbook;
import io.nightwatch.ui.wizard.backup.BackupChoice;
import io.nightwatch.ui.wizard.drill.DrillChoice;
import io.nightwatch.ui.wizard.backup.CatalogServiceCheck;
import io.nightwatch.ui.wizard.imagechange.CatalogImageChanges;
import io.nightwatch.ui.wizard.imagechange.ImageChangeChoice;
import io.nightwatch.ui.wizard.recovery.RecoveryChoice;
import io.nightwatch.ui.wizard.recovery.ScenarioRunbooks;
import io.nightwatch.ui.wizard.restore.RestoreChoice;
import io.nightwatch.ui.wizard.stack.StackChoice;
import io.nightwatch.ui.wizard.stack.StackRunbooks;
import io.nightwatch.ui.wizard.WizardPage;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Opens the runbook wizards from the main window: one window per kind (asking again brings it to the front), each
 * with its own runner over the catalog's journals. On start it looks for runs a crash interrupted, off the FX thread,
 * so the window can say so before anyone opens a wizard. It is also the window's {@link RunbookOpener}.
 */
public final class WizardLauncher implements RunbookOpener {

    private static final Logger LOG = LoggerFactory.getLogger(WizardLauncher.class);

    private final RunbookCatalog catalog;
    private final Map<WizardKind, Stage> open = new EnumMap<>(WizardKind.class);
    private final Map<WizardKind, WizardModel<?>> models = new EnumMap<>(WizardKind.class);
    private final ReadOnlyIntegerWrapper interrupted = new ReadOnlyIntegerWrapper(this, "interrupted");
    private final LatestAnswer<Integer> found;
    private DrillRunbook drill;

    public WizardLauncher(RunbookCatalog catalog) {
        this.catalog = catalog;
        this.found = Background.shared()
                .lane("interrupted-runs", problem -> LOG.warn("cannot look for interrupted runs in {}: {}", catalog.journalDir(), problem))
                .latest(interrupted::set);
    }

    /** Offers the restore drill wizard over {@code drill} (which records each drill where the audit reads it). */
    public void offerDrill(DrillRunbook drill) {
        this.drill = drill;
    }

    /** Whether {@link WizardKind#DRILL} can be opened. */
    public boolean offersDrill() {
        return drill != null;
    }

    /** Counts interrupted runs in the background; call once the window is up. */
    public void lookForInterruptedRuns() {
        found.ask(() -> {
            List<InterruptedRun> runs = catalog.newRunner().interrupted();
            return runs.size();
        });
    }

    /** Runs a crash or a closed window left unfinished, as last counted; the wizards offer them for resume or abort. */
    public ReadOnlyIntegerProperty interruptedProperty() {
        return interrupted.getReadOnlyProperty();
    }

    /** The model of the wizard of {@code kind} opened last, if any (it may be closed by now). */
    public java.util.Optional<WizardModel<?>> model(WizardKind kind) {
        return java.util.Optional.ofNullable(models.get(kind));
    }

    /** Whether a wizard window is showing (the window must not be rebuilt under a run). Call on the FX thread. */
    public boolean anyOpen() {
        return open.values().stream().anyMatch(Stage::isShowing);
    }

    /** Opens (or brings forward) the wizard of {@code kind} over {@code owner}. Call on the FX thread. */
    public Stage open(WizardKind kind, Window owner) {
        Stage shown = open.get(kind);
        if (shown != null && shown.isShowing()) {
            shown.toFront();
            return shown;
        }
        WizardModel<?> model = switch (kind) {
            case BACKUP -> BackupChoice.wizard(catalog.backup(), new CatalogServiceCheck(catalog), catalog.newRunner());
            case RESTORE -> RestoreChoice.wizard(catalog.restore(), catalog.backupRoot(), catalog.newRunner());
            case UPGRADE -> imageChange(ImageChangeChoice.Direction.UPGRADE);
            case ROLLBACK -> imageChange(ImageChangeChoice.Direction.ROLLBACK);
            case RECOVERY -> RecoveryChoice.wizard(new ScenarioRunbooks(catalog.recoveries()), catalog.newRunner(), java.time.Clock.systemDefaultZone());
            case STACK -> StackChoice.wizard(catalog.profile(), new StackRunbooks(catalog::stack), new CatalogServiceCheck(catalog),
                    catalog.newRunner(), java.time.Clock.systemDefaultZone());
            case DRILL -> {
                if (drill == null) throw new IllegalStateException("no restore drill was offered to this launcher");
                yield DrillChoice.wizard(drill, catalog.backupRoot(), catalog.newRunner(), java.time.Clock.systemDefaultZone());
            }
        };
        Stage stage = RunbookWizard.open(owner, model);
        open.put(kind, stage);
        models.put(kind, model);
        // a finished or aborted run changes what is left interrupted
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> lookForInterruptedRuns());
        return stage;
    }

    @Override
    public void openRunbook(String scenarioId, String service, String host, Window owner) {
        open(WizardKind.RECOVERY, owner);
        WizardModel<?> model = models.get(WizardKind.RECOVERY);
        // a wizard already previewing or running keeps what the operator chose there
        if (model.choice() instanceof RecoveryChoice choice && model.getPage() == WizardPage.CHOOSE && !model.isRunning()
                && !model.busyProperty().get()) {
            choice.preselect(scenarioId, service == null ? "" : service, host == null ? "" : host);
        }
    }

    @Override
    public java.util.Optional<Scenario> scenarioFor(String service, String host, HealthState health, FlowState flow) {
        return catalog.profile().services().stream().filter(s -> s.name().equals(service) && (host == null || host.isBlank() || s.host().equals(host)))
                .findFirst().flatMap(s -> RunbookOpener.forState(s.kind().id(), health, flow));
    }

    private WizardModel<ImageChangeChoice> imageChange(ImageChangeChoice.Direction direction) {
        return ImageChangeChoice.wizard(direction, direction == ImageChangeChoice.Direction.UPGRADE ? catalog.upgrade() : catalog.rollback(),
                CatalogImageChanges.services(catalog), new CatalogImageChanges(catalog), catalog.newRunner(), java.time.Clock.systemDefaultZone());
    }
}
