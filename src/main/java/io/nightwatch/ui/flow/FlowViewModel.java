package io.nightwatch.ui.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.flow.CanaryResult;
import io.nightwatch.flow.ContainerErrors;
import io.nightwatch.flow.DiskHeadroom;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.Pipeline;
import io.nightwatch.flow.Series;
import io.nightwatch.flow.StageCatalog;
import io.nightwatch.flow.StageSpec;
import io.nightwatch.flow.StageStatus;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.ui.controls.GlyphTable;
import io.nightwatch.ui.controls.ViewHeader;
import io.nightwatch.ui.fx.FxTicker;
import io.nightwatch.ui.fx.AgeLine;
import io.nightwatch.ui.fx.FxBridge;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The flow view's state as JavaFX properties: one lane per pipeline with its stage and canary cards, the data
 * volumes, the containers' error lines, and a headline ("1 STALLED"). Snapshots may be published from any thread;
 * they reach the FX thread through one {@link FxBridge} (newest wins). Everything is keyed by id and updated in
 * place, so a card's node lives as long as the window.
 */
public final class FlowViewModel implements ViewHeader<FlowState> {

    private static final Texts T = Texts.of(FlowViewModel.class);

    private static final java.time.Duration MIN_STALE_AFTER = java.time.Duration.ofSeconds(15);
    private static final int CANARY_TRAIL = 60;

    private final Clock clock;
    private final Map<String, Integer> hostOrder = new HashMap<>();
    private final Map<String, ServiceSpec> services = new HashMap<>();
    private final List<LaneModel> lanes = new ArrayList<>();
    private final ObservableList<LiveItem<DiskFacts>> disks = FXCollections.observableArrayList();
    private final ObservableList<LiveItem<ErrorFacts>> errors = FXCollections.observableArrayList();
    private final ObservableList<LiveItem<DiskFacts>> disksView = FXCollections.unmodifiableObservableList(disks);
    private final ObservableList<LiveItem<ErrorFacts>> errorsView = FXCollections.unmodifiableObservableList(errors);
    private final Map<String, CanaryTrail> canaryTrails = new HashMap<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", T.get("summary.waiting"));
    private final ReadOnlyStringWrapper lastUpdate = new ReadOnlyStringWrapper(this, "lastUpdate", T.get("age.none"));
    private final ReadOnlyObjectWrapper<FlowState> overallState = new ReadOnlyObjectWrapper<>(this, "overallState", FlowState.UNKNOWN);
    private final ReadOnlyStringWrapper overallText = new ReadOnlyStringWrapper(this, "overallText", T.get("overall.waiting"));
    private final ReadOnlyIntegerWrapper stalledCount = new ReadOnlyIntegerWrapper(this, "stalledCount");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final FxBridge<FlowSnapshot> bridge = new FxBridge<>(this::apply);
    /** Not a Timeline: a playing one keeps the FX pulse at 60 Hz (see FxTicker). */
    private final FxTicker ageTicker = new FxTicker(java.time.Duration.ofSeconds(1), () -> showAge());
    private boolean shown = true;
    /** The newest cards while the view is hidden; shown at once when it is shown again. */
    private Cards deferred;
    /** The ids of the cards laid out before any reading: they stay when a snapshot does not name them. */
    private final Set<String> seededIds = new HashSet<>();
    private boolean disposed;
    private java.time.Duration staleAfter = MIN_STALE_AFTER;
    private Instant lastSnapshotAt;
    private Runnable detach = () -> { };

    /**
     * Must be created on the FX thread; lays out one waiting card per stage of every profile service, so the lanes
     * are there at once.
     */
    public FlowViewModel(StackProfile profile, FlowSettings settings, Clock clock) {
        this.clock = clock;
        List<DockerHostSpec> hosts = profile.hosts();
        for (int i = 0; i < hosts.size(); i++) hostOrder.put(hosts.get(i).name(), i);
        Map<Pipeline, List<StageCardFacts>> seeded = new EnumMap<>(Pipeline.class);
        for (ServiceSpec service : profile.deployedServices()) { // one not deployed on its host has no flow to wait for
            services.put(service.id(), service);
            for (StageSpec spec : StageCatalog.forKind(service.kind())) {
                seeded.computeIfAbsent(spec.pipeline(), p -> new ArrayList<>())
                        .add(StageCardFacts.waiting(service, spec, settings.history(), hostIndex(service.host())));
            }
        }
        for (Pipeline pipeline : Pipeline.values()) lanes.add(new LaneModel(pipeline, seeded.getOrDefault(pipeline, List.of())));
        seeded.values().forEach(cards -> cards.forEach(c -> seededIds.add(c.id())));
        staleAfter = max(MIN_STALE_AFTER, settings.interval().multipliedBy(3));
        ageTicker.play();
    }

    /** A view model fed by {@code monitor}; starting and closing the monitor stays with its owner. */
    public static FlowViewModel watching(FlowMonitor monitor, StackProfile profile, Clock clock) {
        FlowViewModel model = new FlowViewModel(profile, monitor.settings(), clock);
        Consumer<FlowSnapshot> listener = model::publish;
        monitor.addListener(listener);
        model.detach = () -> monitor.removeListener(listener);
        return model;
    }

    /** Any thread, returns at once. */
    public void publish(FlowSnapshot snapshot) {
        bridge.publish(snapshot);
    }

    /**
     * Whether the window shows this view: a hidden one's age line does not tick and its cards are not updated (issue
     * 16, hidden views stop their work); shown again, it is brought up to date at once. Snapshots are still taken in,
     * for the header's counts and the canaries' trails.
     */
    public void setShown(boolean isShown) {
        if (disposed || isShown == shown) return;
        shown = isShown;
        if (isShown) {
            if (deferred != null) showCards(deferred);
            deferred = null;
            showAge();
            ageTicker.play();
        } else {
            ageTicker.stop();
        }
    }

    /** Stops listening and the once-a-second age check. */
    public void dispose() {
        disposed = true;
        detach.run();
        ageTicker.stop();
    }

    private void apply(FlowSnapshot snapshot) {
        java.time.Duration span = snapshot.settings().history();
        staleAfter = max(MIN_STALE_AFTER, snapshot.settings().interval().multipliedBy(3));
        Map<String, String> kindOf = new HashMap<>();
        Map<Pipeline, List<StageCardFacts>> byLane = new EnumMap<>(Pipeline.class);
        for (StageStatus stage : snapshot.stages()) {
            kindOf.put(stage.serviceId(), stage.spec().kind().id());
            byLane.computeIfAbsent(stage.spec().pipeline(), p -> new ArrayList<>())
                    .add(StageCardFacts.of(stage, span, hostIndex(stage.host())));
        }
        for (CanaryResult canary : snapshot.canaries()) { // a canary's trail grows with every snapshot, shown or not
            Pipeline lane = laneOf(canary, kindOf);
            Series trail = canaryTrails.computeIfAbsent(StageCardFacts.canaryId(canary), id -> new CanaryTrail(CANARY_TRAIL)).add(canary);
            byLane.computeIfAbsent(lane, p -> new ArrayList<>()).add(StageCardFacts.of(canary, lane,
                    serviceName(canary.serviceId()), hostOf(canary.serviceId()), trail, span, hostIndex(hostOf(canary.serviceId()))));
        }
        boolean anyStages = !snapshot.stages().isEmpty() || !snapshot.canaries().isEmpty();
        List<DiskFacts> diskFacts = new ArrayList<>();
        for (DiskHeadroom disk : snapshot.disks()) {
            diskFacts.add(DiskFacts.of(disk, serviceName(disk.serviceId()), hostOf(disk.serviceId()), hostIndex(hostOf(disk.serviceId()))));
        }
        List<ErrorFacts> errorFacts = new ArrayList<>();
        for (ContainerErrors e : snapshot.logErrors()) {
            errorFacts.add(ErrorFacts.of(e, serviceName(e.serviceId()), hostOf(e.serviceId()), hostIndex(hostOf(e.serviceId()))));
        }
        Cards cards = new Cards(anyStages ? byLane : null, diskFacts, errorFacts);
        // Hidden, the view only keeps the newest cards: nothing in it is laid out or painted until it is shown again.
        if (shown) showCards(cards);
        else deferred = deferred == null ? cards : deferred.then(cards, seededIds);
        lastSnapshotAt = snapshot.takenAt();
        showOverall(anyStages);
        showAge();
    }

    /** What the view's lanes and lists show after a snapshot; {@code byLane} null when it named no stage. */
    private record Cards(Map<Pipeline, List<StageCardFacts>> byLane, List<DiskFacts> disks, List<ErrorFacts> errors) {

        /**
         * These cards, then {@code next}, as one: showing the result does what showing both in turn would (a seeded
         * card the newer snapshot does not name keeps what the older one said).
         */
        Cards then(Cards next, Set<String> seededIds) {
            if (next.byLane() == null || byLane == null) return new Cards(next.byLane() == null ? byLane : next.byLane(), next.disks(), next.errors());
            Map<Pipeline, List<StageCardFacts>> merged = new EnumMap<>(Pipeline.class);
            for (Pipeline pipeline : Pipeline.values()) {
                List<StageCardFacts> newer = next.byLane().getOrDefault(pipeline, List.of());
                Set<String> named = newer.stream().map(StageCardFacts::id).collect(Collectors.toSet());
                List<StageCardFacts> lane = new ArrayList<>(newer);
                byLane.getOrDefault(pipeline, List.of()).stream()
                        .filter(f -> seededIds.contains(f.id()) && !named.contains(f.id())).forEach(lane::add);
                if (!lane.isEmpty()) merged.put(pipeline, lane);
            }
            return new Cards(merged, next.disks(), next.errors());
        }
    }

    /** Every stage card's state as the view shows it, or will once shown (the header counts them either way). */
    private List<FlowState> cardStates() {
        Map<Pipeline, List<StageCardFacts>> byLane = new EnumMap<>(Pipeline.class);
        for (LaneModel lane : lanes) byLane.put(lane.pipeline(), lane.getCards().stream().map(LiveItem::getFacts).toList());
        if (deferred != null) byLane = new Cards(byLane, List.of(), List.of()).then(deferred, seededIds).byLane();
        return byLane.values().stream().flatMap(List::stream).map(StageCardFacts::state).toList();
    }

    private void showCards(Cards cards) {
        if (cards.byLane() != null) {
            for (LaneModel lane : lanes) lane.show(cards.byLane().getOrDefault(lane.pipeline(), List.of()));
        }
        LiveList.sync(disks, cards.disks(), DiskFacts::id, Comparator.comparingInt(DiskFacts::hostOrder)
                .thenComparing(DiskFacts::service).thenComparing(DiskFacts::path));
        LiveList.sync(errors, cards.errors(), ErrorFacts::id, Comparator.comparingInt(ErrorFacts::hostOrder)
                .thenComparing(ErrorFacts::container));
    }

    /** The Loki canary belongs to the logs lane, the OTLP metric canary to the metrics lane. */
    private Pipeline laneOf(CanaryResult canary, Map<String, String> kindOf) {
        String kind = kindOf.getOrDefault(canary.serviceId(),
                services.containsKey(canary.serviceId()) ? services.get(canary.serviceId()).kind().id() : "");
        if (kind.equals(ServiceKind.LOKI.id())) return Pipeline.LOGS;
        if (kind.equals(ServiceKind.OTEL_COLLECTOR.id())) return Pipeline.METRICS;
        String name = canary.name().toLowerCase(Locale.ROOT);
        if (name.contains("trace") || name.contains("span")) return Pipeline.TRACES;
        return name.contains("log") ? Pipeline.LOGS : Pipeline.METRICS;
    }

    private void showOverall(boolean anyStages) {
        List<FlowState> states = cardStates();
        int stalled = (int) states.stream().filter(s -> s == FlowState.STALLED).count();
        stalledCount.set(stalled);
        FlowState overall = overall(states);
        overallState.set(anyStages ? overall : FlowState.UNKNOWN);
        if (!anyStages) overallText.set(T.get("overall.waiting"));
        else if (stalled > 0) overallText.set(T.get("overall.stalled", stalled));
        else if (overall == FlowState.UNKNOWN) overallText.set(T.get("overall.noFigures"));
        else overallText.set(io.nightwatch.ui.controls.Styles.FLOW.label(overall)); // FLOWING, or IDLE when nothing moves and nothing should
        summary.set(count(states));
    }

    /** STALLED wins, then FLOWING (something moves), then IDLE; UNKNOWN when nothing is known. */
    static FlowState overall(List<FlowState> states) {
        if (states.contains(FlowState.STALLED)) return FlowState.STALLED;
        if (states.contains(FlowState.FLOWING)) return FlowState.FLOWING;
        if (states.contains(FlowState.IDLE)) return FlowState.IDLE;
        return FlowState.UNKNOWN;
    }

    /** "24 stages · 15 flowing · 6 idle · 1 stalled · 2 unknown". */
    static String count(List<FlowState> states) {
        StringBuilder text = new StringBuilder(T.get(states.size() == 1 ? "count.stages.one" : "count.stages.many", states.size()));
        for (FlowState state : List.of(FlowState.FLOWING, FlowState.IDLE, FlowState.STALLED, FlowState.UNKNOWN)) {
            long n = states.stream().filter(s -> s == state).count();
            String key = "count." + state.name();
            if (n > 0) text.append(" · ").append(T.get(key, n));
        }
        return text.toString();
    }

    private void showAge() {
        if (lastSnapshotAt == null) return;
        AgeLine.Reading reading = new AgeLine(T.get("age.fresh"), T.get("age.silent")).read(lastSnapshotAt, clock.instant(), staleAfter, clock.getZone());
        stale.set(reading.stale());
        lastUpdate.set(reading.text());
    }

    private int hostIndex(String host) {
        return hostOrder.getOrDefault(host, hostOrder.size());
    }

    private String serviceName(String serviceId) {
        ServiceSpec spec = services.get(serviceId);
        if (spec != null) return spec.name();
        int slash = serviceId.indexOf('/');
        return slash < 0 ? serviceId : serviceId.substring(slash + 1);
    }

    private String hostOf(String serviceId) {
        ServiceSpec spec = services.get(serviceId);
        if (spec != null) return spec.host();
        int slash = serviceId.indexOf('/');
        return slash < 0 ? "" : serviceId.substring(0, slash);
    }

    private static java.time.Duration max(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** In {@link Pipeline} order, all of them, for the window's life. */
    public List<LaneModel> getLanes() { return List.copyOf(lanes); }
    public LaneModel lane(Pipeline pipeline) { return lanes.get(pipeline.ordinal()); }
    public ObservableList<LiveItem<DiskFacts>> getDisks() { return disksView; }
    public ObservableList<LiveItem<ErrorFacts>> getErrors() { return errorsView; }
    /** E.g. "24 stages · 15 flowing · 6 idle · 1 stalled · 2 unknown". */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastUpdateProperty() { return lastUpdate.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FlowState> overallStateProperty() { return overallState.getReadOnlyProperty(); }
    /** "WAITING", "FLOWING", "IDLE", "2 STALLED", "NO FIGURES". */
    public ReadOnlyStringProperty overallTextProperty() { return overallText.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty stalledCountProperty() { return stalledCount.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty staleProperty() { return stale.getReadOnlyProperty(); }
    @Override
    public GlyphTable<FlowState> verdictGlyphs() { return GlyphTable.FLOW; }
}
