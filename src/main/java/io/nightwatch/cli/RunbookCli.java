package io.nightwatch.cli;

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
            err.println("nightwatch: " + NightwatchCommand.oneLine(e.getMessage()) + " (it stopped answering during the run)");
            err.flush();
            return NightwatchCommand.EXIT_ENGINE_UNREACHABLE;
        }
    }

    /** Earlier runs that need a decision, said before a new one starts. */
    void warnAboutInterrupted(PrintWriter err) {
        for (io.nightwatch.runbook.InterruptedRun r : runner().interrupted()) {
            err.println("nightwatch: unfinished run " + RunsCommand.describe(r) + " (nightwatch runs resume|abort ID)");
        }
    }

    /** The numbered steps under {@code heading}; with {@code preview} parameters, what each step will send. */
    static void printPlan(PrintWriter err, String heading, io.nightwatch.runbook.Runbook runbook, Map<String, String> preview) {
        err.println(heading);
        io.nightwatch.runbook.RunContext context = preview == null ? null : io.nightwatch.runbook.RunContext.preview(preview);
        int i = 1;
        for (Step step : runbook.steps()) {
            err.printf("  %d. %s%n", i++, step.title());
            if (context != null) for (String line : step.preview(context)) err.println("       " + line);
        }
        err.flush();
    }

    /** The closing line: "nightwatch: WHAT succeeded in 4 s: message (journal …)". */
    static void printEnd(PrintWriter err, String what, RunResult result) {
        err.println("nightwatch: " + what + " " + result.outcome().name().toLowerCase(java.util.Locale.ROOT) + " in "
                + io.nightwatch.text.Durations.human(result.took()) + (result.message().isEmpty() ? "" : ": " + result.message())
                + " (journal " + result.journal() + ")");
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
                err.printf("[%d] %s…%n", index + 1, s.title());
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
                err.printf("    done in %s%n", io.nightwatch.text.Durations.human(took));
                err.flush();
            }

            @Override
            public void stepFailed(int index, Step s, String why) {
                err.println("    FAILED: " + Redactor.clean(why));
                err.flush();
            }

            @Override
            public void compensated(Step s, java.util.Optional<String> problem) {
                err.println("    undone: " + s.title() + problem.map(p -> " — INCOMPLETE: " + p).orElse(""));
                err.flush();
            }
        };
    }

    /** Asks on the terminal before a runbook changes anything; without a terminal the answer is no (use --yes). */
    static boolean confirmed(PrintWriter err) throws Exception {
        if (System.console() == null && System.in.available() == 0) {
            err.println("nightwatch: no terminal to confirm on; pass --yes");
            return false;
        }
        err.print("Proceed? Type 'yes': ");
        err.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in)).readLine();
        return "yes".equalsIgnoreCase(answer == null ? "" : answer.trim());
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
