package io.nightwatch.cli;

import io.nightwatch.alerts.RunbookHints;
import io.nightwatch.docker.EngineUnreachableException;
import io.nightwatch.text.Durations;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.recovery.RecoveryRunbook;
import io.nightwatch.stack.StackProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nightwatch recover SCENARIO}: diagnose, show the plan, ask (unless {@code --yes}), act and prove recovery. */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = "Run the recovery runbook of a scenario: diagnosis, then the plan and a prompt (unless --yes), then actions "
                + "and the proof that data flows again. --list shows the scenarios.")
public class RecoverCommand implements Callable<Integer> {

    @Mixin
    ProfileOptions profileOptions;

    @Parameters(paramLabel = "SCENARIO", arity = "0..1", description = "disk-full, redis-down, loki-ingestion, collector-crash or promtail-stalled.")
    String scenario;

    @Option(names = "--list", description = "List the scenarios and what each looks at.")
    boolean list;

    @Option(names = "--service", paramLabel = "S", description = "The affected service (default: the profile's only one of its kind).")
    String service;

    @Option(names = "--set", paramLabel = "SET", description = "redis-down: the backup set to restore if the data is gone (default: the newest verified).")
    String set;

    @Option(names = "--target-free", paramLabel = "PERCENT", description = "disk-full: free space to reach (default 20).")
    String targetFree;

    @Option(names = "--delete-oldest", paramLabel = "yes|no", description = "disk-full: yes deletes Prometheus' oldest blocks down to the target (admin API).")
    String deleteOldest;

    @Option(names = "--backup", paramLabel = "yes|no", description = "disk-full: yes backs the service's data up before anything is deleted.")
    String backup;

    @Option(names = "--retention", paramLabel = "7d|40GB", description = "disk-full: set this lower Prometheus retention (image change runbook, every other flag kept).")
    String retention;

    @Option(names = "--yes", description = "Do not ask before acting.")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            for (RunbookHints.Scenario s : RunbookHints.SCENARIOS) {
                out.printf("%-17s %s%n%-17s   seen as: %s%n", s.id(), s.title(), "", s.symptom());
            }
            out.flush();
            return 0;
        }
        if (scenario == null || RunbookHints.scenario(scenario).isEmpty()) {
            err.println("nightwatch: " + (scenario == null ? "name a scenario" : "no scenario '" + scenario + "'") + " (choose from "
                    + String.join(", ", RunbookHints.SCENARIOS.stream().map(RunbookHints.Scenario::id).toList()) + "; see recover --list)");
            return NightwatchCommand.EXIT_USAGE;
        }
        Map<String, String> env = System.getenv();
        var loaded = profileOptions.loadOrReport(env, err);
        if (loaded.isEmpty()) return NightwatchCommand.EXIT_USAGE;
        StackProfile profile = loaded.get();
        Map<String, String> params = new LinkedHashMap<>();
        if (service != null) params.put("service", service);
        if (set != null) params.put("set", set);
        if (targetFree != null) params.put("target-free", targetFree);
        if (deleteOldest != null) params.put("delete-oldest", deleteOldest);
        if (backup != null) params.put("backup", backup);
        if (retention != null) params.put("retention", retention);
        try (RunbookCli cli = new RunbookCli(profile, env)) {
            RunsCommand.warnAboutInterrupted(cli, err);
            RecoveryRunbook definition = cli.catalog().recoveries().stream().filter(r -> r.scenario().id().equals(scenario)).findFirst().orElseThrow();
            Runbook runbook = definition.build(params);
            if (!yes) {
                // The diagnosis only reads: it is journaled aside, so an interrupted one is never offered for a resume
                // that would go on into the actions; the confirmed run repeats it in the shared journal.
                java.nio.file.Path scratch = java.nio.file.Files.createTempDirectory("nightwatch-diagnosis-");
                RunResult diagnosed;
                try {
                    diagnosed = new io.nightwatch.runbook.RunbookRunner(scratch, java.time.Clock.systemUTC())
                            .run(definition.diagnosis(params), params, RunbookCli.console(err));
                } finally {
                    deleteTree(scratch);
                }
                if (!diagnosed.succeeded()) {
                    err.println("nightwatch: the diagnosis failed: " + diagnosed.message());
                    return RunbookCli.exitCode(diagnosed);
                }
                err.println("Plan (" + runbook.title() + "):");
                RunContext preview = RunContext.preview(params);
                int i = 1;
                for (Step step : runbook.steps()) {
                    err.printf("  %d. %s%n", i++, step.title());
                    for (String line : step.preview(preview)) err.println("       " + line);
                }
                err.flush();
                if (!RunbookCli.confirmed(err)) {
                    err.println("nightwatch: nothing done");
                    return 130;
                }
            }
            RunResult result = cli.runner().run(runbook, params, RunbookCli.console(err));
            err.println("nightwatch: recover " + scenario + " " + result.outcome().name().toLowerCase() + " in " + Durations.human(result.took())
                    + (result.message().isEmpty() ? "" : ": " + result.message()) + " (journal " + result.journal() + ")");
            return RunbookCli.exitCode(result);
        } catch (IllegalArgumentException e) {
            err.println("nightwatch: " + e.getMessage());
            return NightwatchCommand.EXIT_USAGE;
        } catch (EngineUnreachableException e) {
            err.println("nightwatch: " + e.getMessage());
            return BackupCommand.EXIT_ENGINE_UNREACHABLE;
        }
    }

    private static void deleteTree(java.nio.file.Path dir) {
        try {
            io.nightwatch.runbook.backup.BackupSets.deleteTree(dir);
        } catch (java.io.IOException e) {
            // a scratch folder under the temp dir; leaving it behind is harmless
        }
    }
}
