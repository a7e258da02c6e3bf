package io.nightwatch.ui.wizard.restore;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.wizard.ChoiceNodes;
import io.nightwatch.ui.wizard.WizardNodes;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The restore's form: the sets of a folder (size, age, state; only verified sets can be chosen) and the set's services. */
final class RestoreForm {

    private static final Texts T = Texts.of(RestoreForm.class);

    private RestoreForm() {}

    static VBox of(RestoreChoice choice) {
        SetList sets = SetList.of(choice, 230, 150);

        Label servicesTitle = WizardNodes.label(T.get("form.services"), "wizard-section");
        choice.chosenSetProperty().addListener((o, old, now) ->
                servicesTitle.setText(now == null ? T.get("form.services") : T.get("form.servicesFrom", now.id())));
        Label noSet = WizardNodes.label(T.get("form.chooseSet"), "wizard-caption");
        choice.chosenSetProperty().addListener((o, old, now) -> WizardNodes.shown(noSet, now == null));

        VBox form = new VBox(
                WizardNodes.label(T.get("form.setsIn"), "wizard-section"),
                ChoiceNodes.folderRow(choice.folderProperty(), T.get("form.chooser"), sets.reload()),
                sets.status(),
                sets.list(),
                servicesTitle,
                noSet,
                ChoiceNodes.serviceChecks(choice.services()),
                WizardNodes.text(T.get("form.how"),
                        "wizard-caption"));
        form.getStyleClass().add("wizard-form");
        return form;
    }
}
