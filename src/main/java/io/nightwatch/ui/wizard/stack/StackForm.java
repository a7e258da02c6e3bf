package io.nightwatch.ui.wizard.stack;

import io.nightwatch.runbook.stack.StackRunbook.Action;
import io.nightwatch.ui.wizard.ChoiceNodes;
import io.nightwatch.ui.wizard.WizardNodes;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The stack run's form: the action, the services (in stop order), and the order each action takes. */
final class StackForm {

    private StackForm() {}

    static VBox of(StackChoice choice) {
        ToggleGroup group = new ToggleGroup();
        VBox actions = new VBox();
        actions.getStyleClass().add("wizard-services");
        for (Action a : Action.values()) {
            RadioButton button = new RadioButton(StackWording.label(a));
            button.getStyleClass().add("wizard-service");
            button.setId("stack-action-" + a.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(group);
            button.setUserData(a);
            button.setSelected(a == choice.actionProperty().get());
            VBox option = new VBox(button, WizardNodes.text(StackWording.explain(a), "wizard-caption"));
            option.getStyleClass().add("wizard-service-option");
            actions.getChildren().add(option);
        }
        group.selectedToggleProperty().addListener((o, old, now) -> choice.actionProperty().set(now == null ? null : (Action) now.getUserData()));
        choice.actionProperty().addListener((o, old, now) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == now)));

        Label stop = WizardNodes.hiddenWhenEmpty(WizardNodes.text("", "wizard-choice"));
        stop.setId("stack-stop-order");
        stop.textProperty().bind(choice.stopOrderProperty());
        Label start = WizardNodes.hiddenWhenEmpty(WizardNodes.text("", "wizard-choice"));
        start.setId("stack-start-order");
        start.textProperty().bind(choice.startOrderProperty());

        VBox form = new VBox(
                WizardNodes.label(StackWording.what(), "wizard-section"),
                actions,
                WizardNodes.label(StackWording.which(), "wizard-section"),
                ChoiceNodes.serviceChecks(choice.services()),
                WizardNodes.label(StackWording.order(), "wizard-section"),
                stop,
                start,
                WizardNodes.text(StackWording.orderNote(), "wizard-caption"));
        form.getStyleClass().add("wizard-form");
        return form;
    }
}
