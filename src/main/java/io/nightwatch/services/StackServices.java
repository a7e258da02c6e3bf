package io.nightwatch.services;

import io.nightwatch.text.Texts;
import io.nightwatch.alerts.AlertService;
import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.baseline.BaselineRecorder;
import io.nightwatch.baseline.BaselineSettings;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.incident.IncidentRecorder;
import io.nightwatch.alerts.NotDeployedAlerts;
import io.nightwatch.probe.MonitorResources;
import io.nightwatch.runbook.backup.BackupAges;
import io.nightwatch.runbook.backup.BackupWatcher;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.runbook.recovery.CrashHistory;
import io.nightwatch.runbook.recovery.CrashLineRecorder;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that watches the stack, started in one place for {@code nightwatch serve} and the window alike:
 * store → shared monitor threads and HTTP client → health monitor → flow monitor → baseline recorder → alert service →
 * incident recorder → runbook catalog (with the crash-line recorder when there is a store) → backup watcher.
 * {@link Builder#open} wires them (the alert service already receives and polls; a failure closes what was opened);
 * the faces add their listeners, then {@link #start} starts the monitors and the backup watcher so no first
 * reading is missed. {@link #close} closes in the reverse order of opening; what was handed in from outside
 * (a store, see {@link Builder#store}) stays the caller's.
 */
public final class StackServices implements AutoCloseable {

    private static final Texts T = Texts.of(StackServices.class);

    private static final Logger LOG = LoggerFactory.getLogger(StackServices.class);

    /** How often the window looks at the backup sets; {@code serve} uses its own (see {@link Builder#backupCheckEvery}). */
    public static final Duration WINDOW_BACKUP_CHECK = Duration.ofMinutes(1);

    private final StackProfile profile;
    private final HealthMonitor health;
    private final FlowMonitor flow;
    private final Optional<AlertStore> store;
    private final Optional<AlertService> alerts;
    private final String receiver;
    private final boolean receiverElsewhere;
    private final Optional<RunbookCatalog> runbooks;
    private final Optional<BackupWatcher> backups;
    private final Optional<BaselineRecorder> baselines;
    private final Deque<AutoCloseable> opened;
    private boolean closed;

    private StackServices(Builder b, Opened o) {
        this.profile = b.profile;
        this.health = o.health;
        this.flow = o.flow;
        this.store = Optional.ofNullable(o.store);
        this.alerts = Optional.ofNullable(o.alerts);
        this.receiver = o.receiver;
        this.receiverElsewhere = o.receiverElsewhere;
        this.runbooks = Optional.ofNullable(o.runbooks);
        this.backups = Optional.ofNullable(o.backups);
        this.baselines = Optional.ofNullable(o.baselines);
        this.opened = o.opened;
    }

    public static Builder builder(StackProfile profile, Map<String, String> env) {
        return new Builder(profile, env);
    }

    public StackProfile profile() { return profile; }

    public HealthMonitor health() { return health; }

    public FlowMonitor flow() { return flow; }

    /** The alert history; empty when none was given (the window without one says why). */
    public Optional<AlertStore> store() { return store; }

    /** The alert service; empty without a history. */
    public Optional<AlertService> alerts() { return alerts; }

    /** In words, where webhooks go: "webhooks on 127.0.0.1:5001", "no webhook receiver (polling only)", or elsewhere. */
    public String receiver() { return receiver; }

    /** True when the receiver could not listen and the service fell back to polling (another Nightwatch receives). */
    public boolean receiverElsewhere() { return receiverElsewhere; }

    /** The runbooks to offer; empty without a data directory (no HOME). */
    public Optional<RunbookCatalog> runbooks() { return runbooks; }

    /** The backup ages' source; empty without runbooks. */
    public Optional<BackupWatcher> backups() { return backups; }

    /** The performance baselines' recorder; empty without a history (nowhere to keep them). */
    public Optional<BaselineRecorder> baselines() { return baselines; }

    /** Starts the monitors and the backup watcher: call after adding listeners, so the first readings reach them. */
    public void start() {
        health.start();
        flow.start();
        baselines.ifPresent(BaselineRecorder::start);
        backups.ifPresent(BackupWatcher::start);
    }

    /** Idempotent. Reverse order of opening: the backup watcher first, a store opened here last (it finishes queued writes). */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        closeAll(opened, null);
    }

    private static void closeAll(Deque<AutoCloseable> opened, Throwable failure) {
        while (!opened.isEmpty()) {
            AutoCloseable c = opened.pop();
            try {
                c.close();
            } catch (Exception | Error e) {
                if (failure != null) failure.addSuppressed(e);
                else LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** The banner when the receiver could not listen: where the webhooks go instead. */
    public static String receiverElsewhere(AlertSettings settings, Exception e) {
        String at = settings.listen().map(a -> a.getHostString() + ":" + a.getPort()).orElseGet(() -> T.get("receiver.defaultAddress"));
        boolean taken = e.getCause() instanceof BindException || String.valueOf(e.getMessage()).contains("already");
        if (taken) {
            return T.get("receiver.taken", at);
        }
        return T.get("receiver.failed", e.getMessage());
    }

    /** What open() has built so far; a failure closes {@link #opened} newest first. */
    private static final class Opened {
        final Deque<AutoCloseable> opened = new ArrayDeque<>();
        AlertStore store;
        HealthMonitor health;
        FlowMonitor flow;
        AlertService alerts;
        String receiver = T.get("receiver.noHistory");
        boolean receiverElsewhere;
        RunbookCatalog runbooks;
        BackupWatcher backups;
        BaselineRecorder baselines;

        <T extends AutoCloseable> T push(T c) {
            opened.push(c);
            return c;
        }
    }

    /** The parts to use instead of building them (tests, embedding); everything unset is built from the profile. */
    public static final class Builder {
        private final StackProfile profile;
        private final Map<String, String> env;
        private Clock clock = Clock.systemDefaultZone();
        private HealthMonitor health;
        private FlowMonitor flow;
        private AlertStore store;
        private boolean ownsStore;
        private AlertSettings settings = AlertSettings.defaults();
        private boolean pollWhenReceiverTaken;
        private RunbookCatalog runbooks;
        private boolean withRunbooks = true;
        private Duration backupCheckEvery = WINDOW_BACKUP_CHECK;
        private BaselineSettings baselineSettings = BaselineSettings.DEFAULT;

        private Builder(StackProfile profile, Map<String, String> env) {
            this.profile = Objects.requireNonNull(profile, "profile");
            this.env = Map.copyOf(env);
        }

        public Builder clock(Clock clock) { this.clock = clock; return this; }

        /** Monitors built elsewhere and not yet started ({@code flow} over {@code health}, or null for the default settings); closed with the services. */
        public Builder monitors(HealthMonitor health, FlowMonitor flow) {
            this.health = Objects.requireNonNull(health, "health");
            this.flow = flow;
            return this;
        }

        /** An open alert history; without one there is no alert service. It stays the caller's to close. */
        public Builder store(AlertStore store) { this.store = store; this.ownsStore = false; return this; }

        /** An open alert history that the services close last. */
        public Builder ownStore(AlertStore store) { this.store = store; this.ownsStore = true; return this; }

        public Builder settings(AlertSettings settings) { this.settings = Objects.requireNonNull(settings); return this; }

        /**
         * The window's choice: a taken (or unusable) receiver address is not fatal, the service polls without it and
         * records no incidents (the receiving process writes them). Without it, {@link #open} throws the bind error.
         */
        public Builder pollWhenReceiverTaken() { this.pollWhenReceiverTaken = true; return this; }

        /** The runbooks to offer (their data and journal folders), closed with the services; default: the XDG data dir's. */
        public Builder runbooks(RunbookCatalog runbooks) { this.runbooks = Objects.requireNonNull(runbooks); return this; }

        /** No runbooks and no backup watcher (embedding without a data directory). */
        public Builder noRunbooks() { this.withRunbooks = false; this.runbooks = null; return this; }

        public Builder backupCheckEvery(Duration every) { this.backupCheckEvery = every; return this; }

        /** How baselines are recorded (tests use shorter rounds); recorded only with a history. */
        public Builder baselineSettings(BaselineSettings settings) { this.baselineSettings = Objects.requireNonNull(settings); return this; }

        /**
         * Opens everything in order. Throws what the receiver threw (a {@code BindException} when the address is
         * taken or not this host's) unless {@link #pollWhenReceiverTaken}; whatever fails, what was opened is closed.
         */
        public StackServices open() throws IOException {
            Opened o = new Opened();
            try {
                openInto(o);
            } catch (IOException | RuntimeException | Error e) {
                closeAll(o.opened, e);
                throw e;
            }
            return new StackServices(this, o);
        }

        private void openInto(Opened o) throws IOException {
            if (store != null) {
                o.store = store;
                if (ownsStore) o.push(store);
            }
            if (health == null) {
                // one scheduler, worker pool and HTTP client for every monitor; closed after them (pushed first)
                MonitorResources shared = o.push(new MonitorResources(profile.hosts().size(), profile.services().size()));
                o.health = o.push(new HealthMonitor(profile, env, clock, shared));
            } else {
                o.health = o.push(health);
            }
            o.flow = o.push(flow != null ? flow : new FlowMonitor(o.health, FlowSettings.of(profile.flow()), env, clock));
            if (store != null) {
                o.baselines = o.push(new BaselineRecorder(o.health, Optional.of(o.flow), store.performance(), env, baselineSettings, clock));
                openAlerts(o);
            }
            if (withRunbooks) openRunbooks(o);
        }

        /** Before the monitors start: the findings and the incident recorder listen to them. */
        private void openAlerts(Opened o) throws IOException {
            try {
                o.alerts = o.push(new AlertService(profile, store, settings, clock));
                o.alerts.start(Optional.of(o.health), Optional.of(o.flow));
                o.receiver = o.alerts.receiverPort()
                        .map(port -> T.get("receiver.on", settings.listen().map(InetSocketAddress::getHostString).orElse("?") + ":" + port))
                        .orElseGet(() -> T.get("receiver.none"));
            } catch (IOException | IllegalArgumentException e) {
                if (!pollWhenReceiverTaken) throw e;
                LOG.warn("webhook receiver not started: {}", e.getMessage());
                if (o.alerts != null) {
                    o.opened.remove(o.alerts);
                    o.alerts.close();
                }
                o.receiver = receiverElsewhere(settings, e);
                o.receiverElsewhere = true;
                o.alerts = o.push(new AlertService(profile, store, settings.withListen(Optional.empty()), clock));
                try {
                    o.alerts.start(Optional.of(o.health), Optional.of(o.flow));
                } catch (IOException impossible) { // no receiver, nothing to bind
                    o.receiver += "; " + T.get("receiver.pollingFailed", impossible.getMessage());
                }
            }
            // the process that receives the webhooks writes the incident log; a second window would only write it twice
            if (!o.receiverElsewhere) IncidentRecorder.attach(store.incidents(), clock, o.alerts, o.health, Optional.of(o.flow))
                    .quiet(new NotDeployedAlerts(profile, o.health.notDeployed()));
        }

        /** Without a data directory (no HOME) there are no runbooks and no backup line; the log says why. */
        private void openRunbooks(Opened o) {
            RunbookCatalog catalog = runbooks;
            if (catalog == null) {
                try {
                    catalog = new RunbookCatalog(profile, env);
                } catch (IllegalStateException e) {
                    LOG.warn("runbooks not offered: {}", e.getMessage());
                    return;
                }
            }
            o.runbooks = o.push(catalog.followNotDeployed(o.health.notDeployed()));
            if (store != null) {
                // the crash lines of every container that dies, kept in the history so they survive a recreate
                catalog.crashes(CrashHistory.of(store.crashes()));
                o.push(CrashLineRecorder.attach(o.health, store.crashes()));
            }
            if (o.baselines != null) catalog.useBaselines(o.baselines.baselines()); // the upgrade gate compares with the old image's
            RunbookCatalog live = catalog;
            o.backups = o.push(new BackupWatcher(() -> live.backup().backupable().stream().map(s -> s.name()).toList(),
                    catalog.backupRoot(), BackupAges.DEFAULT_RPO, backupCheckEvery, clock));
            AlertService alerts = o.alerts;
            if (alerts != null) o.backups.addListener(ages -> alerts.backupsRead(ages.newestVerified(), ages.rpo(), ages.readAt()));
        }
    }
}
