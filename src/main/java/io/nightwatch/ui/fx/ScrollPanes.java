package io.nightwatch.ui.fx;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Scroll panes that draw only what changed. JavaFX's scroll pane skin keeps its viewport as one cached bitmap: one
 * changed figure on one tile re-draws everything inside it into that bitmap (on the dashboard ~400 nodes, 20-30 ms of
 * the software renderer for a 136×14 pixel change, several times a minute while nothing else happens). Without the
 * cache the renderer draws the changed regions only; scrolling re-draws what comes into view, which the software
 * renderer does within a frame.
 */
public final class ScrollPanes {

    /** The style class JavaFX's {@code ScrollPaneSkin} gives the viewport it caches. */
    static final String VIEWPORT = "viewport";

    private ScrollPanes() {}

    /** {@code pane}, its viewport never cached, under this skin and any later one; for chaining. */
    public static <P extends ScrollPane> P drawingChangesOnly(P pane) {
        pane.skinProperty().addListener((o, was, skin) -> uncacheViewport(pane));
        uncacheViewport(pane);
        return pane;
    }

    private static void uncacheViewport(ScrollPane pane) {
        if (pane.getSkin() == null) return;
        // the skin's own child, not a nested scroll pane's viewport further down
        for (Node child : pane.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains(VIEWPORT)) child.setCache(false);
        }
    }

    /** Whether {@code pane}'s skin caches its viewport (for tests). */
    static boolean viewportCached(ScrollPane pane) {
        return pane.getChildrenUnmodifiable().stream().anyMatch(c -> c.getStyleClass().contains(VIEWPORT) && c.isCache());
    }
}
