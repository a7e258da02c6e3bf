package io.nightwatch.ui;

import io.nightwatch.ui.fx.Theme;
import io.nightwatch.alerts.AlertNotifier;
import io.nightwatch.alerts.AlertService;
import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.stack.ProfileException;
import io.nightwatch.stack.ProfileLoader;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertStore;
import io.nightwatch.incident.IncidentRecorder;
import io.nightwatch.incident.Incidents;
import io.nightwatch.ui.incident.IncidentsViewModel;
import io.nightwatch.runbook.backup.BackupAges;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.ui.alerts.AlertsViewModel;
import io.nightwatch.ui.wizard.launch.WizardLauncher;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The console window. Owns the {@link HealthMonitor}'s, the {@link FlowMonitor}'s and the {@link AlertService}'s lives:
 * it listens before starting them and closes them when the window goes. The alert service is the same as
 * {@code nightwatch serve}'s: webhook receiver, pollers, findings, store. When another Nightwatch already receives the
 * webhooks (the port is taken), the window still polls and records findings, and says where the webhooks go.
 * Launched by {@code io.nightwatch.Nightwatch} (which must not extend Application itself).
 */
public class NightwatchApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(NightwatchApp.class);

    private final Map<String, String> env = System.getenv();
    private final boolean openDefaultStore;
    private HealthMonitor monitor;
    private FlowMonitor flowMonitor;
    private AlertStore store;
    private AlertSettings alertSettings = AlertSettings.defaults();
    private AlertService alertService;
    private String storeProblem = "";
    private MainWindow window;
    private RunbookCatalog catalog;
    private WizardLauncher wizards;

    /**
     * For {@link Application#launch}: the profile is resolved as the CLI does, the monitor built in {@link #start}, the
     * alert history opened at {@link AlertStore#defaultLocation} (off the FX thread, in {@link #init}).
     */
    public NightwatchApp() {
        this.openDefaultStore = true;
    }

    /**
     * For tests and embedding: a monitor built elsewhere, not yet started; this app adds a flow monitor with the
     * default settings over it, and starts and closes both. No alert history.
     */
    public NightwatchApp(HealthMonitor monitor) {
        this.monitor = monitor;
        this.openDefaultStore = false;
    }

    /** For tests and embedding: both monitors built elsewhere (the flow one over {@code monitor}), not yet started. No alert history. */
    public NightwatchApp(HealthMonitor monitor, FlowMonitor flowMonitor) {
        this.monitor = monitor;
        this.flowMonitor = flowMonitor;
        this.openDefaultStore = false;
    }

    /**
     * For tests and embedding: both monitors and an open alert store from elsewhere. The app builds the alert service
     * over the store with {@code settings} (falling back to no receiver when its address is taken), starts and closes
     * the service and the monitors; the store stays the caller's to close.
     */
    public NightwatchApp(HealthMonitor monitor, FlowMonitor flowMonitor, AlertStore store, AlertSettings settings) {
        this.monitor = monitor;
        this.flowMonitor = flowMonitor;
        this.store = store;
        this.alertSettings = settings;
        this.openDefaultStore = false;
    }

    /**
     * For tests and embedding: the runbooks to offer (their data and journal folders), instead of the XDG data
     * dir's. Call before {@link #start}; the app closes the catalog when it stops.
     */
    public NightwatchApp withRunbooks(RunbookCatalog runbooks) {
        this.catalog = runbooks;
        return this;
    }

    public static void launchWindow(String[] args) {
        Application.launch(NightwatchApp.class, args);
    }

    /** The launcher thread, before the window: opening (and migrating) the history is blocking I/O. */
    @Override
    public void init() {
        if (openDefaultStore && store == null) openDefaultStore();
    }

    @Override
    public void start(Stage stage) {
        if (monitor == null) {
            try {
                StackProfile profile = ProfileLoader.resolve(null, env);
                monitor = new HealthMonitor(profile, env, Clock.systemDefaultZone());
            } catch (ProfileException e) {
                showProfileError(e);
                Platform.exit();
                return;
            } catch (IllegalArgumentException e) { // an engine address that cannot work (DOCKER_HOST, context, TLS files)
                Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
                alert.setTitle(MainWindow.TITLE);
                alert.setHeaderText("The Docker engine address cannot be used");
                alert.showAndWait();
                Platform.exit();
                return;
            }
        }
        if (flowMonitor == null) {
            flowMonitor = new FlowMonitor(monitor, FlowSettings.of(monitor.profile().flow()), env, Clock.systemDefaultZone());
        }
        if (openDefaultStore && store == null && storeProblem.isEmpty()) openDefaultStore(); // started without init()
        Clock clock = Clock.systemDefaultZone();
        AlertsViewModel alerts = startAlerts(monitor.profile(), clock);
        window = MainWindow.watching(monitor, flowMonitor, alerts, clock, Theme.from(env));
        window.setOpenUrl(this::openInBrowser);
        offerRunbooks(monitor.profile());
        window.showIn(stage);
        monitor.start(); // after the listeners are in, so the first snapshots are not missed
        flowMonitor.start();
    }

    /**
     * Starts the alert service before the monitors (its findings listen to them) and builds the alerts model over it.
     * A taken webhook port is not fatal: another Nightwatch receives the webhooks into the same history, and this
     * window polls and records its own findings.
     */
    private AlertsViewModel startAlerts(StackProfile profile, Clock clock) {
        if (store == null) {
            return AlertsViewModel.unavailable(storeProblem.isEmpty() ? "no alert history was opened" : storeProblem, clock);
        }
        String receiver;
        boolean receiverProblem = false;
        try {
            alertService = new AlertService(profile, store, alertSettings, clock);
            alertService.start(Optional.of(monitor), Optional.of(flowMonitor));
            receiver = alertService.receiverPort()
                    .map(port -> "webhooks on " + alertSettings.listen().map(InetSocketAddress::getHostString).orElse("?") + ":" + port)
                    .orElse("no webhook receiver (polling only)");
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("webhook receiver not started: {}", e.getMessage());
            if (alertService != null) alertService.close();
            receiver = receiverElsewhere(alertSettings, e);
            receiverProblem = true;
            alertService = new AlertService(profile, store, alertSettings.withListen(Optional.empty()), clock);
            try {
                alertService.start(Optional.of(monitor), Optional.of(flowMonitor));
            } catch (IOException impossible) {
                receiver += "; polling failed to start: " + impossible.getMessage();
            }
        }
        // the process that receives the webhooks writes the incident log; a second window would only write it twice
        if (!receiverProblem) IncidentRecorder.attach(store.incidents(), clock, alertService, monitor, Optional.of(flowMonitor));
        AlertsViewModel alerts = new AlertsViewModel(alertService, new AlertNotifier(clock), clock, AlertsViewModel.currentUser(env));
        alerts.showReceiver(receiver, receiverProblem);
        return alerts;
    }

    /**
     * The backup and restore wizards over the same catalog as the CLI's (same journals, same sets). Without a data
     * directory (no HOME) the menu stays disabled and the log says why.
     */
    private void offerRunbooks(StackProfile profile) {
        if (catalog == null) {
            try {
                catalog = new RunbookCatalog(profile, env);
            } catch (IllegalStateException e) {
                LOG.warn("runbooks not offered: {}", e.getMessage());
                return;
            }
        }
        wizards = new WizardLauncher(catalog);
        window.offerRunbooks(wizards);
        wizards.lookForInterruptedRuns();
        if (store != null) {
            Clock clock = Clock.systemDefaultZone();
            window.offerIncidents(new IncidentsViewModel(new Incidents(store, catalog.journalDir(), clock), clock,
                    AlertsViewModel.currentUser(env), window::dashboardSnapshot));
        }
        if (alertService != null) { // the tiles' backup line and NightwatchBackupOverdue, as `serve` raises it
            alertService.watchBackups(catalog.backup().backupable().stream().map(s -> s.name()).toList(), catalog.backupRoot(),
                    BackupAges.DEFAULT_RPO, Duration.ofMinutes(1), window.model()::publishBackups);
        }
    }

    /** The banner when the receiver could not listen: where the webhooks go instead. */
    static String receiverElsewhere(AlertSettings settings, Exception e) {
        String at = settings.listen().map(a -> a.getHostString() + ":" + a.getPort()).orElse("the receiver's address");
        boolean taken = e.getCause() instanceof BindException || String.valueOf(e.getMessage()).contains("already");
        if (taken) {
            return "webhooks go elsewhere: " + at + " is in use (is `nightwatch serve` running?). This window still polls "
                    + "Alertmanager and Prometheus and records its own findings; the history is shared.";
        }
        return "webhooks are not received here: " + e.getMessage() + ". This window still polls Alertmanager and Prometheus.";
    }

    private void openDefaultStore() {
        Path file = AlertStore.defaultLocation(env);
        try {
            store = AlertStore.open(file);
        } catch (RuntimeException e) { // StoreException names the file and what is wrong with it
            LOG.error("alert history {} not opened: {}", file, e.getMessage());
            storeProblem = e.getMessage();
        }
    }

    private void openInBrowser(String url) {
        try {
            getHostServices().showDocument(url);
        } catch (RuntimeException e) {
            LOG.info("cannot open {} here: {}", url, e.toString());
        }
    }

    /** The window this app shows; null before {@link #start}. */
    public MainWindow window() {
        return window;
    }

    /** The wizards' launcher; null before {@link #start} or without a data directory. */
    public WizardLauncher wizards() {
        return wizards;
    }

    /** The running alert service; null before {@link #start} or without a history. */
    public AlertService alertService() {
        return alertService;
    }

    /** Idempotent: tests may close early, then the toolkit calls it again. */
    @Override
    public void stop() {
        if (window != null) window.dispose();
        if (alertService != null) alertService.close(); // before the monitors whose findings it records
        if (flowMonitor != null) flowMonitor.close(); // first: its rounds read the health monitor
        if (monitor != null) monitor.close();
        if (catalog != null) catalog.close(); // the wizards' engine connections
        catalog = null;
        if (openDefaultStore && store != null) store.close(); // last: finishes queued writes
        alertService = null;
        flowMonitor = null;
        monitor = null;
        if (openDefaultStore) store = null;
    }

    private static void showProfileError(ProfileException e) {
        Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
        alert.setTitle(MainWindow.TITLE);
        alert.setHeaderText("The profile cannot be used");
        alert.showAndWait();
    }
}
