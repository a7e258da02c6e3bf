package io.nightwatch.ui.controls;

import io.nightwatch.health.HealthState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * One service at a glance, readable from across a room: name, version, a big state with its icon, the reason in one
 * line, how the verdict was measured, uptime, restarts, memory against its limit and standing findings.
 *
 * <p>The tile only displays: every value arrives already worded (the dashboard's view model formats them), so the
 * control stays reusable and its skin stays free of health logic. The state is exposed to CSS as
 * {@code :up :degraded :down :unknown}; {@code :discovered}, {@code :no-limit}, {@code :memory-unmeasured},
 * {@code :memory-high}, {@code :memory-critical}, {@code :restarted} and {@code :has-findings} refine it;
 * {@code :has-errors} says the container writes error-level log lines right now, {@code :has-error-lines} that
 * there are some to open (a click on the ERRORS line shows them).
 */
public class HealthTile extends Control {

    /** The core's "memory N% of limit" finding and its degraded verdict. */
    static final double MEMORY_HIGH = io.nightwatch.health.HealthEvaluator.MEMORY_WARNING;
    static final double MEMORY_CRITICAL = io.nightwatch.health.HealthEvaluator.MEMORY_PRESSURE;

    private static final PseudoClass DISCOVERED = PseudoClass.getPseudoClass("discovered");
    private static final PseudoClass NO_LIMIT = PseudoClass.getPseudoClass("no-limit");
    private static final PseudoClass MEMORY_HIGH_CLASS = PseudoClass.getPseudoClass("memory-high");
    private static final PseudoClass MEMORY_CRITICAL_CLASS = PseudoClass.getPseudoClass("memory-critical");
    private static final PseudoClass MEMORY_UNMEASURED = PseudoClass.getPseudoClass("memory-unmeasured");
    private static final PseudoClass RESTARTED = PseudoClass.getPseudoClass("restarted");
    private static final PseudoClass HAS_FINDINGS = PseudoClass.getPseudoClass("has-findings");
    private static final PseudoClass HAS_ERRORS = PseudoClass.getPseudoClass("has-errors");
    private static final PseudoClass HAS_ERROR_LINES = PseudoClass.getPseudoClass("has-error-lines");
    private static final PseudoClass NEW_PROBLEM = PseudoClass.getPseudoClass("new-problem");

    /**
     * The "new since you last looked" marker's words ("NEW · 03:12"); empty: no marker. Sets {@code :new-problem}, so a
     * problem that started while the operator was away stands out from the standing ones.
     */
    private final StringProperty newProblem = new SimpleStringProperty(this, "newProblem", "") {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(NEW_PROBLEM, get() != null && !get().isEmpty());
        }
    };

    public StringProperty newProblemProperty() { return newProblem; }
    public String getNewProblem() { return newProblem.get(); }
    public void setNewProblem(String value) { newProblem.set(value == null ? "" : value); }

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty subtitle = new SimpleStringProperty(this, "subtitle", "");
    private final StringProperty version = new SimpleStringProperty(this, "version", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty transport = new SimpleStringProperty(this, "transport", "");
    private final StringProperty latency = new SimpleStringProperty(this, "latency", "");
    private final StringProperty uptime = new SimpleStringProperty(this, "uptime", "");
    private final StringProperty memoryText = new SimpleStringProperty(this, "memoryText", "");
    private final ObservableList<String> findings = FXCollections.observableArrayList();
    /** E.g. "3 error lines/min"; empty while nothing is known about the container's log. */
    private final StringProperty errorSummary = new SimpleStringProperty(this, "errorSummary", "");
    private final StringProperty backupSummary = new SimpleStringProperty(this, "backupSummary", "");
    private final javafx.beans.property.BooleanProperty backupOverdue = new javafx.beans.property.SimpleBooleanProperty(this, "backupOverdue");
    private final BooleanProperty errorsActive = new SimpleBooleanProperty(this, "errorsActive") {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(HAS_ERRORS, get());
        }
    };
    /** The most recent error lines, newest last. */
    private final ObservableList<String> errorLines = FXCollections.observableArrayList();
    /** Reserved for a sparkline; the skin keeps its room even while empty so tiles do not change shape. */
    private final ObjectProperty<Node> trend = new SimpleObjectProperty<>(this, "trend");

    private final ObjectProperty<HealthState> state = new SimpleObjectProperty<>(this, "state", HealthState.UNKNOWN) {
        @Override
        protected void invalidated() {
            Styles.HEALTH.apply(HealthTile.this, get());
        }
    };
    private final BooleanProperty discovered = new SimpleBooleanProperty(this, "discovered") {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(DISCOVERED, get());
        }
    };
    private final IntegerProperty restarts = new SimpleIntegerProperty(this, "restarts") {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(RESTARTED, get() > 0);
        }
    };
    /** Used memory as a fraction of the limit; negative when nothing was measured. */
    private final DoubleProperty memoryFraction = new SimpleDoubleProperty(this, "memoryFraction", -1) {
        @Override
        protected void invalidated() {
            updateMemoryClasses();
        }
    };
    private final BooleanProperty memoryLimited = new SimpleBooleanProperty(this, "memoryLimited", true) {
        @Override
        protected void invalidated() {
            updateMemoryClasses();
        }
    };

    public HealthTile() {
        getStyleClass().setAll("health-tile");
        Styles.HEALTH.apply(this, HealthState.UNKNOWN);
        updateMemoryClasses(); // the defaults (nothing measured) never fire an invalidation
        findings.addListener((javafx.collections.ListChangeListener<String>) c ->
                pseudoClassStateChanged(HAS_FINDINGS, !findings.isEmpty()));
        errorLines.addListener((javafx.collections.ListChangeListener<String>) c ->
                pseudoClassStateChanged(HAS_ERROR_LINES, !errorLines.isEmpty()));
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new HealthTileSkin(this);
    }

    private void updateMemoryClasses() {
        double fraction = getMemoryFraction();
        boolean limited = isMemoryLimited();
        pseudoClassStateChanged(NO_LIMIT, !limited);
        pseudoClassStateChanged(MEMORY_UNMEASURED, limited && fraction < 0);
        pseudoClassStateChanged(MEMORY_HIGH_CLASS, limited && fraction >= MEMORY_HIGH && fraction < MEMORY_CRITICAL);
        pseudoClassStateChanged(MEMORY_CRITICAL_CLASS, limited && fraction >= MEMORY_CRITICAL);
    }

    public StringProperty titleProperty() { return title; }
    public String getTitle() { return title.get(); }
    public void setTitle(String value) { title.set(value); }

    /** Kind and container, e.g. "prometheus · sva-studio-prometheus". */
    public StringProperty subtitleProperty() { return subtitle; }
    public String getSubtitle() { return subtitle.get(); }
    public void setSubtitle(String value) { subtitle.set(value); }

    public BooleanProperty discoveredProperty() { return discovered; }
    public boolean isDiscovered() { return discovered.get(); }
    public void setDiscovered(boolean value) { discovered.set(value); }

    public StringProperty versionProperty() { return version; }
    public String getVersion() { return version.get(); }
    public void setVersion(String value) { version.set(value); }

    public ObjectProperty<HealthState> stateProperty() { return state; }
    public HealthState getState() { return state.get(); }
    public void setState(HealthState value) { state.set(value); }

    public StringProperty reasonProperty() { return reason; }
    public String getReason() { return reason.get(); }
    public void setReason(String value) { reason.set(value); }

    /** Which probe path produced the verdict ("direct", "exec in container", ...). */
    public StringProperty transportProperty() { return transport; }
    public String getTransport() { return transport.get(); }
    public void setTransport(String value) { transport.set(value); }

    public StringProperty latencyProperty() { return latency; }
    public String getLatency() { return latency.get(); }
    public void setLatency(String value) { latency.set(value); }

    public StringProperty uptimeProperty() { return uptime; }
    public String getUptime() { return uptime.get(); }
    public void setUptime(String value) { uptime.set(value); }

    public IntegerProperty restartsProperty() { return restarts; }
    public int getRestarts() { return restarts.get(); }
    public void setRestarts(int value) { restarts.set(value); }

    public DoubleProperty memoryFractionProperty() { return memoryFraction; }
    public double getMemoryFraction() { return memoryFraction.get(); }
    public void setMemoryFraction(double value) { memoryFraction.set(value); }

    /** False when the container may take all the host's memory; the bar then shows no fill. */
    public BooleanProperty memoryLimitedProperty() { return memoryLimited; }
    public boolean isMemoryLimited() { return memoryLimited.get(); }
    public void setMemoryLimited(boolean value) { memoryLimited.set(value); }

    /** E.g. "118 MiB / 512 MiB" or "118 MiB, no limit". */
    public StringProperty memoryTextProperty() { return memoryText; }
    public String getMemoryText() { return memoryText.get(); }
    public void setMemoryText(String value) { memoryText.set(value); }

    public ObservableList<String> getFindings() { return findings; }

    public StringProperty errorSummaryProperty() { return errorSummary; }

    /** "3 h ago", "none verified", "no data to back up"; "" until the backup sets have been read. */
    public StringProperty backupSummaryProperty() { return backupSummary; }
    public String getBackupSummary() { return backupSummary.get(); }
    public void setBackupSummary(String value) { backupSummary.set(value); }

    /** The newest verified backup is older than the RPO (or there is none): pseudo-class {@code :overdue} on the line. */
    public javafx.beans.property.BooleanProperty backupOverdueProperty() { return backupOverdue; }
    public boolean isBackupOverdue() { return backupOverdue.get(); }
    public void setBackupOverdue(boolean value) { backupOverdue.set(value); }
    public String getErrorSummary() { return errorSummary.get(); }
    public void setErrorSummary(String value) { errorSummary.set(value); }

    public BooleanProperty errorsActiveProperty() { return errorsActive; }
    public boolean isErrorsActive() { return errorsActive.get(); }
    public void setErrorsActive(boolean value) { errorsActive.set(value); }

    public ObservableList<String> getErrorLines() { return errorLines; }

    /** A sparkline of the service's most telling rate; the tile keeps this room even while it is empty. */
    public ObjectProperty<Node> trendProperty() { return trend; }
    public Node getTrend() { return trend.get(); }
    public void setTrend(Node value) { trend.set(value); }
}
