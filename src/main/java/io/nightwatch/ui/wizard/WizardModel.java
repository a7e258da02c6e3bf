package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.InterruptedRun;
import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.RunbookRegistry;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.backup.BackupManifest;
import io.nightwatch.runbook.backup.BackupRunbook;
import io.nightwatch.runbook.backup.BackupSets;
import io.nightwatch.runbook.backup.RestoreRunbook;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.ui.fx.Background;
import io.nightwatch.ui.fx.Lane;
import io.nightwatch.ui.fx.LatestAnswer;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ProgressBar;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The wizard's view model: what the operator chose, the plan with every step's preview, the live run and its result,
 * as JavaFX properties; and the commands {@link #next}, {@link #back}, {@link #start}, {@link #cancel},
 * {@link #resume} and {@link #abort}.
 *
 * <p>Build and use on the FX thread. Everything that may block (building the runbook, reading previews, listing
 * backup sets, finding interrupted runs, and the run itself) happens on this wizard's {@link Lane} of the window's
 * {@link Background} pool; each question keeps only its latest answer ({@link LatestAnswer}), applied on the FX thread. A run is cancelled with {@link RunbookRunner#cancel()}, which is safe from any
 * thread and returns at once, so the window never waits for a step.
 */
public final class WizardModel {

    /** The shapes of choice the first page knows. */
    public enum Kind {
        /** Services as checkboxes, a target folder: parameters {@code services} and {@code to}. */
        BACKUP("backup"),
        /** A verified set from a folder of sets, services from it: parameters {@code set} and {@code services}. */
        RESTORE("restore"),
        /** One service and a target image: parameters {@code service}, {@code to}, {@code backup}, {@code hold}. */
        UPGRADE("upgrade"),
        /** As {@link #UPGRADE}, the target preset to the image the service ran before. */
        ROLLBACK("rollback");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** "backup", "restore", "upgrade", "rollback": for sentences. */
        public String word() {
            return word;
        }

        /** Upgrade and rollback: one service, another image. */
        public boolean changesImage() {
            return this == UPGRADE || this == ROLLBACK;
        }
    }

    /** Lines kept in the output list; older ones are dropped from the view (the journal keeps every line). */
    static final int MAX_OUTPUT_LINES = 5000;

    private final Kind kind;
    private final RunbookDefinition definition;
    private final RunbookRunner runner;
    private final Clock clock;
    private final Lane lane;

    private final ObservableList<ServiceOption> services =
            FXCollections.observableArrayList(option -> new Observable[] {option.selectedProperty()});
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final ObservableList<SetRow> sets = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SetRow> chosenSet = new ReadOnlyObjectWrapper<>(this, "chosenSet");
    private final ReadOnlyStringWrapper setsStatus = new ReadOnlyStringWrapper(this, "setsStatus", "");
    private final ObservableList<InterruptedRun> interrupted = FXCollections.observableArrayList();
    private final StringProperty chosenService = new SimpleStringProperty(this, "chosenService", "");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final javafx.beans.property.BooleanProperty backupFirst = new javafx.beans.property.SimpleBooleanProperty(this, "backupFirst");
    private final StringProperty hold = new SimpleStringProperty(this, "hold", "keep");
    private final ReadOnlyStringWrapper currentImage = new ReadOnlyStringWrapper(this, "currentImage", "");
    private final ObservableList<ImageChoice> targets = FXCollections.observableArrayList();
    private ImageChanges changes;

    private final ReadOnlyObjectWrapper<WizardPage> page = new ReadOnlyObjectWrapper<>(this, "page", WizardPage.CHOOSE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper(this, "blocker", "");
    private final ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>(this, "plan");

    private final ObservableList<StepRow> stepRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper currentStep = new ReadOnlyStringWrapper(this, "currentStep", "");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", ProgressBar.INDETERMINATE_PROGRESS);
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<ResultFacts> resultFacts = new ReadOnlyObjectWrapper<>(this, "resultFacts");

    // Read-only views made once: an unmodifiable wrapper listens to its list only weakly, so a wrapper made per call
    // could be collected with the page's listener on it, and the page would stop following.
    private final ObservableList<SetRow> setsView = FXCollections.unmodifiableObservableList(sets);
    private final ObservableList<InterruptedRun> interruptedView = FXCollections.unmodifiableObservableList(interrupted);
    private final ObservableList<StepRow> stepRowsView = FXCollections.unmodifiableObservableList(stepRows);
    private final ObservableList<String> outputView = FXCollections.unmodifiableObservableList(output);

    // answers to an older question (the operator went back, or typed on) are dropped
    private final LatestAnswer<Built> built;
    private final LatestAnswer<Listed> listed;
    private final LatestAnswer<Found> found;
    private final LatestAnswer<Looked> looked;
    private final Consumer<RunProgress> runs;

    private RunTracker tracker;
    private long outputShown;

    private enum Then { PREVIEW, RESUME, ABORT }

    private record Built(Then then, Optional<InterruptedRun> run, Optional<Plan> plan, String refusal) {}

    private record Listed(String root, List<SetRow> rows, String status) {}

    private record Found(List<InterruptedRun> runs) {}

    private record Looked(String service, String current, List<ImageChoice> targets, String problem) {}

    /** An image the operator may go to, and why it is offered ("ran before the last change"). */
    public record ImageChoice(String image, String why) {
        @Override
        public String toString() { return image; }
    }

    /**
     * What the image-change wizard asks the core, off the FX thread: a service's current image, the images it could
     * go to, and the plan of a change in words (image, configuration diff, compose line).
     */
    public interface ImageChanges {
        String currentImage(String service) throws Exception;

        List<ImageChoice> targets(String service) throws Exception;

        List<String> planLines(Map<String, String> params) throws Exception;
    }

    private WizardModel(Kind kind, RunbookDefinition definition, RunbookRunner runner, Clock clock) {
        this.kind = kind;
        this.definition = definition;
        this.runner = runner;
        this.clock = clock;
        this.lane = Background.shared().lane("wizard-" + definition.id(), problem::set);
        this.built = lane.latest(this::applyBuilt);
        this.listed = lane.latest(this::applyListed);
        this.found = lane.latest(this::applyFound);
        this.looked = lane.latest(this::applyLooked);
        this.runs = lane.reporter(this::applyProgress);
        services.addListener((javafx.collections.ListChangeListener<ServiceOption>) c -> check());
        folder.addListener((o, old, now) -> {
            if (kind == Kind.RESTORE) reloadSets();
            check();
        });
        chosenSet.addListener((o, old, now) -> check());
        chosenService.addListener((o, old, now) -> {
            lookUpImages();
            check();
        });
        target.addListener((o, old, now) -> check());
        currentImage.addListener((o, old, now) -> check());
    }

    // ---- construction -----------------------------------------------------------------------------------------

    /** The backup wizard over the real runbook: its {@link BackupRunbook#backupable()} services, its default folder. */
    public static WizardModel backup(BackupRunbook definition, RunbookRunner runner) {
        List<ServiceOption> options = new ArrayList<>();
        for (ServiceSpec s : definition.backupable()) {
            options.add(new ServiceOption(s.name(), s.kind().id() + " on " + s.host() + s.dataPath().map(p -> " · " + p).orElse("")));
        }
        return backup(definition, options, defaultTarget(definition), runner, Clock.systemDefaultZone());
    }

    /**
     * A backup wizard over any definition that takes {@code services} (comma-separated names) and {@code to} (a
     * folder): the given services, all ticked.
     */
    public static WizardModel backup(RunbookDefinition definition, List<ServiceOption> services, Path defaultTarget,
                                     RunbookRunner runner, Clock clock) {
        WizardModel model = new WizardModel(Kind.BACKUP, definition, runner, clock);
        model.services.setAll(services);
        model.folder.set(defaultTarget == null ? "" : defaultTarget.toString());
        model.findInterrupted();
        model.check();
        return model;
    }

    /** The restore wizard over the real runbook, listing the sets in {@code setsRoot}. */
    public static WizardModel restore(RestoreRunbook definition, Path setsRoot, RunbookRunner runner) {
        return restore((RunbookDefinition) definition, setsRoot, runner, Clock.systemDefaultZone());
    }

    /**
     * A restore wizard over any definition that takes {@code set} (a set folder) and {@code services}
     * (comma-separated names found in the set), listing the sets in {@code setsRoot}.
     */
    public static WizardModel restore(RunbookDefinition definition, Path setsRoot, RunbookRunner runner, Clock clock) {
        WizardModel model = new WizardModel(Kind.RESTORE, definition, runner, clock);
        model.folder.set(setsRoot == null ? "" : setsRoot.toString()); // lists the sets
        model.findInterrupted();
        model.check();
        return model;
    }

    /**
     * An upgrade or rollback wizard over {@code definition} (parameters {@code service}, {@code to}, {@code backup},
     * {@code hold}): the services to choose from, and what the core says about their images.
     */
    public static WizardModel imageChange(Kind kind, RunbookDefinition definition, List<ServiceOption> services,
                                          ImageChanges changes, RunbookRunner runner, Clock clock) {
        if (!kind.changesImage()) throw new IllegalArgumentException(kind + " is no image change");
        WizardModel model = new WizardModel(kind, definition, runner, clock);
        model.changes = changes;
        model.services.setAll(services);
        model.findInterrupted();
        model.check();
        return model;
    }

    /** The folder the backup runbook names as its default target (the example of its {@code to} parameter). */
    private static Path defaultTarget(RunbookDefinition definition) {
        return definition.parameters().stream().filter(p -> p.name().equals("to")).map(Parameter::example)
                .filter(e -> !e.isBlank()).findFirst().map(Path::of).orElse(null);
    }

    // ---- what the pages read ------------------------------------------------------------------------------------

    public Kind kind() { return kind; }

    public RunbookDefinition definition() { return definition; }

    public String title() { return definition.title(); }

    public String purpose() { return definition.purpose(); }

    /** Backup: the services that can be backed up. Restore: those in the chosen set. Ticked = included. */
    public ObservableList<ServiceOption> services() { return services; }

    /** Backup: the folder that receives the new set. Restore: the folder whose sets are listed. */
    public StringProperty folderProperty() { return folder; }

    /** Restore: every set in the folder, newest first, including those that cannot be chosen. */
    public ObservableList<SetRow> sets() { return setsView; }

    public ReadOnlyObjectProperty<SetRow> chosenSetProperty() { return chosenSet.getReadOnlyProperty(); }

    /** Restore: "3 sets in /x", "reading /x …", "no backup sets in /x", or why they cannot be read. */
    public ReadOnlyStringProperty setsStatusProperty() { return setsStatus.getReadOnlyProperty(); }

    /** Upgrade, rollback: the service to change (one of {@link #services()} by name). */
    public StringProperty chosenServiceProperty() { return chosenService; }

    /** Upgrade, rollback: the image to go to. */
    public StringProperty targetProperty() { return target; }

    /** Upgrade, rollback: back the service's data up first. */
    public javafx.beans.property.BooleanProperty backupFirstProperty() { return backupFirst; }

    /** Upgrade, rollback: "keep" the old container until removed by hand, or a period to watch the new one. */
    public StringProperty holdProperty() { return hold; }

    /** Upgrade, rollback: what the chosen service runs now ("" until known). */
    public ReadOnlyStringProperty currentImageProperty() { return currentImage.getReadOnlyProperty(); }

    /** Upgrade, rollback: the images the chosen service could go to, best first. */
    public ObservableList<ImageChoice> targets() { return targets; }

    /** Runs of this runbook that a crash or a closed window interrupted: offered for resume or abort. */
    public ObservableList<InterruptedRun> interrupted() { return interruptedView; }

    public ReadOnlyObjectProperty<WizardPage> pageProperty() { return page.getReadOnlyProperty(); }

    public WizardPage getPage() { return page.get(); }

    /** Background work the operator waits for (the preview being prepared). */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyStringProperty busyTextProperty() { return busyText.getReadOnlyProperty(); }

    /** Why the last command was refused (an invalid choice, a run that cannot resume); "" if it was not. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** Why Next is not possible yet on the choose page ("Tick at least one service."); "" when it is. */
    public ReadOnlyStringProperty blockerProperty() { return blocker.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Plan> planProperty() { return plan.getReadOnlyProperty(); }

    /** The steps of the run (or of the plan, before it starts), with live states. */
    public ObservableList<StepRow> stepRows() { return stepRowsView; }

    /** "Step 3 of 9 · Copy redis's data out", "Undoing step 2 of 9 · …", or "". */
    public ReadOnlyStringProperty currentStepProperty() { return currentStep.getReadOnlyProperty(); }

    /** The current step's own words about its progress ("12 MiB of 40 MiB"). */
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }

    /** 0..1, or {@link ProgressBar#INDETERMINATE_PROGRESS} when the step does not say. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** The run's output, time-stamped, newest last. */
    public ObservableList<String> output() { return outputView; }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    public boolean isRunning() { return running.get(); }

    /** Cancel was asked and the run is undoing what it did. */
    public ReadOnlyBooleanProperty cancellingProperty() { return cancelling.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<RunResult> resultProperty() { return result.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<ResultFacts> resultFactsProperty() { return resultFacts.getReadOnlyProperty(); }

    // ---- commands -----------------------------------------------------------------------------------------------

    /** Choose → preview (the runbook is built and previewed on the worker); a finished run → its result. */
    public void next() {
        switch (page.get()) {
            case CHOOSE -> {
                if (busy.get() || !blocker.get().isEmpty()) return;
                Map<String, String> params = params();
                List<String> choices = choices();
                prepare(Then.PREVIEW, Optional.empty(), params, choices);
            }
            case RUN -> {
                if (result.get() != null) page.set(WizardPage.RESULT);
            }
            default -> { }
        }
    }

    /** Preview → choose; result → the run's log. Never during a run. */
    public void back() {
        switch (page.get()) {
            case PREVIEW -> {
                built.forget();
                plan.set(null);
                page.set(WizardPage.CHOOSE);
            }
            case RESULT -> page.set(WizardPage.RUN);
            case CHOOSE -> {
                if (busy.get()) { // stop waiting for a preview
                    built.forget();
                    busy.set(false);
                    busyText.set("");
                }
            }
            default -> { }
        }
    }

    /** Preview → run: starts the plan on the worker. */
    public void start() {
        Plan p = plan.get();
        if (page.get() != WizardPage.PREVIEW || p == null || running.get()) return;
        beginRun(p, t -> runner.run(p.runbook(), p.params(), t));
    }

    /** Asks the run to stop; it undoes its finished steps, last first, and ends CANCELLED. Returns at once. */
    public void cancel() {
        if (!running.get() || cancelling.get()) return;
        cancelling.set(true);
        tracker.cancel();
    }

    /**
     * The window is being closed: fine when no run is going; during a run it cancels instead (the run then undoes
     * what it did) and answers false, so the window stays until the undo is finished and shown.
     */
    public boolean closeRequested() {
        if (!running.get()) return true;
        cancel();
        return false;
    }

    /** Continues an interrupted run from its first unfinished step, on the run page. */
    public void resume(InterruptedRun run) {
        if (page.get() != WizardPage.CHOOSE || running.get() || busy.get()) return;
        prepare(Then.RESUME, Optional.of(run), run.params(), List.of("Resuming run " + run.runId()));
    }

    /** Undoes, last first, every step an interrupted run had started, on the run page. */
    public void abort(InterruptedRun run) {
        if (page.get() != WizardPage.CHOOSE || running.get() || busy.get()) return;
        prepare(Then.ABORT, Optional.of(run), run.params(), List.of("Aborting run " + run.runId()));
    }

    /** Restore: takes this set if it can be restored (verified and complete); otherwise refuses and keeps none. */
    public boolean choose(SetRow set) {
        SetRow taken = set != null && set.choosable() ? set : null;
        if (taken == chosenSet.get()) return taken != null;
        chosenSet.set(taken);
        List<ServiceOption> options = new ArrayList<>();
        if (taken != null) {
            BackupManifest manifest = taken.info().manifest().orElse(null);
            for (String name : taken.services()) {
                String detail = manifest == null ? "" : manifest.service(name)
                        .map(b -> b.kind() + " · " + b.method() + " · " + WizardWording.size(b.bytes())).orElse("");
                options.add(new ServiceOption(name, detail));
            }
        }
        services.setAll(options);
        return taken != null;
    }

    /** Restore: lists the sets in the folder again (on the worker). */
    public void reloadSets() {
        if (kind != Kind.RESTORE) return;
        String root = folder.get() == null ? "" : folder.get().strip();
        if (root.isEmpty()) {
            listed.forget();
            applyListed(new Listed(root, List.of(), "Choose the folder that holds the backup sets."));
            return;
        }
        setsStatus.set("reading " + root + " …");
        listed.ask(() -> {
            Instant now = clock.instant();
            try {
                List<SetRow> rows = BackupSets.list(Path.of(root)).stream().map(s -> SetRow.of(s, now)).toList();
                long usable = rows.stream().filter(SetRow::choosable).count();
                String status = rows.isEmpty() ? "No backup sets in " + root + "."
                        : rows.size() + (rows.size() == 1 ? " set" : " sets") + " in " + root + ", " + usable + " verified"
                        + (usable == rows.size() ? "." : "; only verified sets can be restored.");
                return new Listed(root, rows, status);
            } catch (Exception e) {
                return new Listed(root, List.of(), "Cannot read " + root + ": " + describe(e));
            }
        });
    }

    /** Stops the worker once it is idle. Call when the window is gone; a run still going is left to finish. */
    public void close() {
        lane.close();
    }

    // ---- the choose page's rules --------------------------------------------------------------------------------

    private void check() {
        blocker.set(whyNotNext());
        problem.set("");
    }

    private String whyNotNext() {
        if (kind.changesImage()) {
            if (chosenService.get() == null || chosenService.get().isBlank()) return "Choose the service to " + kind.word() + ".";
            String to = target.get() == null ? "" : target.get().strip();
            if (to.isEmpty()) return "Choose the image to go to.";
            if (to.equals(currentImage.get())) return chosenService.get() + " already runs " + to + ".";
            return "";
        }
        boolean anyService = services.stream().anyMatch(ServiceOption::isSelected);
        if (kind == Kind.BACKUP) {
            if (services.isEmpty()) return "The profile has no service with data to back up.";
            if (!anyService) return "Tick at least one service to back up.";
            if (folder.get() == null || folder.get().isBlank()) return "Choose the folder that receives the backup set.";
            return "";
        }
        if (chosenSet.get() == null) return "Choose a verified backup set.";
        if (!anyService) return "Tick at least one service to restore.";
        return "";
    }

    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        if (kind.changesImage()) {
            params.put("service", chosenService.get());
            params.put("to", target.get().strip());
            params.put("backup", backupFirst.get() ? "yes" : "no");
            params.put("hold", hold.get() == null || hold.get().isBlank() ? "keep" : hold.get().strip());
            return params;
        }
        String names = String.join(",", selectedNames());
        if (kind == Kind.BACKUP) {
            params.put("services", names);
            params.put("to", folder.get().strip());
        } else {
            params.put("set", chosenSet.get().info().dir().toString());
            params.put("services", names);
        }
        return params;
    }

    private List<String> choices() {
        if (kind.changesImage()) {
            return List.of("Service: " + chosenService.get() + (backupFirst.get() ? ", backed up first" : ""),
                    "Old container: " + ("keep".equals(params().get("hold")) ? "kept until you remove it" : "removed after a hold of " + params().get("hold")));
        }
        if (kind == Kind.BACKUP) {
            return List.of("Services: " + String.join(", ", selectedNames()),
                    "Into: " + folder.get().strip() + " (a new set folder is created inside it)");
        }
        SetRow set = chosenSet.get();
        return List.of("Set: " + set.id() + " (" + set.status().toLowerCase() + ", " + set.facts().split(" · ")[0] + ", "
                        + set.facts().split(" · ")[1] + ")",
                "Services: " + String.join(", ", selectedNames()));
    }

    private List<String> selectedNames() {
        return services.stream().filter(ServiceOption::isSelected).map(ServiceOption::name).toList();
    }

    // ---- background work and its answers ------------------------------------------------------------------------

    private void prepare(Then then, Optional<InterruptedRun> run, Map<String, String> params, List<String> choices) {
        busy.set(true);
        busyText.set(then == Then.PREVIEW ? "Preparing the preview…" : "Reading the interrupted run…");
        problem.set("");
        built.ask(() -> {
            try {
                Runbook runbook = definition.build(params);
                List<String> words = choices;
                if (kind.changesImage() && then == Then.PREVIEW) {
                    words = new ArrayList<>(choices);
                    words.addAll(changes.planLines(params)); // the image and configuration diff, read from the engine
                }
                return new Built(then, run, Optional.of(Plan.of(runbook, params, words)), "");
            } catch (IllegalArgumentException e) {
                return new Built(then, run, Optional.empty(), describe(e));
            } catch (Exception e) {
                return new Built(then, run, Optional.empty(), "The " + kind.word() + " cannot be prepared: " + describe(e));
            }
        });
    }

    private void applyBuilt(Built b) {
        busy.set(false);
        busyText.set("");
        if (b.plan().isEmpty()) {
            problem.set(b.refusal());
            return;
        }
        Plan p = b.plan().get();
        plan.set(p);
        stepRows.setAll(p.steps().stream().map(StepRow::new).toList());
        switch (b.then()) {
            case PREVIEW -> page.set(WizardPage.PREVIEW);
            case RESUME -> {
                InterruptedRun run = b.run().orElseThrow();
                RunbookRegistry registry = new RunbookRegistry(List.of(definition));
                beginRun(p, t -> {
                    t.startFrom(run);
                    t.log("Resuming run " + run.runId() + " from its first unfinished step");
                    return runner.resume(run, registry, t);
                });
            }
            case ABORT -> {
                InterruptedRun run = b.run().orElseThrow();
                RunbookRegistry registry = new RunbookRegistry(List.of(definition));
                beginRun(p, t -> {
                    t.startFrom(run);
                    t.log("Aborting run " + run.runId() + ": undoing its steps, last first");
                    return runner.abort(run, registry, t);
                });
            }
        }
    }

    private void applyListed(Listed l) {
        SetRow before = chosenSet.get();
        sets.setAll(l.rows());
        setsStatus.set(l.status());
        // keep the choice when the same set is still there and still restorable
        SetRow again = before == null ? null : l.rows().stream()
                .filter(r -> r.info().dir().equals(before.info().dir()) && r.choosable()).findFirst().orElse(null);
        if (again == null) choose(null);
        else chosenSet.set(again);
    }

    /** Upgrade, rollback: the chosen service's image and where it could go, from the engine (on the worker). */
    private void lookUpImages() {
        if (!kind.changesImage()) return;
        String service = chosenService.get();
        currentImage.set("");
        targets.clear();
        if (service == null || service.isBlank()) {
            looked.forget();
            return;
        }
        looked.ask(() -> {
            try {
                return new Looked(service, changes.currentImage(service), changes.targets(service), "");
            } catch (Exception e) {
                return new Looked(service, "", List.of(), "Cannot read " + service + "'s images: " + describe(e));
            }
        });
    }

    private void applyLooked(Looked l) {
        currentImage.set(l.current());
        targets.setAll(l.targets());
        problem.set(l.problem());
        // a rollback goes back to the best candidate unless the operator typed something else
        if (kind == Kind.ROLLBACK && (target.get() == null || target.get().isBlank()) && !l.targets().isEmpty()) {
            target.set(l.targets().get(0).image());
        }
    }

    private void findInterrupted() {
        found.ask(() -> {
            try {
                return new Found(runner.interrupted().stream().filter(r -> definition.id().equals(r.runbookId())).toList());
            } catch (RuntimeException e) {
                return new Found(List.of()); // unreadable journals are logged by the runner; nothing to offer
            }
        });
    }

    private void applyFound(Found f) {
        interrupted.setAll(f.runs());
    }

    /** Switches to the run page and runs {@code work} on the worker with a fresh tracker. */
    private void beginRun(Plan p, Function<RunTracker, RunResult> work) {
        if (stepRows.size() != p.steps().size()) stepRows.setAll(p.steps().stream().map(StepRow::new).toList());
        output.clear();
        outputShown = 0;
        result.set(null);
        resultFacts.set(null);
        cancelling.set(false);
        currentStep.set("Starting…");
        progressText.set("");
        progress.set(ProgressBar.INDETERMINATE_PROGRESS);
        running.set(true);
        page.set(WizardPage.RUN);
        RunTracker t = new RunTracker(p.runbook(), clock, runs, runner::cancel);
        tracker = t;
        boolean queued = lane.run(() -> {
            try {
                work.apply(t);
            } catch (RuntimeException e) { // resume/abort refused before anything ran, or the runner is busy
                t.refused(describe(e));
            }
        });
        if (!queued) t.refused("the wizard was closed");
    }

    private void applyProgress(RunProgress p) {
        for (int i = 0; i < Math.min(stepRows.size(), p.steps().size()); i++) stepRows.get(i).show(p.steps().get(i));
        if (p.current() >= 0 && p.current() < stepRows.size()) {
            currentStep.set((p.undoing() ? "Undoing step " : "Step ") + (p.current() + 1) + " of " + stepRows.size() + " · "
                    + stepRows.get(p.current()).plan().title());
        } else if (!p.ended()) {
            currentStep.set(p.undoing() ? "Undoing…" : "Starting…");
        }
        progressText.set(p.progressText());
        progress.set(p.fraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : p.fraction());
        appendOutput(p);
        if (p.result().isPresent() && running.get()) {
            RunResult r = p.result().get();
            running.set(false);
            cancelling.set(false);
            currentStep.set(WizardWording.outcomeWord(r.outcome()) + " after " + WizardWording.duration(r.took()));
            progressText.set("");
            progress.set(r.succeeded() ? 1 : 0);
            result.set(r);
            resultFacts.set(ResultFacts.of(kind, r, stepRows));
            page.set(WizardPage.RESULT);
            findInterrupted(); // a resumed or aborted run is no longer interrupted
        } else if (p.refused().isPresent() && running.get()) {
            running.set(false);
            cancelling.set(false);
            page.set(WizardPage.CHOOSE);
            problem.set(p.refused().get());
            findInterrupted();
        }
    }

    /** Appends the lines of {@code p} this page has not shown; says so when a burst outran the tail. */
    private void appendOutput(RunProgress p) {
        long fresh = p.outputTotal() - outputShown;
        if (fresh <= 0) return;
        long tailStart = p.outputTotal() - p.outputTail().size();
        List<String> add = new ArrayList<>();
        if (outputShown < tailStart) add.add("… " + (tailStart - outputShown) + " lines not shown here; the journal has every line");
        int from = (int) (Math.max(outputShown, tailStart) - tailStart);
        add.addAll(p.outputTail().subList(from, p.outputTail().size()));
        output.addAll(add);
        if (output.size() > MAX_OUTPUT_LINES) output.remove(0, output.size() - MAX_OUTPUT_LINES);
        outputShown = p.outputTotal();
    }

    static String describe(Throwable e) {
        return Background.describe(e);
    }
}
