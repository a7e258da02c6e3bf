package io.nightwatch.ui.wizard;

import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.runbook.InterruptedRun;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Page 1. Backup: the services as checkboxes and the target folder. Restore: the sets of a folder (size, age, state;
 * only verified sets can be chosen) and the services of the chosen set. Upgrade, rollback: one service, what it runs,
 * the image to go to (with the candidates and why), backup first, the hold period. Above all: interrupted runs of
 * this runbook, with Resume and Abort.
 */
final class ChoosePage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WizardModel model;
    private final VBox content = new VBox();
    private final ScrollPane root = new ScrollPane(content);
    private final VBox interruptedBox = new VBox();

    ChoosePage(WizardModel model) {
        this.model = model;
        content.getStyleClass().addAll("wizard-page", "wizard-choose");
        root.getStyleClass().add("wizard-scroll");
        root.setFitToWidth(true);

        interruptedBox.getStyleClass().add("wizard-interrupted");
        model.interrupted().addListener((ListChangeListener<InterruptedRun>) c -> showInterrupted());
        showInterrupted();
        content.getChildren().add(interruptedBox);

        if (model.kind() == WizardModel.Kind.BACKUP) backupChoices();
        else if (model.kind().changesImage()) imageChoices();
        else restoreChoices();

        Label problem = WizardNodes.hiddenWhenEmpty(WizardNodes.text("", "wizard-problem"));
        problem.setId("wizard-problem");
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.textProperty().bind(model.problemProperty());
        content.getChildren().add(problem);
    }

    ScrollPane node() {
        return root;
    }

    private void backupChoices() {
        VBox services = servicesBox();
        content.getChildren().addAll(
                WizardNodes.label("What to back up", "wizard-section"),
                WizardNodes.text("Each service is copied the way that keeps its data consistent (a Prometheus snapshot, a "
                        + "Redis BGSAVE, a paused Grafana), through the Docker API.", "wizard-caption"),
                services,
                WizardNodes.label("Where to", "wizard-section"),
                folderRow("Choose the folder that receives the backup set"),
                WizardNodes.text("A new folder named after the time and host is created inside it; nothing else there is "
                        + "touched. The set is verified before the wizard reports success.", "wizard-caption"));
    }

    private void imageChoices() {
        ToggleGroup group = new ToggleGroup();
        VBox services = new VBox();
        services.getStyleClass().add("wizard-services");
        for (ServiceOption option : model.services()) {
            RadioButton button = new RadioButton(option.name());
            button.getStyleClass().add("wizard-service");
            button.setId("change-service-" + option.name());
            button.setToggleGroup(group);
            button.setUserData(option.name());
            if (option.name().equals(model.chosenServiceProperty().get())) button.setSelected(true);
            HBox row = new HBox(button, WizardNodes.label(option.detail(), "wizard-service-detail"));
            row.getStyleClass().add("wizard-service-row");
            row.setAlignment(Pos.CENTER_LEFT);
            services.getChildren().add(row);
        }
        group.selectedToggleProperty().addListener((o, old, now) ->
                model.chosenServiceProperty().set(now == null ? "" : (String) now.getUserData()));

        Label current = WizardNodes.text("", "wizard-caption", "wizard-current-image");
        current.setId("wizard-current-image");
        current.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.chosenServiceProperty().get().isEmpty()
                ? "Choose a service to see what it runs."
                : model.currentImageProperty().get().isEmpty() ? "Reading what " + model.chosenServiceProperty().get() + " runs…"
                : model.chosenServiceProperty().get() + " runs " + model.currentImageProperty().get() + " now.",
                model.chosenServiceProperty(), model.currentImageProperty()));

        ComboBox<String> target = new ComboBox<>();
        target.setEditable(true);
        target.setId("wizard-target");
        target.getStyleClass().add("wizard-target");
        target.setMaxWidth(Double.MAX_VALUE);
        target.setPromptText("image:tag, already on the engine");
        target.getEditor().textProperty().bindBidirectional(model.targetProperty());
        Label candidates = WizardNodes.text("", "wizard-caption", "wizard-candidates");
        candidates.setId("wizard-candidates");
        Runnable showTargets = () -> {
            target.getItems().setAll(model.targets().stream().map(WizardModel.ImageChoice::image).toList());
            candidates.setText(model.targets().isEmpty() ? "No other image of this service is known here: type the one to go to."
                    : String.join("\n", model.targets().stream().map(c -> c.image() + " — " + c.why()).toList()));
        };
        model.targets().addListener((ListChangeListener<WizardModel.ImageChoice>) c -> showTargets.run());
        showTargets.run();

        CheckBox backup = new CheckBox("Back up its data first (kept whatever happens)");
        backup.setId("wizard-backup-first");
        backup.getStyleClass().add("wizard-service");
        backup.selectedProperty().bindBidirectional(model.backupFirstProperty());
        ComboBox<String> hold = new ComboBox<>();
        hold.setEditable(true);
        hold.setId("wizard-hold");
        hold.getItems().setAll("keep", "0s", "5m", "10m", "30m");
        hold.getEditor().textProperty().bindBidirectional(model.holdProperty());
        Label holdLabel = WizardNodes.label("Old container:", "wizard-service-detail");
        HBox holdRow = new HBox(holdLabel, hold);
        holdRow.getStyleClass().add("wizard-folder-row");
        holdRow.setAlignment(Pos.CENTER_LEFT);

        content.getChildren().addAll(
                WizardNodes.label("Which service", "wizard-section"),
                services,
                current,
                WizardNodes.label(model.kind() == WizardModel.Kind.ROLLBACK ? "Back to" : "To", "wizard-section"),
                target,
                candidates,
                WizardNodes.text("Nothing is pulled: the image must already be on the service's engine. The new container gets "
                        + "the old one's configuration; the preview shows every difference.", "wizard-caption"),
                WizardNodes.label("Safety", "wizard-section"),
                backup,
                holdRow,
                WizardNodes.text("keep: the old container stays, stopped, until you remove it (`--retire`). A period (10m): the new "
                        + "one is watched that long and any failure reverts; then the old one is removed. A failed health gate "
                        + "always reverts to the old container.", "wizard-caption"));
    }

    private void restoreChoices() {
        Label status = WizardNodes.text("", "wizard-caption", "wizard-sets-status");
        status.textProperty().bind(model.setsStatusProperty());
        Button reload = new Button("Reload");
        reload.getStyleClass().add("wizard-small-button");
        reload.setOnAction(e -> model.reloadSets());

        ListView<SetRow> sets = new ListView<>(model.sets());
        sets.getStyleClass().add("wizard-sets");
        sets.setId("wizard-sets");
        sets.setCellFactory(list -> new SetCell());
        sets.setPrefHeight(230);
        sets.setMinHeight(150);
        Label empty = WizardNodes.label("No backup sets here.", "wizard-caption");
        sets.setPlaceholder(empty);
        sets.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null && !model.choose(now)) sets.getSelectionModel().clearSelection(); // greyed: not restorable
        });
        model.chosenSetProperty().addListener((o, old, now) -> {
            if (now == null) sets.getSelectionModel().clearSelection();
            else if (sets.getSelectionModel().getSelectedItem() != now) sets.getSelectionModel().select(now);
        });

        Label servicesTitle = WizardNodes.label("Services to restore", "wizard-section");
        model.chosenSetProperty().addListener((o, old, now) ->
                servicesTitle.setText(now == null ? "Services to restore" : "Services to restore from " + now.id()));
        Label noSet = WizardNodes.label("Choose a set above to see what it holds.", "wizard-caption");
        model.chosenSetProperty().addListener((o, old, now) -> WizardNodes.shown(noSet, now == null));

        content.getChildren().addAll(
                WizardNodes.label("Backup sets in", "wizard-section"),
                folderRow("Choose the folder that holds the backup sets", reload),
                status,
                sets,
                servicesTitle,
                noSet,
                servicesBox(),
                WizardNodes.text("For each service: a safety copy of today's data is kept, alerts about it are silenced, it is "
                        + "stopped, its data replaced, started and checked. If anything fails, the safety copy is put back.",
                        "wizard-caption"));
    }

    /** One checkbox per service of {@link WizardModel#services()}, rebuilt when that list changes. */
    private VBox servicesBox() {
        VBox box = new VBox();
        box.getStyleClass().add("wizard-services");
        Runnable rebuild = () -> box.getChildren().setAll(model.services().stream().map(ChoosePage::serviceRow).toList());
        model.services().addListener((ListChangeListener<ServiceOption>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasReplaced() || c.wasPermutated()) {
                    rebuild.run();
                    return;
                }
            }
        });
        rebuild.run();
        return box;
    }

    private static HBox serviceRow(ServiceOption option) {
        CheckBox box = new CheckBox(option.name());
        box.getStyleClass().add("wizard-service");
        box.setId("service-" + option.name());
        box.selectedProperty().bindBidirectional(option.selectedProperty());
        Label detail = WizardNodes.label(option.detail(), "wizard-service-detail");
        HBox row = new HBox(box, detail);
        row.getStyleClass().add("wizard-service-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox folderRow(String chooserTitle, Button... extra) {
        TextField path = new TextField();
        path.getStyleClass().add("wizard-folder");
        path.setId("wizard-folder");
        path.textProperty().bindBidirectional(model.folderProperty());
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.getStyleClass().add("wizard-small-button");
        choose.setId("wizard-choose-folder");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(chooserTitle);
            File current = new File(model.folderProperty().get() == null ? "" : model.folderProperty().get());
            File start = current.isDirectory() ? current : current.getParentFile();
            if (start != null && start.isDirectory()) chooser.setInitialDirectory(start);
            File picked = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (picked != null) model.folderProperty().set(picked.getAbsolutePath());
        });
        HBox row = new HBox(path, choose);
        row.getChildren().addAll(extra);
        row.getStyleClass().add("wizard-folder-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void showInterrupted() {
        interruptedBox.getChildren().clear();
        for (InterruptedRun run : model.interrupted()) interruptedBox.getChildren().add(interruptedRow(run));
        WizardNodes.shown(interruptedBox, !model.interrupted().isEmpty());
    }

    private VBox interruptedRow(InterruptedRun run) {
        String when = run.startedAt() == null ? "" : " started " + WHEN.format(run.startedAt().atZone(ZoneId.systemDefault()));
        String stopped = run.stoppedAt() == null ? "" : ", stopped " + WizardWording.age(Duration.between(run.stoppedAt(), Instant.now()));
        String where = run.stoppedInStep().map(s -> " in step " + s).orElse(""); // the journal names steps by id
        Label head = WizardNodes.text("An interrupted " + model.kind().word() + " was found:" + when + stopped + where + ". "
                + run.finishedSteps().size() + " of " + run.stepIds().size() + " steps had finished.", "wizard-interrupted-text");
        Label hint = WizardNodes.text(run.resumable()
                ? "Resume continues from its first unfinished step; Abort undoes every step it started, last first."
                : "It had begun undoing its steps when it stopped, so it can only be aborted (the undo is finished).",
                "wizard-caption");
        Button resume = new Button("Resume");
        resume.getStyleClass().add("wizard-small-button");
        resume.setId("wizard-resume");
        resume.setDisable(!run.resumable());
        resume.setOnAction(e -> model.resume(run));
        Button abort = new Button("Abort: undo its steps");
        abort.getStyleClass().add("wizard-small-button");
        abort.setId("wizard-abort");
        abort.setOnAction(e -> model.abort(run));
        abort.setTooltip(new Tooltip("Undoes, last first: " + String.join(", ", run.toUndo())));
        HBox buttons = new HBox(resume, abort);
        buttons.getStyleClass().add("wizard-interrupted-buttons");
        VBox row = new VBox(head, hint, buttons);
        row.getStyleClass().add("wizard-interrupted-run");
        return row;
    }

    /** A set: icon, id, size · age · services, the reason it cannot be chosen, and its state word. */
    private static final class SetCell extends ListCell<SetRow> {
        @Override
        protected void updateItem(SetRow set, boolean empty) {
            super.updateItem(set, empty);
            setText(null);
            if (empty || set == null) {
                setGraphic(null);
                setDisable(false);
                setId(null);
                return;
            }
            Glyph<StepState> glyph = StepState.glyph(set.glyph());
            Label id = WizardNodes.label(set.id(), "wizard-set-id");
            Label facts = WizardNodes.label(set.facts(), "wizard-set-facts");
            VBox words = new VBox(id, facts);
            if (!set.choosable()) words.getChildren().add(WizardNodes.text(set.why(), "wizard-set-why"));
            HBox.setHgrow(words, Priority.ALWAYS);
            words.setMaxWidth(Double.MAX_VALUE);
            words.setPrefWidth(100); // let the words wrap rather than widen the list
            Label status = WizardNodes.label(set.status(), "wizard-set-status");
            status.setMinWidth(Label.USE_PREF_SIZE);
            HBox row = new HBox(glyph, words, status);
            row.getStyleClass().add("wizard-set-row");
            row.setAlignment(Pos.CENTER_LEFT);
            StepState.apply(row, set.glyph());
            setGraphic(row);
            setDisable(!set.choosable());
            setId("set-" + set.id());
        }
    }
}
