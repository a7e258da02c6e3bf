package io.nightwatch.ui.readiness;

import io.nightwatch.audit.AuditItem;
import io.nightwatch.audit.AuditReport;
import io.nightwatch.audit.Phase;
import io.nightwatch.audit.Verdict;
import io.nightwatch.redact.Redactor;
import io.nightwatch.store.AuditHistory;
import io.nightwatch.ui.controls.GlyphTable;
import io.nightwatch.ui.controls.ViewHeader;
import io.nightwatch.ui.fx.FxTicker;
import io.nightwatch.ui.fx.AgeLine;
import io.nightwatch.ui.fx.Background;
import io.nightwatch.ui.fx.Lane;
import io.nightwatch.ui.fx.LatestAnswer;
import io.nightwatch.ui.wizard.launch.WizardKind;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ProgressBar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Readiness view's model: the last audit (verdict per phase, score, items grouped by category, filtered to the gaps
 * on request), the history of scores, and the command {@link #runAudit}. Build and use on the FX thread; the audit and
 * the history reads run on this model's {@link Lane} of the window's {@link Background} pool, never on the FX thread;
 * progress and answers come back through it. As the window's header it says the production verdict (the one that
 * answers "can an external provider run this at 3 a.m.?").
 */
public final class ReadinessViewModel implements ViewHeader<Verdict> {

    /** Audits on the chart. */
    static final int HISTORY = 60;
    /** An audit older than this no longer describes the stack: the header says so. */
    static final java.time.Duration STALE_AFTER = java.time.Duration.ofHours(24);

    private final AgeLine age = new AgeLine(ReadinessWording.fresh(), ReadinessWording.silent());

    private final ReadinessSource source;
    private final Clock clock;
    private final Lane lane;
    private final LatestAnswer<Recorded> historyReads;
    private final Consumer<Step> stepReports;

    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper lastUpdate = new ReadOnlyStringWrapper(this, "lastUpdate", ReadinessWording.notYet());
    private final ReadOnlyObjectWrapper<Verdict> overallState = new ReadOnlyObjectWrapper<>(this, "overallState");
    private final ReadOnlyStringWrapper overallText = new ReadOnlyStringWrapper(this, "overallText", ReadinessWording.verdict(null));
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");

    private final Map<Phase, ReadOnlyObjectWrapper<Verdict>> phases = new EnumMap<>(Phase.class);
    private final ReadOnlyStringWrapper score = new ReadOnlyStringWrapper(this, "score", "");
    private final ReadOnlyStringWrapper taken = new ReadOnlyStringWrapper(this, "taken", "");
    private final ReadOnlyObjectWrapper<AuditReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", ReadinessWording.noAudit());
    private final BooleanProperty onlyNotOk = new SimpleBooleanProperty(this, "onlyNotOk");
    private final ObservableList<ItemGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<ScorePoint> history = FXCollections.observableArrayList();

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper canOpenWizards = new ReadOnlyBooleanWrapper(this, "canOpenWizards");

    /** Not a Timeline: a playing one keeps the FX pulse at 60 Hz (see FxTicker). */
    private final FxTicker ageTicker = new FxTicker(java.time.Duration.ofSeconds(30), () -> showAge());
    private Consumer<WizardKind> wizards = kind -> { };
    private Instant lastAuditAt;
    private boolean auditedOnShow;

    private record Audited(AuditReport report, String problem) {}

    private record Step(double fraction, String text) {}

    /** The history as read: the points, and the newest audit's phases (for the header before an audit here). */
    private record Recorded(List<ScorePoint> points, Map<Phase, Verdict> lastPhases) {}

    public ReadinessViewModel(ReadinessSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
        for (Phase p : Phase.values()) phases.put(p, new ReadOnlyObjectWrapper<>(this, p.key()));
        // the audit catches its own failures (applyAudited); what reaches the lane's problem line is a history read
        this.lane = Background.shared().lane("readiness", why -> {
            problem.set(true);
            message.set(ReadinessWording.historyFailed(why));
        });
        this.historyReads = lane.latest(this::applyHistory);
        this.stepReports = lane.reporter(this::applyStep);
        onlyNotOk.addListener((o, was, now) -> regroup());
        ageTicker.play();
        readHistory();
    }

    // ---- the header ------------------------------------------------------------------------------------------

    @Override public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    @Override public ReadOnlyStringProperty lastUpdateProperty() { return lastUpdate.getReadOnlyProperty(); }
    @Override public ReadOnlyObjectProperty<Verdict> overallStateProperty() { return overallState.getReadOnlyProperty(); }
    @Override public ReadOnlyStringProperty overallTextProperty() { return overallText.getReadOnlyProperty(); }
    @Override public ReadOnlyBooleanProperty staleProperty() { return stale.getReadOnlyProperty(); }
    @Override public GlyphTable<Verdict> verdictGlyphs() { return ReadinessLook.VERDICT_GLYPHS; }

    // ---- what the view binds to --------------------------------------------------------------------------------

    /** The verdict of one phase; null before any audit. */
    public ReadOnlyObjectProperty<Verdict> phaseProperty(Phase phase) { return phases.get(phase).getReadOnlyProperty(); }

    /** "31 / 48 OK", or "" before any audit. */
    public ReadOnlyStringProperty scoreProperty() { return score.getReadOnlyProperty(); }

    /** "Taken 2026-12-06 03:12". */
    public ReadOnlyStringProperty takenProperty() { return taken.getReadOnlyProperty(); }

    /** The audit run in this window, if any. */
    public ReadOnlyObjectProperty<AuditReport> reportProperty() { return report.getReadOnlyProperty(); }

    /** What the item list says when it shows nothing. */
    public ReadOnlyStringProperty placeholderProperty() { return placeholder.getReadOnlyProperty(); }

    /** Show only the items that are not OK. */
    public BooleanProperty onlyNotOkProperty() { return onlyNotOk; }

    /** The items by category, in the checklist's order, filtered. */
    public ObservableList<ItemGroup> groups() { return groups; }

    /** Recorded audits, oldest first. */
    public ObservableList<ScorePoint> history() { return history; }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** 0..1 while an audit runs, or indeterminate before it says. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** "Reading the container of redis (5 of 19)". */
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }

    /** The last command's outcome in words ("Fix copied…", or why the audit did not finish). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** The message is a failure. */
    public ReadOnlyBooleanProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** Whether the items' wizard buttons can open anything (the window offers its runbooks). */
    public ReadOnlyBooleanProperty canOpenWizardsProperty() { return canOpenWizards.getReadOnlyProperty(); }

    // ---- commands ----------------------------------------------------------------------------------------------

    /** Audits the live stack in the background, with progress; ignored while one runs. */
    public void runAudit() {
        if (running.get()) return;
        auditedOnShow = true;
        running.set(true);
        problem.set(false);
        message.set("");
        progress.set(ProgressBar.INDETERMINATE_PROGRESS);
        progressText.set(ReadinessWording.running());
        boolean queued = lane.run(() -> {
            try {
                return new Audited(source.audit((done, total, what) ->
                        stepReports.accept(new Step((double) done / total, ReadinessWording.progress(done, total, what)))), "");
            } catch (Exception e) {
                return new Audited(null, Background.describe(e));
            }
        }, this::applyAudited);
        if (!queued) running.set(false);
    }

    /** The view is on show: the first time, it audits (an operator who opens it wants today's answer). */
    public void setShowing(boolean showing) {
        if (showing && !auditedOnShow) runAudit();
    }

    /** The text for the clipboard: the fix, cleaned once more, since the clipboard leaves the process. */
    public String copyFix(ReadinessItem item) {
        problem.set(false);
        message.set(ReadinessWording.copied());
        return Redactor.clean(item.fix());
    }

    /** How the items' buttons open a wizard (the window's launcher). */
    public void offerWizards(Consumer<WizardKind> open) {
        wizards = open == null ? kind -> { } : open;
        canOpenWizards.set(open != null);
    }

    public void openWizard(WizardKind kind) {
        wizards.accept(kind);
    }

    public void dispose() {
        ageTicker.stop();
        lane.close();
    }

    // ---- answers -------------------------------------------------------------------------------------------------

    private void readHistory() {
        historyReads.ask(() -> {
            List<AuditHistory.AuditRun> runs = source.history(HISTORY);
            Map<Phase, Verdict> last = new EnumMap<>(Phase.class);
            if (!runs.isEmpty()) {
                AuditHistory.AuditRun newest = runs.get(runs.size() - 1);
                verdict(newest.development()).ifPresent(v -> last.put(Phase.DEVELOPMENT, v));
                verdict(newest.staging()).ifPresent(v -> last.put(Phase.STAGING, v));
                verdict(newest.production()).ifPresent(v -> last.put(Phase.PRODUCTION, v));
            }
            return new Recorded(runs.stream().map(ReadinessViewModel::point).toList(), last);
        });
    }

    private void applyAudited(Audited a) {
        running.set(false);
        progress.set(a.report() == null ? 0 : 1);
        progressText.set("");
        if (a.report() == null) {
            failed(a.problem());
            return;
        }
        AuditReport r = a.report();
        report.set(r);
        for (Phase p : Phase.values()) phases.get(p).set(r.phases().get(p));
        score.set(ReadinessWording.score(r.ok(), r.total()));
        taken.set(ReadinessWording.taken(r.takenAt(), clock.getZone()));
        long critical = r.items().stream().filter(i -> !i.ok() && i.risk() == AuditItem.Risk.CRITICAL).count();
        long high = r.items().stream().filter(i -> !i.ok() && i.risk() == AuditItem.Risk.HIGH).count();
        summary.set(ReadinessWording.summary(r.ok(), r.total(), critical, high));
        showVerdict(r.verdict(), r.takenAt());
        if (r.engineUnreachable()) {
            problem.set(true);
            message.set(ReadinessWording.unreachable(r.unreachableHosts()));
        }
        regroup();
        readHistory();
    }

    private void failed(String why) {
        running.set(false);
        progressText.set("");
        problem.set(true);
        message.set(ReadinessWording.failed(why));
    }

    private void applyStep(Step s) {
        if (!running.get()) return; // a late report after the answer
        progress.set(s.fraction());
        progressText.set(s.text());
    }

    private void applyHistory(Recorded recorded) {
        List<ScorePoint> points = recorded.points();
        if (!points.equals(history)) history.setAll(points);
        if (report.get() != null || points.isEmpty()) return;
        // nothing audited in this window yet: the header and phases say the last recorded audit
        ScorePoint p = points.get(points.size() - 1);
        score.set(ReadinessWording.score(p.ok(), p.total()));
        taken.set(ReadinessWording.taken(p.takenAt(), clock.getZone()));
        summary.set(ReadinessWording.summary(p.ok(), p.total(), 0, 0));
        placeholder.set(ReadinessWording.fromHistory());
        showVerdict(p.verdict(), p.takenAt());
        recorded.lastPhases().forEach((phase, verdict) -> phases.get(phase).set(verdict));
    }

    private void showVerdict(Verdict v, Instant at) {
        overallState.set(v);
        overallText.set(ReadinessWording.verdict(v));
        lastAuditAt = at;
        showAge();
    }

    private void showAge() {
        if (lastAuditAt == null) return;
        AgeLine.Reading reading = age.read(lastAuditAt, clock.instant(), STALE_AFTER, clock.getZone());
        lastUpdate.set(reading.text());
        stale.set(reading.stale());
    }

    /** The items by category (the checklist's order); in each, gaps first by risk, then the OK ones. */
    private void regroup() {
        AuditReport r = report.get();
        if (r == null) return;
        Redactor redactor = new Redactor();
        Map<AuditItem.Category, List<AuditItem>> byCategory = new LinkedHashMap<>();
        for (AuditItem.Category c : AuditItem.Category.values()) byCategory.put(c, new ArrayList<>());
        r.items().forEach(i -> byCategory.get(i.category()).add(i));
        Comparator<AuditItem> order = Comparator.comparing(AuditItem::ok)
                .thenComparing(AuditItem::risk, Comparator.reverseOrder());
        List<ItemGroup> shown = new ArrayList<>();
        byCategory.forEach((category, items) -> {
            if (items.isEmpty()) return;
            long ok = items.stream().filter(AuditItem::ok).count();
            List<ReadinessItem> rows = items.stream().sorted(order).filter(i -> !onlyNotOk.get() || !i.ok())
                    .map(i -> ReadinessItem.of(i, redactor)).toList();
            if (!rows.isEmpty()) shown.add(new ItemGroup(category, ReadinessWording.category(category), ok, items.size(), rows));
        });
        groups.setAll(shown);
        placeholder.set(shown.isEmpty() && onlyNotOk.get() ? ReadinessWording.allOk() : ReadinessWording.noAudit());
    }

    private static ScorePoint point(AuditHistory.AuditRun run) {
        return new ScorePoint(run.takenAt(), verdict(run.production()).orElse(verdict(run.verdict()).orElse(null)), run.ok(), run.total());
    }

    private static Optional<Verdict> verdict(String word) {
        try {
            return Optional.of(Verdict.valueOf(word));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty(); // a row written by a later version: shown without a verdict
        }
    }
}
