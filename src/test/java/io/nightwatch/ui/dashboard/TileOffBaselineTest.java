package io.nightwatch.ui.dashboard;

import io.nightwatch.health.ServiceHealth;
import io.nightwatch.ui.FakeStack;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.controls.HealthTile;
import io.nightwatch.ui.fx.Theme;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Optional;

import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service far off its performance baseline: the words first among the tile's findings, the probe line flagged (:off-baseline). */
@ExtendWith(ApplicationExtension.class)
class TileOffBaselineTest {

    private static final String WORDS = "queries p95 1200 ms, 30× its baseline 40 ms";
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        root.setStyle("-fx-padding: 12");
        Scene scene = new Scene(root, 320, 300);
        Theme.from(java.util.Map.of()).applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static ServiceHealth prometheus() {
        return FakeStack.first().services().stream().filter(s -> s.id().equals("local/prometheus")).findFirst().orElseThrow();
    }

    @Test
    void theTileFlagsAServiceFarOffItsBaseline() throws Exception {
        TileFacts within = TileFacts.of(prometheus());
        assertFalse(within.offBaseline());
        TileFacts off = TileFacts.of(prometheus().withOffBaseline(Optional.of(WORDS)));
        assertTrue(off.offBaseline());
        assertEquals(WORDS, off.findings().get(0)); // first: the line shows as much as fits
        assertEquals(within.findings().size() + 1, off.findings().size());

        HealthTile tile = onFx(() -> {
            HealthTile t = TilePresenter.create(new ServiceTileModel(off));
            root.getChildren().setAll(t);
            return t;
        });
        assertTrue(onFx(() -> tile.getPseudoClassStates().toString()).contains("off-baseline"));
        Screenshots.save(root.getScene(), "tile-off-baseline.png");
    }
}
