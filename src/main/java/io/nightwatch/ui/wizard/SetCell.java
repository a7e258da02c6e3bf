package io.nightwatch.ui.wizard;

import io.nightwatch.ui.controls.Glyph;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A backup set in a wizard's list (restore, drill): icon, id, size · age · services, the reason it cannot be chosen
 * (then greyed), and its state word.
 */
public final class SetCell extends ListCell<SetRow> {
    @Override
    protected void updateItem(SetRow set, boolean empty) {
        super.updateItem(set, empty);
        setText(null);
        if (empty || set == null) {
            setGraphic(null);
            setDisable(false);
            setId(null);
            return;
        }
        Glyph<StepState> glyph = StepState.glyph(set.glyph());
        Label id = WizardNodes.label(set.id(), "wizard-set-id");
        Label facts = WizardNodes.label(set.facts(), "wizard-set-facts");
        VBox words = new VBox(id, facts);
        if (!set.choosable()) words.getChildren().add(WizardNodes.text(set.why(), "wizard-set-why"));
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMaxWidth(Double.MAX_VALUE);
        words.setPrefWidth(100); // let the words wrap rather than widen the list
        Label status = WizardNodes.label(set.status(), "wizard-set-status");
        status.setMinWidth(Label.USE_PREF_SIZE);
        HBox row = new HBox(glyph, words, status);
        row.getStyleClass().add("wizard-set-row");
        row.setAlignment(Pos.CENTER_LEFT);
        StepState.apply(row, set.glyph());
        setGraphic(row);
        setDisable(!set.choosable());
        setId("set-" + set.id());
    }
}
