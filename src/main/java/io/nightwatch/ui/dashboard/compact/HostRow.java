package io.nightwatch.ui.dashboard.compact;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.dashboard.HostModel;
import io.nightwatch.ui.dashboard.ServiceTileModel;
import io.nightwatch.ui.fx.NodeMirror;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A host in the compact view: one line (fold button, name, "5 of 7 up", problem count) and its services as small
 * cells, problems first (the host model orders them). A host with a problem opens by itself; one that is all well
 * can be folded to its line.
 */
final class HostRow extends VBox {

    private static final Texts T = Texts.of(HostRow.class);
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final HostModel host;
    private final ToggleButton fold = new ToggleButton();
    private final Label problems = new Label();
    private final FlowPane cells = new FlowPane();
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded", true);
    private boolean foldedByHand;

    HostRow(HostModel host) {
        this.host = host;
        getStyleClass().add("fleet-host");
        setId("fleet-host-" + host.name());
        fold.getStyleClass().add("fleet-fold");
        fold.setId("fleet-fold-" + host.name());
        fold.setMnemonicParsing(false);
        Label name = new Label(host.name());
        name.getStyleClass().add("fleet-host-name");
        Label summary = new Label();
        summary.getStyleClass().add("fleet-host-summary");
        summary.textProperty().bind(host.summaryProperty());
        problems.getStyleClass().add("fleet-host-problems");
        HBox line = new HBox(fold, name, summary, problems);
        line.getStyleClass().add("fleet-host-line");
        cells.getStyleClass().add("fleet-cells");
        NodeMirror.mirror(host.getTiles(), cells.getChildren(), tile -> new ServiceCell(tile, host.name()), cell -> { });
        getChildren().setAll(line, cells);

        fold.selectedProperty().bindBidirectional(expanded);
        fold.setOnAction(e -> foldedByHand = !expanded.get());
        expanded.addListener((o, was, open) -> showCells(open));
        host.summaryProperty().addListener((o, old, now) -> update());
        update();
    }

    /** Problems first among hosts, then by name: the sort key. */
    int problemCount() {
        int n = 0;
        for (ServiceTileModel t : host.getTiles()) if (t.isProblem()) n++;
        return n;
    }

    HostModel host() {
        return host;
    }

    BooleanProperty expandedProperty() {
        return expanded;
    }

    /** Called when a tile of this host changes: the count, the marker, and opening on a new problem. */
    void update() {
        int n = problemCount();
        problems.setText(n == 0 ? "" : T.get("host.problems", n));
        pseudoClassStateChanged(PROBLEM, n > 0);
        if (n > 0 && !foldedByHand) expanded.set(true);
        if (n == 0) foldedByHand = false;
        showCells(expanded.get());
    }

    private void showCells(boolean open) {
        cells.setVisible(open);
        cells.setManaged(open);
        fold.setText(open ? "▾" : "▸");
    }
}
