package io.nightwatch.ui.flow;

import io.nightwatch.flow.FlowState;
import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.ui.controls.Styles;
import io.nightwatch.ui.fx.NodeMirror;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** One pipeline: a header with its count, then its cards left to right (wrapping), the first without an arrow. */
final class LaneView extends VBox {

    LaneView(LaneModel lane) {
        getStyleClass().add("flow-lane");
        setId("lane-" + lane.pipeline().name().toLowerCase(Locale.ROOT));

        Glyph<FlowState> glyph = Glyph.flow();
        Label title = new Label(lane.title());
        title.getStyleClass().add("lane-title");
        Label summary = new Label();
        summary.getStyleClass().add("lane-summary");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(glyph, title, spacer, summary);
        header.getStyleClass().add("lane-header");
        header.setAlignment(Pos.CENTER_LEFT);

        FlowPane cards = new FlowPane();
        cards.getStyleClass().add("lane-cards");
        getChildren().addAll(header, cards);

        summary.textProperty().bind(lane.summaryProperty());
        glyph.stateProperty().bind(lane.stateProperty());
        lane.stateProperty().addListener((o, old, state) -> Styles.FLOW.apply(this, state));
        Styles.FLOW.apply(this, lane.stateProperty().get());

        cards.getChildren().addListener((ListChangeListener<Node>) c -> markFirst(cards));
        NodeMirror.mirror(lane.getCards(), cards.getChildren(), StageCardView::new, Presenters::release);
        markFirst(cards);
    }

    /** The first card has nothing before it: its connector keeps its room (cards stay aligned) but shows no arrow. */
    private static void markFirst(FlowPane cards) {
        for (int i = 0; i < cards.getChildren().size(); i++) {
            cards.getChildren().get(i).pseudoClassStateChanged(StageCardView.FIRST, i == 0);
        }
    }
}
