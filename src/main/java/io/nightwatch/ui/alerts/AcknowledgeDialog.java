package io.nightwatch.ui.alerts;

import io.nightwatch.text.Texts;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import java.util.function.Consumer;

/** "Acknowledge this alert": the alert, who acknowledges (from $USER), a note. The frame is AcknowledgeDialog.fxml. */
public final class AcknowledgeDialog {

    @FXML private Label alert;
    @FXML private Label who;
    @FXML private TextArea note;
    @FXML private ButtonType acknowledgeButton;

    private static final Texts T = Texts.of(AcknowledgeDialog.class);

    private AcknowledgeDialog() {}

    /**
     * Opens the dialog without blocking; {@code onAcknowledge} gets the note when the operator confirms.
     *
     * @return the dialog, already showing
     */
    static Dialog<String> open(Window owner, AlertDetail detail, String user, Consumer<String> onAcknowledge) {
        AcknowledgeDialog controller = new AcknowledgeDialog();
        DialogPane pane = DialogFrames.load("AcknowledgeDialog.fxml", controller);
        controller.alert.setText(detail.alertname() + (detail.row().service().isEmpty() ? "" : " · " + detail.row().service())
                + " · " + detail.stateLine());
        controller.who.setText(detail.ack().isEmpty() ? T.get("acknowledge.who", user) : T.get("acknowledge.whoAgain", user, detail.ack()));
        pane.lookupButton(controller.acknowledgeButton).getStyleClass().add("dialog-confirm");
        Dialog<String> dialog = DialogFrames.dialog(pane, owner, T.get("acknowledge.dialogTitle", detail.alertname()));
        dialog.setResultConverter(button -> button == controller.acknowledgeButton ? controller.note.getText() : null);
        dialog.setOnHidden(e -> {
            String result = dialog.getResult();
            if (result != null) onAcknowledge.accept(result);
        });
        dialog.setOnShown(e -> controller.note.requestFocus());
        dialog.show();
        return dialog;
    }
}
