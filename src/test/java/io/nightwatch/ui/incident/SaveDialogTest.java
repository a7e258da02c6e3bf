package io.nightwatch.ui.incident;

import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.ui.support.Fx;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export's save dialog over a dark window: it is dark itself (the native chooser was light), lists real folders
 * only (a link is left out), goes into a folder by keyboard, and asks before it replaces a file.
 */
@ExtendWith(ApplicationExtension.class)
class SaveDialogTest {

    @TempDir
    Path dir;
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        Scene scene = new Scene(new StackPane(), 900, 600);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void darkByKeyboardNoLinksAndAsksBeforeReplacing(FxRobot robot) throws Exception {
        Files.createDirectories(dir.resolve("exports"));
        Files.createSymbolicLink(dir.resolve("elsewhere"), Path.of("/tmp"));
        Files.writeString(dir.resolve("exports").resolve("incident-7.md"), "an older export");

        Future<Optional<Path>> answer = WaitForAsyncUtils.asyncFx(() -> SaveDialog.ask(owner, dir, "incident-7.md"));
        await(() -> dialog() != null);
        Scene dialog = dialog();
        Color background = onFx(() -> (Color) ((DialogPane) dialog.getRoot().lookup(".dialog-pane")).getBackground().getFills().get(0).getFill());
        assertTrue(background.getBrightness() < 0.3, "the dialog wears the dark theme: " + background);
        assertEquals(java.util.List.of("exports"), onFx(() -> java.util.List.copyOf(
                ((javafx.scene.control.ListView<?>) dialog.getRoot().lookup("#save-folders")).getItems())), "real folders only");
        Screenshots.save(dialog, "export-save-dialog.png");

        // into "exports" by keyboard: the folder list, Enter
        Fx.click(robot, dialog.getRoot().lookup("#save-folders")).type(KeyCode.DOWN).type(KeyCode.ENTER);
        await(() -> ((TextField) dialog.getRoot().lookup("#save-folder")).getText().endsWith("exports"));
        Fx.click(robot, dialog.getRoot().lookup("#save-name")).type(KeyCode.ENTER);
        await(() -> ((Labeled) dialog.getRoot().lookup("#save-problem")).getText().startsWith("A file of that name exists"));
        assertFalse(answer.isDone(), "the first Save on an existing file only asks");
        assertEquals("Replace", onFx(() -> ((Labeled) dialog.getRoot().lookup("#save-button")).getText()));
        robot.type(KeyCode.ENTER);
        assertEquals(Optional.of(dir.resolve("exports").resolve("incident-7.md").toAbsolutePath()), answer.get(10, TimeUnit.SECONDS));
    }

    private static Scene dialog() throws Exception {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "Export the post-mortem".equals(s.getTitle()) && s.isShowing())
                .map(Window::getScene).findFirst().orElse(null));
    }
}
