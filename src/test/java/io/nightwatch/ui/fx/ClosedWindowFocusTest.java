package io.nightwatch.ui.fx;

import io.nightwatch.ui.support.FramesAskedFor;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Monocle closes a window without taking its focus first, as some platforms do: the case this guards against, seen
 * here for real.
 */
@ExtendWith(ApplicationExtension.class)
class ClosedWindowFocusTest {

    private TextField stays;

    @Start
    void start(Stage stage) {
        stays = new TextField("filter");
        stage.setScene(new Scene(new StackPane(stays), 200, 100));
        stage.show();
    }

    @Test
    void aTextFieldInAClosedWindowStopsBlinkingAndOneInAShownWindowKeepsItsFocus() throws Exception {
        List<String> before = onFx(() -> {
            ClosedWindowFocus.install();
            stays.requestFocus();
            return FramesAskedFor.running();
        });
        TextField path = new TextField("/var/backups");
        Stage dialog = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(path), 200, 100));
            s.show();
            path.requestFocus();
            return s;
        });
        await(5, path::isFocused);
        await(5, () -> FramesAskedFor.count("CaretBlinking") > 0);
        List<String> dialogsCaret = onFx(FramesAskedFor::running); // blinks while the dialog is open
        dialogsCaret.removeAll(before);
        assertFalse(dialogsCaret.isEmpty(), "the dialog's caret blinks");

        onFx(() -> {
            dialog.close();
            return null;
        });
        assertFalse(onFx(path::isFocused), "the closed dialog's field let go of the focus");
        List<String> after = onFx(FramesAskedFor::running);
        assertTrue(after.stream().noneMatch(dialogsCaret::contains), "no caret blinks on in the closed dialog: " + after);
        assertSame(stays, onFx(() -> stays.getScene().getFocusOwner()), "the window still shown keeps its focus");
    }
}
