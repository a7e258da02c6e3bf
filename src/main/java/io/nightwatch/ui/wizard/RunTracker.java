package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.InterruptedRun;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.Step;
import io.nightwatch.text.Texts;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Folds the runner's callbacks (on the runner's thread, and output or progress from whatever thread a step reports
 * on) into complete {@link RunProgress} snapshots and hands each to {@code publish} (an FX bridge). Publishing
 * happens under the same lock as the change, so snapshots leave in the order they were made and the newest one the
 * bridge keeps is really the newest.
 */
final class RunTracker implements RunListener {

    private static final Texts T = Texts.of(RunTracker.class);

    /** Output lines kept per snapshot: far more than a burst between two FX pulses. The journal has them all. */
    static final int TAIL = 400;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Runbook runbook;
    private final Clock clock;
    private final Consumer<RunProgress> publish;
    private final Runnable cancelRunner;
    private volatile boolean cancelWanted;
    private final StepState[] states;
    private final String[] details;
    private final String[] failedWhy; // null: the step did not fail
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private long total;
    private int current = -1;
    private String progressText = "";
    private double fraction = -1;
    private boolean undoing;
    private RunResult result;
    private String refused;

    /** @param cancelRunner the runner's cancel: safe from any thread, returns at once */
    RunTracker(Runbook runbook, Clock clock, Consumer<RunProgress> publish, Runnable cancelRunner) {
        this.runbook = runbook;
        this.clock = clock;
        this.publish = publish;
        this.cancelRunner = cancelRunner;
        int n = runbook.steps().size();
        states = new StepState[n];
        details = new String[n];
        failedWhy = new String[n];
        Arrays.fill(states, StepState.PENDING);
        Arrays.fill(details, "");
    }

    /** For a resume or an abort: what the journal says was already done or undone before the interruption. */
    synchronized void startFrom(InterruptedRun run) {
        for (int i = 0; i < states.length; i++) {
            String id = runbook.steps().get(i).id();
            if (run.compensatedSteps().contains(id)) set(i, StepState.UNDONE, T.get("tracker.undoneBefore"));
            else if (run.finishedSteps().contains(id)) set(i, StepState.DONE, T.get("tracker.doneBefore"));
            else if (run.startedSteps().contains(id)) set(i, StepState.FAILED, T.get("tracker.cutOff"));
        }
        publish();
    }

    synchronized void log(String line) {
        append(line);
        publish();
    }

    /**
     * The operator cancels. Asked of the runner now, and again when the next step starts: a cancel that comes before
     * the runner has claimed the run would otherwise be forgotten by it.
     */
    void cancel() {
        cancelWanted = true;
        cancelRunner.run();
        log(T.get("tracker.cancelAsked"));
    }

    /** The runner refused to begin; nothing ran. */
    synchronized void refused(String why) {
        refused = why;
        append(T.get("tracker.notStarted", why));
        publish();
    }

    synchronized RunProgress snapshot() {
        List<RunProgress.StepLive> steps = new ArrayList<>(states.length);
        for (int i = 0; i < states.length; i++) steps.add(new RunProgress.StepLive(states[i], details[i]));
        return new RunProgress(steps, current, progressText, fraction, undoing, total, new ArrayList<>(tail),
                Optional.ofNullable(result), Optional.ofNullable(refused));
    }

    @Override
    public synchronized void stepStarted(int index, Step s) {
        if (cancelWanted) cancelRunner.run();
        set(index, StepState.RUNNING, "");
        current = index;
        progressText = "";
        fraction = -1;
        append("[" + (index + 1) + "/" + states.length + "] " + s.title());
        publish();
    }

    @Override
    public synchronized void output(Step s, String line) {
        for (String part : String.valueOf(line).split("\\R", -1)) append("    " + part);
        publish();
    }

    @Override
    public synchronized void progress(Step s, double f, String what) {
        fraction = f < 0 || Double.isNaN(f) ? -1 : Math.min(1, f);
        progressText = what == null ? "" : what;
        publish();
    }

    @Override
    public synchronized void stepFinished(int index, Step s, Duration took) {
        set(index, StepState.DONE, T.get("tracker.in", WizardWording.duration(took)));
        progressText = "";
        fraction = -1;
        append("    " + T.get("tracker.doneIn", WizardWording.duration(took)));
        publish();
    }

    @Override
    public synchronized void stepFailed(int index, Step s, String why) {
        set(index, StepState.FAILED, why);
        failedWhy[index] = why;
        undoing = true;
        progressText = "";
        fraction = -1;
        append("    " + T.get("tracker.failedLine", why));
        publish();
    }

    @Override
    public synchronized void compensating(Step s) {
        int i = runbook.indexOf(s.id());
        undoing = true;
        if (i >= 0) {
            set(i, StepState.UNDOING, failedWhy[i] == null ? "" : T.get("tracker.failed", failedWhy[i]));
            current = i;
        }
        progressText = T.get("tracker.undoingStep", s.title());
        fraction = -1;
        append(T.get("tracker.undoLine", s.title()));
        publish();
    }

    @Override
    public synchronized void compensated(Step s, Optional<String> problem) {
        int i = runbook.indexOf(s.id());
        if (i >= 0) {
            if (problem.isEmpty()) set(i, StepState.UNDONE, failedWhy[i] == null ? T.get("tracker.undone") : T.get("tracker.failedUndone", failedWhy[i]));
            else set(i, StepState.UNDO_FAILED, T.get("tracker.undoingFailed", problem.get()));
        }
        progressText = "";
        append("    " + problem.map(p -> T.get("tracker.undoingFailedLine", p)).orElse(T.get("tracker.undone")));
        publish();
    }

    @Override
    public synchronized void finished(RunResult r) {
        result = r;
        current = -1;
        progressText = "";
        fraction = -1;
        for (int i = 0; i < states.length; i++) {
            if (states[i] == StepState.PENDING) set(i, StepState.NOT_RUN, "");
            if (states[i] == StepState.RUNNING) set(i, StepState.FAILED, T.get("tracker.stopped")); // defensive: the runner ends steps
        }
        append(T.get("model.ended", WizardWording.outcomeWord(r.outcome()), WizardWording.duration(r.took())));
        publish();
    }

    private void set(int i, StepState state, String detail) {
        if (i < 0 || i >= states.length) return;
        states[i] = state;
        details[i] = detail;
    }

    private void append(String line) {
        String stamped = LocalTime.now(clock).format(TIME) + "  " + line;
        tail.addLast(stamped);
        if (tail.size() > TAIL) tail.removeFirst();
        total++;
    }

    private void publish() {
        publish.accept(snapshot());
    }
}
