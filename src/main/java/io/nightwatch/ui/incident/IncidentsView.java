package io.nightwatch.ui.incident;

import io.nightwatch.text.Texts;
import io.nightwatch.incident.export.IncidentExport;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import java.nio.file.Path;
import java.util.Optional;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The Incidents view: the incidents on the left (open ones marked), the selected one on the right — title, facts,
 * its timeline, and the operator's commands: note, attach the dashboard, close, export. Nodes and layout only.
 */
public final class IncidentsView extends HBox {

    private static final Texts T = Texts.of(IncidentsView.class);

    private final IncidentsViewModel model;
    private final ListView<IncidentsViewModel.Row> list = new ListView<>();
    private final ListView<IncidentsViewModel.Entry> timeline = new ListView<>();
    private final Label title = new Label(T.get("view.noneSelected"));
    private final Label facts = new Label(T.get("view.howTheyOpen"));
    private final TextField note = new TextField();
    private final Button close = new Button(T.get("view.close"));
    private final MenuButton export = new MenuButton(T.get("view.export"));
    private final Button attach = new Button(T.get("view.attach"));
    private final Button addNote = new Button(T.get("view.addNote"));
    /** How the export asks where to write; a file chooser in the window, something else in tests. */
    private Function<IncidentExport.Format, File> exportTarget = this::chooseFile;
    private Path lastFolder;

    /**
     * A one-line question in the console's language: its own OK and Cancel, since JavaFX words its stock buttons by the
     * JVM's locale, not by the language chosen for the console.
     */
    private static TextInputDialog ask(String titleKey, String headerKey) {
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle(T.get(titleKey));
        ask.setHeaderText(T.get(headerKey));
        ask.getDialogPane().getButtonTypes().setAll(new ButtonType(T.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(T.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        return ask;
    }

    public IncidentsView(IncidentsViewModel model) {
        this.model = model;
        getStyleClass().add("incidents-view");

        Button openNew = new Button(T.get("view.open"));
        openNew.setId("incident-open");
        openNew.getStyleClass().add("incident-button");
        openNew.setOnAction(e -> {
            TextInputDialog ask = ask("view.open.title", "view.open.header");
            ask.initOwner(getScene() == null ? null : getScene().getWindow());
            ask.showAndWait().filter(t -> !t.isBlank()).ifPresent(model::open);
        });
        Label listTitle = new Label(T.get("view.list"));
        listTitle.getStyleClass().add("incident-section");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox listHead = new HBox(listTitle, grow, openNew);
        listHead.setAlignment(Pos.CENTER_LEFT);
        list.setId("incident-list");
        list.getStyleClass().add("incident-list");
        list.setItems(model.rows());
        list.setCellFactory(v -> new RowCell());
        list.setPlaceholder(new Label(T.get("view.noIncidents")));
        list.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != null) model.select(row.id());
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(listHead, list);
        left.getStyleClass().add("incident-left");
        left.setPrefWidth(340);
        left.setMinWidth(260);

        title.setId("incident-title");
        title.getStyleClass().add("incident-title");
        facts.setId("incident-facts");
        facts.getStyleClass().add("incident-facts");
        facts.setWrapText(true);
        timeline.setId("incident-timeline");
        timeline.getStyleClass().add("incident-timeline");
        timeline.setCellFactory(v -> new EntryCell());
        timeline.setPlaceholder(new Label(T.get("view.selectOne")));
        VBox.setVgrow(timeline, Priority.ALWAYS);

        note.setId("incident-note");
        note.setPromptText(T.get("view.notePrompt"));
        HBox.setHgrow(note, Priority.ALWAYS);
        addNote.setId("incident-add-note");
        addNote.setOnAction(e -> {
            if (note.getText().isBlank()) return;
            model.addNote(note.getText());
            note.clear();
        });
        note.setOnAction(e -> addNote.fire());
        attach.setId("incident-attach");
        attach.setOnAction(e -> model.attachSnapshot());
        close.setId("incident-close");
        close.setOnAction(e -> {
            TextInputDialog ask = ask("view.close.title", "view.close.header");
            ask.initOwner(getScene() == null ? null : getScene().getWindow());
            ask.showAndWait().ifPresent(model::close);
        });
        export.setId("incident-export");
        for (IncidentExport.Format f : IncidentExport.Format.values()) {
            MenuItem item = new MenuItem(IncidentsViewModel.word("view.export.", f.name()));
            item.setOnAction(e -> {
                File file = exportTarget.apply(f);
                if (file != null) model.export(f, file.toPath());
            });
            export.getItems().add(item);
        }
        for (var b : new javafx.scene.control.ButtonBase[] {addNote, attach, close}) b.getStyleClass().add("incident-button");
        export.getStyleClass().add("incident-button");
        HBox noteRow = new HBox(note, addNote);
        noteRow.getStyleClass().add("incident-note-row");
        noteRow.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("incident-message");
        message.getStyleClass().add("incident-message");
        message.textProperty().bind(model.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox commands = new HBox(attach, close, export, spacer, message);
        commands.getStyleClass().add("incident-commands");
        commands.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(title, facts, timeline, noteRow, commands);
        right.getStyleClass().add("incident-right");
        HBox.setHgrow(right, Priority.ALWAYS);

        getChildren().addAll(left, right);
        model.detailProperty().addListener((o, old, d) -> show(d));
        show(model.detailProperty().get());
    }

    /** For tests: where exports go instead of asking. */
    public void setExportTarget(Function<IncidentExport.Format, File> target) {
        this.exportTarget = target;
    }

    private void show(IncidentsViewModel.Detail d) {
        boolean none = d == null;
        title.setText(none ? T.get("view.noneSelected") : "#" + d.id() + " · " + d.title() + (d.open() ? "" : T.get("view.closedMark")));
        title.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("open"), !none && d.open());
        facts.setText(none ? T.get("view.howTheyOpen") : d.facts());
        timeline.getItems().setAll(none ? java.util.List.of() : d.timeline());
        if (!none && !d.timeline().isEmpty()) timeline.scrollTo(d.timeline().size() - 1);
        for (var c : new javafx.scene.Node[] {note, addNote, attach, close}) c.setDisable(none || !d.open());
        export.setDisable(none);
        if (!none && list.getSelectionModel().getSelectedItem() == null) {
            model.rows().stream().filter(r -> r.id() == d.id()).findFirst().ifPresent(r -> list.getSelectionModel().select(r));
        }
    }

    /** The window's own dark save dialog (see {@link SaveDialog} for why not the native chooser). */
    private File chooseFile(IncidentExport.Format format) {
        IncidentsViewModel.Detail d = model.detailProperty().get();
        String suggested = "incident-" + (d == null ? "" : d.id()) + "." + format.extension();
        Path start = lastFolder != null ? lastFolder : Path.of(System.getProperty("user.home", "."));
        Optional<Path> chosen = SaveDialog.ask(getScene() == null ? null : getScene().getWindow(), start, suggested);
        chosen.ifPresent(p -> lastFolder = p.getParent());
        return chosen.map(Path::toFile).orElse(null);
    }

    private static final class RowCell extends ListCell<IncidentsViewModel.Row> {
        @Override
        protected void updateItem(IncidentsViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("open"), !empty && row != null && row.open());
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label t = new Label(row.title());
            t.getStyleClass().add("incident-row-title");
            Label l = new Label(row.line());
            l.getStyleClass().add("incident-row-line");
            setGraphic(new VBox(t, l));
            setText(null);
        }
    }

    private static final class EntryCell extends ListCell<IncidentsViewModel.Entry> {
        @Override
        protected void updateItem(IncidentsViewModel.Entry e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().removeIf(s -> s.startsWith("incident-kind-"));
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            getStyleClass().add("incident-kind-" + e.kind().replace(' ', '-'));
            Label time = new Label(e.time());
            time.getStyleClass().add("incident-entry-time");
            time.setMinWidth(Region.USE_PREF_SIZE);
            Label kind = new Label(e.kind());
            kind.getStyleClass().add("incident-entry-kind");
            kind.setMinWidth(100);
            Label service = new Label(e.service());
            service.getStyleClass().add("incident-entry-service");
            service.setMinWidth(70);
            Label text = new Label(e.text() + (e.attachment() ? "  📎" : ""));
            text.getStyleClass().add("incident-entry-text");
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(time, kind, service, text);
            row.getStyleClass().add("incident-entry");
            row.setAlignment(Pos.CENTER_LEFT);
            row.setPrefWidth(0); // follow the list's width and cut long lines (whole in the tooltip), never scroll sideways
            setTooltip(new javafx.scene.control.Tooltip(e.text()));
            setGraphic(row);
            setText(null);
        }
    }
}
