package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import io.nightwatch.health.ServiceDeployment;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.stack.StackRunbook;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nightwatch stack stop|start|restart}: the safe stop/start runbook, previewed and confirmed unless {@code --yes}. */
@Command(name = "stack", mixinStandardHelpOptions = true)
public class StackCommand implements Callable<Integer> {

    private static final Texts T = Texts.of(StackCommand.class);

    @Mixin
    ProfileOptions profileOptions;

    @Parameters(paramLabel = "ACTION", descriptionKey = "action")
    String action;

    @Mixin
    ServiceSelection services;

    @Mixin
    Confirmation confirmation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        StackRunbook.Action chosen;
        try {
            chosen = StackRunbook.Action.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println(NightwatchCommand.PREFIX + T.get("stack.badAction", action));
            return NightwatchCommand.EXIT_USAGE;
        }
        return RunbookOpening.of(profileOptions, err).run(cli -> {
            String wanted = services.text();
            if (wanted.equals("all")) {
                // Services the profile names but that are not deployed (no container, no Swarm service) are left out, each said.
                StackProfile profile = cli.catalog().profile();
                List<ServiceSpec> deployed = profile.services().stream()
                        .filter(s -> ServiceDeployment.of(cli.engine(s.host()), s).deployed()).toList();
                profile.services().stream().filter(s -> !deployed.contains(s))
                        .forEach(s -> err.println(NightwatchCommand.PREFIX + T.get("stack.notDeployed", s.name(), s.host())));
                if (deployed.isEmpty()) throw new IllegalArgumentException(T.get("stack.noneDeployed"));
                wanted = String.join(",", deployed.stream().map(ServiceSpec::name).toList());
            }
            Map<String, String> params = Map.of("services", wanted);
            Runbook runbook = cli.catalog().stack(chosen).build(params);
            RunbookCli.printPlan(err, T.get("plan.titled", runbook.title()), runbook, params);
            if (!confirmation.proceed(err)) return Confirmation.DECLINED;
            RunResult result = cli.runner().run(runbook, params, RunbookCli.console(err));
            RunbookCli.printEnd(err, "stack " + action, result);
            return RunbookCli.exitCode(result);
        });
    }
}
