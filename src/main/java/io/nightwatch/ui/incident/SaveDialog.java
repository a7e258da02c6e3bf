package io.nightwatch.ui.incident;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.fx.KeyboardHabits;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an export goes: a small save dialog drawn by the window itself. Why not the {@code FileChooser}: the native
 * dialog belongs to the desktop, takes none of the window's stylesheets and opens light-themed over the dark console
 * at 3 a.m.; this one wears the owner's theme, has a keyboard path (type a folder, Enter, type a name, Enter), and
 * refuses what the export must not do (follow a link it did not make, overwrite without asking).
 *
 * <p>The folder list shows real sub-folders only (no links), at most {@value #MAX_LISTED}, read once per folder.
 */
final class SaveDialog {

    private static final Texts T = Texts.of(SaveDialog.class);

    static final int MAX_LISTED = 300;

    private final TextField folder = new TextField();
    private final TextField name = new TextField();
    private final ListView<String> folders = new ListView<>();
    private final Label problem = new Label();
    private final Dialog<Path> dialog = new Dialog<>();
    private final ButtonType save = new ButtonType(T.get("save.save"), ButtonBar.ButtonData.OK_DONE);
    private Path confirmedReplace;

    private SaveDialog(Path start, String suggested, Window owner) {
        folder.setId("save-folder");
        name.setId("save-name");
        folders.setId("save-folders");
        problem.setId("save-problem");
        problem.getStyleClass().add("save-problem");
        problem.setWrapText(true);
        folders.setPrefHeight(220);
        folder.setText(start.toString());
        name.setText(suggested);
        Button up = new Button(T.get("save.up"));
        up.setId("save-up");
        up.setOnAction(e -> parent());
        HBox folderRow = new HBox(8, folder, up);
        HBox.setHgrow(folder, Priority.ALWAYS);
        VBox body = new VBox(6, new Label(T.get("save.folder")), folderRow, folders, new Label(T.get("save.name")), name, problem);
        body.getStyleClass().add("save-dialog-body");
        body.setPrefWidth(520);

        dialog.setTitle(T.get("save.title"));
        dialog.getDialogPane().setHeaderText(T.get("save.title"));
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().setAll(save, new ButtonType(T.get("save.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().getStyleClass().addAll("nw-dialog", "save-dialog");
        dialog.setResizable(true);
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        KeyboardHabits.install(dialog.getDialogPane());
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("save-button");
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (target().isEmpty()) e.consume(); // stays open and says why
        });
        dialog.setResultConverter(b -> b == save ? target().orElse(null) : null);

        folder.setOnAction(e -> list()); // Enter in the folder field opens it
        folders.setOnMouseClicked(e -> { if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) open(); });
        folders.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open();
                e.consume();
            } else if (e.getCode() == KeyCode.BACK_SPACE) {
                parent();
                e.consume();
            }
        });
        name.textProperty().addListener((o, old, now) -> confirmedReplace = null);
        dialog.setOnShown(e -> {
            name.requestFocus();
            name.selectRange(0, suggested.contains(".") ? suggested.lastIndexOf('.') : suggested.length());
        });
        list();
    }

    /** Asks where to save {@code suggested}, starting in {@code start}; empty when cancelled. Blocks (FX thread). */
    static Optional<Path> ask(Window owner, Path start, String suggested) {
        return new SaveDialog(start, suggested, owner).dialog.showAndWait();
    }

    /** The chosen file, or empty with the reason shown. A second Save on an existing file replaces it. */
    Optional<Path> target() {
        Optional<Path> dir = folderPath();
        if (dir.isEmpty()) return Optional.empty();
        String n = name.getText() == null ? "" : name.getText().strip();
        if (n.isEmpty()) return say(T.get("save.noName"));
        if (n.contains("/") || n.contains("\\") || n.equals(".") || n.equals("..")) return say(T.get("save.badName"));
        Path file = dir.get().resolve(n);
        if (Files.isSymbolicLink(file)) return say(T.get("save.isLink"));
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !file.equals(confirmedReplace)) {
            confirmedReplace = file;
            ((Button) dialog.getDialogPane().lookupButton(save)).setText(T.get("save.replace"));
            return say(T.get("save.exists"));
        }
        problem.setText("");
        return Optional.of(file);
    }

    private Optional<Path> folderPath() {
        try {
            Path dir = Path.of(folder.getText().strip()).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) return say(T.get("save.noFolder", dir));
            if (!Files.isWritable(dir)) return say(T.get("save.notWritable"));
            return Optional.of(dir);
        } catch (InvalidPathException e) {
            return say(T.get("save.noFolder", folder.getText()));
        }
    }

    private <T> Optional<T> say(String why) {
        problem.setText(why);
        return Optional.empty();
    }

    private void open() {
        String chosen = folders.getSelectionModel().getSelectedItem();
        if (chosen == null) return;
        folderPath().ifPresent(dir -> {
            folder.setText(dir.resolve(chosen).toString());
            list();
        });
    }

    private void parent() {
        folderPath().map(Path::getParent).ifPresent(p -> {
            folder.setText(p.toString());
            list();
        });
    }

    /** The folder's real sub-folders (links left out), sorted, bounded. */
    private void list() {
        Optional<Path> dir = folderPath();
        if (dir.isEmpty()) {
            folders.getItems().clear();
            return;
        }
        List<String> names = new ArrayList<>();
        boolean more = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.get())) {
            for (Path p : entries) {
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || p.getFileName().toString().startsWith(".")) continue;
                if (names.size() >= MAX_LISTED) {
                    more = true;
                    break;
                }
                names.add(p.getFileName().toString());
            }
        } catch (IOException | SecurityException e) {
            say(T.get("save.notWritable"));
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        folders.getItems().setAll(names);
        problem.setText(more ? T.get("save.tooMany", MAX_LISTED) : "");
    }
}
