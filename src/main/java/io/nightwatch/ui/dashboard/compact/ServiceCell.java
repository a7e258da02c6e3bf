package io.nightwatch.ui.dashboard.compact;

import io.nightwatch.flow.FlowState;
import io.nightwatch.health.HealthState;
import io.nightwatch.text.Texts;
import io.nightwatch.ui.dashboard.ServiceTileModel;
import io.nightwatch.ui.dashboard.TileFacts;
import io.nightwatch.ui.fx.EnumStyles;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * One service in the compact view: a dot in its state's colour and its name; the state word and the reason in the
 * tooltip (colour is never the only signal: a problem cell is also bold and framed). Updates only when its facts change.
 */
final class ServiceCell extends Label {

    private static final Texts T = Texts.of(ServiceCell.class);
    private static final EnumStyles<HealthState> STATES = EnumStyles.of(HealthState.class, HealthState.UNKNOWN);
    private static final PseudoClass STALLED = PseudoClass.getPseudoClass("stalled");
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final ServiceTileModel tile;
    private final Tooltip tip = new Tooltip();

    ServiceCell(ServiceTileModel tile, String host) {
        this.tile = tile;
        getStyleClass().add("fleet-cell");
        setId("cell-" + host + "-" + tile.getFacts().title());
        Region dot = new Region();
        dot.getStyleClass().add("fleet-dot");
        setGraphic(dot);
        setTooltip(tip);
        setMnemonicParsing(false);
        // weak enough: the cell lives as long as its host row, which lives as long as the model's host
        tile.factsProperty().addListener((o, old, now) -> show());
        tile.flowProperty().addListener((o, old, now) -> show());
        show();
    }

    private void show() {
        TileFacts f = tile.getFacts();
        boolean stalled = tile.getFlow().state() == FlowState.STALLED;
        setText(f.title());
        STATES.apply(this, f.state());
        STATES.apply(getGraphic(), f.state());
        pseudoClassStateChanged(STALLED, stalled);
        getGraphic().pseudoClassStateChanged(STALLED, stalled);
        pseudoClassStateChanged(PROBLEM, tile.isProblem());
        String state = stalled ? T.get("cell.stalled") : T.get("cell.state." + f.state().name());
        tip.setText(T.get("cell.tip", f.title(), state, f.reason()));
    }

    ServiceTileModel tile() {
        return tile;
    }
}
