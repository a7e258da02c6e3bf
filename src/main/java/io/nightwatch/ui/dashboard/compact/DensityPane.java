package io.nightwatch.ui.dashboard.compact;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.dashboard.DashboardView;
import io.nightwatch.ui.dashboard.DashboardViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Health view's body in one of two densities over the same model: large tiles, or the compact fleet (a cell per
 * service). Only the one shown is in the scene, so the other costs no layout or drawing; each is built the first time
 * it is asked for. A fleet larger than {@value #COMPACT_FROM} services opens compact.
 */
public final class DensityPane extends VBox {

    /** More services than fit on a screen of tiles: the fleet is read at once, not scrolled through. */
    public static final int COMPACT_FROM = 40;

    public enum Density { TILES, COMPACT }

    private static final Texts T = Texts.of(DensityPane.class);

    private final DashboardViewModel model;
    private final ObjectProperty<Density> density = new SimpleObjectProperty<>(this, "density");
    private final ToggleButton tiles = new ToggleButton(T.get("density.tiles"));
    private final ToggleButton compact = new ToggleButton(T.get("density.compact"));
    private final VBox body = new VBox();
    private DashboardView tileView;
    private FleetView fleetView;

    public DensityPane(DashboardViewModel model) {
        this.model = model;
        getStyleClass().add("density-pane");
        ToggleGroup group = new ToggleGroup();
        tiles.setToggleGroup(group);
        compact.setToggleGroup(group);
        tiles.setId("density-tiles");
        compact.setId("density-compact");
        tiles.getStyleClass().addAll("density-button", "nav-first");
        compact.getStyleClass().addAll("density-button", "nav-last");
        tiles.setTooltip(new Tooltip(T.get("density.tiles.tip")));
        compact.setTooltip(new Tooltip(T.get("density.compact.tip")));
        Region grow = new Region();
        HBox.setHgrow(grow, javafx.scene.layout.Priority.ALWAYS);
        HBox bar = new HBox(grow, tiles, compact);
        bar.getStyleClass().add("density-bar");
        getChildren().setAll(bar, body);
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) old.setSelected(true); // one is always chosen
            else density.set(now == compact ? Density.COMPACT : Density.TILES);
        });
        density.addListener((o, old, now) -> show(now));
        density.set(serviceCount() > COMPACT_FROM ? Density.COMPACT : Density.TILES);
    }

    public ObjectProperty<Density> densityProperty() {
        return density;
    }

    private int serviceCount() {
        return model.getHosts().stream().mapToInt(h -> h.getTiles().size()).sum();
    }

    private void show(Density d) {
        (d == Density.COMPACT ? compact : tiles).setSelected(true);
        Node shown;
        if (d == Density.COMPACT) {
            if (fleetView == null) fleetView = new FleetView(model);
            shown = fleetView;
        } else {
            if (tileView == null) tileView = new DashboardView(model);
            shown = tileView;
        }
        body.getChildren().setAll(shown);
    }

    /** The compact view, once shown. */
    public java.util.Optional<FleetView> fleet() {
        return java.util.Optional.ofNullable(fleetView);
    }
}
