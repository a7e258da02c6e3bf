package io.nightwatch.ui.wizard;

import io.nightwatch.text.Texts;

import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;

/** Pieces of the first page that more than one kind of wizard shows. */
public final class ChoiceNodes {

    private static final Texts T = Texts.of(ChoiceNodes.class);

    private ChoiceNodes() {}

    /** One checkbox per service, rebuilt when the list changes; an unavailable one is greyed with its reason. */
    public static VBox serviceChecks(ObservableList<ServiceOption> services) {
        VBox box = new VBox();
        box.getStyleClass().add("wizard-services");
        Runnable rebuild = () -> box.getChildren().setAll(services.stream().map(ChoiceNodes::serviceRow).toList());
        services.addListener((ListChangeListener<ServiceOption>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasReplaced() || c.wasPermutated()) {
                    rebuild.run();
                    return;
                }
            }
        });
        rebuild.run();
        return box;
    }

    private static VBox serviceRow(ServiceOption option) {
        CheckBox box = new CheckBox(option.name());
        box.getStyleClass().add("wizard-service");
        box.setId("service-" + option.name());
        // the box shows what counts (ticked and available), so an unavailable service never looks included
        Runnable show = () -> box.setSelected(option.isSelected());
        option.selectedProperty().addListener((o, was, now) -> show.run());
        option.availableProperty().addListener((o, was, now) -> show.run());
        box.selectedProperty().addListener((o, was, now) -> { if (now != option.isSelected()) option.setSelected(now); });
        show.run();
        box.disableProperty().bind(option.availableProperty().not());
        Label detail = WizardNodes.label(option.detail(), "wizard-service-detail");
        HBox row = new HBox(box, detail);
        row.getStyleClass().add("wizard-service-row");
        row.setAlignment(Pos.CENTER_LEFT);
        Label note = WizardNodes.hiddenWhenEmpty(WizardNodes.text("", "wizard-service-note"));
        note.setId("service-note-" + option.name());
        note.textProperty().bind(option.noteProperty());
        VBox whole = new VBox(row, note);
        whole.getStyleClass().add("wizard-service-option");
        return whole;
    }

    /** A folder field with a Choose… button (and {@code extra} buttons after it). */
    public static HBox folderRow(StringProperty folder, String chooserTitle, Button... extra) {
        TextField path = new TextField();
        path.getStyleClass().add("wizard-folder");
        path.setId("wizard-folder");
        path.textProperty().bindBidirectional(folder);
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button(T.get("button.chooseFolder"));
        choose.getStyleClass().add("wizard-small-button");
        choose.setId("wizard-choose-folder");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(chooserTitle);
            File current = new File(folder.get() == null ? "" : folder.get());
            File start = current.isDirectory() ? current : current.getParentFile();
            if (start != null && start.isDirectory()) chooser.setInitialDirectory(start);
            File picked = chooser.showDialog(path.getScene() == null ? null : path.getScene().getWindow());
            if (picked != null) folder.set(picked.getAbsolutePath());
        });
        HBox row = new HBox(path, choose);
        row.getChildren().addAll(extra);
        row.getStyleClass().add("wizard-folder-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
