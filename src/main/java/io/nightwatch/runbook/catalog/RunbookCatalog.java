package io.nightwatch.runbook.catalog;

import io.nightwatch.text.Texts;
import io.nightwatch.baseline.PerformanceRecords;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.runbook.RunbookRegistry;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.backup.BackupRunbook;
import io.nightwatch.runbook.backup.RestoreRunbook;
import io.nightwatch.runbook.recovery.Recoveries;
import io.nightwatch.runbook.recovery.RecoveryRunbook;
import io.nightwatch.runbook.rollback.DeploymentLog;
import io.nightwatch.runbook.rollback.ImageChangeRunbook;
import io.nightwatch.runbook.rollback.SwarmServiceRunbook;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.stack.XdgDirs;

import java.io.Closeable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every runbook the application offers over one profile, with what they share: one engine connection per host
 * (opened on first use, closed with the catalog), runners over one journal folder, and where backup sets and run journals live. The CLI
 * and the window both start here, so a run begun in one is found, resumed or aborted by the other.
 */
public final class RunbookCatalog implements Closeable {

    private static final Texts T = Texts.of(RunbookCatalog.class);

    private final Map<String, DockerGateway> engines = new ConcurrentHashMap<>();
    private final StackProfile profile;
    private final Map<String, String> env;
    private final Path dataDir;
    private final Clock clock;
    private volatile io.nightwatch.runbook.recovery.CrashHistory crashes;
    /** The services not deployed right now: the profile's, or the window's live marks once {@link #followNotDeployed}. */
    private volatile java.util.function.Supplier<java.util.Set<String>> notDeployed;
    private volatile PerformanceRecords baselines = PerformanceRecords.NONE;

    /** @throws IllegalStateException when neither XDG_DATA_HOME nor HOME says where data lives */
    public RunbookCatalog(StackProfile profile, Map<String, String> env) {
        this(profile, env, dataDir(env), Clock.systemUTC());
    }

    public RunbookCatalog(StackProfile profile, Map<String, String> env, Path dataDir, Clock clock) {
        this.profile = profile;
        this.env = Map.copyOf(env);
        this.dataDir = dataDir;
        this.clock = clock;
        this.crashes = io.nightwatch.runbook.recovery.CrashHistory.inFile(io.nightwatch.store.AlertStore.defaultLocation(env));
        this.notDeployed = profile::notDeployed;
    }

    /** Where recoveries find the crash lines kept of earlier deaths; default: the alert history's default file, read only. */
    public RunbookCatalog crashes(io.nightwatch.runbook.recovery.CrashHistory history) {
        this.crashes = java.util.Objects.requireNonNull(history);
        return this;
    }

    /** From now on every runbook and wizard sees the window's not-deployed marks too (left out of backups and choices). */
    public RunbookCatalog followNotDeployed(io.nightwatch.stack.NotDeployed marks) {
        this.notDeployed = marks::all;
        return this;
    }

    public static Path dataDir(Map<String, String> env) {
        return XdgDirs.data(env).orElseThrow(() -> new IllegalStateException(T.get("catalog.noDataDir")));
    }

    /** Where backup sets go by default. */
    public Path backupRoot() { return dataDir.resolve("backups"); }

    /** Where run journals go (and interrupted runs are looked for). */
    public Path journalDir() { return dataDir.resolve("runs"); }

    /** The profile with the services not deployed as they stand now. */
    public StackProfile profile() { return profile.withNotDeployed(notDeployed.get()); }

    /** The engine of a profile host, connected on first use; the catalog closes it. */
    public DockerGateway engine(String host) {
        return engines.computeIfAbsent(host, h -> DockerGateway.connect(EngineAddress.resolve(
                profile().host(h).orElseThrow(() -> new IllegalArgumentException(T.get("catalog.noHost", h))), env)));
    }

    /** The recorded baselines the upgrade and rollback gates compare with (none until set). */
    public void useBaselines(PerformanceRecords records) {
        this.baselines = records;
    }

    public BackupRunbook backup() {
        return new BackupRunbook(profile(), env, this::engine, backupRoot(), clock);
    }

    public RestoreRunbook restore() {
        return new RestoreRunbook(profile(), env, this::engine, clock);
    }

    public ImageChangeRunbook upgrade() {
        return new ImageChangeRunbook(ImageChangeRunbook.Direction.UPGRADE, profile(), env, this::engine, backupRoot(), deployments(), clock, baselines);
    }

    public ImageChangeRunbook rollback() {
        return new ImageChangeRunbook(ImageChangeRunbook.Direction.ROLLBACK, profile(), env, this::engine, backupRoot(), deployments(), clock, baselines);
    }

    public SwarmServiceRunbook swarm() {
        return new SwarmServiceRunbook(profile(), this::engine);
    }

    /** The recovery runbooks ({@code nightwatch recover}), one per scenario of the catalogue. */
    public List<RecoveryRunbook> recoveries() {
        return Recoveries.all(new RecoveryRunbook.Context(profile(), env, this::engine, backupRoot(),
                io.nightwatch.runbook.recovery.VerifyRecovered.Timing.DEFAULT, crashes));
    }

    /** The safe stop, start or restart of the stack ({@code nightwatch stack}). */
    public io.nightwatch.runbook.stack.StackRunbook stack(io.nightwatch.runbook.stack.StackRunbook.Action action) {
        return new io.nightwatch.runbook.stack.StackRunbook(action, profile(), env, this::engine, io.nightwatch.runbook.recovery.VerifyRecovered.Timing.DEFAULT);
    }

    /** A dashboard tile's Start or Restart of one service. */
    public io.nightwatch.runbook.service.ServiceActionRunbook serviceAction(io.nightwatch.runbook.service.ServiceActionRunbook.Action action) {
        return new io.nightwatch.runbook.service.ServiceActionRunbook(action, profile(), env, this::engine);
    }

    /** Nightwatch's record of the image changes it made, for "what did this run before?". */
    public DeploymentLog deployments() {
        return new DeploymentLog(dataDir);
    }

    /** All runbooks, in the order of menus and the docs index; resume and abort look them up here. */
    public RunbookRegistry registry() {
        List<io.nightwatch.runbook.RunbookDefinition> all = new java.util.ArrayList<>(List.of(backup(), restore(), upgrade(), rollback(), swarm()));
        all.addAll(recoveries());
        for (var action : io.nightwatch.runbook.stack.StackRunbook.Action.values()) all.add(stack(action));
        for (var action : io.nightwatch.runbook.service.ServiceActionRunbook.Action.values()) all.add(serviceAction(action));
        return new RunbookRegistry(all);
    }

    /**
     * A runner over the shared journal folder. A runner runs one runbook at a time and its cancel stops that run, so
     * each wizard or command takes its own.
     */
    public RunbookRunner newRunner() {
        return new RunbookRunner(journalDir(), clock);
    }

    @Override
    public void close() {
        engines.values().forEach(DockerGateway::close);
        engines.clear();
    }
}
