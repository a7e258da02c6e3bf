package io.nightwatch.ui;

import io.nightwatch.ui.fx.KeyboardHabits;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The keyboard shortcuts on one sheet, on F1 or {@code ?} (not while typing into a field). */
final class ShortcutSheet {

    private ShortcutSheet() {}

    static void install(Scene scene, HeaderWording words) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F1) {
                e.consume();
                open(scene.getWindow(), words);
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                e.consume();
                open(scene.getWindow(), words);
            }
        });
    }

    static Dialog<Void> open(Window owner, HeaderWording words) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-grid");
        grid.setId("shortcut-sheet");
        int row = 0;
        for (String[] line : words.shortcuts()) {
            Label key = new Label(line[0]);
            key.getStyleClass().add("shortcut-key");
            key.setMinWidth(Label.USE_PREF_SIZE);
            Label what = new Label(line[1]);
            what.getStyleClass().add("shortcut-what");
            grid.addRow(row++, key, what);
        }
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(words.shortcutsTitle());
        dialog.getDialogPane().setHeaderText(words.shortcutsTitle());
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().getStyleClass().add("nw-dialog");
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        KeyboardHabits.install(dialog.getDialogPane());
        dialog.show();
        return dialog;
    }
}
