package io.nightwatch.ui.wizard.recovery;

import io.nightwatch.alerts.RunbookHints;
import io.nightwatch.alerts.RunbookHints.Scenario;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.ui.wizard.ChoiceContext;
import io.nightwatch.ui.wizard.WizardChoice;
import io.nightwatch.ui.wizard.WizardModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recovery's choice: what failed (a scenario of the catalogue) and which service on which host. Parameters
 * {@code scenario}, {@code service}, {@code host}. Before the preview it runs the scenario's read-only diagnosis, so the
 * preview opens with the findings and their evidence, then the actions with their conditions.
 */
public final class RecoveryChoice implements WizardChoice {

    /** Of a block of log lines in the findings, the preview shows the newest this many (the run log has them all). */
    static final int KEPT_LOG_LINES = 6;

    private final Map<String, List<RecoveryTarget>> byScenario;
    private final Diagnosis diagnosis;
    private final List<Scenario> scenarios;
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(this, "scenario");
    private final ObservableList<RecoveryTarget> targets = FXCollections.observableArrayList();
    private final ObjectProperty<RecoveryTarget> target = new SimpleObjectProperty<>(this, "target");
    private Node form;

    /** @param byScenario per scenario id, the services its runbook can recover; only these scenarios are offered */
    public RecoveryChoice(Map<String, List<RecoveryTarget>> byScenario, Diagnosis diagnosis) {
        this.byScenario = new LinkedHashMap<>(byScenario);
        this.diagnosis = diagnosis;
        this.scenarios = RunbookHints.SCENARIOS.stream().filter(s -> byScenario.containsKey(s.id())).toList();
        scenario.addListener((o, old, now) -> showTargets(now));
    }

    /** The recovery wizard over the catalog's recovery runbooks. Call on the FX thread. */
    public static WizardModel<RecoveryChoice> wizard(ScenarioRunbooks runbooks, RunbookRunner runner, Clock clock) {
        return WizardModel.of(new RecoveryChoice(runbooks.targets(), runbooks.diagnosis()), runbooks, runner, clock);
    }

    @Override
    public String word() { return RecoveryWording.word(); }

    @Override
    public void attach(ChoiceContext context) {
        scenario.addListener((o, old, now) -> context.changed().run());
        target.addListener((o, old, now) -> context.changed().run());
    }

    /**
     * Chooses scenario {@code id} and the service named (on {@code host}, when given); a service the scenario cannot
     * recover is left for the operator to choose, unless there is only one. FX thread.
     *
     * @return false when no such scenario is offered
     */
    public boolean preselect(String id, String service, String host) {
        Optional<Scenario> s = scenarios.stream().filter(x -> x.id().equals(id)).findFirst();
        if (s.isEmpty()) return false;
        scenario.set(s.get());
        targets.stream().filter(t -> t.service().equals(service) && (host == null || host.isBlank() || t.host().equals(host)))
                .findFirst().ifPresent(target::set);
        return true;
    }

    /** The scenarios offered, in catalogue order. */
    public List<Scenario> scenarios() { return scenarios; }

    public ObjectProperty<Scenario> scenarioProperty() { return scenario; }

    /** The services the chosen scenario can be about. */
    public ObservableList<RecoveryTarget> targets() { return targets; }

    public ObjectProperty<RecoveryTarget> targetProperty() { return target; }

    @Override
    public String blocker() {
        Scenario s = scenario.get();
        if (s == null) return RecoveryWording.chooseScenario();
        if (targets.isEmpty()) return RecoveryWording.noService(s);
        if (target.get() == null) return RecoveryWording.chooseService();
        return "";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("scenario", scenario.get().id());
        params.put("service", target.get().service());
        params.put("host", target.get().host());
        return params;
    }

    @Override
    public List<String> summary() {
        return List.of(RecoveryWording.scenarioLine(scenario.get()), RecoveryWording.serviceLine(target.get()));
    }

    /** The diagnosis' findings, read off the FX thread before the preview opens. */
    @Override
    public List<String> planLines(Map<String, String> parameters) throws Exception {
        List<String> found = diagnosis.findings(parameters);
        List<String> lines = new ArrayList<>();
        lines.add(RecoveryWording.diagnosisHead());
        lines.addAll(found.isEmpty() ? List.of(RecoveryWording.diagnosisEmpty()) : shortened(found, KEPT_LOG_LINES));
        lines.add(RecoveryWording.actionsHead());
        return lines;
    }

    /** A recovery's duration is its time to recover. */
    @Override
    public boolean measuresRecoveryTime() { return true; }

    @Override
    public Node form() {
        if (form == null) form = RecoveryForm.of(this);
        return form;
    }

    /**
     * Keeps the newest {@code keep} lines of each block nested under a finding (four spaces deep: the last log lines),
     * so the findings fit the page; the start-up banner above a crash is rarely the evidence.
     */
    static List<String> shortened(List<String> findings, int keep) {
        List<String> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : findings) {
            if (line.startsWith("    ")) {
                block.add(line);
                continue;
            }
            flush(block, keep, out);
            out.add(line);
        }
        flush(block, keep, out);
        return out;
    }

    private static void flush(List<String> block, int keep, List<String> out) {
        if (block.size() > keep) out.add("    " + RecoveryWording.earlierLines(block.size() - keep));
        out.addAll(block.subList(Math.max(0, block.size() - keep), block.size()));
        block.clear();
    }

    private void showTargets(Scenario s) {
        RecoveryTarget kept = target.get();
        targets.setAll(s == null ? List.of() : byScenario.getOrDefault(s.id(), List.of()));
        if (kept != null && targets.contains(kept)) return;
        target.set(targets.size() == 1 ? targets.get(0) : null);
    }
}
