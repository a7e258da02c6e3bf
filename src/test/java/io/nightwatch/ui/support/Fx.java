package io.nightwatch.ui.support;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.service.query.PointQuery;
import org.testfx.service.query.impl.CallableBoundsPointQuery;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reading a window in tests: on the FX thread, waiting (bounded) for what the background brings. Every wait ends in a
 * few seconds; none asserts how long something took.
 */
public final class Fx {

    private Fx() {}

    /** Runs {@code read} on the FX thread and returns its answer (at most 10 s). */
    public static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition}, read on the FX thread, holds (at most 15 s). */
    public static void await(Callable<Boolean> condition) throws Exception {
        await(15, condition);
    }

    public static void await(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    /**
     * Clicks the first visible node matching {@code query}. Its screen bounds are read on the FX thread: TestFX reads
     * them on the calling thread, which races a pulse computing the same bounds (seen once: an
     * IndexOutOfBoundsException in Parent.updateCachedBounds right after a tab's text and icon changed).
     */
    public static FxRobotInterface click(FxRobot robot, String query) throws Exception {
        // the first visible match, as TestFX's clickOn(query) takes
        return click(robot, onFx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery()
                .orElseThrow(() -> new AssertionError("no visible node for " + query))));
    }

    /**
     * As {@link #click(FxRobot, String)}, for a node already found. The point stays a query, not a fixed point: TestFX
     * asks it again once the mouse has arrived, so a node laid out or moved meanwhile is still hit (a fixed point taken
     * before the first layout of a node just shown once missed the interrupted run's abort button).
     */
    public static FxRobotInterface click(FxRobot robot, Node node) throws Exception {
        robot.targetWindow(onFx(() -> node.getScene().getWindow())); // as TestFX's point(node) does: write(...) types there
        PointQuery centre = new CallableBoundsPointQuery(() -> onFx(() -> robot.bounds(node).query()), node).atPosition(Pos.CENTER);
        return robot.clickOn(centre);
    }

    /** The text of the first labelled node matching {@code selector} in the robot's windows. */
    public static String text(FxRobot robot, String selector) throws Exception {
        return onFx(() -> robot.lookup(selector).queryAs(Labeled.class).getText());
    }

    /** The texts of every labelled node matching {@code selector} under {@code node}, in scene order. FX thread. */
    public static List<String> textList(Node node, String selector) {
        return node.lookupAll(selector).stream().filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText()).toList();
    }

    /** As {@link #textList}, as a set. FX thread. */
    public static Set<String> textSet(Node node, String selector) {
        return node.lookupAll(selector).stream().filter(n -> n instanceof Labeled)
                .map(n -> ((Labeled) n).getText()).collect(Collectors.toSet());
    }
}
