package io.nightwatch.ui.dashboard;

import io.nightwatch.health.HealthState;
import io.nightwatch.ui.controls.HealthTile;
import javafx.event.EventHandler;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * A tile's actions, on a click, the context-menu key or Enter: start, restart, logs, the matching runbook, and "not
 * deployed here" / "watch again". Built as it opens, so it always fits the tile's state and what the window wired.
 * Opening it counts as having looked at the tile: its NEW marker goes.
 */
final class TileMenu {

    static final String KEY = TileMenu.class.getName();

    private TileMenu() {}

    static void attach(HealthTile tile, ServiceTileModel model, DashboardViewModel dashboard) {
        ContextMenu menu = new ContextMenu();
        menu.getStyleClass().add("tile-menu");
        menu.setOnShowing(e -> {
            model.markSeen();
            menu.getItems().setAll(items(model, dashboard, tile.getScene() == null ? null : tile.getScene().getWindow()));
        });
        // filled once now too, so the items can be found (and fired) before the menu was ever shown
        menu.getItems().setAll(items(model, dashboard, null));
        tile.setContextMenu(menu);
        tile.setFocusTraversable(true);
        EventHandler<MouseEvent> click = e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) return;
            menu.show(tile, e.getScreenX(), e.getScreenY());
        };
        EventHandler<KeyEvent> key = e -> {
            if (e.getCode() != KeyCode.ENTER) return;
            menu.show(tile, javafx.geometry.Side.BOTTOM, 12, -40);
            e.consume();
        };
        tile.addEventHandler(MouseEvent.MOUSE_CLICKED, click);
        tile.addEventHandler(KeyEvent.KEY_PRESSED, key);
        tile.getProperties().put(KEY, new Handlers(click, key));
    }

    static void detach(HealthTile tile) {
        tile.setContextMenu(null);
        if (tile.getProperties().remove(KEY) instanceof Handlers h) {
            tile.removeEventHandler(MouseEvent.MOUSE_CLICKED, h.click());
            tile.removeEventHandler(KeyEvent.KEY_PRESSED, h.key());
        }
    }

    private record Handlers(EventHandler<MouseEvent> click, EventHandler<KeyEvent> key) {}

    /** The items for the tile as it is now; each has an id ("tile-action-restart") for tests and styling. */
    static List<MenuItem> items(ServiceTileModel model, DashboardViewModel dashboard, Window owner) {
        TileRef ref = TileRef.of(model.getFacts());
        TileActions actions = dashboard.tileActionsProperty().get();
        boolean notDeployed = ref.state() == HealthState.NOT_DEPLOYED;
        List<MenuItem> items = new ArrayList<>();
        if (actions.available() && !notDeployed) {
            items.add(item("start", DashboardWording.start(), () -> actions.start(ref, owner)));
            items.add(item("restart", DashboardWording.restart(), () -> actions.restart(ref, owner)));
            items.add(item("logs", DashboardWording.logs(), () -> actions.logs(ref, owner)));
        }
        if (!notDeployed) items.add(TileRunbook.item(model, ref.host(), dashboard.runbookOpenerProperty().get(), owner));
        if (actions.available()) {
            if (!items.isEmpty()) items.add(new SeparatorMenuItem());
            if (!notDeployed) {
                items.add(item("not-deployed", DashboardWording.notDeployed(), () -> actions.setNotDeployed(ref, true, owner)));
            } else if (actions.notDeployedByProfile(ref)) {
                MenuItem fixed = item("watch-again", DashboardWording.notDeployedByProfile(), () -> { });
                fixed.setDisable(true);
                items.add(fixed);
            } else {
                items.add(item("watch-again", DashboardWording.watchAgain(), () -> actions.setNotDeployed(ref, false, owner)));
            }
        }
        if (items.isEmpty()) {
            MenuItem none = item("none", DashboardWording.noActions(), () -> { });
            none.setDisable(true);
            items.add(none);
        }
        return items;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId("tile-action-" + id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
