package io.nightwatch.ui.fx;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.Optional;

/**
 * The keys a tired operator expects in every window and dialog of the console: Enter on a focused check box does what
 * Enter does everywhere else (the default button) instead of flipping the box, which Space is for; Ctrl+Enter submits
 * from a multi-line note, where plain Enter starts a new line.
 */
public final class KeyboardHabits {

    private KeyboardHabits() {}

    public static void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys(() -> scene.getRoot()));
    }

    public static void install(Parent root) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, keys(() -> root));
    }

    private static EventHandler<KeyEvent> keys(java.util.function.Supplier<Parent> root) {
        return e -> {
            if (e.getCode() != KeyCode.ENTER) return;
            Object target = e.getTarget();
            boolean checkBox = target instanceof CheckBox && !e.isShortcutDown() && !e.isAltDown();
            boolean submitNote = target instanceof TextArea && e.isShortcutDown();
            if (!checkBox && !submitNote) return;
            e.consume(); // never a toggle or a new line, even where no default button is on show
            defaultButton(root.get()).ifPresent(Button::fire);
        };
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return node.getScene() != null;
    }

    /** The enabled default button on show in {@code root}, if there is one. */
    static Optional<Button> defaultButton(Parent root) {
        if (root == null) return Optional.empty();
        for (Node n : root.lookupAll(".button")) {
            if (n instanceof Button b && b.isDefaultButton() && !b.isDisabled() && shown(b)) return Optional.of(b);
        }
        return Optional.empty();
    }
}
