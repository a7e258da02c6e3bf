package io.nightwatch.ui.alerts;

import io.nightwatch.text.Texts;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;

import java.util.List;
import java.util.function.Function;

/**
 * Alertmanager's active and pending silences, the ones Nightwatch made marked with its moon and the word
 * "Nightwatch"; each can be expired here.
 */
final class SilencesView extends VBox {

    private static final Texts T = Texts.of(SilencesView.class);

    SilencesView(AlertsViewModel model) {
        getStyleClass().add("silences-panel");
        setId("silences");
        Label title = new Label(T.get("silences.title"));
        title.getStyleClass().add("panel-title");
        Label note = new Label();
        note.getStyleClass().add("panel-caption");
        note.textProperty().bind(model.silencesNoteProperty());
        note.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button(T.get("silences.refresh"));
        refresh.getStyleClass().add("silences-refresh");
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.availableProperty().not());
        HBox head = new HBox(title, note, spacer, refresh);
        head.getStyleClass().add("silences-head");
        head.setAlignment(Pos.BASELINE_LEFT);

        TableView<SilenceRow> table = new TableView<>(model.getSilences());
        table.getStyleClass().add("silences-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(T.get("silences.none"));
        empty.getStyleClass().add("panel-empty");
        table.setPlaceholder(empty);
        table.getColumns().setAll(List.of(
                column(T.get("silences.column.madeBy"), 112, s -> s.byNightwatch() ? marker()
                        : text(T.get("silences.elsewhere"), T.get("silences.elsewhere.tip"))),
                column(T.get("silences.column.matchers"), 250, s -> text(s.matchers(), s.matchers())),
                column(T.get("silences.column.state"), 66, s -> text(AlertWording.word("silences.state.", s.state()), null)),
                column(T.get("silences.column.ends"), 140, s -> text(s.ends(), s.endsAt().toString())),
                column(T.get("silences.column.by"), 80, s -> text(s.createdBy(), null)),
                column(T.get("silences.column.comment"), 150, s -> text(s.comment(), s.comment().isEmpty() ? null : s.comment())),
                column("", AlertTable.width("layout.width.expire"), s -> expire(model, s))));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(head, table);
    }

    private static Node expire(AlertsViewModel model, SilenceRow s) {
        Button expire = new Button(T.get("silences.expire"));
        expire.getStyleClass().add("silence-expire");
        expire.setId("expire-" + s.id().replaceAll("[^A-Za-z0-9_-]", "-"));
        expire.setOnAction(e -> {
            expire.setDisable(true);
            model.expireSilence(s.id());
        });
        return expire;
    }

    /** Nightwatch's own: the app's crescent and the word, never colour alone. */
    private static Node marker() {
        SVGPath moon = new SVGPath();
        moon.setContent("M10.3 1.7 A6.7 6.7 0 1 0 14.3 11.7 A5.3 5.3 0 1 1 10.3 1.7 Z");
        moon.getStyleClass().add("silence-moon");
        Label label = new Label(T.get("silences.nightwatch"), moon);
        label.getStyleClass().addAll("cell-text", "silence-ours");
        return label;
    }

    private static TableColumn<SilenceRow, SilenceRow> column(String title, double width, Function<SilenceRow, Node> show) {
        TableColumn<SilenceRow, SilenceRow> column = NodeColumns.of(title, width, show);
        column.setSortable(false);
        return column;
    }

    private static Node text(String value, String tooltip) {
        Label label = new Label(value);
        label.getStyleClass().add("cell-text");
        label.setMinWidth(0);
        if (tooltip != null) label.setTooltip(new Tooltip(tooltip));
        return label;
    }
}
