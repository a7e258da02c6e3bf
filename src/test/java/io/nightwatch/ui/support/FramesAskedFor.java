package io.nightwatch.ui.support;

import com.sun.javafx.tk.Toolkit;
import com.sun.scenario.animation.AbstractPrimaryTimer;
import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.Timeline;
import javafx.stage.Window;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * What keeps JavaFX drawing frames: the animations and animation timers its frame clock runs, and the shown windows.
 * For tests that need an idle toolkit and for their failure messages. FX thread.
 */
public final class FramesAskedFor {

    /** The frame clock's arrays of receivers (animations) and animation timers, with their lengths. */
    private static final String[][] ARRAYS = {{"receivers", "receiversLength"}, {"animationTimers", "animationTimersLength"}};

    private FramesAskedFor() {}

    /** The animations (and animation timers) running now, each with the animation it belongs to (one text each). */
    public static List<String> running() throws ReflectiveOperationException {
        return new ArrayList<>(owners().stream().map(FramesAskedFor::described).toList());
    }

    /**
     * Stops every animation and animation timer running now: what earlier tests in this JVM left behind (a caret
     * blinking in a window closed before {@link io.nightwatch.ui.fx.ClosedWindowFocus} watched), for a test that needs
     * the toolkit idle. Returns what it stopped.
     */
    public static List<String> stopAll() throws ReflectiveOperationException {
        List<Object> owners = owners();
        List<String> stopped = owners.stream().map(FramesAskedFor::described).toList();
        for (Object owner : owners) {
            if (owner instanceof Animation a) a.stop();
            else if (owner instanceof AnimationTimer t) t.stop();
        }
        return stopped;
    }

    private static List<Object> owners() throws ReflectiveOperationException {
        AbstractPrimaryTimer primary = Toolkit.getToolkit().getPrimaryTimer();
        List<Object> owners = new ArrayList<>();
        for (String[] array : ARRAYS) {
            Object[] items = (Object[]) field(array[0]).get(primary);
            int length = field(array[1]).getInt(primary);
            for (int i = 0; i < length; i++) owners.add(owner(items[i]));
        }
        return owners;
    }

    /** How many running animations call into {@code owner} (a class name part: "CaretBlinking"). */
    public static long count(String owner) throws ReflectiveOperationException {
        return running().stream().filter(r -> r.contains(owner)).count();
    }

    /** The running animations and the shown windows, for a failure's message. */
    public static String report() throws ReflectiveOperationException {
        List<String> windows = Window.getWindows().stream()
                .map(w -> w.getClass().getSimpleName() + "(" + (w.getScene() == null ? "-" : w.getScene().getRoot().getClass().getName()) + ")")
                .toList();
        return "animations " + running() + ", windows " + windows;
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field f = AbstractPrimaryTimer.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** The animation (or animation timer) a frame receiver is the inner class of, else the receiver. */
    private static Object owner(Object receiver) {
        for (Field f : receiver.getClass().getDeclaredFields()) {
            if (!f.getName().startsWith("this$")) continue;
            try {
                f.setAccessible(true);
                return f.get(receiver);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return receiver;
            }
        }
        return receiver;
    }

    /** An animation with what its key frames call; anything else by its class. */
    private static String described(Object owner) {
        return owner instanceof Timeline t ? timeline(t) : owner.getClass().getName();
    }

    private static String timeline(Timeline t) {
        List<String> calls = t.getKeyFrames().stream()
                .map(k -> k.getTime() + (k.getOnFinished() == null ? "" : " " + k.getOnFinished().getClass().getName().replaceAll("\\$\\$Lambda.*", "")))
                .toList();
        return "Timeline@" + Integer.toHexString(System.identityHashCode(t)) + "(" + (t.getCycleCount() == Animation.INDEFINITE ? "endless" : t.getCycleCount() + "x") + " " + calls + ")";
    }
}
