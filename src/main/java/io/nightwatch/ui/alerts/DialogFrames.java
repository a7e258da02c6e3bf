package io.nightwatch.ui.alerts;

import io.nightwatch.text.Texts;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Loads a dialog's FXML frame with a given controller and dresses it in the owner's stylesheets. */
final class DialogFrames {

    private static final Texts T = Texts.of(DialogFrames.class);

    private DialogFrames() {}

    static DialogPane load(String resource, Object controller) {
        FXMLLoader loader = new FXMLLoader(DialogFrames.class.getResource(resource));
        loader.setControllerFactory(type -> controller);
        loader.setResources(T.bundle()); // %key in the frame: this package's words in the current language
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " could not be loaded", e);
        }
    }

    /** A dialog over {@code owner}, in its theme (a dialog's scene does not inherit the owner's sheets). */
    static <R> Dialog<R> dialog(DialogPane pane, Window owner, String title) {
        Dialog<R> dialog = new Dialog<>();
        dialog.setDialogPane(pane);
        dialog.setTitle(title);
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) pane.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.setResizable(true);
        io.nightwatch.ui.fx.KeyboardHabits.install(pane); // Ctrl+Enter submits from the note; Enter on a check box confirms
        return dialog;
    }
}
