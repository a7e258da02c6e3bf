package io.nightwatch.ui.wizard.restore;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.wizard.SetCell;
import io.nightwatch.ui.wizard.SetRow;
import io.nightwatch.ui.wizard.WizardNodes;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/**
 * The backup sets of the chosen folder, as the restore and the drill wizards show them: the folder's status line, a
 * reload button, and the list (only verified sets can be chosen; choosing one that cannot be is undone), kept in step
 * with the choice both ways.
 */
public record SetList(Label status, Button reload, ListView<SetRow> list) {

    private static final Texts T = Texts.of(SetList.class);

    public static SetList of(RestoreChoice choice, double prefHeight, double minHeight) {
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
        sets.setPrefHeight(prefHeight);
        sets.setMinHeight(minHeight);
        sets.setPlaceholder(WizardNodes.label(T.get("form.noSets"), "wizard-caption"));
        sets.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null && !choice.choose(now)) sets.getSelectionModel().clearSelection(); // greyed: not restorable
        });
        choice.chosenSetProperty().addListener((o, old, now) -> {
            if (now == null) sets.getSelectionModel().clearSelection();
            else if (sets.getSelectionModel().getSelectedItem() != now) sets.getSelectionModel().select(now);
        });
        return new SetList(status, reload, sets);
    }
}
