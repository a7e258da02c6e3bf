package io.nightwatch.ui.wizard.recovery;

import io.nightwatch.alerts.RunbookHints.Scenario;
import io.nightwatch.ui.wizard.WizardNodes;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The recovery's form: what failed (one scenario, with its symptom), which service, and how the run goes. */
final class RecoveryForm {

    private RecoveryForm() {}

    static VBox of(RecoveryChoice choice) {
        ToggleGroup group = new ToggleGroup();
        VBox scenarios = new VBox();
        scenarios.getStyleClass().add("wizard-services");
        for (Scenario s : choice.scenarios()) {
            RadioButton button = new RadioButton(s.title());
            button.getStyleClass().add("wizard-service");
            button.setId("recovery-scenario-" + s.id());
            button.setToggleGroup(group);
            button.setUserData(s);
            Label symptom = WizardNodes.text(RecoveryWording.seenAs(s), "wizard-caption");
            VBox option = new VBox(button, symptom);
            option.getStyleClass().add("wizard-service-option");
            scenarios.getChildren().add(option);
        }
        Runnable showScenario = () -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == choice.scenarioProperty().get()));
        choice.scenarioProperty().addListener((o, old, now) -> showScenario.run());
        showScenario.run();
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now != null) choice.scenarioProperty().set((Scenario) now.getUserData());
        });

        ComboBox<RecoveryTarget> service = new ComboBox<>(choice.targets());
        service.setId("recovery-service");
        service.getStyleClass().add("wizard-target");
        service.valueProperty().bindBidirectional(choice.targetProperty());
        Label detail = WizardNodes.label("", "wizard-service-detail");
        detail.textProperty().bind(choice.targetProperty().map(RecoveryTarget::detail).orElse(""));
        HBox serviceRow = new HBox(service, detail);
        serviceRow.getStyleClass().add("wizard-folder-row");
        serviceRow.setAlignment(Pos.CENTER_LEFT);
        Label looksAt = WizardNodes.hiddenWhenEmpty(WizardNodes.text("", "wizard-caption"));
        looksAt.setId("recovery-looks-at");
        looksAt.textProperty().bind(choice.scenarioProperty().map(RecoveryWording::looksAt).orElse(""));

        VBox form = new VBox(
                WizardNodes.label(RecoveryWording.whatFailed(), "wizard-section"),
                scenarios,
                WizardNodes.label(RecoveryWording.whichService(), "wizard-section"),
                serviceRow,
                looksAt,
                WizardNodes.label(RecoveryWording.howItGoes(), "wizard-section"),
                WizardNodes.text(RecoveryWording.steps(), "wizard-caption"));
        form.getStyleClass().add("wizard-form");
        return form;
    }
}
