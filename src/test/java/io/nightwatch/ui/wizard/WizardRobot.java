package io.nightwatch.ui.wizard;

import io.nightwatch.ui.support.Fx;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

import java.util.List;
import java.util.concurrent.Callable;

/** Reading the wizard's own window in tests; the general helpers are {@link Fx}'s. */
final class WizardRobot {

    private WizardRobot() {}

    static void await(Callable<Boolean> condition) throws Exception {
        Fx.await(condition);
    }

    static void await(int seconds, Callable<Boolean> condition) throws Exception {
        Fx.await(seconds, condition);
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        return Fx.onFx(read);
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
        return onFx(() -> Fx.textList(node, selector));
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
        Fx.click(robot, n);
    }
}
