package io.nightwatch.ui.wizard.drill;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.wizard.ChoiceNodes;
import io.nightwatch.ui.wizard.WizardNodes;
import io.nightwatch.ui.wizard.restore.RestoreChoice;
import io.nightwatch.ui.wizard.restore.SetList;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The drill's form: the sets of a folder (only verified ones can be drilled) and the chosen set's services. */
final class DrillForm {

    private static final Texts T = Texts.of(DrillForm.class);

    private DrillForm() {}

    static VBox of(DrillChoice drill) {
        RestoreChoice choice = drill.sets();
        SetList sets = SetList.of(choice, 200, 120);

        Label servicesTitle = WizardNodes.label(T.get("form.services"), "wizard-section");
        choice.chosenSetProperty().addListener((o, old, now) ->
                servicesTitle.setText(now == null ? T.get("form.services") : T.get("form.servicesFrom", now.id())));

        VBox form = new VBox(
                WizardNodes.label(T.get("form.setsIn"), "wizard-section"),
                ChoiceNodes.folderRow(choice.folderProperty(), T.get("form.chooser"), sets.reload()),
                sets.status(),
                sets.list(),
                servicesTitle,
                ChoiceNodes.serviceChecks(choice.services()),
                WizardNodes.text(T.get("form.how"),
                        "wizard-caption"));
        form.getStyleClass().add("wizard-form");
        return form;
    }
}
