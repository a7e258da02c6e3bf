package io.nightwatch.ui.wizard.imagechange;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.wizard.ServiceOption;
import io.nightwatch.ui.wizard.WizardNodes;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** An image change's form: one service, what it runs, the image to go to, backup first, the hold period. */
final class ImageChangeForm {

    private static final Texts T = Texts.of(ImageChangeForm.class);

    private ImageChangeForm() {}

    static VBox of(ImageChangeChoice choice) {
        ToggleGroup group = new ToggleGroup();
        VBox services = new VBox();
        services.getStyleClass().add("wizard-services");
        for (ServiceOption option : choice.services()) {
            RadioButton button = new RadioButton(option.name());
            button.getStyleClass().add("wizard-service");
            button.setId("change-service-" + option.name());
            button.setToggleGroup(group);
            button.setUserData(option.name());
            if (option.name().equals(choice.chosenServiceProperty().get())) button.setSelected(true);
            HBox row = new HBox(button, WizardNodes.label(option.detail(), "wizard-service-detail"));
            row.getStyleClass().add("wizard-service-row");
            row.setAlignment(Pos.CENTER_LEFT);
            services.getChildren().add(row);
        }
        group.selectedToggleProperty().addListener((o, old, now) ->
                choice.chosenServiceProperty().set(now == null ? "" : (String) now.getUserData()));

        Label current = WizardNodes.text("", "wizard-caption", "wizard-current-image");
        current.setId("wizard-current-image");
        current.textProperty().bind(Bindings.createStringBinding(() -> choice.chosenServiceProperty().get().isEmpty()
                ? T.get("form.chooseService")
                : choice.currentImageProperty().get().isEmpty() ? T.get("form.reading", choice.chosenServiceProperty().get())
                : T.get("form.runs", choice.chosenServiceProperty().get(), choice.currentImageProperty().get()),
                choice.chosenServiceProperty(), choice.currentImageProperty()));

        ComboBox<String> target = new ComboBox<>();
        target.setEditable(true);
        target.setId("wizard-target");
        target.getStyleClass().add("wizard-target");
        target.setMaxWidth(Double.MAX_VALUE);
        target.setPromptText(T.get("form.targetPrompt"));
        target.getEditor().textProperty().bindBidirectional(choice.targetProperty());
        Label candidates = WizardNodes.text("", "wizard-caption", "wizard-candidates");
        candidates.setId("wizard-candidates");
        Runnable showTargets = () -> {
            target.getItems().setAll(choice.targets().stream().map(ImageChanges.ImageChoice::image).toList());
            candidates.setText(choice.targets().isEmpty() ? T.get("form.noCandidates")
                    : String.join("\n", choice.targets().stream().map(c -> c.image() + " — " + c.why()).toList()));
        };
        choice.targets().addListener((ListChangeListener<ImageChanges.ImageChoice>) c -> showTargets.run());
        showTargets.run();

        CheckBox backup = new CheckBox(T.get("form.backupFirst"));
        backup.setId("wizard-backup-first");
        backup.getStyleClass().add("wizard-service");
        backup.selectedProperty().bindBidirectional(choice.backupFirstProperty());
        ComboBox<String> hold = new ComboBox<>();
        hold.setEditable(true);
        hold.setId("wizard-hold");
        hold.getItems().setAll("keep", "0s", "5m", "10m", "30m");
        hold.getEditor().textProperty().bindBidirectional(choice.holdProperty());
        HBox holdRow = new HBox(WizardNodes.label(T.get("form.oldContainer"), "wizard-service-detail"), hold);
        holdRow.getStyleClass().add("wizard-folder-row");
        holdRow.setAlignment(Pos.CENTER_LEFT);

        VBox form = new VBox(
                WizardNodes.label(T.get("form.which"), "wizard-section"),
                services,
                current,
                WizardNodes.label(choice.toLabel(), "wizard-section"),
                target,
                candidates,
                WizardNodes.text(T.get("form.nothingPulled"), "wizard-caption"),
                WizardNodes.label(T.get("form.safety"), "wizard-section"),
                backup,
                holdRow,
                WizardNodes.text(T.get("form.holdNote"), "wizard-caption"));
        form.getStyleClass().add("wizard-form");
        return form;
    }
}
