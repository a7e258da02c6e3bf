package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import io.nightwatch.text.Formats;
import io.nightwatch.runbook.InterruptedRun;
import io.nightwatch.runbook.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code nightwatch runs}: runbook runs that a crash or a closed console left unfinished, with {@code resume ID}
 * and {@code abort ID} (abort undoes what was done) — never left half-done in silence.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        subcommands = {RunsCommand.Resume.class, RunsCommand.Abort.class})
public class RunsCommand implements Callable<Integer> {

    private static final Texts T = Texts.of(RunsCommand.class);

    @Mixin
    ProfileOptions profileOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return withCli(profileOptions, spec.commandLine().getErr(), cli -> {
            List<InterruptedRun> runs = cli.runner().interrupted();
            for (InterruptedRun r : runs) out.println(describe(r));
            if (runs.isEmpty()) spec.commandLine().getErr().println(NightwatchCommand.PREFIX + T.get("runs.none"));
            out.flush();
            return 0;
        });
    }

    static String describe(InterruptedRun r) {
        return String.format("%-44s %-8s ", r.runId(), r.runbookId()) + T.get("runs.line",
                Formats.duration(Duration.between(r.stoppedAt(), Instant.now())),
                r.stoppedInStep().map(s -> " " + T.get("runs.inStep", s)).orElse(""), r.finishedSteps().size(), r.stepIds().size(),
                T.get(r.resumable() ? "runs.resumeOrAbort" : "runs.abortOnly"));
    }

    /** The runbook opening without the warning (these commands are about the interrupted runs themselves). */
    static int withCli(ProfileOptions options, PrintWriter err, RunbookOpening.Body body) {
        try {
            return RunbookOpening.of(options, err).warnAboutInterrupted(false).run(body);
        } catch (IllegalStateException e) {
            err.println(NightwatchCommand.PREFIX + e.getMessage());
            return NightwatchCommand.EXIT_USAGE;
        } catch (Exception e) {
            err.println(NightwatchCommand.PREFIX + e.getMessage());
            return NightwatchCommand.EXIT_SOFTWARE;
        }
    }

    static Optional<InterruptedRun> find(RunbookCli cli, String id) {
        return cli.runner().interrupted().stream().filter(r -> r.runId().equals(id)).findFirst();
    }

    /** What resume and abort share: the run named by its id, decided on once the profile and runners are there. */
    abstract static class RunDecision implements Callable<Integer> {
        @Mixin
        ProfileOptions profileOptions;
        @Parameters(paramLabel = "ID")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            return withCli(profileOptions, err, cli -> {
                InterruptedRun run = find(cli, id).orElseThrow(() -> new IllegalArgumentException(T.get("runs.noSuch", id)));
                RunResult r = decide(cli, run, RunbookCli.console(err));
                err.println(NightwatchCommand.PREFIX + T.get("runs.decided", id, RunbookCli.outcome(r.outcome())) + (r.message().isEmpty() ? "" : ": " + r.message()));
                return exitCode(r);
            });
        }

        abstract RunResult decide(RunbookCli cli, InterruptedRun run, io.nightwatch.runbook.RunListener console) throws Exception;

        abstract int exitCode(RunResult r);
    }

    @Command(name = "resume", mixinStandardHelpOptions = true)
    static class Resume extends RunDecision {
        @Override
        RunResult decide(RunbookCli cli, InterruptedRun run, io.nightwatch.runbook.RunListener console) throws Exception {
            return cli.runner().resume(run, cli.registry(), console);
        }

        @Override
        int exitCode(RunResult r) { return RunbookCli.exitCode(r); }
    }

    @Command(name = "abort", mixinStandardHelpOptions = true)
    static class Abort extends RunDecision {
        @Override
        RunResult decide(RunbookCli cli, InterruptedRun run, io.nightwatch.runbook.RunListener console) throws Exception {
            return cli.runner().abort(run, cli.registry(), console);
        }

        @Override
        int exitCode(RunResult r) { return r.outcome() == RunResult.Outcome.ABORTED ? 0 : 1; }
    }
}
