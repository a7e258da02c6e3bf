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
import io.nightwatch.text.Texts;
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
 * The wizard's view model: the page flow (choose, preview, run, result), the plan with every step's preview, the live
 * run and its result, as JavaFX properties; and the commands {@link #next}, {@link #back}, {@link #start},
 * {@link #cancel}, {@link #resume} and {@link #abort}. What is chosen on the first page belongs to the
 * {@link WizardChoice} (backup, restore, image change); this class never asks which kind it is.
 *
 * <p>Build and use on the FX thread. Everything that may block (building the runbook, reading previews, the choice's
 * questions, finding interrupted runs, and the run itself) happens on this wizard's {@link Lane} of the window's
 * {@link Background} pool; each question keeps only its latest answer ({@link LatestAnswer}), applied on the FX thread.
 * A run is cancelled with {@link RunbookRunner#cancel()}, which is safe from any thread and returns at once, so the
 * window never waits for a step.
 *
 * <p>A little over 400 lines because the page flow, the preview's preparation and the run share their state (the
 * page, busy, the plan, the step rows); a quarter of it is the properties the pages bind to.
 *
 * @param <C> the kind of choice
 */
public final class WizardModel<C extends WizardChoice> {

    private static final Texts T = Texts.of(WizardModel.class);

    /** Lines kept in the output list; older ones are dropped from the view (the journal keeps every line). */
    static final int MAX_OUTPUT_LINES = 5000;

    private final C choice;
    private final RunbookDefinition definition;
    private final RunbookRunner runner;
    private final Clock clock;
    private final Lane lane;

    private final ObservableList<InterruptedRun> interrupted = FXCollections.observableArrayList();

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
    private final ObservableList<InterruptedRun> interruptedView = FXCollections.unmodifiableObservableList(interrupted);
    private final ObservableList<StepRow> stepRowsView = FXCollections.unmodifiableObservableList(stepRows);
    private final ObservableList<String> outputView = FXCollections.unmodifiableObservableList(output);

    // answers to an older question (the operator went back, or typed on) are dropped
    private final LatestAnswer<Built> built;
    private final LatestAnswer<Found> found;
    private final Consumer<RunProgress> runs;

    private RunTracker tracker;
    private long outputShown;

    private enum Then { PREVIEW, RESUME, ABORT }

    private record Built(Then then, Optional<InterruptedRun> run, Optional<Plan> plan, String refusal) {}

    private record Found(List<InterruptedRun> runs) {}

    private WizardModel(C choice, RunbookDefinition definition, RunbookRunner runner, Clock clock) {
        this.choice = choice;
        this.definition = definition;
        this.runner = runner;
        this.clock = clock;
        this.lane = Background.shared().lane("wizard-" + definition.id(), problem::set);
        this.built = lane.latest(this::applyBuilt);
        this.found = lane.latest(this::applyFound);
        this.runs = lane.reporter(this::applyProgress);
    }

    // ---- construction -----------------------------------------------------------------------------------------

    /** A wizard over {@code definition} whose first page is {@code choice}. Call on the FX thread. */
    public static <C extends WizardChoice> WizardModel<C> of(C choice, RunbookDefinition definition, RunbookRunner runner, Clock clock) {
        WizardModel<C> model = new WizardModel<>(choice, definition, runner, clock);
        choice.attach(new ChoiceContext(model.lane, model::check, model::say, clock));
        model.findInterrupted();
        model.check();
        return model;
    }

    // ---- what the pages read ------------------------------------------------------------------------------------

    /** What the first page chooses: its properties, rules and form. */
    public C choice() { return choice; }

    public RunbookDefinition definition() { return definition; }

    public String title() { return definition.title(); }

    public String purpose() { return definition.purpose(); }

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
                prepare(Then.PREVIEW, Optional.empty(), choice.parameters(), choice.summary());
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
        prepare(Then.RESUME, Optional.of(run), run.params(), List.of(T.get("model.resuming", run.runId())));
    }

    /** Undoes, last first, every step an interrupted run had started, on the run page. */
    public void abort(InterruptedRun run) {
        if (page.get() != WizardPage.CHOOSE || running.get() || busy.get()) return;
        prepare(Then.ABORT, Optional.of(run), run.params(), List.of(T.get("model.aborting", run.runId())));
    }

    /** Stops the background work once idle. Call when the window is gone; a run still going is left to finish. */
    public void close() {
        lane.close();
    }

    // ---- the choose page's rules --------------------------------------------------------------------------------

    private void check() {
        blocker.set(choice.blocker());
        problem.set("");
    }

    private void say(String text) {
        problem.set(text == null ? "" : text);
    }

    // ---- background work and its answers ------------------------------------------------------------------------

    private void prepare(Then then, Optional<InterruptedRun> run, Map<String, String> params, List<String> choices) {
        busy.set(true);
        busyText.set(then == Then.PREVIEW ? T.get("model.preparing") : T.get("model.readingInterrupted"));
        problem.set("");
        built.ask(() -> {
            try {
                Runbook runbook = run.map(r -> definitionOf(r.runbookId())).orElse(definition).build(params);
                List<String> words = choices;
                if (then == Then.PREVIEW) {
                    words = new ArrayList<>(choices);
                    words.addAll(choice.planLines(params));
                }
                return new Built(then, run, Optional.of(Plan.of(runbook, params, words)), "");
            } catch (IllegalArgumentException e) {
                return new Built(then, run, Optional.empty(), describe(e));
            } catch (Exception e) {
                return new Built(then, run, Optional.empty(), T.get("model.cannotPrepare", choice.word(), describe(e)));
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
                RunbookRegistry registry = new RunbookRegistry(members());
                beginRun(p, t -> {
                    t.startFrom(run);
                    t.log(T.get("model.resumingFrom", run.runId()));
                    return runner.resume(run, registry, t);
                });
            }
            case ABORT -> {
                InterruptedRun run = b.run().orElseThrow();
                RunbookRegistry registry = new RunbookRegistry(members());
                beginRun(p, t -> {
                    t.startFrom(run);
                    t.log(T.get("model.abortingUndo", run.runId()));
                    return runner.abort(run, registry, t);
                });
            }
        }
    }

    private void findInterrupted() {
        found.ask(() -> {
            try {
                return new Found(runner.interrupted().stream().filter(r -> members().stream().anyMatch(d -> d.id().equals(r.runbookId()))).toList());
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
        currentStep.set(T.get("model.starting"));
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
        if (!queued) t.refused(T.get("model.closed"));
    }

    private void applyProgress(RunProgress p) {
        for (int i = 0; i < Math.min(stepRows.size(), p.steps().size()); i++) stepRows.get(i).show(p.steps().get(i));
        if (p.current() >= 0 && p.current() < stepRows.size()) {
            currentStep.set(T.get(p.undoing() ? "model.undoingStep" : "model.step", p.current() + 1, stepRows.size(),
                    stepRows.get(p.current()).plan().title()));
        } else if (!p.ended()) {
            currentStep.set(p.undoing() ? T.get("model.undoing") : T.get("model.starting"));
        }
        progressText.set(p.progressText());
        progress.set(p.fraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : p.fraction());
        appendOutput(p);
        if (p.result().isPresent() && running.get()) {
            RunResult r = p.result().get();
            running.set(false);
            cancelling.set(false);
            currentStep.set(T.get("model.ended", WizardWording.outcomeWord(r.outcome()), WizardWording.duration(r.took())));
            progressText.set("");
            progress.set(r.succeeded() ? 1 : 0);
            result.set(r);
            resultFacts.set(ResultFacts.of(choice.word(), choice.measuresRecoveryTime(), r, stepRows));
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
        if (outputShown < tailStart) add.add(T.get("model.linesNotShown", tailStart - outputShown));
        int from = (int) (Math.max(outputShown, tailStart) - tailStart);
        add.addAll(p.outputTail().subList(from, p.outputTail().size()));
        output.addAll(add);
        if (output.size() > MAX_OUTPUT_LINES) output.remove(0, output.size() - MAX_OUTPUT_LINES);
        outputShown = p.outputTotal();
    }

    /** The runbooks this wizard's runs are journaled under: the definition, or each member of a family. */
    private List<RunbookDefinition> members() {
        return definition instanceof RunbookFamily family ? family.members() : List.of(definition);
    }

    /** The member an interrupted run belongs to (a run started by the CLI lacks the family's own parameters). */
    private RunbookDefinition definitionOf(String runbookId) {
        return members().stream().filter(d -> d.id().equals(runbookId)).findFirst().orElse(definition);
    }

    static String describe(Throwable e) {
        return Background.describe(e);
    }
}
