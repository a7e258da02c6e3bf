package io.nightwatch.ui.alerts;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/** Table columns whose cells are nodes built from the whole row (icon and word, text with a tooltip, a button). */
final class NodeColumns {

    private NodeColumns() {}

    static <R> TableColumn<R, R> of(String title, double width, Function<R, Node> show) {
        TableColumn<R, R> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(R row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                setGraphic(empty || row == null ? null : show.apply(row));
            }
        });
        return column;
    }
}
