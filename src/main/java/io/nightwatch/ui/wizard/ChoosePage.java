package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.InterruptedRun;
import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Page 1: above all, interrupted runs of this runbook with Resume and Abort; then the choice's own form
 * ({@link WizardChoice#form()}); then the problem line.
 */
final class ChoosePage {

    private static final Texts T = Texts.of(ChoosePage.class);

    private final WizardModel<?> model;
    private final VBox content = new VBox();
    private final ScrollPane root = io.nightwatch.ui.fx.ScrollPanes.drawingChangesOnly(new ScrollPane(content));
    private final VBox interruptedBox = new VBox();

    ChoosePage(WizardModel<?> model) {
        this.model = model;
        content.getStyleClass().addAll("wizard-page", "wizard-choose");
        root.getStyleClass().add("wizard-scroll");
        root.setFitToWidth(true);

        interruptedBox.getStyleClass().add("wizard-interrupted");
        model.interrupted().addListener((ListChangeListener<InterruptedRun>) c -> showInterrupted());
        showInterrupted();

        Label problem = WizardNodes.hiddenWhenEmpty(WizardNodes.text("", "wizard-problem"));
        problem.setId("wizard-problem");
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.textProperty().bind(model.problemProperty());
        content.getChildren().addAll(interruptedBox, model.choice().form(), problem);
    }

    ScrollPane node() {
        return root;
    }

    private void showInterrupted() {
        interruptedBox.getChildren().clear();
        for (InterruptedRun run : model.interrupted()) interruptedBox.getChildren().add(interruptedRow(run));
        WizardNodes.shown(interruptedBox, !model.interrupted().isEmpty());
    }

    private VBox interruptedRow(InterruptedRun run) {
        String when = run.startedAt() == null ? "" : T.get("interrupted.started", Formats.dateTime(run.startedAt(), ZoneId.systemDefault()));
        String stopped = run.stoppedAt() == null ? "" : T.get("interrupted.stopped", WizardWording.age(Duration.between(run.stoppedAt(), Instant.now())));
        String where = run.stoppedInStep().map(s -> T.get("interrupted.inStep", s)).orElse(""); // the journal names steps by id
        Label head = WizardNodes.text(T.get("interrupted.found", model.choice().word(), when + stopped + where,
                run.finishedSteps().size(), run.stepIds().size()), "wizard-interrupted-text");
        Label hint = WizardNodes.text(run.resumable() ? T.get("interrupted.resumable") : T.get("interrupted.abortOnly"),
                "wizard-caption");
        Button resume = new Button(T.get("button.resume"));
        resume.getStyleClass().add("wizard-small-button");
        resume.setId("wizard-resume");
        resume.setDisable(!run.resumable());
        resume.setOnAction(e -> model.resume(run));
        Button abort = new Button(T.get("button.abort"));
        abort.getStyleClass().add("wizard-small-button");
        abort.setId("wizard-abort");
        abort.setOnAction(e -> model.abort(run));
        abort.setTooltip(new Tooltip(T.get("interrupted.undoes", String.join(", ", run.toUndo()))));
        HBox buttons = new HBox(resume, abort);
        buttons.getStyleClass().add("wizard-interrupted-buttons");
        VBox row = new VBox(head, hint, buttons);
        row.getStyleClass().add("wizard-interrupted-run");
        return row;
    }
}
