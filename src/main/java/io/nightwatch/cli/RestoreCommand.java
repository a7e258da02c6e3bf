package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import io.nightwatch.text.Formats;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.backup.RestoreRunbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nightwatch restore SET}: the restore runbook, previewed and confirmed unless {@code --yes}. */
@Command(name = "restore", mixinStandardHelpOptions = true)
public class RestoreCommand implements Callable<Integer> {

    private static final Texts T = Texts.of(RestoreCommand.class);

    @Mixin
    ProfileOptions profileOptions;

    @Parameters(paramLabel = "SET", arity = "0..1", descriptionKey = "setFolder")
    Path set;

    @Option(names = "--set", paramLabel = "SET")
    Path setOption;

    @Mixin
    ServiceSelection services;

    @Mixin
    Confirmation confirmation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path chosen = set != null ? set : setOption;
        if (chosen == null) {
            err.println(NightwatchCommand.PREFIX + T.get("restore.whichSet"));
            return NightwatchCommand.EXIT_USAGE;
        }
        return RunbookOpening.of(profileOptions, err).answering(services.text()).run(cli -> {
            // The operator's own path may be a link (a "latest" pointer); nothing inside the set is followed.
            Path setDir = java.nio.file.Files.isDirectory(chosen) ? chosen.toRealPath() : chosen.toAbsolutePath();
            Map<String, String> params = new HashMap<>(Map.of("set", setDir.toString(), "services", services.text()));
            Runbook runbook = cli.registry().find(RestoreRunbook.ID).orElseThrow().build(params);
            RunbookCli.printPlan(err, T.get("restore.plan"), runbook, null);
            if (!confirmation.proceed(err)) return Confirmation.DECLINED;
            RunResult result = cli.runner().run(runbook, params, RunbookCli.console(err));
            // The time is a recovery time only when the services are back; a failed restore achieved nothing to quote.
            err.println(NightwatchCommand.PREFIX + T.get("restore.end", RunbookCli.outcome(result.outcome()).replace('_', ' '), Formats.duration(result.took()))
                    + " " + T.get(result.succeeded() ? "restore.rtoJournal" : "run.journal", result.journal())
                    + (result.message().isEmpty() ? "" : ": " + result.message()));
            return cli.exitCode(result, services.text(), err);
        });
    }
}
