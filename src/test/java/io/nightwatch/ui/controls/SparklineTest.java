package io.nightwatch.ui.controls;

import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.Series;
import io.nightwatch.ui.fx.Theme;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control's contract: sized by CSS, coloured per state by looked-up colours, repainted only on change. */
@ExtendWith(ApplicationExtension.class)
class SparklineTest {

    private Sparkline sparkline;
    private StackPane pane;

    @Start
    void start(Stage stage) {
        sparkline = new Sparkline();
        sparkline.setMaxSize(Sparkline.USE_PREF_SIZE, Sparkline.USE_PREF_SIZE); // sized by CSS, not by the pane
        pane = new StackPane(sparkline);
        Scene scene = new Scene(pane, 300, 120);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void sizeAndStateColoursComeFromTheStylesheet(FxRobot robot) throws Exception {
        assertEquals(120, onFx(() -> sparkline.prefWidth(-1)), 1e-9, ".sparkline { -fx-pref-width: 120 }");
        assertEquals(28, onFx(() -> sparkline.prefHeight(-1)), 1e-9);
        robot.interact(() -> sparkline.setState(FlowState.STALLED));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.web("#f85149"), onFx(sparkline::getStroke), "-nw-down of the dark theme");
        assertTrue(sparkline.getPseudoClassStates().contains(Styles.FLOW.of(FlowState.STALLED)));
        robot.interact(() -> sparkline.setState(FlowState.IDLE));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.web("#8f9fb7"), onFx(sparkline::getStroke), "-nw-idle");
        assertEquals(1, sparkline.getPseudoClassStates().stream().filter(p -> Styles.FLOW.of(FlowState.valueOf(
                p.getPseudoClassName().toUpperCase())) == p).count(), "exactly one flow state");
    }

    @Test
    void theCanvasIsRepaintedOnlyWhenWhatItShowsChanges(FxRobot robot) throws Exception {
        robot.interact(() -> sparkline.setState(FlowState.FLOWING));
        WaitForAsyncUtils.waitForFxEvents();
        long before = onFx(sparkline::getRedrawCount);

        robot.interact(() -> sparkline.show(series(1, 2, 3), FlowState.FLOWING));
        assertEquals(before + 1, onFx(sparkline::getRedrawCount), "new points: one repaint");
        robot.interact(() -> sparkline.show(series(1, 2, 3), FlowState.FLOWING));
        assertEquals(before + 1, onFx(sparkline::getRedrawCount), "equal points in a new Series: no repaint");
        for (int i = 0; i < 10; i++) robot.interact(() -> pane.requestLayout());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, onFx(sparkline::getRedrawCount), "layout passes at the same size: no repaint");

        robot.interact(() -> sparkline.setStyle("-fx-pref-width: 200;")); // CSS re-applied and a new size
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(200, onFx(sparkline::getWidth), 1e-9);
        assertEquals(before + 2, onFx(sparkline::getRedrawCount), "re-styled and resized: one repaint");

        robot.interact(() -> sparkline.setState(FlowState.STALLED));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 3, onFx(sparkline::getRedrawCount), "a new colour: one repaint");
    }

    @Test
    void aSeriesThatLooksTheSameIsNotPainted(FxRobot robot) throws Exception {
        robot.interact(() -> sparkline.setSpan(java.time.Duration.ofSeconds(10)));
        robot.interact(() -> sparkline.show(seriesFrom(0, 5, 5, 5), FlowState.IDLE));
        WaitForAsyncUtils.waitForFxEvents();
        long before = onFx(sparkline::getRedrawCount);

        // A flat line moved on by one reading (a quiet Alertmanager at every flow poll): the same picture.
        robot.interact(() -> sparkline.show(seriesFrom(1_000, 5, 5, 5), FlowState.IDLE));
        assertEquals(before, onFx(sparkline::getRedrawCount), "a flat line one reading later: no repaint");
        robot.interact(() -> sparkline.show(seriesFrom(2_000, 5, 5, 9), FlowState.IDLE));
        assertEquals(before + 1, onFx(sparkline::getRedrawCount), "a new value: one repaint");

        robot.interact(() -> sparkline.show(Series.EMPTY, FlowState.IDLE));
        assertEquals(before + 2, onFx(sparkline::getRedrawCount), "emptied: one repaint");
        robot.interact(() -> sparkline.show(new Series(new long[0], new double[0]), FlowState.IDLE));
        assertEquals(before + 2, onFx(sparkline::getRedrawCount), "empty again: no repaint");
    }

    private static Series series(double... values) {
        return seriesFrom(0, values);
    }

    private static Series seriesFrom(long startMillis, double... values) {
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) t[i] = startMillis + 1_000L * i;
        return new Series(t, values);
    }

}
