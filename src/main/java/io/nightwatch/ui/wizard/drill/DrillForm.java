package io.nightwatch.ui.wizard.drill;

import io.nightwatch.ui.wizard.SetCell;
import io.nightwatch.ui.wizard.ChoiceNodes;
import io.nightwatch.ui.wizard.SetRow;
import io.nightwatch.ui.wizard.WizardNodes;
import io.nightwatch.ui.wizard.restore.RestoreChoice;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** The drill's form: the sets of a folder (only verified ones can be drilled) and the chosen set's services. */
final class DrillForm {

    private DrillForm() {}

    static VBox of(DrillChoice drill) {
        RestoreChoice choice = drill.sets();
        Label status = WizardNodes.text("", "wizard-caption", "wizard-sets-status");
        status.textProperty().bind(choice.setsStatusProperty());
        Button reload = new Button("Reload");
        reload.getStyleClass().add("wizard-small-button");
        reload.setOnAction(e -> choice.reloadSets());

        ListView<SetRow> sets = new ListView<>(choice.sets());
        sets.getStyleClass().add("wizard-sets");
        sets.setId("wizard-sets");
        sets.setCellFactory(list -> new SetCell());
        sets.setPrefHeight(200);
        sets.setMinHeight(120);
        sets.setPlaceholder(WizardNodes.label("No backup sets here.", "wizard-caption"));
        sets.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null && !choice.choose(now)) sets.getSelectionModel().clearSelection();
        });
        choice.chosenSetProperty().addListener((o, old, now) -> {
            if (now == null) sets.getSelectionModel().clearSelection();
            else if (sets.getSelectionModel().getSelectedItem() != now) sets.getSelectionModel().select(now);
        });

        Label servicesTitle = WizardNodes.label("Services to drill", "wizard-section");
        choice.chosenSetProperty().addListener((o, old, now) ->
                servicesTitle.setText(now == null ? "Services to drill" : "Services to drill from " + now.id()));

        VBox form = new VBox(
                WizardNodes.label("Backup sets in", "wizard-section"),
                ChoiceNodes.folderRow(choice.folderProperty(), "Choose the folder that holds the backup sets", reload),
                status,
                sets,
                servicesTitle,
                ChoiceNodes.serviceChecks(choice.services()),
                WizardNodes.text("For each service: a scratch container from the same image, on a fresh volume, without network "
                        + "or ports, gets the set's data; the data is checked and the time taken; then the scratch container and "
                        + "its volume are removed. The running services are not touched. The drill is recorded for the audit.",
                        "wizard-caption"));
        form.getStyleClass().add("wizard-form");
        return form;
    }
}
