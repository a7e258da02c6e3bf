package io.nightwatch.ui.alerts;

import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;
import io.nightwatch.store.AlertState;
import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.ui.controls.Severity;
import io.nightwatch.ui.wizard.launch.RunbookOpener;
import io.nightwatch.ui.wizard.recovery.RecoveryWording;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;

/**
 * The selected alert: name, state, summary, the runbook step, acknowledge and silence buttons, the acknowledgement,
 * then when and where, every label and annotation in a grid, the state transitions and the rule's link. Nodes only;
 * the buttons call back into {@link AlertsView}, which opens the dialogs.
 */
final class AlertDetailView extends ScrollPane {

    private static final Texts T = Texts.of(AlertDetailView.class);

    private final VBox body = new VBox();
    private final Label placeholder = label("detail-placeholder", T.get("detail.placeholder"));
    private final Glyph<Severity> severity = Glyph.severity();
    private final Label title = label("detail-title", "");
    private final Glyph<AlertState> stateGlyph = Glyph.alertState();
    private final Label state = label("detail-state", "");
    private final Label summary = label("detail-summary", "");
    private final Label hint = label("detail-hint-text", "");
    private final VBox hintBox = new VBox();
    private final Button acknowledge = new Button(T.get("detail.acknowledge"));
    private final Button silence = new Button(T.get("detail.silence"));
    private final Button runbook = new Button(RecoveryWording.OPEN_RUNBOOK);
    private final Label ack = label("detail-ack", "");
    private final GridPane facts = grid("detail-facts");
    private final GridPane labels = grid("detail-labels");
    private final GridPane annotations = grid("detail-annotations");
    private final VBox transitions = new VBox();
    private final Hyperlink link = new Hyperlink();
    private final VBox content = new VBox();
    private long shownId = -1;
    private AlertDetail current;
    /** The "so far" value of an open alert: it ticks with the table's Duration column. */
    private Label soFar;
    private final AlertsViewModel model;

    AlertDetailView(AlertsViewModel model, Consumer<AlertDetail> onAcknowledge, Consumer<AlertDetail> onSilence, Consumer<String> open) {
        this.model = model;
        getStyleClass().add("alert-detail-scroll");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        io.nightwatch.ui.fx.ScrollPanes.drawingChangesOnly(this);
        body.getStyleClass().add("alert-detail");
        body.setId("alert-detail");

        title.setWrapText(true);
        HBox head = new HBox(new Group(severity), title);
        head.getStyleClass().add("detail-head");
        head.setAlignment(Pos.CENTER_LEFT);
        HBox stateRow = new HBox(new Group(stateGlyph), state);
        stateRow.getStyleClass().add("detail-state-row");
        stateRow.setAlignment(Pos.CENTER_LEFT);
        summary.setWrapText(true);

        Label hintTitle = label("detail-hint-title", T.get("detail.hint"));
        hint.setWrapText(true);
        hintBox.getChildren().addAll(hintTitle, hint);
        hintBox.getStyleClass().add("detail-hint");

        acknowledge.getStyleClass().add("detail-acknowledge");
        acknowledge.setId("acknowledge-button");
        silence.getStyleClass().add("detail-silence");
        silence.setId("silence-button");
        silence.disableProperty().bind(model.canSilenceProperty().not());
        Tooltip.install(silence, new Tooltip(T.get("detail.silenceTip")));
        HBox actions = new HBox(acknowledge, silence, openRunbook(model));
        actions.getStyleClass().add("detail-actions");
        ack.setWrapText(true);

        link.getStyleClass().add("detail-link");
        link.setWrapText(true);
        link.setOnAction(e -> open.accept(link.getText()));
        transitions.getStyleClass().add("detail-transitions");

        content.getStyleClass().add("detail-content");
        content.getChildren().addAll(head, stateRow, summary, hintBox, actions, ack,
                section(T.get("detail.section.when")), facts, section(T.get("detail.section.labels")), labels,
                section(T.get("detail.section.annotations")), annotations, section(T.get("detail.section.transitions")), transitions,
                section(T.get("detail.section.rule")), link);
        body.getChildren().addAll(placeholder, content);
        setContent(body);

        model.detailProperty().addListener((o, old, detail) -> show(detail));
        model.nowProperty().addListener((o, old, now) -> tick());
        acknowledge.setOnAction(e -> { if (model.detailProperty().get() != null) onAcknowledge.accept(model.detailProperty().get()); });
        silence.setOnAction(e -> { if (model.detailProperty().get() != null) onSilence.accept(model.detailProperty().get()); });
        show(model.detailProperty().get());
    }

    /** "Open runbook": shown when a recovery scenario fits the alert and the window offers runbooks. */
    private Button openRunbook(AlertsViewModel model) {
        runbook.getStyleClass().add("detail-runbook");
        runbook.setId("open-runbook-button");
        Runnable showIt = () -> {
            AlertDetail d = model.detailProperty().get();
            boolean fits = d != null && d.runbook().isPresent() && model.runbookOpenerProperty().get() != null;
            runbook.setVisible(fits);
            runbook.setManaged(fits);
            if (fits) runbook.setTooltip(new Tooltip(RecoveryWording.openRunbook(d.runbook().get().scenario())));
        };
        model.detailProperty().addListener((o, old, now) -> showIt.run());
        model.runbookOpenerProperty().addListener((o, old, now) -> showIt.run());
        showIt.run();
        runbook.setOnAction(e -> {
            AlertDetail d = model.detailProperty().get();
            RunbookOpener opener = model.runbookOpenerProperty().get();
            if (d == null || d.runbook().isEmpty() || opener == null) return;
            AlertDetail.Runbook r = d.runbook().get();
            opener.openRunbook(r.scenario().id(), r.service(), r.host(), getScene() == null ? null : getScene().getWindow());
        });
        return runbook;
    }

    private void show(AlertDetail d) {
        boolean shown = d != null;
        placeholder.setVisible(!shown);
        placeholder.setManaged(!shown);
        content.setVisible(shown);
        content.setManaged(shown);
        if (!shown) {
            current = null;
            return;
        }
        severity.setState(d.row().severityKind());
        title.setText(d.alertname());
        stateGlyph.setState(d.row().state());
        summary.setText(d.summary());
        summary.setVisible(!d.summary().isEmpty());
        summary.setManaged(!d.summary().isEmpty());
        hint.setText(d.hint().orElse(""));
        hintBox.setVisible(d.hint().isPresent());
        hintBox.setManaged(d.hint().isPresent());
        ack.setText(d.ack().isEmpty() ? T.get("detail.notAcknowledged") : d.ack());
        ack.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("acknowledged"), !d.ack().isEmpty());
        acknowledge.setText(T.get(d.ack().isEmpty() ? "detail.acknowledge" : "detail.acknowledgeAgain"));
        fill(facts, d.facts());
        soFar = d.row().open() ? valueOf(facts, AlertDetail.soFar()) : null;
        current = d;
        tick();
        fill(labels, d.labels());
        fill(annotations, d.annotations().isEmpty() ? List.of(new AlertDetail.Field("", T.get("detail.none"))) : d.annotations());
        transitions.getChildren().setAll(d.transitions().stream().map(t -> label("detail-transition", t)).toList());
        link.setText(d.generatorUrl());
        link.setVisible(!d.generatorUrl().isEmpty());
        link.setManaged(!d.generatorUrl().isEmpty());
        if (d.id() != shownId) setVvalue(0); // a new alert starts at the top; a refresh of the same one keeps the place
        shownId = d.id();
    }

    /** The state line and "so far" at the model's clock: the same one the table's Duration column reads. */
    private void tick() {
        if (current == null || model.nowProperty().get() == null) return;
        java.time.Instant now = model.nowProperty().get();
        AlertRow row = current.row();
        state.setText(row.stateLineAt(now) + " · " + row.severity() + (row.service().isEmpty() ? "" : " · " + row.service()));
        if (soFar != null) soFar.setText(Formats.duration(row.lastedAt(now)));
    }

    private static Label valueOf(GridPane grid, String name) {
        for (int i = 0; i + 1 < grid.getChildren().size(); i += 2) {
            if (grid.getChildren().get(i) instanceof Label n && n.getText().equals(name)) return (Label) grid.getChildren().get(i + 1);
        }
        return null;
    }

    private static void fill(GridPane grid, List<AlertDetail.Field> fields) {
        grid.getChildren().clear();
        for (int i = 0; i < fields.size(); i++) {
            Label name = label("detail-name", fields.get(i).name());
            name.setMinWidth(Label.USE_PREF_SIZE);
            Label value = label("detail-value", fields.get(i).value());
            value.setWrapText(true);
            grid.addRow(i, name, value);
        }
    }

    private static GridPane grid(String styleClass) {
        GridPane grid = new GridPane();
        grid.getStyleClass().addAll("detail-grid", styleClass);
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(names, values);
        return grid;
    }

    private static Label section(String text) {
        return label("detail-section", text);
    }

    private static Label label(String styleClass, String text) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
