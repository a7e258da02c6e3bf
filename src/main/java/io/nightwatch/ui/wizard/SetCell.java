package io.nightwatch.ui.wizard;

import io.nightwatch.ui.controls.Glyph;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A backup set in a wizard's list (restore, drill): icon, id, size · age · services, the reason it cannot be chosen
 * (then greyed), and its state word.
 */
public final class SetCell extends ListCell<SetRow> {

    /**
     * The keyboard on a list of sets: when it takes the focus, the newest set that can be chosen is the focused row
     * (not a greyed one), and Space takes the focused row, as a click does; the arrows move as in any list.
     */
    public static void keyboard(ListView<SetRow> list) {
        list.focusedProperty().addListener((o, was, now) -> {
            if (!now) return;
            int at = list.getFocusModel().getFocusedIndex();
            if (at >= 0 && at < list.getItems().size() && list.getItems().get(at).choosable()) return;
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).choosable()) {
                    list.getFocusModel().focus(i);
                    list.scrollTo(i);
                    return;
                }
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.SPACE || e.isShortcutDown()) return;
            int at = list.getFocusModel().getFocusedIndex();
            if (at < 0) return;
            list.getSelectionModel().select(at);
            e.consume();
        });
    }

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
        Label status = WizardNodes.label(set.statusWord(), "wizard-set-status");
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
