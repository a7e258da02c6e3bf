package io.nightwatch.ui.wizard;

import io.nightwatch.ui.controls.Glyph;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The steps of a run, one row each: state icon, title, a line of detail, and the state's word. Rows follow their
 * {@link StepRow}'s properties; the list is rebuilt only when the plan changes.
 */
final class StepListView extends VBox {

    private final String idPrefix;

    /** @param idPrefix the rows' ids are this plus the step id (two pages list the same steps) */
    StepListView(ObservableList<StepRow> rows, String idPrefix) {
        this.idPrefix = idPrefix;
        getStyleClass().add("wizard-steps");
        rows.addListener((ListChangeListener<StepRow>) c -> rebuild(rows));
        rebuild(rows);
    }

    private void rebuild(ObservableList<StepRow> rows) {
        getChildren().setAll(rows.stream().map(this::row).toList());
    }

    private HBox row(StepRow step) {
        Glyph<StepState> glyph = StepState.glyph(step.getState());
        glyph.stateProperty().bind(step.stateProperty());
        Label title = WizardNodes.text(step.plan().numberedTitle(), "wizard-row-title");
        Label detail = WizardNodes.hiddenWhenEmpty(WizardNodes.text("", "wizard-row-detail"));
        detail.textProperty().bind(step.detailProperty());
        VBox words = new VBox(title, detail);
        words.getStyleClass().add("wizard-row-words");
        HBox.setHgrow(words, Priority.ALWAYS);
        Label state = WizardNodes.label("", "wizard-row-state");
        state.setMinWidth(Label.USE_PREF_SIZE);
        HBox row = new HBox(glyph, words, state);
        row.getStyleClass().add("wizard-step-row");
        row.setAlignment(Pos.TOP_LEFT);
        row.setId(idPrefix + step.plan().id());
        Runnable show = () -> {
            StepState s = step.getState();
            state.setText(s.word());
            StepState.apply(row, s);
        };
        step.stateProperty().addListener((o, old, now) -> show.run());
        show.run();
        return row;
    }
}
