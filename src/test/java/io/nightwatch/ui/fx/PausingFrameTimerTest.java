package io.nightwatch.ui.fx;

import io.nightwatch.ui.support.FramesAskedFor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real toolkit in a shown window (Monocle, whose frame timer, like GTK's, ignores JavaFX's pause): with the
 * pausing timer in place the platform timer stops while nothing is drawn, and a change, an animation or the end of
 * one are still drawn.
 */
@ExtendWith(ApplicationExtension.class)
class PausingFrameTimerTest {

    private Label label;
    private final AtomicInteger pulses = new AtomicInteger();

    @Start
    void start(Stage stage) {
        label = new Label("idle");
        Scene scene = new Scene(new StackPane(label), 300, 100);
        scene.addPostLayoutPulseListener(pulses::incrementAndGet);
        stage.setScene(scene);
        // What other tests in this JVM left open or running (a wizard's spinner, a caret blinking in a closed window)
        // would keep frames coming: this window is read alone, with nothing animated.
        for (Window other : List.copyOf(Window.getWindows())) if (other != stage) other.hide();
        try {
            List<String> leftOver = FramesAskedFor.stopAll();
            if (!leftOver.isEmpty()) System.out.println("[PausingFrameTimerTest] stopped what earlier tests left running: " + leftOver);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the frame clock's animations are not readable", e);
        }
        stage.show();
    }

    /** Waits until the timer has paused; if it does not, says what kept frames coming. */
    private static void awaitPaused(PausingFrameTimer timer) throws Exception {
        try {
            await(5, () -> !timer.ticking());
        } catch (TimeoutException e) {
            throw new AssertionError("the timer did not pause; still running: " + onFx(FramesAskedFor::report), e);
        }
    }

    private static PausingFrameTimer installed() throws Exception {
        PausingFrameTimer.Outcome outcome = onFx(PausingFrameTimer::install);
        assertTrue(outcome == PausingFrameTimer.Outcome.INSTALLED || outcome == PausingFrameTimer.Outcome.ALREADY,
                "Monocle's timer is one of those read for this: " + outcome);
        return PausingFrameTimer.installed().orElseThrow();
    }

    @Test
    void theTimerStopsWhileNothingIsDrawnAndAChangeIsStillDrawn() throws Exception {
        PausingFrameTimer timer = installed();
        awaitPaused(timer); // paused once nothing was asked for
        long pausedAt = timer.ticks();
        Thread.sleep(600);
        assertEquals(pausedAt, timer.ticks(), "no tick while paused: the FX thread is not woken");

        int before = pulses.get();
        onFx(() -> {
            label.setText("changed");
            return null;
        });
        await(5, () -> pulses.get() > before); // the change is laid out and drawn
        awaitPaused(timer); // and the timer pauses again
        assertTrue(timer.pauses() >= 2, "paused, resumed, paused: " + timer.pauses());
    }

    @Test
    void anAnimationKeepsItTickingUntilItStops() throws Exception {
        PausingFrameTimer timer = installed();
        awaitPaused(timer); // paused before the animation
        Timeline blink = onFx(() -> {
            Timeline t = new Timeline(new KeyFrame(Duration.millis(100), e -> label.setOpacity(label.getOpacity() == 1 ? 0.5 : 1)));
            t.setCycleCount(Timeline.INDEFINITE);
            t.play();
            return t;
        });
        await(5, timer::ticking); // an animation resumes it
        long start = timer.ticks();
        Thread.sleep(500);
        assertTrue(timer.ticks() - start >= 5, "ticks every frame while it runs: " + (timer.ticks() - start));
        assertTrue(timer.ticking());

        onFx(() -> {
            blink.stop();
            return null;
        });
        awaitPaused(timer); // paused once the animation stopped
    }

    @Test
    void anOperatorCanKeepJavaFxsOwnTimer() throws Exception {
        String was = System.getProperty(PausingFrameTimer.SWITCH);
        System.setProperty(PausingFrameTimer.SWITCH, "false");
        try {
            assertEquals(PausingFrameTimer.Outcome.SWITCHED_OFF, onFx(PausingFrameTimer::install));
        } finally {
            if (was == null) System.clearProperty(PausingFrameTimer.SWITCH);
            else System.setProperty(PausingFrameTimer.SWITCH, was);
        }
    }
}
