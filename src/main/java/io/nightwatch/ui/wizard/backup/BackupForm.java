package io.nightwatch.ui.wizard.backup;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.wizard.ChoiceNodes;
import io.nightwatch.ui.wizard.WizardNodes;
import javafx.scene.layout.VBox;

/** The backup's form: what to back up, where to. */
final class BackupForm {

    private static final Texts T = Texts.of(BackupForm.class);

    private BackupForm() {}

    static VBox of(BackupChoice choice) {
        VBox form = new VBox(
                WizardNodes.label(T.get("form.what"), "wizard-section"),
                WizardNodes.text(T.get("form.whatNote"), "wizard-caption"),
                ChoiceNodes.serviceChecks(choice.services()),
                WizardNodes.label(T.get("form.where"), "wizard-section"),
                ChoiceNodes.folderRow(choice.folderProperty(), T.get("form.chooser")),
                WizardNodes.text(T.get("form.whereNote"), "wizard-caption"));
        form.getStyleClass().add("wizard-form");
        return form;
    }
}
