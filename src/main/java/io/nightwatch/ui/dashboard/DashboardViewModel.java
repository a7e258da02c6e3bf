package io.nightwatch.ui.dashboard;

import io.nightwatch.text.Texts;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.health.EngineStatus;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.HealthState;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.ui.controls.GlyphTable;
import io.nightwatch.ui.controls.ViewHeader;
import io.nightwatch.ui.fx.AgeLine;
import io.nightwatch.ui.fx.FxBridge;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dashboard's state as JavaFX properties: hosts, their tiles, and the header's overall verdict. Health and flow
 * snapshots may be published from any thread; they reach the FX thread through one {@link FxBridge}, so a burst costs one
 * update and the newest snapshot wins. Everything else here runs on the FX thread.
 */
public final class DashboardViewModel implements ViewHeader<HealthState> {

    private static final Texts T = Texts.of(DashboardViewModel.class);

    private static final java.time.Duration MIN_STALE_AFTER = java.time.Duration.ofSeconds(10);

    private final Clock clock;
    private final java.time.Duration staleAfter;
    private final ObservableList<HostModel> hosts = FXCollections.observableArrayList();
    private final ObservableList<HostModel> hostsView = FXCollections.unmodifiableObservableList(hosts);
    private final ReadOnlyStringWrapper profileSource = new ReadOnlyStringWrapper(this, "profileSource");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", T.get("summary.waiting"));
    private final ReadOnlyStringWrapper lastUpdate = new ReadOnlyStringWrapper(this, "lastUpdate", T.get("age.none"));
    private final ReadOnlyObjectWrapper<HealthState> overallState = new ReadOnlyObjectWrapper<>(this, "overallState", HealthState.UNKNOWN);
    private final ReadOnlyStringWrapper overallText = new ReadOnlyStringWrapper(this, "overallText", T.get("overall.checking"));
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final FxBridge<HealthSnapshot> bridge = new FxBridge<>(this::apply);
    private final FxBridge<FlowSnapshot> flowBridge = new FxBridge<>(this::applyFlow);
    private final FxBridge<io.nightwatch.runbook.backup.BackupAges> backupBridge = new FxBridge<>(this::applyBackups);
    /** Checks the age line off the FX thread when it could have changed; the FX thread only hears of it when its words do. */
    private final io.nightwatch.ui.fx.FxTicker ageTicker = io.nightwatch.ui.fx.FxTicker.onChange(this::nextAgeCheck, this::ageKey, this::showAge);
    /** When the newest snapshot was taken; written by the monitor's thread, read by the age line on the FX thread. */
    private final java.util.concurrent.atomic.AtomicReference<Instant> lastSnapshotAt = new java.util.concurrent.atomic.AtomicReference<>();
    /** What the sections and tiles showed for the last snapshot handed over; guarded by {@code this}. */
    private List<Object> lastPicture;
    private final javafx.beans.property.ObjectProperty<io.nightwatch.ui.wizard.launch.RunbookOpener> runbookOpener =
            new javafx.beans.property.SimpleObjectProperty<>(this, "runbookOpener");
    private final ReadOnlyObjectWrapper<TileActions> tileActions = new ReadOnlyObjectWrapper<>(this, "tileActions", TileActions.NONE);

    /** Must be created on the FX thread; seeds one waiting tile per profile service so the layout is there at once. */
    public DashboardViewModel(StackProfile profile, Clock clock) {
        this.clock = clock;
        this.staleAfter = max(MIN_STALE_AFTER, profile.pollInterval().multipliedBy(3));
        profileSource.set(profile.source());
        for (DockerHostSpec host : profile.hosts()) {
            hosts.add(new HostModel(HostFacts.checking(host),
                    profile.servicesOn(host.name()).stream()
                            .map(s -> profile.deployed(s) ? TileFacts.waiting(s) : TileFacts.notDeployed(s)).toList()));
        }
        ageTicker.play();
    }

    /** Opens the recovery wizard from a DOWN or STALLED tile; null while the window offers no runbooks. FX thread. */
    public javafx.beans.property.ObjectProperty<io.nightwatch.ui.wizard.launch.RunbookOpener> runbookOpenerProperty() { return runbookOpener; }

    /** A view model fed by {@code monitor}; starting and closing the monitor stays with its owner. */
    public static DashboardViewModel watching(HealthMonitor monitor, Clock clock) {
        DashboardViewModel model = new DashboardViewModel(monitor.profile(), clock);
        monitor.addListener(model::publish);
        return model;
    }

    /**
     * Any thread, returns at once. A snapshot that would show exactly what is shown (the monitor reports every
     * poll; the services rarely change) only moves the age line's time: the FX thread is not woken for it.
     */
    public void publish(HealthSnapshot snapshot) {
        lastSnapshotAt.set(snapshot.takenAt());
        List<Object> picture = picture(snapshot);
        synchronized (this) { // compare and hand over as one step: racing publishers never leave an older picture shown
            if (picture.equals(lastPicture)) return;
            lastPicture = picture;
            bridge.publish(snapshot);
        }
    }

    /** The engines' and tiles' facts a snapshot turns into, in order: equal pictures look the same on screen. */
    private static List<Object> picture(HealthSnapshot snapshot) {
        List<Object> picture = new java.util.ArrayList<>(snapshot.engines().size() + snapshot.services().size());
        snapshot.engines().forEach(e -> picture.add(HostFacts.of(e)));
        snapshot.services().forEach(s -> picture.add(TileFacts.of(s)));
        return picture;
    }

    /** Any thread, returns at once: the tiles' sparklines and error lines follow the flow monitor. */
    public void publishFlow(FlowSnapshot snapshot) {
        flowBridge.publish(snapshot);
    }

    /** The newest verified backup per service, for the tiles' backup line; from any thread. */
    public void publishBackups(io.nightwatch.runbook.backup.BackupAges ages) {
        backupBridge.publish(ages);
    }

    /** The operator has looked at the window (it got focus): every "new" marker goes. FX thread. */
    public void markSeen() {
        hosts.forEach(HostModel::markSeen);
    }

    /** What a tile's menu does; {@link TileActions#NONE} (nothing offered but the menu's words) until the window wires it. */
    public void setTileActions(TileActions actions) {
        tileActions.set(actions == null ? TileActions.NONE : actions);
    }

    public javafx.beans.property.ReadOnlyObjectProperty<TileActions> tileActionsProperty() { return tileActions.getReadOnlyProperty(); }

    /** Stops the once-a-second age check; the model shows nothing new afterwards. */
    public void dispose() {
        ageTicker.stop();
    }

    private void apply(HealthSnapshot snapshot) {
        Map<String, List<ServiceHealth>> byHost = snapshot.services().stream()
                .collect(Collectors.groupingBy(s -> s.spec().host(), LinkedHashMap::new, Collectors.toList()));
        for (EngineStatus engine : snapshot.engines()) {
            HostFacts facts = HostFacts.of(engine);
            HostModel host = hostNamed(facts);
            host.showEngine(facts);
            // An engine not checked yet has no verdicts: keep the waiting tiles rather than emptying the section.
            if (facts.engine() != HostFacts.EngineState.CHECKING || byHost.containsKey(engine.host())) {
                host.showServices(byHost.getOrDefault(engine.host(), List.of()), snapshot.takenAt(), clock.getZone());
            }
        }
        showOverall(snapshot);
        showAge();
    }

    private void applyFlow(FlowSnapshot snapshot) {
        Map<String, TileFlow> byService = TileFlow.byService(snapshot);
        hosts.forEach(host -> host.showFlow(byService, snapshot.takenAt(), clock.getZone()));
    }

    private void applyBackups(io.nightwatch.runbook.backup.BackupAges ages) {
        hosts.forEach(host -> host.showBackups(ages, ages.readAt())); // ages as of the reading, refreshed each minute
    }

    private HostModel hostNamed(HostFacts facts) {
        Optional<HostModel> known = hosts.stream().filter(h -> h.name().equals(facts.name())).findFirst();
        if (known.isPresent()) return known.get();
        HostModel added = new HostModel(facts, List.of());
        hosts.add(added);
        return added;
    }

    private void showOverall(HealthSnapshot snapshot) {
        Map<HealthState, Long> counts = new EnumMap<>(HealthState.class);
        hosts.stream().flatMap(h -> h.getTiles().stream())
                .forEach(t -> counts.merge(t.getFacts().state(), 1L, Long::sum));
        long notDeployed = counts.getOrDefault(HealthState.NOT_DEPLOYED, 0L);
        // a service not deployed on its host is not watched: it is neither counted as a service nor as down
        long total = counts.values().stream().mapToLong(Long::longValue).sum() - notDeployed;
        HealthState worst = counts.keySet().stream().reduce(HealthState.UP, (a, b) -> b.worseThan(a) ? b : a);
        overallState.set(worst);
        overallText.set(total > 0 && worst == HealthState.UP ? T.get("overall.allUp") : io.nightwatch.ui.controls.Styles.HEALTH.label(worst));

        StringBuilder text = new StringBuilder(T.get(total == 1 ? "summary.services.one" : "summary.services.many", total));
        for (HealthState state : List.of(HealthState.UP, HealthState.DEGRADED, HealthState.DOWN, HealthState.UNKNOWN)) {
            long n = counts.getOrDefault(state, 0L);
            String key = "summary." + state.name() + (n == 1 ? ".one" : ".many");
            if (n > 0) text.append(" · ").append(T.get(key, n));
        }
        if (notDeployed > 0) text.append(" · ").append(T.get("summary.notDeployed", notDeployed));
        long unreachable = snapshot.engines().stream().filter(e -> HostFacts.of(e).engine() == HostFacts.EngineState.UNREACHABLE).count();
        if (unreachable > 0) text.append(" · ").append(T.get(unreachable == 1 ? "summary.unreachable.one" : "summary.unreachable.many", unreachable));
        summary.set(text.toString());
    }

    /** Says when the last news came, and flags it when the monitor has gone quiet for too long. */
    private void showAge() {
        AgeLine.Reading reading = ageReading();
        if (reading == null) return;
        stale.set(reading.stale());
        lastUpdate.set(reading.text());
    }

    /** What the age line worded now depends on, or null before the first snapshot: fresh, the minute of the newest
     * snapshot; stale, the second now. Read every second on the ticker's thread, so it words nothing itself (wording
     * the line each time cost a millisecond a second). Zone offsets are whole minutes. */
    private AgeKey ageKey() {
        Instant newest = lastSnapshotAt.get();
        if (newest == null) return null;
        Instant now = clock.instant();
        boolean stale = java.time.Duration.between(newest, now).compareTo(staleAfter) > 0;
        return new AgeKey(stale, stale ? now.getEpochSecond() : Math.floorDiv(newest.getEpochSecond(), 60));
    }

    private record AgeKey(boolean stale, long secondOrMinute) {}

    /**
     * When the age line must be looked at again: stale, in a second (it counts seconds); fresh, just after it would
     * turn stale if no snapshot came, at most 10 s on (a newer snapshot's minute). Snapshots keep coming every poll, so
     * while the stack answers the check comes every few seconds, not every second.
     */
    private java.time.Duration nextAgeCheck() {
        Instant newest = lastSnapshotAt.get();
        java.time.Duration second = java.time.Duration.ofSeconds(1);
        if (newest == null) return second;
        java.time.Duration untilStale = java.time.Duration.between(clock.instant(), newest.plus(staleAfter)).plusMillis(50);
        if (untilStale.compareTo(second) < 0) return second;
        return untilStale.compareTo(AGE_CHECK_AT_MOST) > 0 ? AGE_CHECK_AT_MOST : untilStale;
    }

    private static final java.time.Duration AGE_CHECK_AT_MOST = java.time.Duration.ofSeconds(10);

    /** The age line as of now, or null before the first snapshot; any thread. */
    private AgeLine.Reading ageReading() {
        Instant newest = lastSnapshotAt.get();
        if (newest == null) return null;
        return new AgeLine(T.get("age.fresh"), T.get("age.silent")).read(newest, clock.instant(), staleAfter, clock.getZone());
    }

    private static java.time.Duration max(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public ObservableList<HostModel> getHosts() { return hostsView; }
    public ReadOnlyStringProperty profileSourceProperty() { return profileSource.getReadOnlyProperty(); }
    /** E.g. "7 services · 5 up · 2 down · 1 engine unreachable". */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastUpdateProperty() { return lastUpdate.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<HealthState> overallStateProperty() { return overallState.getReadOnlyProperty(); }
    /** "ALL UP", "DEGRADED", "DOWN", "UNKNOWN", or "CHECKING" before the first snapshot. */
    public ReadOnlyStringProperty overallTextProperty() { return overallText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty staleProperty() { return stale.getReadOnlyProperty(); }
    @Override
    public GlyphTable<HealthState> verdictGlyphs() { return GlyphTable.HEALTH; }
}
