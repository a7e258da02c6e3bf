package io.nightwatch.ui.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.flow.FlowState;
import io.nightwatch.ui.controls.ErrorLinesPopOver;
import io.nightwatch.ui.controls.Sparkline;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * One container's error lines: name, rate per minute, the rate's sparkline and, when there are lines, a link that
 * opens the last of them. {@code :has-errors} while lines keep coming.
 */
final class ErrorRowView extends HBox {

    private static final Texts T = Texts.of(ErrorRowView.class);

    private static final PseudoClass HAS_ERRORS = PseudoClass.getPseudoClass("has-errors");
    private static final PseudoClass HAS_LINES = PseudoClass.getPseudoClass("has-error-lines");

    private final Label container = label("errors-container");
    private final Label summary = label("errors-summary");
    private final Sparkline trend = new Sparkline();
    private final Label open = label("errors-open");
    private ErrorFacts shown;

    ErrorRowView(LiveItem<ErrorFacts> item) {
        getStyleClass().add("errors-row");
        setId("errors-" + item.id().replaceAll("[^A-Za-z0-9_-]", "-"));
        setAlignment(Pos.CENTER_LEFT);
        container.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        trend.getStyleClass().add("errors-sparkline");
        summary.setMinWidth(Region.USE_PREF_SIZE); // a fixed column (CSS), so the sparklines line up
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setCursor(Cursor.HAND);
        open.setOnMouseClicked(e -> {
            openLines();
            e.consume();
        });
        getChildren().addAll(container, spacer, summary, trend, open);
        Presenters.follow(item, this, this::show);
    }

    private void show(ErrorFacts facts) {
        shown = facts;
        pseudoClassStateChanged(HAS_ERRORS, facts.active());
        pseudoClassStateChanged(HAS_LINES, !facts.lastLines().isEmpty());
        container.setText(facts.container());
        summary.setText(facts.problem().isEmpty() || facts.total() > 0 ? facts.summary() : facts.problem());
        // Errors are news, not flow: a rising line is STALLED-red, a quiet one IDLE-grey.
        trend.show(facts.history(), facts.active() ? FlowState.STALLED : FlowState.IDLE);
        open.setText(facts.openText());
        open.setVisible(!facts.lastLines().isEmpty());
    }

    void openLines() {
        if (shown == null || shown.lastLines().isEmpty()) return;
        ErrorLinesPopOver.toggle(open, T.get("errors.title", shown.container()), shown.summary(), shown.lastLines());
    }

    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setMinWidth(0);
        return label;
    }
}
