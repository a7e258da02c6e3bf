package io.nightwatch.ui;

import io.nightwatch.ui.fx.KeyboardHabits;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Space (or Enter) on the notification switch asks before muting: a key press that lands on it by accident at 3 a.m.
 * must not silence the next outage. The question's default answer (Enter, Esc) keeps notifying. Unmuting needs no
 * question; the mouse still mutes with one click, where the switch's changed look ("Muted", warning colour) is right
 * under the pointer.
 */
final class MuteConfirmation {

    private MuteConfirmation() {}

    static void install(ToggleButton mute, HeaderWording words) {
        mute.addEventFilter(KeyEvent.ANY, e -> {
            if (e.getCode() != KeyCode.SPACE && e.getCode() != KeyCode.ENTER) return;
            e.consume();
            if (e.getEventType() != KeyEvent.KEY_PRESSED) return;
            if (mute.isSelected()) mute.setSelected(false);
            else ask(mute, words);
        });
    }

    private static void ask(ToggleButton mute, HeaderWording words) {
        ButtonType yes = new ButtonType(words.muteYes(), ButtonBar.ButtonData.OTHER);
        ButtonType no = new ButtonType(words.muteNo(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(words.muteQuestion());
        dialog.getDialogPane().setHeaderText(words.muteQuestion());
        dialog.getDialogPane().getButtonTypes().setAll(yes, no);
        dialog.getDialogPane().getStyleClass().addAll("nw-dialog", "mute-confirmation");
        dialog.getDialogPane().lookupButton(no).setId("mute-keep");
        dialog.getDialogPane().lookupButton(yes).setId("mute-confirm");
        ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(no)).setDefaultButton(true);
        if (mute.getScene() != null && mute.getScene().getWindow() != null) {
            dialog.initOwner(mute.getScene().getWindow());
            dialog.getDialogPane().getStylesheets().setAll(mute.getScene().getStylesheets());
        }
        KeyboardHabits.install(dialog.getDialogPane());
        dialog.setOnHidden(e -> { if (dialog.getResult() == yes) mute.setSelected(true); });
        dialog.show();
    }
}
