package io.nightwatch.ui.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.fx.NodeMirror;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The scrolling body of the Flow view: one lane per pipeline, then data volumes and error lines side by side.
 * Nodes and layout only.
 */
public final class FlowView extends VBox {

    private static final Texts T = Texts.of(FlowView.class);

    public FlowView(FlowViewModel model) {
        getStyleClass().add("flow-view");
        for (LaneModel lane : model.getLanes()) getChildren().add(new LaneView(lane));

        VBox disks = panel(T.get("disks.title"), T.get("disks.subtitle"), "flow-disks");
        VBox diskRows = new VBox();
        diskRows.getStyleClass().add("panel-rows");
        disks.getChildren().add(diskRows);
        NodeMirror.mirror(model.getDisks(), diskRows.getChildren(), DiskRowView::new, Presenters::release);
        emptyNote(diskRows, T.get("disks.none"));

        VBox errors = panel(T.get("errors.panel.title"), T.get("errors.panel.subtitle"), "flow-errors");
        VBox errorRows = new VBox();
        errorRows.getStyleClass().add("panel-rows");
        errors.getChildren().add(errorRows);
        NodeMirror.mirror(model.getErrors(), errorRows.getChildren(), ErrorRowView::new, Presenters::release);
        emptyNote(errorRows, T.get("errors.none"));

        GridPane extras = new GridPane(); // two equal halves, whatever their contents
        extras.getStyleClass().add("flow-extras");
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            extras.getColumnConstraints().add(half);
        }
        disks.setMaxHeight(Double.MAX_VALUE);
        errors.setMaxHeight(Double.MAX_VALUE);
        disks.setMinWidth(0);
        errors.setMinWidth(0);
        extras.add(disks, 0, 0);
        extras.add(errors, 1, 0);
        GridPane.setVgrow(disks, Priority.ALWAYS);
        GridPane.setVgrow(errors, Priority.ALWAYS);
        getChildren().add(extras);
    }

    private static VBox panel(String title, String caption, String id) {
        Label heading = new Label(title);
        heading.getStyleClass().add("panel-title");
        Label note = new Label(caption);
        note.getStyleClass().add("panel-caption");
        note.setMinWidth(0);
        VBox panel = new VBox(heading, note);
        panel.getStyleClass().add("flow-panel");
        panel.setId(id);
        return panel;
    }

    /** A line that says "nothing here yet" while the rows are empty (NodeMirror owns the rows, so it sits beside them). */
    private static void emptyNote(VBox rows, String text) {
        Label note = new Label(text);
        note.getStyleClass().add("panel-empty");
        VBox parent = (VBox) rows.getParent();
        parent.getChildren().add(note);
        Runnable update = () -> {
            boolean empty = rows.getChildren().isEmpty();
            note.setVisible(empty);
            note.setManaged(empty);
        };
        rows.getChildren().addListener((ListChangeListener<Node>) c -> update.run());
        update.run();
    }
}
