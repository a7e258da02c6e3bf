package io.nightwatch.ui;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.alerts.AlertNotifier;
import io.nightwatch.alerts.AlertService;
import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.cli.WindowCommand;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.services.StackServices;
import io.nightwatch.stack.ProfileException;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertStore;
import io.nightwatch.incident.Incidents;
import io.nightwatch.ui.incident.IncidentsViewModel;
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
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The console window over {@link StackServices}, the same services as {@code nightwatch serve}'s: webhook receiver,
 * pollers, findings, store, monitors, runbooks, backup ages. It adds its listeners before starting them and closes
 * them when the window goes. When another Nightwatch already receives the webhooks (the port is taken), the window
 * still polls and records findings, and says where the webhooks go.
 * Launched by {@code io.nightwatch.Nightwatch} (which must not extend Application itself).
 */
public class NightwatchApp extends Application {

    private static final Texts T = Texts.of(NightwatchApp.class);

    private static final Logger LOG = LoggerFactory.getLogger(NightwatchApp.class);

    private Map<String, String> env = System.getenv();
    private java.util.List<String> argsOverride; // the engine picker's choice replaces the launch options
    private Stage stage;
    private java.util.Optional<io.nightwatch.ui.settings.WindowSettingsFile> settingsFile = java.util.Optional.empty();
    private io.nightwatch.ui.settings.WindowSettings remembered = io.nightwatch.ui.settings.WindowSettings.none();
    private io.nightwatch.ui.settings.EnginePicker enginePicker;
    private Theme theme;
    private final boolean openDefaultStore;
    private HealthMonitor givenMonitor;
    private FlowMonitor givenFlow;
    private AlertStore store;
    private AlertSettings alertSettings = AlertSettings.defaults();
    private String storeProblem = "";
    private RunbookCatalog givenRunbooks;
    private StackServices services;
    private MainWindow window;
    private WizardLauncher wizards;
    private java.util.Optional<Path> notDeployedFile = java.util.Optional.empty();
    private io.nightwatch.ui.dashboard.actions.ServiceActions tileActions;

    /**
     * For {@link Application#launch}: the profile is resolved as the CLI does (from the launch parameters {@code --profile FILE}
     * and {@code --host URI}, see {@link WindowCommand}), the monitor built in {@link #start}, the
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
        this.givenMonitor = monitor;
        this.openDefaultStore = false;
    }

    /** For tests and embedding: both monitors built elsewhere (the flow one over {@code monitor}), not yet started. No alert history. */
    public NightwatchApp(HealthMonitor monitor, FlowMonitor flowMonitor) {
        this.givenMonitor = monitor;
        this.givenFlow = flowMonitor;
        this.openDefaultStore = false;
    }

    /**
     * For tests and embedding: both monitors and an open alert store from elsewhere. The app builds the alert service
     * over the store with {@code settings} (falling back to no receiver when its address is taken), starts and closes
     * the service and the monitors; the store stays the caller's to close.
     */
    public NightwatchApp(HealthMonitor monitor, FlowMonitor flowMonitor, AlertStore store, AlertSettings settings) {
        this.givenMonitor = monitor;
        this.givenFlow = flowMonitor;
        this.store = store;
        this.alertSettings = settings;
        this.openDefaultStore = false;
    }

    /**
     * For tests and embedding: the runbooks to offer (their data and journal folders), instead of the XDG data
     * dir's. Call before {@link #start}; the app closes the catalog when it stops.
     */
    public NightwatchApp withRunbooks(RunbookCatalog runbooks) {
        this.givenRunbooks = runbooks;
        return this;
    }

    /**
     * For tests and embedding: where the window keeps its "not deployed here" marks (by default the XDG config
     * directory's {@code not-deployed}; a window over a given monitor keeps none unless told).
     */
    public NightwatchApp withNotDeployedFile(Path file) {
        this.notDeployedFile = java.util.Optional.of(file);
        return this;
    }

    /** For tests and embedding: the environment the window reads (Docker contexts, XDG folders) instead of the process's. */
    public NightwatchApp withEnvironment(Map<String, String> environment) {
        this.env = Map.copyOf(environment);
        return this;
    }

    /**
     * For tests and embedding: where the window remembers its size, view, theme and language (by default
     * {@code $XDG_CONFIG_HOME/nightwatch/window.properties}; a window over a given monitor remembers nothing unless told).
     */
    public NightwatchApp withSettingsFile(Path file) {
        this.settingsFile = java.util.Optional.of(new io.nightwatch.ui.settings.WindowSettingsFile(file));
        return this;
    }

    /** @param args the window's options ({@code --profile FILE}, {@code --host URI}), already checked by {@link WindowCommand#check} */
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
        this.stage = stage;
        pauseFramesWhileIdle();
        io.nightwatch.ui.fx.ClosedWindowFocus.install();
        if (settingsFile.isEmpty() && openDefaultStore) settingsFile = io.nightwatch.ui.settings.WindowSettingsFile.atDefault(env);
        remembered = settingsFile.map(io.nightwatch.ui.settings.WindowSettingsFile::read).orElse(remembered);
        // --lang wins; then the window's own setting; then NIGHTWATCH_LANG and the system locale (already applied)
        if (!io.nightwatch.text.Language.explicitlyChosen()) remembered.language().ifPresent(io.nightwatch.text.Language::use);
        theme = Theme.explicit(env).orElseGet(() -> remembered.theme().map(Theme::valueOf).orElse(Theme.DARK));
        stage.setOnHiding(e -> remember());
        open(stage, null);
    }

    /** The FX thread sleeps while nothing changes (see {@link io.nightwatch.ui.fx.PausingFrameTimer}). */
    private static void pauseFramesWhileIdle() {
        try {
            LOG.debug("pausing frame timer: {}", io.nightwatch.ui.fx.PausingFrameTimer.install());
        } catch (LinkageError e) { // JavaFX on the module path without access to its timer: its own timer stays
            LOG.debug("pausing frame timer: not installed ({})", e.toString());
        }
    }

    /** Builds the window and its services on {@code stage}; {@code profile} null reads it from the options. */
    private void open(Stage stage, StackProfile known) {
        StackProfile profile = known;
        if (profile != null) {
            // the same stack again (another language), or one read and checked already (another engine)
        } else if (givenMonitor != null) {
            profile = givenMonitor.profile();
        } else {
            try {
                profile = WindowCommand.load(windowArgs(), env); // --profile, --host as the commands take them
            } catch (ProfileException e) {
                showProfileError(e);
                Platform.exit();
                return;
            } catch (IllegalArgumentException e) { // an engine address that cannot work (DOCKER_HOST, context, TLS files)
                Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
                alert.setTitle(MainWindow.TITLE);
                alert.setHeaderText(T.get("start.badEngineAddress"));
                alert.showAndWait();
                Platform.exit();
                return;
            }
        }
        if (openDefaultStore && store == null && storeProblem.isEmpty()) openDefaultStore(); // started without init()
        Clock clock = Clock.systemDefaultZone();
        try {
            services = openServices(profile, clock);
        } catch (IOException impossible) { // the window falls back to polling instead of failing on the receiver
            throw new IllegalStateException("services not started: " + impossible.getMessage(), impossible);
        }
        keepNotDeployedMarks();
        AlertsViewModel alerts = alertsModel(clock);
        window = MainWindow.watching(services.health(), services.flow(), alerts, clock, theme);
        window.setOpenUrl(this::openInBrowser);
        offerRunbooks(clock);
        offerSettings(profile);
        window.showIn(stage);
        io.nightwatch.ui.settings.WindowMemory.restore(stage, remembered);
        remembered.view().map(MainWindow.View::valueOf).ifPresent(window::show);
        window.shownProperty().addListener((o, old, now) -> remembered = remembered.withView(now.name()));
        services.start(); // after the listeners are in, so the first snapshots are not missed
    }

    /** The header's settings menu and engine picker, and F5: everything checked again now. */
    private void offerSettings(StackProfile profile) {
        io.nightwatch.ui.settings.SettingsMenu settings = new io.nightwatch.ui.settings.SettingsMenu(
                io.nightwatch.text.Language.current(), theme, this::switchLanguage, this::switchTheme, window::showShortcuts);
        enginePicker = new io.nightwatch.ui.settings.EnginePicker(profile.hosts(), env, this::switchEngine);
        window.addToHeader(settings.node(), enginePicker.node());
        HealthMonitor health = services.health();
        FlowMonitor flow = services.flow();
        window.onRefresh(() -> {
            health.refreshNow();
            flow.refreshNow();
        });
    }

    private void switchTheme(Theme chosen) {
        theme = chosen;
        window.applyTheme(chosen);
        remembered = remembered.withTheme(chosen.name());
        remember();
    }

    /** Builds the window again in the chosen language, on the same stack; remembered for the next start. */
    private void switchLanguage(io.nightwatch.text.Language language) {
        remembered = remembered.withLanguage(language);
        if (!reopenable()) {
            remember();
            return;
        }
        io.nightwatch.text.Language.use(language);
        StackProfile same = services.profile();
        reopen(env, same);
    }

    /** Watches the stack on the chosen Docker context: its engine for every profile host without an address of its own. */
    private void switchEngine(io.nightwatch.docker.KnownEngines.Entry context) {
        if (!reopenable()) return;
        Map<String, String> next = new java.util.HashMap<>(env);
        next.put("DOCKER_CONTEXT", context.name());
        next.remove("DOCKER_HOST"); // DOCKER_HOST would win over the context, as with the docker CLI
        java.util.List<String> args = new java.util.ArrayList<>();
        java.util.List<String> given = windowArgs();
        for (int i = 0; i < given.size(); i++) { // the profile stays, a --host goes: the context is the engine now
            String a = given.get(i);
            if (a.equals("--host") || a.equals("-H")) i++;
            else if (!a.startsWith("--host=")) args.add(a);
        }
        StackProfile profile;
        try { // checked before anything closes: a context that cannot work leaves the window as it was
            profile = WindowCommand.load(args, next);
        } catch (ProfileException | IllegalArgumentException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, io.nightwatch.ui.settings.SettingsMenu.switchFailedWords(e.getMessage()));
            alert.initOwner(stage);
            alert.setTitle(MainWindow.TITLE);
            alert.setHeaderText(null);
            alert.show();
            return;
        }
        argsOverride = args;
        reopen(Map.copyOf(next), profile);
    }

    /** Not under a wizard's run: closing the services would pull its engine away. Says so when it refuses. */
    private boolean reopenable() {
        if (wizards != null && wizards.anyOpen()) {
            Alert busy = new Alert(Alert.AlertType.INFORMATION, io.nightwatch.ui.settings.SettingsMenu.busyWords());
            busy.initOwner(stage);
            busy.setTitle(MainWindow.TITLE);
            busy.setHeaderText(null);
            busy.show();
            return false;
        }
        return services != null;
    }

    private void reopen(Map<String, String> nextEnv, StackProfile same) {
        remember();
        closeAll();
        env = nextEnv;
        if (openDefaultStore) openDefaultStore();
        open(stage, same);
    }

    private void remember() {
        if (stage != null) remembered = io.nightwatch.ui.settings.WindowMemory.capture(stage, remembered);
        if (window != null) remembered = remembered.withView(window.shown().name());
        io.nightwatch.ui.settings.WindowSettings now = remembered;
        settingsFile.ifPresent(f -> f.write(now));
    }

    /** The operator's "not deployed here" marks: read before the first poll, written on every change. */
    private void keepNotDeployedMarks() {
        java.util.Optional<Path> file = notDeployedFile.isPresent() ? notDeployedFile
                : openDefaultStore ? io.nightwatch.stack.NotDeployed.defaultFile(env) : java.util.Optional.empty();
        file.ifPresent(f -> services.health().notDeployed().keepIn(f));
    }

    private StackServices openServices(StackProfile profile, Clock clock) throws IOException {
        StackServices.Builder b = StackServices.builder(profile, env).clock(clock).settings(alertSettings)
                .pollWhenReceiverTaken().backupCheckEvery(StackServices.WINDOW_BACKUP_CHECK);
        if (givenMonitor != null) b.monitors(givenMonitor, givenFlow);
        if (store != null) {
            if (openDefaultStore) b.ownStore(store);
            else b.store(store);
        }
        if (givenRunbooks != null) b.runbooks(givenRunbooks);
        givenMonitor = null; // the services own them now
        givenFlow = null;
        givenRunbooks = null;
        if (openDefaultStore) store = null;
        return b.open();
    }

    /** The alerts view over the service, with the receiver banner; without a history it says why. */
    private AlertsViewModel alertsModel(Clock clock) {
        if (services.alerts().isEmpty()) {
            return AlertsViewModel.unavailable(storeProblem.isEmpty() ? T.get("alerts.noHistory") : storeProblem, clock);
        }
        AlertNotifier notifier = new AlertNotifier(clock);
        notifier.setQuiet(new io.nightwatch.alerts.NotDeployedAlerts(services.profile(), services.health().notDeployed()));
        AlertsViewModel alerts = new AlertsViewModel(services.alerts().get(), notifier, clock, AlertsViewModel.currentUser(env));
        alerts.showReceiver(services.receiver(), services.receiverElsewhere());
        return alerts;
    }

    /**
     * The backup and restore wizards over the same catalog as the CLI's (same journals, same sets), and the tiles'
     * backup line. Without a data directory (no HOME) the menu stays disabled and the log says why.
     */
    private void offerRunbooks(Clock clock) {
        if (services.runbooks().isEmpty()) return;
        RunbookCatalog catalog = services.runbooks().get();
        wizards = new WizardLauncher(catalog);
        window.offerRunbooks(wizards);
        tileActions = new io.nightwatch.ui.dashboard.actions.ServiceActions(services.health(), catalog,
                services.store().map(history -> new Incidents(history, catalog.journalDir(), clock)), AlertsViewModel.currentUser(env), clock);
        window.model().setTileActions(tileActions);
        // placeholder until the runbook opener is connected: the restore wizard, the runbook the stateful services' hints name
        wizards.lookForInterruptedRuns();
        services.store().ifPresent(history -> window.offerIncidents(new IncidentsViewModel(
                new Incidents(history, catalog.journalDir(), clock), clock, AlertsViewModel.currentUser(env), window::dashboardSnapshot)));
        services.backups().ifPresent(watcher -> watcher.addListener(window.model()::publishBackups));
        offerReadiness(catalog, clock);
    }

    /**
     * The Readiness view and the restore drill wizard, over the same data folder, profile file and history as
     * {@code nightwatch audit} and {@code nightwatch drill restore}.
     */
    private java.util.List<String> windowArgs() {
        if (argsOverride != null) return argsOverride;
        return getParameters() == null ? java.util.List.of() : getParameters().getRaw();
    }

    private void offerReadiness(RunbookCatalog catalog, Clock clock) {
        io.nightwatch.store.AuditHistory history = services.store().map(AlertStore::audits).orElse(null);
        java.nio.file.Path profileFile = WindowCommand.profileFile(windowArgs(), env).orElse(null);
        java.nio.file.Path dataDir = catalog.backupRoot().getParent(); // the catalog's data folder: backups/ lives in it
        wizards.offerDrill(io.nightwatch.audit.DrillRunbook.connecting(catalog.profile(), env, drill -> {
            if (history != null) history.recordDrill(io.nightwatch.ui.readiness.LiveReadiness.drillRun(drill));
        }, Clock.systemUTC()));
        io.nightwatch.ui.readiness.ReadinessViewModel readiness = new io.nightwatch.ui.readiness.ReadinessViewModel(
                new io.nightwatch.ui.readiness.LiveReadiness(catalog.profile(), env, dataDir, profileFile, history, Clock.systemUTC()), clock);
        readiness.offerWizards(kind -> wizards.open(kind, window.scene().getWindow()));
        window.offerReadiness(readiness);
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

    /** The tiles' actions; null before {@link #start} or without a data directory. */
    public io.nightwatch.ui.dashboard.actions.ServiceActions tileActions() {
        return tileActions;
    }

    /** The wizards' launcher; null before {@link #start} or without a data directory. */
    public WizardLauncher wizards() {
        return wizards;
    }

    /** The running alert service; null before {@link #start} or without a history. */
    public AlertService alertService() {
        return services == null ? null : services.alerts().orElse(null);
    }

    /** Idempotent: tests may close early, then the toolkit calls it again. */
    @Override
    public void stop() {
        if (window != null) remember(); // also when stopped without the window closing first (tests, embedding)
        closeAll();
    }

    private void closeAll() {
        if (enginePicker != null) enginePicker.close();
        enginePicker = null;
        if (window != null) window.dispose();
        window = null;
        if (services != null) services.close(); // reverse order of opening; a default store last
        services = null;
        if (openDefaultStore && store != null) store.close(); // opened, but the services never took it
        if (openDefaultStore) store = null;
    }

    private static void showProfileError(ProfileException e) {
        Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
        alert.setTitle(MainWindow.TITLE);
        alert.setHeaderText(T.get("start.badProfile"));
        alert.showAndWait();
    }
}
