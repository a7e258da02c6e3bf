package io.nightwatch.ui.wizard;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.controls.Glyph;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Page 3: the steps with their live state (icon and word), the current step with its own progress words and a bar,
 * the output as it comes (newest last, followed), and while cancelling a banner that says the run is undoing.
 */
final class RunPage {

    private static final Texts T = Texts.of(RunPage.class);

    private final VBox root = new VBox();
    private final ListView<String> log;

    RunPage(WizardModel<?> model) {
        root.getStyleClass().addAll("wizard-page", "wizard-run");

        Label current = WizardNodes.label("", "wizard-current");
        current.setId("wizard-current");
        current.textProperty().bind(model.currentStepProperty());
        ProgressBar bar = new ProgressBar();
        bar.getStyleClass().add("wizard-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label progressText = WizardNodes.label("", "wizard-progress-text");
        progressText.setId("wizard-progress-text");
        progressText.textProperty().bind(model.progressTextProperty());
        VBox head = new VBox(current, bar, progressText);
        head.getStyleClass().add("wizard-run-head");

        Glyph<StepState> undoing = StepState.glyph(StepState.UNDOING);
        Label cancelText = WizardNodes.text(T.get("run.cancelling"), "wizard-cancelling-text");
        cancelText.setId("wizard-cancelling-text");
        HBox.setHgrow(cancelText, Priority.ALWAYS);
        HBox cancelling = new HBox(undoing, cancelText);
        cancelling.getStyleClass().add("wizard-cancelling");
        cancelling.setAlignment(Pos.CENTER_LEFT);
        WizardNodes.shown(cancelling, false);
        model.cancellingProperty().addListener((o, old, now) -> WizardNodes.shown(cancelling, now));

        StepListView steps = new StepListView(model.stepRows(), "step-");
        ScrollPane stepScroll = io.nightwatch.ui.fx.ScrollPanes.drawingChangesOnly(new ScrollPane(steps));
        stepScroll.getStyleClass().addAll("wizard-scroll", "wizard-steps-scroll");
        stepScroll.setFitToWidth(true);
        stepScroll.setMinWidth(340);
        stepScroll.setPrefWidth(380);
        stepScroll.setMaxWidth(380);

        log = new ListView<>(model.output());
        log.getStyleClass().add("wizard-log");
        log.setId("wizard-log");
        log.setFocusTraversable(true);
        log.setCellFactory(list -> new LogCell());
        log.setPlaceholder(WizardNodes.label(T.get("run.noOutput"), "wizard-caption"));
        model.output().addListener((ListChangeListener<String>) c -> {
            if (!model.output().isEmpty()) log.scrollTo(model.output().size() - 1);
        });
        Label logTitle = WizardNodes.label(T.get("run.output"), "wizard-fact-caption");
        VBox logBox = new VBox(logTitle, log);
        logBox.getStyleClass().add("wizard-log-box");
        VBox.setVgrow(log, Priority.ALWAYS);
        HBox.setHgrow(logBox, Priority.ALWAYS);

        HBox body = new HBox(stepScroll, logBox);
        body.getStyleClass().add("wizard-run-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(head, cancelling, body);
    }

    VBox node() {
        return root;
    }

    /** One output line, monospace, unselectable-looking: the log is for reading, the journal for keeping. */
    private static final class LogCell extends ListCell<String> {
        LogCell() {
            getStyleClass().add("wizard-log-line");
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            setText(empty ? null : line);
        }
    }
}
