package io.nightwatch.cli;

import io.nightwatch.alerts.RunbookHints;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.recovery.RecoveryRunbook;
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

    @Mixin
    Confirmation confirmation;

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
        Map<String, String> params = new LinkedHashMap<>();
        if (service != null) params.put("service", service);
        if (set != null) params.put("set", set);
        if (targetFree != null) params.put("target-free", targetFree);
        if (deleteOldest != null) params.put("delete-oldest", deleteOldest);
        if (backup != null) params.put("backup", backup);
        if (retention != null) params.put("retention", retention);
        return RunbookOpening.of(profileOptions, err).run(cli -> {
            RecoveryRunbook definition = cli.catalog().recoveries().stream().filter(r -> r.scenario().id().equals(scenario)).findFirst().orElseThrow();
            Runbook runbook = definition.build(params);
            if (!confirmation.given()) {
                // The diagnosis only reads: it is journaled aside, so an interrupted one is never offered for a resume
                // that would go on into the actions; the confirmed run repeats it in the shared journal.
                RunResult diagnosed = diagnose(definition, params, err);
                if (!diagnosed.succeeded()) {
                    err.println("nightwatch: the diagnosis failed: " + diagnosed.message());
                    return RunbookCli.exitCode(diagnosed);
                }
                RunbookCli.printPlan(err, "Plan (" + runbook.title() + "):", runbook, params);
                if (!confirmation.proceed(err)) return Confirmation.DECLINED;
            }
            RunResult result = cli.runner().run(runbook, params, RunbookCli.console(err));
            RunbookCli.printEnd(err, "recover " + scenario, result);
            return RunbookCli.exitCode(result);
        });
    }

    private static RunResult diagnose(RecoveryRunbook definition, Map<String, String> params, PrintWriter err) throws java.io.IOException {
        java.nio.file.Path scratch = java.nio.file.Files.createTempDirectory("nightwatch-diagnosis-");
        try {
            return new io.nightwatch.runbook.RunbookRunner(scratch, java.time.Clock.systemUTC())
                    .run(definition.diagnosis(params), params, RunbookCli.console(err));
        } finally {
            deleteTree(scratch);
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
