package io.nightwatch.ui.wizard;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.fx.Theme;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.EnumMap;
import java.util.Map;

/**
 * The wizard's window: a header with the runbook's title, purpose and the page trail, the current page, and a button
 * bar that offers what the page allows. Not modal: the console stays usable while a backup runs (an operator
 * watches the dashboard during a restore). Closing the window during a run cancels the run instead; the window
 * closes once the undo is done and shown.
 *
 * <pre>{@code
 * RunbookWizard.open(stage, BackupChoice.wizard(backupRunbook, serviceCheck, runner));
 * }</pre>
 */
public final class RunbookWizard {

    private static final Texts T = Texts.of(RunbookWizard.class);

    public static final double WIDTH = 1000;
    public static final double HEIGHT = 720;

    private final WizardModel<?> model;
    private final BorderPane root = new BorderPane();
    private final Map<WizardPage, Node> pages = new EnumMap<>(WizardPage.class);
    private final Map<WizardPage, Label> trail = new EnumMap<>(WizardPage.class);
    private final Button back = button(T.get("button.back"), "wizard-back");
    private final Button cancel = button(T.get("button.cancel"), "wizard-cancel");
    private final Button next = button(T.get("button.next"), "wizard-next");
    private final Button close = button(T.get("button.close"), "wizard-close");
    private final Label note = WizardNodes.text("", "wizard-footer-note");
    private final ProgressIndicator spinner = new ProgressIndicator();
    private Stage stage;

    private RunbookWizard(WizardModel<?> model) {
        this.model = model;
        root.getStyleClass().add("wizard");
        root.setTop(header());
        pages.put(WizardPage.CHOOSE, new ChoosePage(model).node());
        pages.put(WizardPage.PREVIEW, new PreviewPage(model).node());
        pages.put(WizardPage.RUN, new RunPage(model).node());
        pages.put(WizardPage.RESULT, new ResultPage(model).node());
        StackPane body = new StackPane(pages.values().toArray(Node[]::new));
        body.getStyleClass().add("wizard-body");
        root.setCenter(body);
        root.setBottom(footer());

        back.setOnAction(e -> model.back());
        next.setOnAction(e -> {
            if (model.getPage() == WizardPage.PREVIEW) model.start();
            else model.next();
        });
        cancel.setOnAction(e -> {
            if (model.getPage() == WizardPage.RUN) model.cancel();
            else closeWindow();
        });
        close.setOnAction(e -> closeWindow());

        model.pageProperty().addListener((o, old, now) -> {
            refresh();
            if (now == WizardPage.CHOOSE) focusFirst(pages.get(WizardPage.CHOOSE)); // Back hid the button that had the focus
        });
        model.runningProperty().addListener((o, old, now) -> refresh());
        model.cancellingProperty().addListener((o, old, now) -> refresh());
        model.busyProperty().addListener((o, old, now) -> refresh());
        model.blockerProperty().addListener((o, old, now) -> refresh());
        model.busyTextProperty().addListener((o, old, now) -> refresh());
        refresh();
    }

    /**
     * Opens the wizard in its own window over {@code owner} (which may be null), in the owner's stylesheets (or the
     * theme from the environment without an owner). Call on the FX thread. The model is closed with the window.
     *
     * @return the wizard's stage, already showing
     */
    public static Stage open(Window owner, WizardModel<?> model) {
        RunbookWizard wizard = new RunbookWizard(model);
        Stage stage = new Stage();
        wizard.stage = stage;
        if (owner != null) stage.initOwner(owner);
        Scene scene = new Scene(wizard.root, WIDTH, HEIGHT);
        if (owner != null && owner.getScene() != null && !owner.getScene().getStylesheets().isEmpty()) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        } else {
            Theme.from(System.getenv()).applyTo(scene);
        }
        io.nightwatch.ui.fx.KeyboardHabits.install(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                // Esc closes an open drop-down first, as everywhere else; only then does it cancel the wizard
                if (scene.getFocusOwner() instanceof javafx.scene.control.ComboBoxBase<?> box && box.isShowing()) return;
                wizard.cancel.fire();
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.setTitle(model.title() + " · Nightwatch");
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        stage.setOnCloseRequest(e -> {
            if (!model.closeRequested()) e.consume(); // a run is going: it is being cancelled instead
        });
        stage.setOnHidden(e -> model.close());
        stage.show();
        return stage;
    }

    private VBox header() {
        Label title = WizardNodes.label(model.title(), "wizard-title");
        title.setId("wizard-title");
        Label purpose = WizardNodes.text(model.purpose(), "wizard-purpose");
        HBox steps = new HBox();
        steps.getStyleClass().add("wizard-trail");
        steps.setAlignment(Pos.CENTER_LEFT);
        for (WizardPage p : WizardPage.values()) {
            Label l = WizardNodes.label((p.ordinal() + 1) + "  " + p.label(), "wizard-trail-step");
            l.setId("trail-" + p.name().toLowerCase(java.util.Locale.ROOT));
            trail.put(p, l);
            steps.getChildren().add(l);
            if (p.ordinal() < WizardPage.values().length - 1) steps.getChildren().add(WizardNodes.label("›", "wizard-trail-arrow"));
        }
        VBox header = new VBox(title, purpose, steps);
        header.getStyleClass().add("wizard-header");
        return header;
    }

    private HBox footer() {
        spinner.getStyleClass().add("wizard-spinner");
        spinner.setPrefSize(18, 18);
        spinner.setMaxSize(18, 18);
        note.setId("wizard-footer-note");
        HBox footer = new HBox(spinner, note, WizardNodes.spacer(), back, cancel, next, close);
        footer.getStyleClass().add("wizard-footer");
        footer.setAlignment(Pos.CENTER_LEFT);
        return footer;
    }

    /** Shows the current page and the buttons it allows. */
    private void refresh() {
        WizardPage page = model.getPage();
        pages.forEach((p, node) -> node.setVisible(p == page));
        trail.forEach((p, label) -> {
            label.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("current"), p == page);
            label.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("passed"), p.ordinal() < page.ordinal());
        });
        boolean running = model.isRunning();
        String what = model.choice().word();
        switch (page) {
            case CHOOSE -> {
                buttons(false, true, true, false);
                cancel.setText(T.get("button.cancel"));
                next.setText(T.get("button.nextPreview"));
                next.setDisable(model.busyProperty().get() || !model.blockerProperty().get().isEmpty());
                next.setDefaultButton(true);
                note.setText(model.busyProperty().get() ? model.busyTextProperty().get() : model.blockerProperty().get());
            }
            case PREVIEW -> {
                buttons(true, true, true, false);
                back.setText(T.get("button.back"));
                cancel.setText(T.get("button.cancel"));
                next.setText(T.get("button.start", what));
                next.setDisable(false);
                next.setDefaultButton(true);
                next.requestFocus();
                note.setText(T.get("note.nothingChanged"));
            }
            case RUN -> {
                if (running) {
                    buttons(false, true, false, false);
                    cancel.setText(model.cancellingProperty().get() ? T.get("button.cancelling") : T.get("button.cancelRun", what));
                    cancel.setDisable(model.cancellingProperty().get());
                    note.setText(model.cancellingProperty().get() ? T.get("note.undoing") : T.get("note.running", what));
                } else {
                    buttons(false, false, true, true);
                    next.setText(T.get("button.result"));
                    next.setDisable(model.resultProperty().get() == null);
                    next.setDefaultButton(true);
                    note.setText("");
                }
            }
            case RESULT -> {
                buttons(true, false, false, true);
                back.setText(T.get("button.runLog"));
                close.setDefaultButton(true);
                close.requestFocus(); // not the journal field, whose text would show selected
                note.setText("");
            }
        }
        if (page != WizardPage.RUN) cancel.setDisable(false);
        if (page != WizardPage.RESULT) close.setDefaultButton(false);
        if (page == WizardPage.RESULT) next.setDefaultButton(false);
        WizardNodes.shown(spinner, model.busyProperty().get() || (page == WizardPage.RUN && running));
    }

    /** Gives the focus to the first control of {@code page} a keyboard can use, as a freshly opened window does. */
    private static void focusFirst(Node page) {
        firstFocusable(page).ifPresent(Node::requestFocus);
    }

    private static java.util.Optional<Node> firstFocusable(Node node) {
        if (!node.isVisible() || node.isDisabled()) return java.util.Optional.empty();
        if (node.isFocusTraversable()) return java.util.Optional.of(node);
        Iterable<Node> children = node instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null
                ? java.util.List.of(scroll.getContent())
                : node instanceof javafx.scene.Parent parent ? parent.getChildrenUnmodifiable() : java.util.List.of();
        for (Node child : children) {
            java.util.Optional<Node> found = firstFocusable(child);
            if (found.isPresent()) return found;
        }
        return java.util.Optional.empty();
    }

    private void buttons(boolean showBack, boolean showCancel, boolean showNext, boolean showClose) {
        WizardNodes.shown(back, showBack);
        WizardNodes.shown(cancel, showCancel);
        WizardNodes.shown(next, showNext);
        WizardNodes.shown(close, showClose);
    }

    private void closeWindow() {
        if (stage != null && model.closeRequested()) stage.close();
    }

    private static Button button(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("wizard-button");
        return b;
    }
}
