package io.nightwatch.ui.dashboard;

import io.nightwatch.text.Texts;
import io.nightwatch.health.HealthState;
import io.nightwatch.health.ServiceHealth;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One Docker host: its engine and its services' tiles, kept in name order so tiles never jump around. */
public final class HostModel {

    private static final Texts T = Texts.of(HostModel.class);

    private final String name;
    private final ReadOnlyObjectWrapper<HostFacts> engine;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<ServiceTileModel> tiles = FXCollections.observableArrayList();
    private final ObservableList<ServiceTileModel> tilesView = FXCollections.unmodifiableObservableList(tiles);

    HostModel(HostFacts initial, List<TileFacts> seeded) {
        this.name = initial.name();
        this.engine = new ReadOnlyObjectWrapper<>(this, "engine", initial);
        seeded.stream().sorted(Comparator.comparing(TileFacts::title)).map(ServiceTileModel::new).forEach(tiles::add);
        reorder(List.copyOf(tiles));
        updateSummary();
    }

    public String name() { return name; }
    public ReadOnlyObjectProperty<HostFacts> engineProperty() { return engine.getReadOnlyProperty(); }
    public HostFacts getEngine() { return engine.get(); }
    /** E.g. "5 of 7 up". */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ObservableList<ServiceTileModel> getTiles() { return tilesView; }

    void showEngine(HostFacts facts) {
        if (!facts.equals(engine.get())) engine.set(facts);
    }

    /**
     * Updates tiles in place. A profile service missing from this snapshot keeps its tile (its verdict may simply be
     * on its way); a discovered one that is gone loses it.
     */
    void showServices(List<ServiceHealth> services) {
        showServices(services, java.time.Instant.now(), java.time.ZoneId.systemDefault());
    }

    void showServices(List<ServiceHealth> services, java.time.Instant at, java.time.ZoneId zone) {
        Map<String, ServiceTileModel> existing = new HashMap<>();
        tiles.forEach(t -> existing.put(t.id(), t));
        Map<String, ServiceTileModel> wanted = new LinkedHashMap<>();
        for (ServiceHealth health : services) {
            TileFacts facts = TileFacts.of(health);
            ServiceTileModel tile = existing.computeIfAbsent(facts.id(), id -> new ServiceTileModel(facts));
            tile.show(facts);
            wanted.put(tile.id(), tile);
        }
        tiles.stream().filter(t -> !t.getFacts().discovered()).forEach(t -> wanted.putIfAbsent(t.id(), t));
        wanted.values().forEach(t -> t.trackProblem(at, zone));
        reorder(wanted.values());
        updateSummary();
    }

    /**
     * Problems first (DOWN, DEGRADED, a stalled flow), then the rest, then what is not deployed; by name within each,
     * so tiles move only when their state does. A Redis crash is then the first tile, above the fold.
     */
    private void reorder(java.util.Collection<ServiceTileModel> models) {
        List<ServiceTileModel> ordered = new ArrayList<>(models);
        ordered.sort(Comparator.comparingInt(ServiceTileModel::rank)
                .thenComparing((ServiceTileModel t) -> t.getFacts().title()).thenComparing(ServiceTileModel::id));
        if (!ordered.equals(tiles)) tiles.setAll(ordered); // only a real change re-lays the tiles
    }

    void markSeen() {
        tiles.forEach(ServiceTileModel::markSeen);
    }

    /** Gives each tile its flow figures; a tile the snapshot does not mention keeps what it showed. */
    void showFlow(Map<String, TileFlow> byService) {
        showFlow(byService, java.time.Instant.now(), java.time.ZoneId.systemDefault());
    }

    void showFlow(Map<String, TileFlow> byService, java.time.Instant at, java.time.ZoneId zone) {
        for (ServiceTileModel tile : tiles) {
            TileFlow flow = byService.get(tile.id());
            if (flow != null) {
                tile.showFlow(flow);
                tile.trackProblem(at, zone);
            }
        }
        reorder(List.copyOf(tiles));
    }

    /** Gives each tile its backup line (by service name: backup sets know services by name). */
    void showBackups(io.nightwatch.runbook.backup.BackupAges ages, java.time.Instant now) {
        for (ServiceTileModel tile : tiles) tile.showBackup(TileBackup.of(ages, tile.getFacts().title(), now));
    }

    private void updateSummary() {
        long up = tiles.stream().filter(t -> t.getFacts().state() == HealthState.UP).count();
        long watched = tiles.stream().filter(t -> t.getFacts().state() != HealthState.NOT_DEPLOYED).count();
        summary.set(T.get("host.summary", up, watched)
                + (watched < tiles.size() ? " · " + T.get("summary.notDeployed", tiles.size() - watched) : ""));
    }
}
