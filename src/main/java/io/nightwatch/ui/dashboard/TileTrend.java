package io.nightwatch.ui.dashboard;

import io.nightwatch.ui.controls.Styles;
import io.nightwatch.ui.controls.Sparkline;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The tile's trend slot: the headline figure over its sparkline, both in the stage's flow state. */
final class TileTrend extends VBox {

    private final Label value = new Label();
    private final Sparkline sparkline = new Sparkline();
    private final Tooltip tooltip = new Tooltip();

    TileTrend() {
        getStyleClass().add("tile-trend-box");
        value.getStyleClass().add("tile-trend-value");
        value.setMinWidth(0);
        value.setMaxWidth(Double.MAX_VALUE);
        value.setAlignment(Pos.CENTER_RIGHT);
        sparkline.getStyleClass().add("tile-sparkline");
        sparkline.setMaxWidth(Double.MAX_VALUE);
        setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(value, sparkline);
        // Beside a long state word the slot narrows: the figure then steps aside whole (the tooltip keeps it), never cut.
        widthProperty().addListener((o, was, now) -> fitValue());
        value.textProperty().addListener((o, was, now) -> fitValue());
        Tooltip.install(this, tooltip);
    }

    private void fitValue() {
        value.setVisible(getWidth() <= 0 || value.prefWidth(-1) <= getWidth() + 0.5);
    }

    void show(TileFlow flow) {
        Styles.FLOW.apply(this, flow.state());
        value.setText(flow.value());
        sparkline.setSpan(flow.span());
        sparkline.show(flow.history(), flow.state());
        tooltip.setText(flow.trendTitle() + ": " + flow.value() + (flow.detail().isEmpty() ? "" : "\n" + flow.detail()));
    }

}
