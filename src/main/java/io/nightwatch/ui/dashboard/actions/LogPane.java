package io.nightwatch.ui.dashboard.actions;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.redact.Redactor;
import io.nightwatch.ui.fx.FxBridge;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

/**
 * A container's log in a window of its own: the last hour and what follows, newest at the bottom, at most
 * {@value #MAX_LINES} lines (older ones drop off), each redacted before it is shown (secrets never reach the screen
 * or the clipboard) and cut at {@value #MAX_LINE_CHARS} characters. Search narrows the lines to those that contain
 * the words; Follow keeps the newest line in view; Copy takes the selected lines, or all shown.
 */
public final class LogPane {

    static final int MAX_LINES = 2000;
    static final int MAX_LINE_CHARS = 2000;
    static final Duration HISTORY = Duration.ofHours(1);

    private final Stage stage = new Stage();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final FilteredList<String> shown = new FilteredList<>(lines, l -> true);
    private final ListView<String> list = new ListView<>(shown);
    private final TextField search = new TextField();
    private final CheckBox follow = new CheckBox(ActionWording.follow());
    private final Label status = new Label(ActionWording.logOpening());
    private final Buffer buffer = new Buffer();
    private final FxBridge<Buffer> bridge = new FxBridge<>(b -> show(b.snapshot()));
    private final String container;
    private final FxBridge<String> ended = new FxBridge<>(status::setText);
    private Closeable stream;

    private LogPane(String service, String container, Window owner) {
        this.container = container;
        stage.setTitle(ActionWording.logTitle(service));
        if (owner != null) stage.initOwner(owner);
        search.setId("log-search");
        search.setPromptText(ActionWording.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        follow.setId("log-follow");
        follow.setSelected(true);
        Button copy = new Button(ActionWording.copy());
        copy.setId("log-copy");
        copy.setOnAction(e -> copy());
        list.setId("log-lines");
        list.getStyleClass().add("log-lines");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        status.setId("log-status");
        status.getStyleClass().add("log-status");
        search.textProperty().addListener((o, was, now) -> applySearch(now));
        follow.selectedProperty().addListener((o, was, now) -> { if (now) scrollToEnd(); });
        HBox bar = new HBox(8, search, follow, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        BorderPane root = new BorderPane(list, bar, null, status, null);
        root.getStyleClass().add("log-pane");
        root.setPadding(new Insets(10));
        BorderPane.setMargin(list, new Insets(8, 0, 8, 0));
        Scene scene = new Scene(root, 900, 520);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> close());
        status.setText(ActionWording.logStatus(container, 0, false));
    }

    /** Opens the log of {@code container} (the service's current one) and starts following it. FX thread. */
    public static LogPane open(DockerGateway engine, String service, String container, Window owner, Clock clock) {
        LogPane pane = new LogPane(service, container, owner);
        pane.stage.show();
        long since = clock.instant().minus(HISTORY).getEpochSecond();
        try {
            pane.stream = engine.followLogs(container, since, pane.buffer::add,
                    why -> pane.ended.publish(ActionWording.logEnded(container, pane.buffer.size())));
        } catch (RuntimeException e) {
            pane.status.setText(io.nightwatch.docker.EngineErrors.sentence(e, service));
        }
        return pane;
    }

    public Stage stage() { return stage; }

    /** The lines as shown now (after the search), for tests and the copy. */
    public List<String> shownLines() { return List.copyOf(shown); }

    public void setSearch(String text) { search.setText(text); }

    /** The line under the lines: how many, or why the log ended. */
    public String statusText() { return status.getText(); }

    private void show(List<String> newest) {
        lines.setAll(newest);
        status.setText(ActionWording.logStatus(container, newest.size(), newest.size() >= MAX_LINES));
        if (follow.isSelected()) scrollToEnd();
    }

    private void applySearch(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(needle.isEmpty() ? l -> true : l -> l.toLowerCase(Locale.ROOT).contains(needle));
        if (follow.isSelected()) scrollToEnd();
    }

    private void scrollToEnd() {
        if (!shown.isEmpty()) list.scrollTo(shown.size() - 1);
    }

    private void copy() {
        List<String> chosen = list.getSelectionModel().getSelectedItems().isEmpty() ? List.copyOf(shown)
                : List.copyOf(list.getSelectionModel().getSelectedItems());
        ClipboardContent content = new ClipboardContent();
        content.putString(String.join("\n", chosen));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void close() {
        Closeable s = stream;
        stream = null;
        if (s == null) return;
        try {
            s.close();
        } catch (IOException ignored) {
            // the stream is dropped with the window either way
        }
    }

    /** The newest lines, bounded; written by the engine's log thread, read as copies. */
    private final class Buffer {
        private final ArrayDeque<String> kept = new ArrayDeque<>();

        void add(String line) {
            String clean = Redactor.clean(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "…" : line);
            synchronized (this) {
                kept.addLast(clean);
                while (kept.size() > MAX_LINES) kept.removeFirst();
            }
            bridge.publish(this); // a burst costs one copy on the FX thread, not one per line
        }

        synchronized List<String> snapshot() {
            return List.copyOf(kept);
        }

        synchronized int size() {
            return kept.size();
        }
    }
}
