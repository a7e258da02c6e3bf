package io.nightwatch.ui.wizard;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Reading the wizard in tests: on the FX thread, waiting for what the worker brings. */
final class WizardRobot {

    private WizardRobot() {}

    static void await(Callable<Boolean> condition) throws Exception {
        await(15, condition);
    }

    static void await(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    static Parent root(Stage stage) {
        return stage.getScene().getRoot();
    }

    /** The text of the one node matching {@code selector} inside the wizard. */
    static String text(Stage stage, String selector) throws Exception {
        return onFx(() -> ((Labeled) root(stage).lookup(selector)).getText());
    }

    /** The texts of every labelled node matching {@code selector} under {@code node}, in scene order. */
    static List<String> texts(Node node, String selector) throws Exception {
        return onFx(() -> node.lookupAll(selector).stream().filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText()).toList());
    }

    static boolean visible(Stage stage, String selector) throws Exception {
        return onFx(() -> {
            Node n = root(stage).lookup(selector);
            if (n == null) return false;
            for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
            return true;
        });
    }

    static StepState stateOf(WizardModel<?> model, String stepId) throws Exception {
        return onFx(() -> model.stepRows().stream().filter(r -> r.plan().id().equals(stepId)).findFirst().orElseThrow().getState());
    }

    static void click(FxRobot robot, Stage stage, String selector) throws Exception {
        Node n = onFx(() -> root(stage).lookup(selector));
        if (n == null) throw new AssertionError("no " + selector + " in the wizard");
        robot.clickOn(n);
    }
}
