package io.nightwatch.ui.wizard;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;

/** Small node makers the pages share: a styled label, a spacer, showing a node only when it has something to say. */
public final class WizardNodes {

    private WizardNodes() {}

    public static Label label(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    /** A label that wraps (explanations, messages): it grows downwards instead of ending in an ellipsis. */
    public static Label text(String text, String... styleClasses) {
        Label l = label(text, styleClasses);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** Takes {@code node} out of the layout while it is hidden. */
    public static void shown(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    /** Hides a label while its text is empty. */
    public static Label hiddenWhenEmpty(Label label) {
        label.textProperty().addListener((o, old, now) -> shown(label, now != null && !now.isEmpty()));
        shown(label, label.getText() != null && !label.getText().isEmpty());
        return label;
    }
}
