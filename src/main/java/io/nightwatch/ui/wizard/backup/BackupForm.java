package io.nightwatch.ui.wizard.backup;

import io.nightwatch.ui.wizard.ChoiceNodes;
import io.nightwatch.ui.wizard.WizardNodes;
import javafx.scene.layout.VBox;

/** The backup's form: what to back up, where to. */
final class BackupForm {

    private BackupForm() {}

    static VBox of(BackupChoice choice) {
        VBox form = new VBox(
                WizardNodes.label("What to back up", "wizard-section"),
                WizardNodes.text("Each service is copied the way that keeps its data consistent (a Prometheus snapshot, a "
                        + "Redis BGSAVE, a paused Grafana), through the Docker API.", "wizard-caption"),
                ChoiceNodes.serviceChecks(choice.services()),
                WizardNodes.label("Where to", "wizard-section"),
                ChoiceNodes.folderRow(choice.folderProperty(), "Choose the folder that receives the backup set"),
                WizardNodes.text("A new folder named after the time and host is created inside it; nothing else there is "
                        + "touched. The set is verified before the wizard reports success.", "wizard-caption"));
        form.getStyleClass().add("wizard-form");
        return form;
    }
}
