package io.nightwatch.ui.fx;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

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
        stage.show();
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
        await(5, () -> !timer.ticking()); // paused once nothing was asked for
        long pausedAt = timer.ticks();
        Thread.sleep(600);
        assertEquals(pausedAt, timer.ticks(), "no tick while paused: the FX thread is not woken");

        int before = pulses.get();
        onFx(() -> {
            label.setText("changed");
            return null;
        });
        await(5, () -> pulses.get() > before); // the change is laid out and drawn
        await(5, () -> !timer.ticking()); // and the timer pauses again
        assertTrue(timer.pauses() >= 2, "paused, resumed, paused: " + timer.pauses());
    }

    @Test
    void anAnimationKeepsItTickingUntilItStops() throws Exception {
        PausingFrameTimer timer = installed();
        await(5, () -> !timer.ticking()); // paused before the animation
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
        await(5, () -> !timer.ticking()); // paused once the animation stopped
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
