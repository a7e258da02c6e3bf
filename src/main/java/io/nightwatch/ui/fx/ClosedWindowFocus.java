package io.nightwatch.ui.fx;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * A closed window lets go of its focus. A text field that had the focus when its window closed (a wizard's path, a
 * silence's comment) kept it where the close came before the window's focus-out (seen on Monocle): its caret went on
 * blinking, an endless animation that kept JavaFX drawing 60 frames a second for a window no one sees (so the frame
 * timer never paused, see {@link PausingFrameTimer}) and held the closed window in memory.
 */
public final class ClosedWindowFocus {

    private static boolean installed;

    private ClosedWindowFocus() {}

    /** Watches every window from now on; once is enough, again changes nothing. FX thread. */
    public static void install() {
        com.sun.javafx.tk.Toolkit.getToolkit().checkFxUserThread();
        if (installed) return;
        installed = true;
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window closed : change.getRemoved()) release(closed.getScene());
            }
        });
    }

    /** Hands the focus from whatever holds it to the scene's root, which does not blink. */
    static void release(Scene scene) {
        if (scene == null || scene.getRoot() == null) return;
        Node owner = scene.getFocusOwner();
        if (owner != null && owner != scene.getRoot() && owner.isFocused()) scene.getRoot().requestFocus();
    }
}
