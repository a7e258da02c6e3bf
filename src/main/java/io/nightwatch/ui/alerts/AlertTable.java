package io.nightwatch.ui.alerts;

import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.ui.controls.Severity;
import io.nightwatch.ui.controls.Styles;
import io.nightwatch.store.AlertState;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.SVGPath;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The alert table: severity (icon and word), name, service, started, duration, state (icon and word), source and who
 * else saw it, acknowledgement. Selecting a row selects the alert in the model; when the rows are replaced the
 * selection follows the alert, not the index.
 */
final class AlertTable extends TableView<AlertRow> {

    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");
    private static final List<AlertState> STATE_ORDER = List.of(AlertState.FIRING, AlertState.PENDING, AlertState.SUPPRESSED,
            AlertState.RESOLVED);

    private final AlertsViewModel model;
    private boolean following;

    AlertTable(AlertsViewModel model) {
        super(model.getRows());
        this.model = model;
        getStyleClass().add("alert-table");
        setId("alert-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_NEXT_COLUMN);
        Label empty = new Label();
        empty.textProperty().bind(model.emptyTextProperty());
        empty.getStyleClass().add("panel-empty");
        setPlaceholder(empty);

        TableColumn<AlertRow, AlertRow> severity = column("Severity", "col-severity", 82,
                Comparator.comparing(AlertRow::severityKind), row -> glyphCell(Glyph.severity(row.severityKind()), row.severity()));
        TableColumn<AlertRow, AlertRow> name = column("Alert", "col-name", 190, Comparator.comparing(AlertRow::alertname),
                row -> text(row.alertname(), row.summary().isEmpty() ? row.alertname() : row.alertname() + "\n" + row.summary()));
        TableColumn<AlertRow, AlertRow> service = column("Service", "col-service", 100, Comparator.comparing(AlertRow::service),
                row -> text(row.service(), null));
        TableColumn<AlertRow, AlertRow> started = column("Started", "col-started", 96, Comparator.comparing(AlertRow::startsAt),
                row -> text(row.started(), row.startsAt().toString()));
        TableColumn<AlertRow, AlertRow> duration = column("Duration", "col-duration", 76, Comparator.comparing(AlertRow::lasted),
                row -> text(row.duration(), null));
        TableColumn<AlertRow, AlertRow> state = column("State", "col-state", 114,
                Comparator.comparingInt(r -> STATE_ORDER.indexOf(r.state())), row -> {
                    Glyph<AlertState> glyph = Glyph.alertState();
                    glyph.setState(row.state());
                    return glyphCell(glyph, Styles.ALERT_STATE.label(row.state()));
                });
        TableColumn<AlertRow, AlertRow> source = column("Source", "col-source", 108, Comparator.comparing(AlertRow::sources),
                row -> text(row.sourceShort(), "reported first by " + row.sources().replace(" + ", ", also seen by ")));
        TableColumn<AlertRow, AlertRow> ack = column("Ack", "col-ack", 66, Comparator.comparing(r -> r.ackBy().orElse("")),
                row -> row.ackBy().map(who -> glyphCell(tick(), who)).orElse(null));
        getColumns().setAll(List.of(severity, name, service, started, duration, state, source, ack));

        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(AlertRow item, boolean empty) {
                super.updateItem(item, empty);
                Styles.ALERT_STATE.apply(this, empty || item == null ? null : item.state());
                Styles.SEVERITY.apply(this, empty || item == null ? Severity.OTHER : item.severityKind());
                pseudoClassStateChanged(OPEN, !empty && item != null && item.open());
            }
        });

        getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != null && !following) model.select(row.id()); // a cleared selection (rows replaced) keeps the alert
        });
        model.selectedIdProperty().addListener((o, old, id) -> follow());
        model.getRows().addListener((ListChangeListener<AlertRow>) c -> follow());
    }

    /** Selects the model's alert in the table, if it is among the rows. */
    private void follow() {
        long id = model.selectedIdProperty().get();
        AlertRow current = getSelectionModel().getSelectedItem();
        if (current != null && current.id() == id) return;
        following = true;
        try {
            for (int i = 0; i < getItems().size(); i++) {
                if (getItems().get(i).id() == id) {
                    getSelectionModel().clearAndSelect(i);
                    scrollTo(Math.max(0, i - 3));
                    return;
                }
            }
            getSelectionModel().clearSelection();
        } finally {
            following = false;
        }
    }

    private static TableColumn<AlertRow, AlertRow> column(String title, String styleClass, double width, Comparator<AlertRow> order,
                                                          Function<AlertRow, Node> show) {
        TableColumn<AlertRow, AlertRow> column = NodeColumns.of(title, width, show);
        column.getStyleClass().add(styleClass);
        // every column keeps room for its words; the alert name gives way (its full text is in the tooltip)
        column.setMinWidth(styleClass.equals("col-name") ? 120 : width);
        column.setComparator(order);
        return column;
    }

    /** An icon and a word: the state or severity never shows as colour alone. */
    private static Node glyphCell(Node glyph, String word) {
        Group icon = new Group(glyph);
        glyph.getStyleClass().add("cell-glyph");
        Label label = new Label(word, icon);
        label.getStyleClass().add("cell-text");
        label.setMinWidth(0);
        return label;
    }

    private static Node text(String value, String tooltip) {
        Label label = new Label(value);
        label.getStyleClass().add("cell-text");
        label.setMinWidth(0);
        if (tooltip != null) label.setTooltip(new Tooltip(tooltip));
        return label;
    }

    private static Node tick() {
        SVGPath path = new SVGPath();
        path.setContent("M3 8.5 L6.6 12 L13 4.6");
        path.getStyleClass().add("ack-tick");
        return path;
    }
}
