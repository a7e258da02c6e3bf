package io.nightwatch.ui.dashboard;

import io.nightwatch.ui.controls.HealthTile;
import javafx.beans.value.ChangeListener;

/** Creates a tile for a service model and keeps it showing the model's newest facts until released. */
final class TilePresenter {

    private static final String LISTENER = TilePresenter.class.getName();
    private static final javafx.css.PseudoClass OFF_BASELINE = javafx.css.PseudoClass.getPseudoClass("off-baseline");

    private TilePresenter() {}

    static HealthTile create(ServiceTileModel model) {
        return create(model, null);
    }

    /** With {@code dashboard}: the tile also gets its actions menu and its NEW marker. */
    static HealthTile create(ServiceTileModel model, DashboardViewModel dashboard) {
        HealthTile tile = new HealthTile();
        // "tile-local-redis": a selector-safe id, handy for tests and for styling a single tile.
        tile.setId("tile-" + model.id().replaceAll("[^A-Za-z0-9_-]", "-"));
        ChangeListener<TileFacts> listener = (o, old, facts) -> show(tile, facts);
        ChangeListener<TileFlow> flowListener = (o, old, flow) -> showFlow(tile, flow);
        ChangeListener<TileBackup> backupListener = (o, old, backup) -> showBackup(tile, backup);
        model.factsProperty().addListener(listener);
        model.flowProperty().addListener(flowListener);
        model.backupProperty().addListener(backupListener);
        tile.newProblemProperty().bind(model.newProblemProperty());
        if (dashboard != null) TileMenu.attach(tile, model, dashboard);
        tile.getProperties().put(LISTENER, new Registration(model, listener, flowListener, backupListener));
        show(tile, model.getFacts());
        showFlow(tile, model.getFlow());
        showBackup(tile, model.getBackup());
        return tile;
    }

    static void release(HealthTile tile) {
        tile.newProblemProperty().unbind();
        TileMenu.detach(tile);
        if (tile.getProperties().remove(LISTENER) instanceof Registration r) {
            r.model().factsProperty().removeListener(r.listener());
            r.model().flowProperty().removeListener(r.flowListener());
            r.model().backupProperty().removeListener(r.backupListener());
        }
    }

    private record Registration(ServiceTileModel model, ChangeListener<TileFacts> listener,
                                ChangeListener<TileFlow> flowListener, ChangeListener<TileBackup> backupListener) {}

    static void showBackup(HealthTile tile, TileBackup backup) {
        tile.setBackupSummary(backup.summary());
        tile.setBackupOverdue(backup.overdue());
    }

    /** The sparkline appears with the first flow figures; a kind without a headline stage keeps the slot empty. */
    static void showFlow(HealthTile tile, TileFlow flow) {
        if (flow.hasTrend()) {
            TileTrend trend = tile.getTrend() instanceof TileTrend existing ? existing : new TileTrend();
            trend.show(flow);
            if (tile.getTrend() != trend) tile.setTrend(trend);
        }
        tile.setErrorSummary(flow.errorSummary());
        tile.setErrorsActive(flow.errorsActive());
        if (!tile.getErrorLines().equals(flow.errorLines())) tile.getErrorLines().setAll(flow.errorLines());
    }

    static void show(HealthTile tile, TileFacts facts) {
        tile.setTitle(facts.title());
        tile.setSubtitle(facts.subtitle());
        tile.setDiscovered(facts.discovered());
        tile.setVersion(facts.version());
        tile.setState(facts.state());
        tile.setReason(facts.reason());
        tile.setTransport(facts.transport());
        tile.setLatency(facts.latency());
        tile.setUptime(facts.uptime());
        tile.setRestarts(facts.restarts());
        tile.setMemoryFraction(facts.memoryFraction());
        tile.setMemoryLimited(facts.memoryLimited());
        tile.setMemoryText(facts.memoryText());
        if (!tile.getFindings().equals(facts.findings())) tile.getFindings().setAll(facts.findings());
        tile.pseudoClassStateChanged(OFF_BASELINE, facts.offBaseline());
    }
}
