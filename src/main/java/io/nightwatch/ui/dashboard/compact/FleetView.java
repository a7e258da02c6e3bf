package io.nightwatch.ui.dashboard.compact;

import io.nightwatch.ui.dashboard.DashboardViewModel;
import io.nightwatch.ui.dashboard.HostModel;
import io.nightwatch.ui.dashboard.ServiceTileModel;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole fleet at once (issue 16): a line per host with a small cell per service, fed by the same models as the
 * tiles. Hosts with problems come first (most problems first), then the rest in profile order; a host can be folded.
 * Re-sorted only when a tile's problem state changes, not on every figure.
 */
public final class FleetView extends VBox {

    private final DashboardViewModel model;
    private final Map<HostModel, HostRow> rows = new IdentityHashMap<>();
    private final Map<ServiceTileModel, Boolean> watched = new IdentityHashMap<>();

    public FleetView(DashboardViewModel model) {
        this.model = model;
        getStyleClass().add("fleet");
        setId("fleet-view");
        model.getHosts().addListener((ListChangeListener<HostModel>) c -> sync());
        sync();
    }

    private void sync() {
        for (HostModel host : model.getHosts()) {
            rows.computeIfAbsent(host, h -> {
                HostRow row = new HostRow(h);
                h.getTiles().addListener((ListChangeListener<ServiceTileModel>) c -> {
                    watchTiles(h, row);
                    row.update();
                    order();
                });
                watchTiles(h, row);
                return row;
            });
        }
        rows.keySet().retainAll(model.getHosts());
        order();
    }

    private void watchTiles(HostModel host, HostRow row) {
        for (ServiceTileModel tile : host.getTiles()) {
            if (watched.put(tile, Boolean.TRUE) != null) continue;
            final boolean[] was = {tile.isProblem()};
            Runnable check = () -> {
                boolean now = tile.isProblem();
                if (now != was[0]) {
                    was[0] = now;
                    row.update();
                    order();
                }
            };
            tile.factsProperty().addListener((o, a, b) -> check.run());
            tile.flowProperty().addListener((o, a, b) -> check.run());
        }
    }

    /** Most problems first; equal counts keep profile order (the sort is stable). */
    private void order() {
        List<HostRow> sorted = new ArrayList<>();
        for (HostModel host : model.getHosts()) sorted.add(rows.get(host));
        sorted.sort(Comparator.comparingInt(HostRow::problemCount).reversed());
        List<Node> wanted = new ArrayList<>(sorted);
        if (!wanted.equals(getChildren())) getChildren().setAll(wanted);
    }

    /** Folds or opens every host (a keyboard shortcut for a long fleet). */
    public void setAllExpanded(boolean open) {
        rows.values().forEach(r -> r.expandedProperty().set(open));
    }

    /** For tests: the hosts in the order shown. */
    public List<String> hostOrder() {
        return getChildren().stream().map(n -> ((HostRow) n).host().name()).toList();
    }
}
