package io.nightwatch.ui.wizard.restore;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.wizard.ChoiceNodes;
import io.nightwatch.ui.wizard.SetCell;
import io.nightwatch.ui.wizard.SetRow;
import io.nightwatch.ui.wizard.WizardNodes;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** The restore's form: the sets of a folder (size, age, state; only verified sets can be chosen) and the set's services. */
final class RestoreForm {

    private static final Texts T = Texts.of(RestoreForm.class);

    private RestoreForm() {}

    static VBox of(RestoreChoice choice) {
        Label status = WizardNodes.text("", "wizard-caption", "wizard-sets-status");
        status.textProperty().bind(choice.setsStatusProperty());
        Button reload = new Button(T.get("form.reload"));
        reload.getStyleClass().add("wizard-small-button");
        reload.setOnAction(e -> choice.reloadSets());

        ListView<SetRow> sets = new ListView<>(choice.sets());
        sets.getStyleClass().add("wizard-sets");
        sets.setId("wizard-sets");
        sets.setCellFactory(list -> new SetCell());
        SetCell.keyboard(sets);
        sets.setPrefHeight(230);
        sets.setMinHeight(150);
        sets.setPlaceholder(WizardNodes.label(T.get("form.noSets"), "wizard-caption"));
        sets.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null && !choice.choose(now)) sets.getSelectionModel().clearSelection(); // greyed: not restorable
        });
        choice.chosenSetProperty().addListener((o, old, now) -> {
            if (now == null) sets.getSelectionModel().clearSelection();
            else if (sets.getSelectionModel().getSelectedItem() != now) sets.getSelectionModel().select(now);
        });

        Label servicesTitle = WizardNodes.label(T.get("form.services"), "wizard-section");
        choice.chosenSetProperty().addListener((o, old, now) ->
                servicesTitle.setText(now == null ? T.get("form.services") : T.get("form.servicesFrom", now.id())));
        Label noSet = WizardNodes.label(T.get("form.chooseSet"), "wizard-caption");
        choice.chosenSetProperty().addListener((o, old, now) -> WizardNodes.shown(noSet, now == null));

        VBox form = new VBox(
                WizardNodes.label(T.get("form.setsIn"), "wizard-section"),
                ChoiceNodes.folderRow(choice.folderProperty(), T.get("form.chooser"), reload),
                status,
                sets,
                servicesTitle,
                noSet,
                ChoiceNodes.serviceChecks(choice.services()),
                WizardNodes.text(T.get("form.how"),
                        "wizard-caption"));
        form.getStyleClass().add("wizard-form");
        return form;
    }
}
