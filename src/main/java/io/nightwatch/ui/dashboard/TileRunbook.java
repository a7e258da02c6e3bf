package io.nightwatch.ui.dashboard;

import io.nightwatch.alerts.RunbookHints.Scenario;
import io.nightwatch.ui.controls.HealthTile;
import io.nightwatch.ui.wizard.launch.RunbookOpener;
import io.nightwatch.ui.wizard.recovery.RecoveryWording;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;

import java.util.Optional;

/**
 * The tile's "Open runbook" entry: an item of the tile's context menu (made here if the tile has none yet, so other
 * tile actions can share the menu), enabled while the service is DOWN or its flow STALLED and a recovery fits it.
 */
final class TileRunbook {

    static final String ITEM_ID = "tile-open-runbook";

    private TileRunbook() {}

    /** Adds the entry to {@code tile}'s context menu and returns the tile. */
    static HealthTile offer(HealthTile tile, ServiceTileModel model, String host, ObservableValue<RunbookOpener> runbooks) {
        ContextMenu menu = tile.getContextMenu() == null ? new ContextMenu() : tile.getContextMenu();
        MenuItem item = new MenuItem(RecoveryWording.OPEN_RUNBOOK);
        item.setId(ITEM_ID);
        // worked out when the menu opens: the state it shows is the state the operator acts on
        menu.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
            Optional<Scenario> fits = scenario(model, host, runbooks.getValue());
            item.setText(fits.map(RecoveryWording::openRunbook).orElse(RecoveryWording.OPEN_RUNBOOK_NONE));
            item.setDisable(fits.isEmpty());
        });
        item.setOnAction(e -> scenario(model, host, runbooks.getValue()).ifPresent(s -> runbooks.getValue()
                .openRunbook(s.id(), model.getFacts().title(), host, tile.getScene() == null ? null : tile.getScene().getWindow())));
        menu.getItems().add(item);
        tile.setContextMenu(menu);
        return tile;
    }

    /** The scenario that fits the tile now, if runbooks are offered at all. */
    static Optional<Scenario> scenario(ServiceTileModel model, String host, RunbookOpener opener) {
        if (opener == null) return Optional.empty();
        return opener.scenarioFor(model.getFacts().title(), host, model.getFacts().state(), model.getFlow().state());
    }
}
