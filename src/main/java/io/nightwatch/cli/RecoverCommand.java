package io.nightwatch.cli;

import io.nightwatch.text.Texts;
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
@Command(name = "recover", mixinStandardHelpOptions = true)
public class RecoverCommand implements Callable<Integer> {

    private static final Texts T = Texts.of(RecoverCommand.class);

    private static final String SCENARIO_ROWS = "%-17s %s%n%-17s   %s%n";

    @Mixin
    ProfileOptions profileOptions;

    @Parameters(paramLabel = "SCENARIO", arity = "0..1", descriptionKey = "scenario")
    String scenario;

    @Option(names = "--list")
    boolean list;

    @Option(names = "--service", paramLabel = "S")
    String service;

    @Option(names = "--set", paramLabel = "SET")
    String set;

    @Option(names = "--target-free", paramLabel = "PERCENT")
    String targetFree;

    @Option(names = "--delete-oldest", paramLabel = "yes|no")
    String deleteOldest;

    @Option(names = "--backup", paramLabel = "yes|no")
    String backup;

    @Option(names = "--retention", paramLabel = "7d|40GB")
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
                out.printf(SCENARIO_ROWS, s.id(), s.title(), "", T.get("recover.seenAs", s.symptom()));
            }
            out.flush();
            return 0;
        }
        if (scenario == null || RunbookHints.scenario(scenario).isEmpty()) {
            err.println(NightwatchCommand.PREFIX + (scenario == null ? T.get("recover.nameOne") : T.get("recover.noSuch", scenario)) + " "
                    + T.get("recover.chooseFrom", String.join(", ", RunbookHints.SCENARIOS.stream().map(RunbookHints.Scenario::id).toList())));
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
                    err.println(NightwatchCommand.PREFIX + T.get("recover.diagnosisFailed", diagnosed.message()));
                    return RunbookCli.exitCode(diagnosed);
                }
                RunbookCli.printPlan(err, T.get("plan.titled", runbook.title()), runbook, params);
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
