package io.nightwatch.cli;

import io.nightwatch.docker.EngineUnreachableException;
import io.nightwatch.text.Durations;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.stack.StackRunbook;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nightwatch stack stop|start|restart}: the safe stop/start runbook, previewed and confirmed unless {@code --yes}. */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = "Stop, start or restart the stack in dependency order with grace periods, health waits and silences "
                + "(asks for confirmation unless --yes).")
public class StackCommand implements Callable<Integer> {

    @Mixin
    ProfileOptions profileOptions;

    @Parameters(paramLabel = "ACTION", description = "stop, start or restart.")
    String action;

    @Option(names = {"--service", "--services"}, paramLabel = "S,...", defaultValue = "all", description = "Services, comma-separated, or all (default: every deployed one).")
    String services;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        StackRunbook.Action chosen;
        try {
            chosen = StackRunbook.Action.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("nightwatch: stack takes stop, start or restart, not '" + action + "'");
            return NightwatchCommand.EXIT_USAGE;
        }
        Map<String, String> env = System.getenv();
        var loaded = profileOptions.loadOrReport(env, err);
        if (loaded.isEmpty()) return NightwatchCommand.EXIT_USAGE;
        StackProfile profile = loaded.get();
        try (RunbookCli cli = new RunbookCli(profile, env)) {
            RunsCommand.warnAboutInterrupted(cli, err);
            String wanted = services;
            if (wanted.equals("all")) {
                // Services the profile names but that are not deployed are left out, each said.
                List<ServiceSpec> deployed = profile.services().stream().filter(s -> cli.engine(s.host()).inspect(s.container()).isPresent()).toList();
                profile.services().stream().filter(s -> !deployed.contains(s))
                        .forEach(s -> err.println("nightwatch: " + s.name() + ": not deployed on " + s.host() + " — skipped"));
                if (deployed.isEmpty()) {
                    err.println("nightwatch: no service of the profile is deployed");
                    return NightwatchCommand.EXIT_USAGE;
                }
                wanted = String.join(",", deployed.stream().map(ServiceSpec::name).toList());
            }
            Map<String, String> params = Map.of("services", wanted);
            StackRunbook definition = cli.catalog().stack(chosen);
            Runbook runbook = definition.build(params);
            err.println("Plan (" + runbook.title() + "):");
            RunContext preview = RunContext.preview(params);
            int i = 1;
            for (Step step : runbook.steps()) {
                err.printf("  %d. %s%n", i++, step.title());
                for (String line : step.preview(preview)) err.println("       " + line);
            }
            err.flush();
            if (!yes && !RunbookCli.confirmed(err)) {
                err.println("nightwatch: nothing done");
                return 130;
            }
            RunResult result = cli.runner().run(runbook, params, RunbookCli.console(err));
            err.println("nightwatch: stack " + action + " " + result.outcome().name().toLowerCase(Locale.ROOT) + " in " + Durations.human(result.took())
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
}
