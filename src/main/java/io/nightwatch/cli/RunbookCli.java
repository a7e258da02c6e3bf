package io.nightwatch.cli;

import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.redact.Redactor;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.RunbookRegistry;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.stack.StackProfile;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** What the runbook commands share: where journals and backups live, the engines, and a console listener. */
final class RunbookCli implements AutoCloseable {

    private static final Texts T = Texts.of(RunbookCli.class);

    private static final String PLAN_ROW = "  %d. %s%n";
    private static final String STEP_ROW = "[%d] %s…%n";

    private final RunbookCatalog catalog;
    private RunbookRunner runner;

    RunbookCli(StackProfile profile, Map<String, String> env) {
        this.catalog = new RunbookCatalog(profile, env);
        CommandLog.stackTracesToStateLog(env);
    }

    static Path backupRoot(Map<String, String> env) { return RunbookCatalog.dataDir(env).resolve("backups"); }

    RunbookCatalog catalog() { return catalog; }

    DockerGateway engine(String host) { return catalog.engine(host); }

    RunbookRegistry registry() { return catalog.registry(); }

    /**
     * Pings the engines that the named services (comma-separated, or {@code all} stateful ones) run on, each within
     * its first-answer timeout, so a gone or hanging engine is one clear exit 3 before anything starts.
     *
     * @throws io.nightwatch.docker.EngineUnreachableException naming the address that did not answer
     */
    void requireAnswering(String services) {
        hostsOf(services).forEach(h -> engine(h).ping());
    }

    private java.util.List<String> hostsOf(String services) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String n : services.split(",")) if (!n.isBlank()) names.add(n.trim());
        boolean all = names.isEmpty() || names.contains("all");
        return catalog.profile().services().stream()
                .filter(s -> all ? s.dataPath().isPresent() : names.contains(s.name()))
                .map(io.nightwatch.stack.ServiceSpec::host)
                .distinct()
                .toList();
    }

    /**
     * As {@link #exitCode(RunResult)}, but a failed run whose engine no longer answers is exit 3, said in one more
     * line: the operator's next step is the engine, not the runbook.
     */
    int exitCode(RunResult result, String services, PrintWriter err) {
        int code = exitCode(result);
        if (result.succeeded() || code == 130) return code;
        try {
            requireAnswering(services);
            return code;
        } catch (io.nightwatch.docker.EngineUnreachableException e) {
            err.println(NightwatchCommand.PREFIX + T.get("run.engineGone", NightwatchCommand.oneLine(e.getMessage())));
            err.flush();
            return NightwatchCommand.EXIT_ENGINE_UNREACHABLE;
        }
    }

    /** Earlier runs that need a decision, said before a new one starts. */
    void warnAboutInterrupted(PrintWriter err) {
        for (io.nightwatch.runbook.InterruptedRun r : runner().interrupted()) {
            err.println(NightwatchCommand.PREFIX + T.get("run.unfinished", RunsCommand.describe(r)));
        }
    }

    /** The numbered steps under {@code heading}; with {@code preview} parameters, what each step will send. */
    static void printPlan(PrintWriter err, String heading, io.nightwatch.runbook.Runbook runbook, Map<String, String> preview) {
        err.println(heading);
        io.nightwatch.runbook.RunContext context = preview == null ? null : io.nightwatch.runbook.RunContext.preview(preview);
        int i = 1;
        for (Step step : runbook.steps()) {
            err.printf(PLAN_ROW, i++, step.title());
            if (context != null) for (String line : step.preview(context)) err.println("       " + line);
        }
        err.flush();
    }

    /** The closing line: "nightwatch: WHAT succeeded in 4 s: message (journal …)". */
    static void printEnd(PrintWriter err, String what, RunResult result) {
        err.println(NightwatchCommand.PREFIX + T.get("run.end", what, outcome(result.outcome()), Formats.duration(result.took()))
                + (result.message().isEmpty() ? "" : ": " + result.message()) + " " + T.get("run.journal", result.journal()));
    }

    /** "succeeded", "failed", "rolled back"… (lower case, as the lines always said them). */
    static String outcome(RunResult.Outcome outcome) {
        String key = "outcome." + outcome.name();
        return T.get(key);
    }

    RunbookRunner runner() {
        if (runner == null) runner = catalog.newRunner();
        return runner;
    }

    /** Prints each step as it goes; progress lines are throttled to one a second. */
    static RunListener console(PrintWriter err) {
        return new RunListener() {
            private long lastProgress;

            @Override
            public void stepStarted(int index, Step s) {
                err.printf(STEP_ROW, index + 1, s.title());
                err.flush();
            }

            @Override
            public void output(Step s, String line) {
                err.println("    " + Redactor.clean(line)); // container output may carry what no parameter named
                err.flush();
            }

            @Override
            public void progress(Step s, double f, String what) {
                long now = System.nanoTime();
                if (now - lastProgress < 1_000_000_000L) return;
                lastProgress = now;
                err.println("    … " + what);
                err.flush();
            }

            @Override
            public void stepFinished(int index, Step s, Duration took) {
                err.println("    " + T.get("run.stepDone", Formats.duration(took)));
                err.flush();
            }

            @Override
            public void stepFailed(int index, Step s, String why) {
                err.println("    " + T.get("run.stepFailed", Redactor.clean(why)));
                err.flush();
            }

            @Override
            public void compensated(Step s, java.util.Optional<String> problem) {
                err.println("    " + T.get("run.undone", s.title()) + problem.map(p -> " — " + T.get("run.undoIncomplete", p)).orElse(""));
                err.flush();
            }
        };
    }

    /** Asks on the terminal before a runbook changes anything; without a terminal the answer is no (use --yes). */
    static boolean confirmed(PrintWriter err) throws Exception {
        if (System.console() == null && System.in.available() == 0) {
            err.println(NightwatchCommand.PREFIX + T.get("confirm.noTerminal"));
            return false;
        }
        err.print(T.get("confirm.ask") + " ");
        err.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in)).readLine();
        // "yes" always counts (scripts and habits); the language's own word too
        String typed = answer == null ? "" : answer.trim();
        return "yes".equalsIgnoreCase(typed) || T.get("confirm.word").equalsIgnoreCase(typed);
    }

    static int exitCode(RunResult result) {
        return switch (result.outcome()) {
            case SUCCEEDED -> 0;
            case CANCELLED, ABORTED -> 130;
            default -> 1;
        };
    }

    @Override
    public void close() {
        catalog.close();
    }
}
