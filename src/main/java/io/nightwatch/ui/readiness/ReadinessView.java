package io.nightwatch.ui.readiness;

import io.nightwatch.audit.Phase;
import io.nightwatch.audit.Verdict;
import io.nightwatch.ui.controls.Glyph;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The Readiness view: the verdict per phase and the score beside the score over time; the audit command with its
 * progress and the filter; then the items by category. Nodes and bindings only; everything it shows is in
 * {@link ReadinessViewModel}.
 */
public final class ReadinessView extends VBox {

    private final ReadinessViewModel model;
    private final VBox groups = new VBox();
    private final Label placeholder = new Label();
    private Consumer<String> clipboard = ReadinessView::toClipboard;

    public ReadinessView(ReadinessViewModel model, ZoneId zone) {
        this.model = model;
        getStyleClass().add("readiness-view");

        HBox phases = new HBox();
        phases.getStyleClass().add("readiness-phases");
        for (Phase p : Phase.values()) phases.getChildren().add(phaseBox(p));
        phases.setMinWidth(Region.USE_PREF_SIZE); // the verdicts are never squeezed (German ones are longer); the chart gives way
        Label score = new Label();
        score.setId("readiness-score");
        score.getStyleClass().add("readiness-score");
        score.textProperty().bind(model.scoreProperty());
        Label taken = new Label();
        taken.getStyleClass().add("readiness-caption");
        taken.textProperty().bind(model.takenProperty());
        Label question = new Label(ReadinessWording.question());
        question.getStyleClass().add("readiness-question");
        VBox scoreBox = new VBox(question, score, taken);
        scoreBox.getStyleClass().add("readiness-score-box");
        ScoreChart chart = new ScoreChart(model.history(), zone);
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox top = new HBox(phases, scoreBox, chart);
        top.getStyleClass().add("readiness-top");
        top.setAlignment(Pos.TOP_LEFT);
        top.setFillHeight(false);

        Button run = new Button(ReadinessWording.run());
        run.setId("readiness-run");
        run.getStyleClass().addAll("readiness-button", "readiness-run");
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.runAudit());
        run.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.getStyleClass().add("readiness-progress");
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(model.runningProperty());
        Label progress = new Label();
        progress.setId("readiness-progress-text");
        progress.getStyleClass().add("readiness-caption");
        progress.textProperty().bind(model.progressTextProperty());
        CheckBox onlyOpen = new CheckBox(ReadinessWording.onlyOpen());
        onlyOpen.setId("readiness-only-open");
        onlyOpen.getStyleClass().add("readiness-filter");
        onlyOpen.selectedProperty().bindBidirectional(model.onlyNotOkProperty());
        onlyOpen.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label message = new Label();
        message.setId("readiness-message");
        message.getStyleClass().add("readiness-message");
        message.textProperty().bind(model.messageProperty());
        model.problemProperty().addListener((o, was, now) -> message.pseudoClassStateChanged(PROBLEM, now));
        HBox commands = new HBox(run, bar, progress, grow, message, onlyOpen);
        commands.getStyleClass().add("readiness-commands");
        commands.setAlignment(Pos.CENTER_LEFT);

        groups.getStyleClass().add("readiness-groups");
        placeholder.getStyleClass().add("readiness-placeholder");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(model.placeholderProperty());
        ScrollPane scroll = io.nightwatch.ui.fx.ScrollPanes.drawingChangesOnly(new ScrollPane(groups));
        scroll.getStyleClass().add("readiness-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        getChildren().addAll(top, commands, scroll);
        model.groups().addListener((ListChangeListener<ItemGroup>) c -> showGroups());
        showGroups();
    }

    private static final javafx.css.PseudoClass PROBLEM = javafx.css.PseudoClass.getPseudoClass("problem");

    /** For tests: where copied fixes go instead of the system clipboard. */
    public void setClipboard(Consumer<String> target) {
        clipboard = target == null ? ReadinessView::toClipboard : target;
    }

    private VBox phaseBox(Phase p) {
        Glyph<Verdict> glyph = new Glyph<>(ReadinessLook.VERDICT_GLYPHS, null);
        glyph.stateProperty().bind(model.phaseProperty(p));
        Label name = new Label(ReadinessWording.phase(p));
        name.getStyleClass().add("phase-name");
        Label verdict = new Label();
        verdict.getStyleClass().add("phase-verdict");
        verdict.setId("phase-" + p.key());
        verdict.setMinWidth(Region.USE_PREF_SIZE); // "BEDINGT BEREIT" is longer than "CONDITIONAL": never cut a verdict
        verdict.textProperty().bind(model.phaseProperty(p).map(ReadinessWording::verdict).orElse(ReadinessWording.verdict(null)));
        HBox line = new HBox(new Group(glyph), verdict);
        line.getStyleClass().add("phase-line");
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(name, line);
        box.getStyleClass().add("readiness-phase");
        ReadinessLook.VERDICT.apply(box, model.phaseProperty(p).get());
        model.phaseProperty(p).addListener((o, old, now) -> ReadinessLook.VERDICT.apply(box, now));
        return box;
    }

    private void showGroups() {
        if (model.groups().isEmpty()) {
            groups.getChildren().setAll(placeholder);
            return;
        }
        groups.getChildren().clear();
        for (ItemGroup g : model.groups()) {
            Label title = new Label(g.title());
            title.getStyleClass().add("group-title");
            Label count = new Label(g.count());
            count.getStyleClass().add("group-count");
            count.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("all-ok"), g.allOk());
            HBox head = new HBox(title, count);
            head.getStyleClass().add("group-head");
            head.setAlignment(Pos.BASELINE_LEFT);
            VBox section = new VBox(head);
            section.getStyleClass().add("readiness-group");
            for (ReadinessItem item : g.items()) section.getChildren().add(new ItemCard(item, model, i -> clipboard.accept(model.copyFix(i))));
            groups.getChildren().add(section);
        }
    }

    private static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
