package io.nightwatch.ui.wizard.recovery;

import io.nightwatch.alerts.RunbookHints;
import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.BackupSets;
import io.nightwatch.runbook.recovery.RecoveryRunbook;
import io.nightwatch.text.Texts;
import io.nightwatch.ui.wizard.RunbookFamily;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The recovery runbooks as one definition for the wizard, whose first page chooses the scenario: {@link #build} hands
 * the parameters to the chosen scenario's {@link RecoveryRunbook}, so the run is journaled under that runbook's own id
 * ({@code recover-redis-down}), exactly as {@code nightwatch recover} journals it, and lands on the open incident's
 * timeline the same way (the incident reads the shared journal folder).
 */
public final class ScenarioRunbooks implements RunbookDefinition, RunbookFamily {

    private static final Texts T = Texts.of(ScenarioRunbooks.class);

    private final List<RecoveryRunbook> recoveries;

    public ScenarioRunbooks(List<RecoveryRunbook> recoveries) {
        this.recoveries = List.copyOf(recoveries);
    }

    public String id() { return "recover"; }
    public String title() { return RecoveryWording.title(); }
    public String purpose() { return RecoveryWording.purpose(); }
    public String cliCommand() { return "nightwatch recover"; } // tool text

    public List<Parameter> parameters() {
        return List.of(new Parameter("scenario", T.get("param.scenario", String.join(", ", RunbookHints.SCENARIOS.stream().map(RunbookHints.Scenario::id).toList())),
                        true, "redis-down"),
                new Parameter("service", T.get("param.service"), false, ""),
                new Parameter("host", T.get("param.host"), false, ""));
    }

    /** Interrupted recoveries (the wizard's or the CLI's) are resumed through their scenario's runbook. */
    @Override
    public List<RunbookDefinition> members() {
        return List.copyOf(recoveries);
    }

    public Runbook build(Map<String, String> params) {
        return runbook(params.getOrDefault("scenario", "")).build(params);
    }

    /** Per scenario id, the services its runbook can recover, in catalogue order. */
    public Map<String, List<RecoveryTarget>> targets() {
        Map<String, List<RecoveryTarget>> out = new LinkedHashMap<>();
        for (RecoveryRunbook r : recoveries) out.put(r.scenario().id(), r.candidates().stream().map(RecoveryTarget::of).toList());
        return out;
    }

    /**
     * Runs only the diagnosis steps, journaled in a scratch folder that is deleted afterwards (as the CLI does before
     * its prompt): a diagnosis is never offered for a resume that would go on into the actions. The confirmed run
     * repeats it in the shared journal.
     */
    public Diagnosis diagnosis() {
        return params -> {
            Runbook reads = runbook(params.getOrDefault("scenario", "")).diagnosis(params);
            List<String> lines = new CopyOnWriteArrayList<>();
            Path scratch = Files.createTempDirectory("nightwatch-diagnosis-");
            RunResult r;
            try {
                r = new RunbookRunner(scratch, Clock.systemUTC()).run(reads, params, new RunListener() {
                    @Override
                    public void stepStarted(int index, Step step) { lines.add(step.title()); }

                    @Override
                    public void output(Step step, String line) { lines.add("  " + line); }
                });
            } finally {
                deleteQuietly(scratch);
            }
            if (!r.succeeded()) throw new IllegalStateException(RecoveryWording.diagnosisFailed(r.message()));
            return new ArrayList<>(lines);
        };
    }

    private RecoveryRunbook runbook(String scenario) {
        return recoveries.stream().filter(r -> r.scenario().id().equals(scenario)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(RecoveryWording.unknownScenario(scenario)));
    }

    private static void deleteQuietly(Path dir) {
        try {
            BackupSets.deleteTree(dir);
        } catch (IOException e) {
            // a scratch folder under the temp dir; leaving it behind is harmless
        }
    }
}
