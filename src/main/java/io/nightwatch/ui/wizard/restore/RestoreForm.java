package io.nightwatch.ui.wizard.restore;

import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.ui.wizard.ChoiceNodes;
import io.nightwatch.ui.wizard.SetRow;
import io.nightwatch.ui.wizard.StepState;
import io.nightwatch.ui.wizard.WizardNodes;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The restore's form: the sets of a folder (size, age, state; only verified sets can be chosen) and the set's services. */
final class RestoreForm {

    private RestoreForm() {}

    static VBox of(RestoreChoice choice) {
        Label status = WizardNodes.text("", "wizard-caption", "wizard-sets-status");
        status.textProperty().bind(choice.setsStatusProperty());
        Button reload = new Button("Reload");
        reload.getStyleClass().add("wizard-small-button");
        reload.setOnAction(e -> choice.reloadSets());

        ListView<SetRow> sets = new ListView<>(choice.sets());
        sets.getStyleClass().add("wizard-sets");
        sets.setId("wizard-sets");
        sets.setCellFactory(list -> new SetCell());
        sets.setPrefHeight(230);
        sets.setMinHeight(150);
        sets.setPlaceholder(WizardNodes.label("No backup sets here.", "wizard-caption"));
        sets.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null && !choice.choose(now)) sets.getSelectionModel().clearSelection(); // greyed: not restorable
        });
        choice.chosenSetProperty().addListener((o, old, now) -> {
            if (now == null) sets.getSelectionModel().clearSelection();
            else if (sets.getSelectionModel().getSelectedItem() != now) sets.getSelectionModel().select(now);
        });

        Label servicesTitle = WizardNodes.label("Services to restore", "wizard-section");
        choice.chosenSetProperty().addListener((o, old, now) ->
                servicesTitle.setText(now == null ? "Services to restore" : "Services to restore from " + now.id()));
        Label noSet = WizardNodes.label("Choose a set above to see what it holds.", "wizard-caption");
        choice.chosenSetProperty().addListener((o, old, now) -> WizardNodes.shown(noSet, now == null));

        VBox form = new VBox(
                WizardNodes.label("Backup sets in", "wizard-section"),
                ChoiceNodes.folderRow(choice.folderProperty(), "Choose the folder that holds the backup sets", reload),
                status,
                sets,
                servicesTitle,
                noSet,
                ChoiceNodes.serviceChecks(choice.services()),
                WizardNodes.text("For each service: a safety copy of today's data is kept, alerts about it are silenced, it is "
                        + "stopped, its data replaced, started and checked. If anything fails, the safety copy is put back.",
                        "wizard-caption"));
        form.getStyleClass().add("wizard-form");
        return form;
    }

    /** A set: icon, id, size · age · services, the reason it cannot be chosen, and its state word. */
    private static final class SetCell extends ListCell<SetRow> {
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
}
