package io.nightwatch.ui.dashboard.actions;

import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.Step;
import io.nightwatch.ui.dashboard.TileRef;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A tile's Start or Restart: first the exact engine calls (the runbook's own preview, selectable and copyable),
 * for a restart with its grace period; then, on the operator's word, the run with its output and its outcome in one
 * sentence. Nothing happens before the button is pressed.
 */
public final class ActionDialog {

    /** Runs the built runbook off the FX thread and reports its lines; answers on the FX thread. */
    interface Runner {
        void run(Runbook runbook, Map<String, String> params, java.util.function.Consumer<String> output,
                 java.util.function.Consumer<RunResult> done);
    }

    private final Stage stage = new Stage();
    private final TextArea preview = new TextArea();
    private final Label status = new Label();
    private final Button go = new Button();
    private final Button close = new Button(ActionWording.close());
    private final Spinner<Integer> grace = new Spinner<>(1, 600, 10);
    private final TileRef tile;
    private final boolean restart;
    private final Function<Map<String, String>, Runbook> build;
    private final List<String> output = new ArrayList<>();

    ActionDialog(TileRef tile, boolean restart, Function<Map<String, String>, Runbook> build, Runner runner, Window owner) {
        this.tile = tile;
        this.restart = restart;
        this.build = build;
        stage.setTitle(ActionWording.title(restart, tile.service()));
        if (owner != null) stage.initOwner(owner);
        Label heading = new Label(ActionWording.title(restart, tile.service()));
        heading.getStyleClass().add("action-heading");
        Label explanation = new Label(ActionWording.explanation(restart, tile.service(), tile.host()));
        explanation.setWrapText(true);
        preview.setId("action-preview");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.setPrefRowCount(5);
        preview.getStyleClass().add("action-preview");
        grace.setId("action-grace");
        grace.setEditable(true);
        grace.valueProperty().addListener((o, was, now) -> showPreview());
        HBox graceRow = new HBox(8, new Label(ActionWording.grace()), grace);
        graceRow.setAlignment(Pos.CENTER_LEFT);
        graceRow.setVisible(restart);
        graceRow.setManaged(restart);
        status.setId("action-status");
        status.setWrapText(true);
        status.getStyleClass().add("action-status");
        go.setId("action-run");
        go.setText(ActionWording.button(restart));
        go.setDefaultButton(true);
        go.setOnAction(e -> run(runner));
        close.setId("action-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, grow, close, go);
        VBox root = new VBox(10, heading, explanation, new Label(ActionWording.engineCalls()), preview, graceRow, status, buttons);
        root.getStyleClass().add("action-dialog");
        root.setPadding(new Insets(16));
        root.setPrefWidth(620);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        showPreview();
    }

    public Stage stage() { return stage; }

    /** The preview as shown: one engine call per line. */
    public String previewText() { return preview.getText(); }

    public String statusText() { return status.getText(); }

    public void setGrace(int seconds) { grace.getValueFactory().setValue(seconds); }

    /** The operator's word: run it. */
    public void confirm() { go.fire(); }

    private Map<String, String> params() {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("service", tile.service());
        params.put("host", tile.host());
        if (restart) params.put("grace", String.valueOf(grace.getValue()));
        return params;
    }

    private void showPreview() {
        try {
            Runbook runbook = build.apply(params());
            List<String> lines = new ArrayList<>();
            for (Step step : runbook.steps()) lines.addAll(step.preview(RunContext.preview(params())));
            preview.setText(ActionWording.preview(lines));
            go.setDisable(false);
            status.setText("");
        } catch (IllegalArgumentException e) {
            preview.setText("");
            status.setText(e.getMessage());
            go.setDisable(true);
        }
    }

    private void run(Runner runner) {
        Runbook runbook;
        try {
            runbook = build.apply(params());
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        go.setDisable(true);
        grace.setDisable(true);
        status.setText(ActionWording.running());
        runner.run(runbook, params(), line -> {
            output.add(line);
            status.setText(ActionWording.running() + " " + line);
        }, this::finished);
    }

    private void finished(RunResult r) {
        String journal = r.journal() == null ? "" : r.journal().toString();
        if (r.succeeded()) {
            status.setText(ActionWording.done(tile.service(), journal));
            status.getStyleClass().add("action-done");
        } else {
            status.setText(ActionWording.failed(io.nightwatch.docker.EngineErrors.sentence(firstLine(r.message()), tile.service()), journal));
            status.getStyleClass().add("action-failed");
            go.setDisable(false);
            grace.setDisable(false);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().filter(l -> !l.startsWith("Journal: ")).findFirst().orElse(message).strip();
    }
}
