package io.nightwatch.ui.dashboard;

import io.nightwatch.alerts.RunbookHints.Scenario;
import io.nightwatch.ui.wizard.launch.RunbookOpener;
import io.nightwatch.ui.wizard.recovery.RecoveryWording;
import javafx.scene.control.MenuItem;

import java.util.Optional;

/**
 * The tile's "Open runbook" entry in its menu ({@link TileMenu}), enabled while the service is DOWN or its flow
 * STALLED and a recovery fits it.
 */
final class TileRunbook {

    static final String ITEM_ID = "tile-open-runbook";

    private TileRunbook() {}

    /** The entry as it fits the tile now: the matching scenario, else disabled with "none fits". */
    static MenuItem item(ServiceTileModel model, String host, RunbookOpener opener, javafx.stage.Window owner) {
        Optional<Scenario> fits = scenario(model, host, opener);
        MenuItem item = new MenuItem(fits.map(RecoveryWording::openRunbook).orElse(RecoveryWording.OPEN_RUNBOOK_NONE));
        item.setId(ITEM_ID);
        item.setDisable(fits.isEmpty());
        fits.ifPresent(s -> item.setOnAction(e -> opener.openRunbook(s.id(), model.getFacts().title(), host, owner)));
        return item;
    }

    /** The scenario that fits the tile now, if runbooks are offered at all. */
    static Optional<Scenario> scenario(ServiceTileModel model, String host, RunbookOpener opener) {
        if (opener == null) return Optional.empty();
        return opener.scenarioFor(model.getFacts().title(), host, model.getFacts().state(), model.getFlow().state());
    }
}
