package io.nightwatch.ui.controls;

import io.nightwatch.health.HealthState;
import io.nightwatch.ui.support.Fx;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control's CSS contract: exactly one state pseudo-class, memory refinements, and a kept room for the trend. */
@ExtendWith(ApplicationExtension.class)
class HealthTileTest {

    private HealthTile tile;

    @Start
    void start(Stage stage) {
        tile = new HealthTile(); // a Control needs the toolkit, which exists from here on
        stage.setScene(new Scene(new StackPane(tile), 400, 360));
        stage.show();
    }

    @Test
    void exactlyOneStatePseudoClassAndTheWordNextToTheIcon(FxRobot robot) {
        assertTrue(has(tile, "unknown"));
        robot.interact(() -> tile.setState(HealthState.DEGRADED));
        assertTrue(has(tile, "degraded"));
        assertFalse(has(tile, "unknown"));
        assertEquals("DEGRADED", robot.lookup(".tile-state").queryAs(Label.class).getText());
        assertEquals(HealthState.DEGRADED, robot.lookup(".state-glyph").queryAs(Glyph.class).getState());
    }

    @Test
    void memoryStatesAreStyleable(FxRobot robot) {
        assertTrue(has(tile, "memory-unmeasured"), "nothing measured yet");
        robot.interact(() -> tile.setMemoryFraction(0.85));
        assertTrue(has(tile, "memory-high"));
        robot.interact(() -> tile.setMemoryFraction(0.95));
        assertTrue(has(tile, "memory-critical"));
        assertFalse(has(tile, "memory-high"));
        robot.interact(() -> tile.setMemoryLimited(false));
        assertTrue(has(tile, "no-limit"));
        assertFalse(has(tile, "memory-critical"));
    }

    @Test
    void theTrendSlotTakesANode(FxRobot robot) {
        Label sparkline = new Label("~");
        robot.interact(() -> tile.setTrend(sparkline));
        assertSame(sparkline, robot.lookup(".tile-trend").queryParent().getChildrenUnmodifiable().get(0));
    }

    @Test
    void theErrorsLineOpensTheLastLines(FxRobot robot) throws Exception {
        assertEquals("—", robot.lookup(".tile-errors").queryAs(Label.class).getText(), "nothing known yet");
        robot.interact(() -> {
            tile.setTitle("loki");
            tile.setErrorSummary("3 error lines/min");
            tile.setErrorsActive(true);
            tile.getErrorLines().setAll("level=error msg=\"failed to flush\"", "level=error msg=\"ingester not ready\"");
        });
        assertTrue(has(tile, "has-errors"));
        assertTrue(has(tile, "has-error-lines"));
        assertEquals("3 error lines/min", robot.lookup(".tile-errors").queryAs(Label.class).getText());

        Fx.click(robot, ".tile-errors");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".error-lines-text").tryQuery().isPresent());
        assertEquals("level=error msg=\"failed to flush\"\n\nlevel=error msg=\"ingester not ready\"",
                robot.lookup(".error-lines-text").queryAs(TextArea.class).getText());
        assertEquals("Error lines · loki", robot.lookup(".error-lines-title").queryAs(Label.class).getText());
        robot.interact(() -> robot.lookup(".error-lines-text").query().getScene().getWindow().hide());

        robot.interact(() -> {
            tile.setErrorsActive(false);
            tile.getErrorLines().clear();
        });
        assertFalse(has(tile, "has-errors"));
        assertFalse(has(tile, "has-error-lines"));
    }

    private static boolean has(HealthTile tile, String pseudoClass) {
        return tile.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
    }
}
