package io.nightwatch.ui.flow;

import io.nightwatch.flow.FlowState;
import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.ui.controls.Styles;
import io.nightwatch.ui.controls.Sparkline;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;

/**
 * One lane position: a connector (an arrow when data moves in from the card before) and the card: state badge,
 * title, where it runs, the current figure, the sparkline and one line of detail. Nodes only; the facts come worded.
 */
final class StageCardView extends HBox {

    static final PseudoClass FIRST = PseudoClass.getPseudoClass("first");
    private static final PseudoClass STEP = PseudoClass.getPseudoClass("step");
    private static final PseudoClass CANARY = PseudoClass.getPseudoClass("canary");

    private final Glyph<FlowState> glyph = Glyph.flow();
    private final Label state = label("stage-state");
    private final Label title = label("stage-title");
    private final Label origin = label("stage-origin");
    private final Label value = label("stage-value");
    private final Label unit = label("stage-unit");
    private final Sparkline sparkline = new Sparkline();
    private final Label detail = label("stage-detail");
    private final VBox card = new VBox();
    private final Tooltip tooltip = new Tooltip();

    StageCardView(LiveItem<StageCardFacts> item) {
        getStyleClass().add("stage-item");
        setId("stage-" + item.id().replaceAll("[^A-Za-z0-9_-]", "-"));
        setAlignment(Pos.CENTER_LEFT);

        SVGPath arrow = new SVGPath();
        arrow.setContent("M0 8 L15 8 M9 2 L15 8 L9 14");
        arrow.getStyleClass().add("lane-arrow");
        StackPane connector = new StackPane(arrow);
        connector.getStyleClass().add("lane-connector");

        HBox badge = new HBox(glyph, state);
        badge.getStyleClass().add("stage-badge");
        badge.setAlignment(Pos.CENTER_LEFT);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(badge);
        top.getStyleClass().add("stage-top");
        top.setAlignment(Pos.CENTER_LEFT);

        title.setWrapText(true);
        title.setAlignment(Pos.TOP_LEFT);
        title.setMaxWidth(Double.MAX_VALUE);
        sparkline.getStyleClass().add("stage-sparkline");
        sparkline.setMaxWidth(Double.MAX_VALUE);
        value.setMinWidth(Region.USE_PREF_SIZE);
        HBox figure = new HBox(value, unit);
        figure.getStyleClass().add("stage-figure");
        figure.setAlignment(Pos.BASELINE_LEFT);
        detail.setWrapText(true);
        detail.setAlignment(Pos.TOP_LEFT);
        detail.setMaxWidth(Double.MAX_VALUE);

        card.getStyleClass().add("stage-card");
        card.getChildren().addAll(top, title, origin, figure, sparkline, detail);
        getChildren().addAll(connector, card);
        Tooltip.install(card, tooltip);

        Presenters.follow(item, this, this::show);
    }

    private void show(StageCardFacts facts) {
        Styles.FLOW.apply(card, facts.state());
        Styles.FLOW.apply(this, facts.state());
        pseudoClassStateChanged(STEP, facts.step());
        card.pseudoClassStateChanged(CANARY, facts.canary());
        glyph.setState(facts.state());
        state.setText(Styles.FLOW.label(facts.state()));
        title.setText(facts.title());
        origin.setText(facts.origin());
        value.setText(facts.value());
        unit.setText(facts.unit());
        sparkline.setSpan(facts.span());
        sparkline.show(facts.history(), facts.state());
        detail.setText(facts.detail());
        tooltip.setText(facts.title() + " (" + facts.origin() + ")\n" + Styles.FLOW.label(facts.state()) + ": " + facts.figure()
                + (facts.detail().isEmpty() ? "" : "\n" + facts.detail()));
    }


    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setMinWidth(0);
        return label;
    }
}
