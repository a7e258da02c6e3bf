package io.nightwatch.ui.fx;

import com.sun.glass.ui.Application;
import com.sun.glass.ui.Timer;
import com.sun.javafx.tk.Toolkit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JavaFX's frame timer, stopped while there is nothing to draw. JavaFX asks its frame timer to pause once no animation
 * has run and no frame was asked for during 250 ms, and to resume as soon as one is; on GTK (and Monocle) that pause
 * does nothing, so the FX thread woke 30 times a second all night to find nothing to do (two fifths of the idle
 * window's CPU, docs/benchmarks.md). This timer takes the toolkit's place and stops the platform's timer on a pause and
 * starts it again on a resume: the FX thread sleeps until a figure changes, a key is pressed or the mouse moves. It
 * pauses at the first tick that finds nothing to draw rather than after 250 ms of them (each wake of the FX thread
 * costs about a quarter of a millisecond here).
 * {@code Platform.runLater} and input events do not need the timer; they reach the FX thread through the event loop.
 *
 * <p>It replaces the toolkit's private field by reflection, so it only does so for the platform timers read for this
 * (GTK's and Monocle's, started with a fixed period) and leaves JavaFX's own timer in place on anything else, or when
 * {@code -Dnightwatch.pausingFrames=false}.
 */
public final class PausingFrameTimer extends Timer {

    private static final Logger LOG = LoggerFactory.getLogger(PausingFrameTimer.class);
    /** Platform timers whose pause is empty and whose stop and start are safe from their own callback. */
    static final Set<String> PLATFORM_TIMERS = Set.of("com.sun.glass.ui.gtk.GtkTimer", "com.sun.glass.ui.monocle.MonocleTimer");
    static final String SWITCH = "nightwatch.pausingFrames";

    private final Timer platform;
    private final AtomicLong ticks = new AtomicLong();
    // guarded by this: Timer's start, stop, pause and resume are synchronized and call the methods below
    private int period;
    private boolean ticking;
    private long pauses;

    private PausingFrameTimer(Runnable toolkitTick, IdleQuestion idle) {
        super(toolkitTick);
        this.platform = Application.GetApplication().createTimer(() -> {
            ticks.incrementAndGet();
            toolkitTick.run();
            // JavaFX found nothing to draw and asked to pause, which it does only after 250 ms of such ticks: pause
            // now. Under the toolkit's lock, as its own pause and resume, and only while no frame or animation is
            // asked for: one asked for on another thread since this tick looked sets its flag before it takes the
            // lock to resume, so it is either seen here or resumes after this pause.
            synchronized (idle.toolkit()) {
                if (idle.nothingAskedFor()) pause();
            }
        });
    }

    /** The toolkit's own flags: it asked to pause, and neither an animation nor a frame is asked for. */
    private record IdleQuestion(Object toolkit, Field pauseRequested, Object animationRunning, Object nextPulseRequested, Field isRunning) {

        static IdleQuestion of(Object toolkit) throws ReflectiveOperationException {
            Field pauseRequested = field(toolkit.getClass(), "pauseRequested");
            Object animation = field(toolkit.getClass(), "animationRunning").get(toolkit);
            Object nextPulse = field(toolkit.getClass(), "nextPulseRequested").get(toolkit);
            Field isRunning = field(animation.getClass(), "isRunning");
            if (pauseRequested.getType() != boolean.class || isRunning.getType() != boolean.class || nextPulse.getClass() != animation.getClass()) {
                throw new NoSuchFieldException("the toolkit's pause flags are not what was read for this");
            }
            return new IdleQuestion(toolkit, pauseRequested, animation, nextPulse, isRunning);
        }

        boolean nothingAskedFor() {
            try {
                return pauseRequested.getBoolean(toolkit) && !isRunning.getBoolean(animationRunning) && !isRunning.getBoolean(nextPulseRequested);
            } catch (IllegalAccessException e) {
                return false; // then JavaFX's own pause after 250 ms still comes
            }
        }
    }

    /** What {@link #install} did, for the log and the tests. */
    public enum Outcome { INSTALLED, ALREADY, SWITCHED_OFF, NOT_THIS_PLATFORM, NOT_RUNNING, UNREADABLE }

    /**
     * Puts a pausing timer in place of the toolkit's running one, with its period. On the FX thread, after the toolkit
     * has started (from {@code Application.start} on).
     */
    public static Outcome install() {
        Toolkit.getToolkit().checkFxUserThread();
        if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true"))) return Outcome.SWITCHED_OFF;
        try {
            Object toolkit = Toolkit.getToolkit();
            Field timerField = field(toolkit.getClass(), "pulseTimer");
            Timer current = (Timer) timerField.get(toolkit);
            if (current instanceof PausingFrameTimer) return Outcome.ALREADY;
            if (current == null || !PLATFORM_TIMERS.contains(current.getClass().getName())) {
                LOG.debug("frame timer left as JavaFX made it: {}", current == null ? "none" : current.getClass().getName());
                return Outcome.NOT_THIS_PLATFORM;
            }
            double period = (double) field(Timer.class, "period").get(current);
            if (period <= 0) return Outcome.NOT_RUNNING; // stopped, or driven by vsync
            Runnable tick = (Runnable) field(toolkit.getClass(), "timerRunnable").get(toolkit);
            PausingFrameTimer pausing = new PausingFrameTimer(tick, IdleQuestion.of(toolkit));
            synchronized (toolkit) { // where the toolkit pauses and resumes its timer: those threads see the new one
                pausing.start((int) period);
                timerField.set(toolkit, pausing);
                current.stop();
            }
            LOG.debug("frame timer pauses while nothing is drawn (every {} ms while something is)", (int) period);
            return Outcome.INSTALLED;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("frame timer left as JavaFX made it: {}", e.toString());
            return Outcome.UNREADABLE;
        }
    }

    /** The toolkit's frame timer when it is one of these, for tests and benchmarks. */
    static java.util.Optional<PausingFrameTimer> installed() {
        try {
            Object toolkit = Toolkit.getToolkit();
            return toolkit.getClass().getName().endsWith("QuantumToolkit") && field(toolkit.getClass(), "pulseTimer").get(toolkit) instanceof PausingFrameTimer p
                    ? java.util.Optional.of(p) : java.util.Optional.empty();
        } catch (ReflectiveOperationException e) {
            return java.util.Optional.empty();
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** Ticks of the platform timer so far. */
    long ticks() { return ticks.get(); }

    synchronized boolean ticking() { return ticking; }

    synchronized long pauses() { return pauses; }

    @Override
    protected long _start(Runnable runnable) {
        throw new UnsupportedOperationException("a pausing frame timer needs a period");
    }

    @Override
    protected long _start(Runnable runnable, int period) {
        this.period = period;
        platform.start(period);
        ticking = true;
        return 1; // Timer only needs a non-zero handle; the platform timer keeps its own
    }

    @Override
    protected void _stop(long handle) {
        ticking = false;
        platform.stop();
    }

    @Override
    protected void _pause(long handle) {
        if (!ticking) return;
        // GTK drops its timer at the next tick; Monocle cancels without waiting: both safe from the tick itself
        platform.stop();
        ticking = false;
        pauses++;
    }

    @Override
    protected void _resume(long handle) {
        if (ticking) return; // called for every frame asked for: cheap while ticking
        platform.start(period);
        ticking = true;
    }
}
