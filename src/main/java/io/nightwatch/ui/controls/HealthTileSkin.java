package io.nightwatch.ui.controls;

import io.nightwatch.text.Texts;
import io.nightwatch.health.HealthState;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;

import java.util.List;

/**
 * Lays a {@link HealthTile} out like a dashboard tile: identity on top, the big state in the middle, then the reason
 * and a small table of facts. Sizes and colours live in the stylesheet; this class only builds and binds nodes.
 */
public class HealthTileSkin extends SkinBase<HealthTile> {

    private static final Texts T = Texts.of(HealthTileSkin.class);

    private final VBox body = new VBox();
    private final Label title = label("tile-title");
    private final Label subtitle = label("tile-subtitle");
    private final Label version = label("tile-version");
    private final Label newProblem = label("tile-new");
    private final Glyph<HealthState> glyph = Glyph.health();
    private final Label state = label("tile-state");
    private final StackPane trendSlot = new StackPane();
    private final Label reason = label("tile-reason");
    private final Label probe = label("tile-probe");
    private final Label uptime = label("tile-uptime");
    private final Label restarts = label("tile-restarts");
    private final ProgressBar memoryBar = new ProgressBar(0);
    private final Label memory = label("tile-memory-text");
    private final Label errors = label("tile-errors");
    private final Label backup = label("tile-backup");
    private final SVGPath errorIcon = new SVGPath();
    private final Label findings = label("tile-findings");
    /** A state word of ten letters or more ("eingeschränkt"): a smaller size leaves the trend its room. */
    private static final javafx.css.PseudoClass LONG_WORD = javafx.css.PseudoClass.getPseudoClass("long-word");
    private static final int LONG_WORD_LETTERS = 10;
    private static final javafx.css.PseudoClass OVERDUE = javafx.css.PseudoClass.getPseudoClass("overdue");
    private final javafx.beans.value.ChangeListener<Boolean> overdueListener = (o, was, now) -> backup.pseudoClassStateChanged(OVERDUE, now);
    private final SVGPath findingIcon = new SVGPath();
    private final Tooltip tooltip = new Tooltip();
    private final ListChangeListener<String> findingsListener = c -> showFindings();
    private final InvalidationListener trendListener = o -> showTrend();
    private final ListChangeListener<String> errorLinesListener = c -> showErrorLinesAffordance();

    public HealthTileSkin(HealthTile tile) {
        super(tile);
        body.getStyleClass().add("tile-body");
        body.getChildren().addAll(header(), stateRow(), reasonLine(), facts(), findingsLine());
        getChildren().add(body);
        bind(tile);
    }

    private HBox header() {
        VBox names = new VBox(title, subtitle);
        names.getStyleClass().add("tile-names");
        HBox.setHgrow(names, Priority.ALWAYS);
        names.setMinWidth(0);
        version.setMinWidth(Region.USE_PREF_SIZE);
        newProblem.setMinWidth(Region.USE_PREF_SIZE);
        newProblem.managedProperty().bind(newProblem.visibleProperty());
        HBox header = new HBox(names, newProblem, version);
        header.getStyleClass().add("tile-header");
        header.setAlignment(Pos.TOP_LEFT);
        return header;
    }

    private HBox stateRow() {
        trendSlot.getStyleClass().add("tile-trend");
        // The state word never truncates; the trend slot to its right yields first.
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(state, Priority.ALWAYS);
        HBox row = new HBox(glyph, state, trendSlot);
        row.getStyleClass().add("tile-state-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Label reasonLine() {
        reason.setWrapText(true);
        reason.setAlignment(Pos.TOP_LEFT);
        reason.setMaxWidth(Double.MAX_VALUE);
        return reason;
    }

    /** A caption/value table: PROBE, UPTIME and RESTARTS, MEMORY, ERRORS, BACKUP. */
    private GridPane facts() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("tile-facts");
        ColumnConstraints caption = new ColumnConstraints();
        caption.setHalignment(HPos.LEFT);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(caption, value, new ColumnConstraints(), new ColumnConstraints());

        grid.add(caption(T.get("tile.caption.probe")), 0, 0);
        grid.add(probe, 1, 0, 3, 1);
        grid.add(caption(T.get("tile.caption.uptime")), 0, 1);
        grid.add(uptime, 1, 1);
        grid.add(caption(T.get("tile.caption.restarts")), 2, 1);
        grid.add(restarts, 3, 1);
        grid.add(caption(T.get("tile.caption.memory")), 0, 2);
        memoryBar.getStyleClass().add("tile-memory-bar");
        memoryBar.setMaxWidth(Double.MAX_VALUE);
        memory.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(memoryBar, Priority.ALWAYS);
        HBox memoryRow = new HBox(memoryBar, memory);
        memoryRow.getStyleClass().add("tile-memory");
        memoryRow.setAlignment(Pos.CENTER_LEFT);
        grid.add(memoryRow, 1, 2, 3, 1);
        grid.add(caption(T.get("tile.caption.errors")), 0, 3);
        errorIcon.setContent("M0 1 L10 1 M0 5 L10 5 M0 9 L6 9"); // lines of text: "opens the lines"
        errorIcon.getStyleClass().add("tile-errors-icon");
        errors.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        errors.setMaxWidth(Double.MAX_VALUE);
        errors.setOnMouseClicked(e -> {
            if (getSkinnable().getErrorLines().isEmpty()) return;
            openErrorLines();
            e.consume();
        });
        grid.add(errors, 1, 3, 3, 1);
        grid.add(caption(T.get("tile.caption.backup")), 0, 4);
        backup.setMaxWidth(Double.MAX_VALUE);
        grid.add(backup, 1, 4, 3, 1);
        return grid;
    }

    private Label findingsLine() {
        findingIcon.setContent("M6 0.5 L11.6 10.5 L0.4 10.5 Z");
        findingIcon.getStyleClass().add("finding-icon");
        findings.setWrapText(true);
        findings.setAlignment(Pos.TOP_LEFT);
        findings.setMaxWidth(Double.MAX_VALUE);
        return findings;
    }

    private void bind(HealthTile tile) {
        title.textProperty().bind(tile.titleProperty());
        subtitle.textProperty().bind(tile.subtitleProperty());
        version.textProperty().bind(tile.versionProperty());
        version.visibleProperty().bind(tile.versionProperty().isNotEmpty());
        newProblem.textProperty().bind(tile.newProblemProperty());
        newProblem.visibleProperty().bind(tile.newProblemProperty().isNotEmpty());
        glyph.stateProperty().bind(tile.stateProperty());
        state.textProperty().bind(Bindings.createStringBinding(() -> Styles.HEALTH.label(tile.getState()).replace('_', ' '), tile.stateProperty()));
        state.textProperty().addListener((o, was, word) -> markLongWord());
        markLongWord();
        reason.textProperty().bind(tile.reasonProperty());
        probe.textProperty().bind(Bindings.createStringBinding(() -> joinProbe(tile.getTransport(), tile.getLatency()),
                tile.transportProperty(), tile.latencyProperty()));
        uptime.textProperty().bind(Bindings.createStringBinding(() -> orDash(tile.getUptime()), tile.uptimeProperty()));
        restarts.textProperty().bind(tile.restartsProperty().asString());
        memoryBar.progressProperty().bind(Bindings.createDoubleBinding(
                // Never negative: -1 would make the bar indeterminate, an animation that suggests activity.
                () -> tile.isMemoryLimited() ? Math.max(0, Math.min(1, tile.getMemoryFraction())) : 0,
                tile.memoryFractionProperty(), tile.memoryLimitedProperty()));
        memory.textProperty().bind(Bindings.createStringBinding(() -> orDash(tile.getMemoryText()), tile.memoryTextProperty()));
        tile.trendProperty().addListener(trendListener);
        showTrend();
        tile.getFindings().addListener(findingsListener);
        showFindings();
        errors.textProperty().bind(Bindings.createStringBinding(() -> orDash(tile.getErrorSummary()), tile.errorSummaryProperty()));
        tile.getErrorLines().addListener(errorLinesListener);
        backup.textProperty().bind(Bindings.createStringBinding(() -> orDash(tile.getBackupSummary()), tile.backupSummaryProperty()));
        tile.backupOverdueProperty().addListener(overdueListener);
        backup.pseudoClassStateChanged(OVERDUE, tile.isBackupOverdue());
        showErrorLinesAffordance();
        tooltip.textProperty().bind(Bindings.createStringBinding(this::tooltipText, tile.titleProperty(),
                tile.reasonProperty(), tile.getFindings()));
        Tooltip.install(tile, tooltip);
    }

    private void markLongWord() {
        boolean notDeployed = getSkinnable().getState() == HealthState.NOT_DEPLOYED; // already small, grey
        state.pseudoClassStateChanged(LONG_WORD, !notDeployed && state.getText() != null && state.getText().length() >= LONG_WORD_LETTERS);
    }

    private void showTrend() {
        Node trend = getSkinnable().getTrend();
        if (trend == null) trendSlot.getChildren().clear();
        else trendSlot.getChildren().setAll(trend);
    }

    private void showErrorLinesAffordance() {
        boolean any = !getSkinnable().getErrorLines().isEmpty();
        errors.setGraphic(any ? errorIcon : null);
        errors.setCursor(any ? javafx.scene.Cursor.HAND : null);
    }

    /** Public for the keyboard-less and for tests; the ERRORS line calls it on click. */
    public void openErrorLines() {
        HealthTile tile = getSkinnable();
        ErrorLinesPopOver.toggle(errors, T.get("errors.title", tile.getTitle()), orDash(tile.getErrorSummary()),
                List.copyOf(tile.getErrorLines()));
    }

    private void showFindings() {
        boolean none = getSkinnable().getFindings().isEmpty();
        findings.setText(none ? T.get("tile.noFindings") : String.join(" · ", getSkinnable().getFindings()));
        // Swap the graphic rather than hiding it: a Labeled skin does not re-add a graphic that was unmanaged.
        findings.setGraphic(none ? null : findingIcon);
    }

    private String tooltipText() {
        HealthTile tile = getSkinnable();
        if (tile == null) return "";
        String text = tile.getTitle() + ": " + tile.getReason();
        return tile.getFindings().isEmpty() ? text : text + "\n" + String.join("\n", tile.getFindings());
    }

    private static String joinProbe(String transport, String latency) {
        if (transport == null || transport.isEmpty()) return "—";
        return latency == null || latency.isEmpty() ? transport : transport + " · " + latency;
    }

    private static String orDash(String text) {
        return text == null || text.isEmpty() ? "—" : text;
    }

    private static Label caption(String text) {
        Label caption = new Label(text);
        caption.getStyleClass().add("tile-caption");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        return caption;
    }

    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setMinWidth(0);
        return label;
    }

    @Override
    public void dispose() {
        HealthTile tile = getSkinnable();
        if (tile == null) return;
        tile.getFindings().removeListener(findingsListener);
        tile.trendProperty().removeListener(trendListener);
        tile.getErrorLines().removeListener(errorLinesListener);
        errors.setOnMouseClicked(null);
        Tooltip.uninstall(tile, tooltip);
        newProblem.visibleProperty().unbind();
        newProblem.managedProperty().unbind();
        for (Label l : new Label[] {title, subtitle, version, newProblem, state, reason, probe, uptime, restarts, memory, errors, backup}) {
            l.textProperty().unbind();
        }
        version.visibleProperty().unbind();
        glyph.stateProperty().unbind();
        memoryBar.progressProperty().unbind();
        tile.backupOverdueProperty().removeListener(overdueListener);
        tooltip.textProperty().unbind();
        super.dispose();
    }
}
