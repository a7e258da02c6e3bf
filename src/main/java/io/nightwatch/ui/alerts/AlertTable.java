package io.nightwatch.ui.alerts;

import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;
import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.ui.controls.Severity;
import io.nightwatch.ui.controls.Styles;
import io.nightwatch.store.AlertState;
import io.nightwatch.alerts.AlertCauses;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
 * else saw it, acknowledgement. Related open alerts about one cause show as one row, its head, with a "+N related"
 * switch (or Right / Left on the keyboard) that shows its members beneath it. Selecting a row selects the alert in the
 * model; when rows are inserted the selection follows the alert, not the index, and the rows in sight stay where they
 * were (so a click during a refresh lands on the alert that was under the pointer).
 */
final class AlertTable extends TableView<AlertRow> {

    private static final Texts T = Texts.of(AlertTable.class);
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");
    private static final PseudoClass GROUP_HEAD = PseudoClass.getPseudoClass("group-head");
    private static final PseudoClass GROUP_MEMBER = PseudoClass.getPseudoClass("group-member");
    private static final List<AlertState> STATE_ORDER = List.of(AlertState.FIRING, AlertState.PENDING, AlertState.SUPPRESSED,
            AlertState.RESOLVED);

    private final AlertsViewModel model;
    private boolean following;
    /** The first row in sight (its alert and how far it was scrolled past), kept after each layout. */
    private long anchorId = -1;
    private double anchorOffset;
    private boolean keepAnchor;

    AlertTable(AlertsViewModel model) {
        // a copy the table owns: while it is replaced, the selection model's own shuffling is not taken for a click
        super(FXCollections.observableArrayList(model.getTableRows()));
        this.model = model;
        getStyleClass().add("alert-table");
        setId("alert-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_NEXT_COLUMN);
        Label empty = new Label();
        empty.textProperty().bind(model.emptyTextProperty());
        empty.getStyleClass().add("panel-empty");
        setPlaceholder(empty);

        TableColumn<AlertRow, AlertRow> severity = column(T.get("column.severity"), "col-severity", width("layout.width.severity"),
                Comparator.comparing(AlertRow::severityKind), row -> glyphCell(Glyph.severity(row.severityKind()), row.severity()));
        TableColumn<AlertRow, AlertRow> name = column(T.get("column.alert"), "col-name", 230, Comparator.comparing(AlertRow::alertname), this::nameCell);
        TableColumn<AlertRow, AlertRow> service = column(T.get("column.service"), "col-service", 100, Comparator.comparing(AlertRow::service),
                row -> text(row.service(), null));
        TableColumn<AlertRow, AlertRow> started = column(T.get("column.started"), "col-started", 96, Comparator.comparing(AlertRow::startsAt),
                row -> text(row.started(), row.startsAt().toString()));
        TableColumn<AlertRow, AlertRow> duration = column(T.get("column.duration"), "col-duration", 76, Comparator.comparing(AlertRow::lasted),
                row -> {
                    // the model's one clock: the column and the detail tick together
                    Label label = (Label) text("", null);
                    label.textProperty().bind(model.nowProperty().map(now -> Formats.duration(row.lastedAt(now))));
                    return label;
                });
        TableColumn<AlertRow, AlertRow> state = column(T.get("column.state"), "col-state", width("layout.width.state"),
                Comparator.comparingInt(r -> STATE_ORDER.indexOf(r.state())), row -> {
                    Glyph<AlertState> glyph = Glyph.alertState();
                    glyph.setState(row.state());
                    return glyphCell(glyph, AlertWording.state(row.state()));
                });
        TableColumn<AlertRow, AlertRow> source = column(T.get("column.source"), "col-source", 108, Comparator.comparing(AlertRow::sources),
                row -> text(row.sourceShort(), T.get("source.tip", row.sources().replace(" + ", T.get("source.alsoSeenBy")))));
        TableColumn<AlertRow, AlertRow> ack = column(T.get("column.ack"), "col-ack", 66, Comparator.comparing(r -> r.ackBy().orElse("")),
                row -> row.ackBy().map(who -> glyphCell(tick(), who)).orElse(null));
        getColumns().setAll(List.of(severity, name, service, started, duration, state, source, ack));

        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(AlertRow item, boolean empty) {
                super.updateItem(item, empty);
                Styles.ALERT_STATE.apply(this, empty || item == null ? null : item.state());
                Styles.SEVERITY.apply(this, empty || item == null ? Severity.OTHER : item.severityKind());
                pseudoClassStateChanged(OPEN, !empty && item != null && item.open());
                pseudoClassStateChanged(GROUP_HEAD, !empty && item != null && item.related() > 0);
                pseudoClassStateChanged(GROUP_MEMBER, !empty && item != null && item.member());
            }
        });

        getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != null && !following) model.select(row.id()); // a cleared selection (rows replaced) keeps the alert
        });
        model.selectedIdProperty().addListener((o, old, id) -> follow(true));
        model.getTableRows().addListener((ListChangeListener<AlertRow>) c -> {
            following = true;
            try {
                getItems().setAll(model.getTableRows());
                if (!getSortOrder().isEmpty()) sort(); // an operator's sort survives the refresh
                keepAnchor = true;
            } finally {
                following = false;
            }
            follow(false);
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::groupKeys);
    }

    /** Right opens the selected group, Left folds it (from its head or a member). */
    private void groupKeys(KeyEvent e) {
        AlertRow row = getSelectionModel().getSelectedItem();
        if (row == null || row.cause().isEmpty()) return;
        boolean open = model.isExpanded(row.cause());
        if (e.getCode() == KeyCode.RIGHT && row.related() > 0 && !open) {
            model.toggleGroup(row.cause());
            e.consume();
        } else if (e.getCode() == KeyCode.LEFT && open && (row.related() > 0 || row.member())) {
            long head = getItems().stream().filter(r -> r.cause().equals(row.cause()) && r.related() > 0).findFirst().map(AlertRow::id).orElse(-1L);
            model.toggleGroup(row.cause());
            if (head >= 0) model.select(head);
            e.consume();
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        VirtualFlow<?> flow = (VirtualFlow<?>) lookup(".virtual-flow");
        if (flow == null) return;
        if (keepAnchor) {
            keepAnchor = false;
            for (int i = 0; anchorId >= 0 && i < getItems().size(); i++) {
                if (getItems().get(i).id() == anchorId) {
                    flow.scrollToTop(i);
                    flow.scrollPixels(anchorOffset);
                    break;
                }
            }
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        if (first != null && first.getIndex() >= 0 && first.getIndex() < getItems().size()) {
            anchorId = getItems().get(first.getIndex()).id();
            anchorOffset = -first.getLayoutY();
        }
    }

    /** The alert's name; a group's head adds its switch to the related alerts, a member is set in beneath it. */
    private Node nameCell(AlertRow row) {
        Node name = text(row.alertname(), row.summary().isEmpty() ? row.alertname() : row.alertname() + "\n" + row.summary());
        if (row.member()) {
            name.getStyleClass().add("group-member-name");
            return name;
        }
        if (row.related() == 0) return name;
        boolean open = model.isExpanded(row.cause());
        Button related = new Button((open ? "▾ " : "▸ ") + AlertWording.related(row.related()));
        related.getStyleClass().add("group-toggle");
        related.setId("group-" + row.cause().replace(':', '-'));
        related.setFocusTraversable(false); // the table has the keys (Right / Left); a tab stop per row would be a maze
        related.setMinWidth(Region.USE_PREF_SIZE);
        related.setTooltip(new Tooltip(T.get(open ? "group.hide" : "group.show", AlertCauses.label(row.cause()))));
        related.setOnAction(e -> model.toggleGroup(row.cause()));
        HBox box = new HBox(name, related);
        box.getStyleClass().add("group-head-name");
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(name, Priority.ALWAYS);
        box.setMinWidth(0);
        return box;
    }

    /** Selects the model's alert in the table, if it is among the rows; brings it into sight when asked to. */
    private void follow(boolean reveal) {
        long id = model.selectedIdProperty().get();
        AlertRow current = getSelectionModel().getSelectedItem();
        if (current != null && current.id() == id) return;
        following = true;
        try {
            for (int i = 0; i < getItems().size(); i++) {
                if (getItems().get(i).id() == id) {
                    getSelectionModel().clearAndSelect(i);
                    if (reveal && !inSight(i)) scrollTo(Math.max(0, i - 3));
                    return;
                }
            }
            getSelectionModel().clearSelection();
        } finally {
            following = false;
        }
    }

    private boolean inSight(int index) {
        VirtualFlow<?> flow = (VirtualFlow<?>) lookup(".virtual-flow");
        if (flow == null || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) return false;
        return index > flow.getFirstVisibleCell().getIndex() && index < flow.getLastVisibleCell().getIndex();
    }

    /** A column width that depends on the language's words (German ones are longer). */
    static double width(String key) {
        return Double.parseDouble(T.get(key));
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
        if (tooltip != null) tipOnHover(label, tooltip);
        return label;
    }

    /**
     * A tooltip made when the pointer first comes over the cell: each one is a popup window with a scene of its own,
     * and the table builds its cells again at every change of its rows.
     */
    private static void tipOnHover(Label label, String text) {
        label.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            if (label.getTooltip() == null) label.setTooltip(new Tooltip(text));
        });
    }

    private static Node tick() {
        SVGPath path = new SVGPath();
        path.setContent("M3 8.5 L6.6 12 L13 4.6");
        path.getStyleClass().add("ack-tick");
        return path;
    }
}
