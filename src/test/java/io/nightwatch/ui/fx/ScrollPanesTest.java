package io.nightwatch.ui.fx;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ScrollPaneSkin;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real skin in a shown window (Monocle): JavaFX caches a scroll pane's viewport; ours are drawn uncached. */
@ExtendWith(ApplicationExtension.class)
class ScrollPanesTest {

    private ScrollPane plain;
    private ScrollPane inner;
    private ScrollPane ours;

    @Start
    void start(Stage stage) {
        plain = new ScrollPane(new Label("plain"));
        inner = new ScrollPane(new Label("inner"));
        ours = ScrollPanes.drawingChangesOnly(new ScrollPane(inner));
        stage.setScene(new Scene(new HBox(plain, ours), 400, 200));
        stage.show();
    }

    @Test
    void theViewportIsNotCachedUnderThisSkinOrTheNext() throws Exception {
        assertTrue(onFx(() -> ScrollPanes.viewportCached(plain)),
                "JavaFX's skin caches the viewport (the behaviour this works around; if it fails, the workaround can go)");
        assertFalse(onFx(() -> ScrollPanes.viewportCached(ours)), "ours: drawn uncached");
        assertTrue(onFx(() -> ScrollPanes.viewportCached(inner)), "a nested scroll pane is left as it is");

        onFx(() -> {
            ours.setSkin(new ScrollPaneSkin(ours));
            return null;
        });
        assertFalse(onFx(() -> ScrollPanes.viewportCached(ours)), "a new skin's viewport: uncached too");
    }
}
