package io.nightwatch.ui.alerts;

import io.nightwatch.text.Texts;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.stage.Window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * "Silence alerts in Alertmanager": matchers prefilled from the selected alert (alertname and its identifying labels,
 * each editable and removable), a duration preset, a required comment. The Silence button stays disabled, with the
 * reason shown, until Alertmanager would accept it. The frame is SilenceDialog.fxml; rows are built here.
 */
public final class SilenceDialog {

    /** What the operator asked for. */
    public record Request(List<SilenceDraft.Matcher> matchers, Duration duration, String comment) {}

    @FXML private VBox matchers;
    @FXML private Button addMatcher;
    @FXML private FlowPane durations;
    @FXML private TextArea comment;
    @FXML private Label problem;
    @FXML private Label by;
    @FXML private ButtonType silenceButton;

    private final ToggleGroup durationGroup = new ToggleGroup();
    private final List<MatcherRow> rows = new ArrayList<>();
    private Node silence;

    private static final Texts T = Texts.of(SilenceDialog.class);

    private SilenceDialog() {}

    static Dialog<Request> open(Window owner, AlertDetail detail, String user, Consumer<Request> onSilence) {
        SilenceDialog controller = new SilenceDialog();
        DialogPane pane = DialogFrames.load("SilenceDialog.fxml", controller);
        controller.fill(pane, detail, user);
        Dialog<Request> dialog = DialogFrames.dialog(pane, owner, T.get("silence.dialogTitle", detail.alertname()));
        dialog.setResultConverter(button -> button == controller.silenceButton ? controller.request() : null);
        dialog.setOnHidden(e -> {
            Request result = dialog.getResult();
            if (result != null) onSilence.accept(result);
        });
        dialog.setOnShown(e -> controller.comment.requestFocus());
        dialog.show();
        return dialog;
    }

    private void fill(DialogPane pane, AlertDetail detail, String user) {
        silence = pane.lookupButton(silenceButton);
        silence.getStyleClass().add("dialog-confirm");
        for (SilenceDraft.Matcher m : SilenceDraft.prefill(detail.labelMap())) addRow(m);
        addMatcher.setOnAction(e -> addRow(new SilenceDraft.Matcher("", SilenceDraft.Op.EQUAL, "")).name.requestFocus());
        for (Duration d : SilenceDraft.PRESETS) {
            ToggleButton choice = new ToggleButton(SilenceDraft.label(d));
            choice.setUserData(d);
            choice.setToggleGroup(durationGroup);
            choice.getStyleClass().add("duration-choice");
            choice.setId("duration-" + SilenceDraft.id(d)); // the same id in either language
            if (d.equals(SilenceDraft.DEFAULT_DURATION)) choice.setSelected(true);
            durations.getChildren().add(choice);
        }
        durationGroup.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) durationGroup.selectToggle(old); // always one duration
            check();
        });
        comment.textProperty().addListener((o, old, now) -> check());
        by.setText(T.get("silence.by", user));
        check();
    }

    private MatcherRow addRow(SilenceDraft.Matcher m) {
        MatcherRow row = new MatcherRow(m);
        rows.add(row);
        matchers.getChildren().add(row.box);
        check();
        return row;
    }

    private void check() {
        Optional<String> why = SilenceDraft.problem(drafts(), duration(), comment.getText());
        problem.setText(why.orElse(""));
        problem.setVisible(why.isPresent());
        problem.setManaged(why.isPresent());
        if (silence != null) silence.setDisable(why.isPresent());
    }

    private List<SilenceDraft.Matcher> drafts() {
        return rows.stream().map(MatcherRow::draft).toList();
    }

    private Duration duration() {
        return durationGroup.getSelectedToggle() == null ? null : (Duration) durationGroup.getSelectedToggle().getUserData();
    }

    private Request request() {
        return new Request(drafts(), duration(), comment.getText().strip());
    }

    /** One matcher: label name, operator, value, and a button that removes it. */
    private final class MatcherRow {
        final TextField name = new TextField();
        final ComboBox<SilenceDraft.Op> op = new ComboBox<>();
        final TextField value = new TextField();
        final HBox box;

        MatcherRow(SilenceDraft.Matcher m) {
            name.setText(m.name());
            name.setPromptText(T.get("matcher.label"));
            name.getStyleClass().add("matcher-name");
            name.setPrefColumnCount(10);
            op.getItems().setAll(SilenceDraft.Op.values());
            op.setValue(m.op());
            op.getStyleClass().add("matcher-op");
            value.setText(m.value());
            value.setPromptText(T.get("matcher.value"));
            value.getStyleClass().add("matcher-value");
            HBox.setHgrow(value, Priority.ALWAYS);
            SVGPath cross = new SVGPath();
            cross.setContent("M2 2 L10 10 M10 2 L2 10");
            cross.getStyleClass().add("matcher-remove-icon");
            Button remove = new Button("", cross);
            remove.getStyleClass().add("matcher-remove");
            remove.setTooltip(new Tooltip(T.get("matcher.remove")));
            box = new HBox(name, op, value, remove);
            box.getStyleClass().add("matcher-row");
            box.setAlignment(Pos.CENTER_LEFT);
            remove.setOnAction(e -> {
                rows.remove(this);
                matchers.getChildren().remove(box);
                check();
            });
            name.textProperty().addListener((o, old, now) -> check());
            op.valueProperty().addListener((o, old, now) -> check());
            value.textProperty().addListener((o, old, now) -> check());
        }

        SilenceDraft.Matcher draft() {
            return new SilenceDraft.Matcher(name.getText(), op.getValue(), value.getText());
        }
    }
}
