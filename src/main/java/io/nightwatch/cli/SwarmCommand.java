package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.text.Formats;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.rollback.SwarmServiceRunbook;
import io.nightwatch.stack.StackProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code nightwatch swarm services|update|rollback}: the stack's Swarm services and the engine's own update and rollback. */
@Command(name = "swarm", mixinStandardHelpOptions = true,
        subcommands = {SwarmCommand.Services.class, SwarmCommand.Update.class, SwarmCommand.Rollback.class})
public class SwarmCommand {

    private static final Texts T = Texts.of(SwarmCommand.class);

    /** Lists services with image, replicas, the image a rollback returns to, the last update's state and the tasks. */
    @Command(name = "services", mixinStandardHelpOptions = true)
    static class Services implements Callable<Integer> {
        @Mixin
        ProfileOptions profileOptions;
        @Option(names = "--on", paramLabel = "HOST")
        String host;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Optional<StackProfile> profile = profileOptions.loadOrReport(System.getenv(), err);
            if (profile.isEmpty()) return NightwatchCommand.EXIT_USAGE;
            if (host != null && profile.get().host(host).isEmpty()) {
                err.println(NightwatchCommand.PREFIX + noHost(host, profile.get()));
                return NightwatchCommand.EXIT_USAGE;
            }
            try (RunbookCli cli = new RunbookCli(profile.get(), System.getenv())) {
                DockerGateway gateway = cli.engine(host != null ? host : profile.get().hosts().get(0).name());
                List<SwarmService> services = gateway.swarmServices();
                PrintWriter out = spec.commandLine().getOut();
                if (services.isEmpty()) out.println(T.get("swarm.none", gateway.address()));
                for (SwarmService s : services) {
                    out.printf(T.get("swarm.service"), s.name(), s.image(), s.running(), s.replicas(),
                            s.updateState().isEmpty() ? "" : "  " + T.get("swarm.update", s.updateState()),
                            s.previousImage().map(p -> "  " + T.get("swarm.rollbackTo", p)).orElse(""));
                    for (SwarmService.SwarmTask t : s.tasks()) {
                        out.printf(T.get("swarm.task"), s.name(), t.slot(), t.state(), t.desiredState(), t.image(),
                                t.error().isEmpty() ? "" : "  " + t.error());
                    }
                }
                out.flush();
                return 0;
            }
        }
    }

    /** {@code --on} names no host of the profile: say which there are. */
    static String noHost(String host, StackProfile profile) {
        return T.get("swarm.noHost", CliValues.shown(host), String.join(", ", profile.hosts().stream().map(h -> h.name()).toList()));
    }

    abstract static class Change implements Callable<Integer> {
        @Mixin
        ProfileOptions profileOptions;
        @Parameters(paramLabel = "SERVICE", descriptionKey = "swarmService")
        String service;
        @Option(names = "--on", paramLabel = "HOST")
        String host;
        @Option(names = "--timeout", defaultValue = "300s", converter = CliValues.PeriodText.class)
        String timeout;
        @Option(names = "--yes")
        boolean yes;
        @Spec
        CommandSpec spec;

        abstract Map<String, String> action();

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Optional<StackProfile> profile = profileOptions.loadOrReport(System.getenv(), err);
            if (profile.isEmpty()) return NightwatchCommand.EXIT_USAGE;
            if (host != null && profile.get().host(host).isEmpty()) {
                err.println(NightwatchCommand.PREFIX + noHost(host, profile.get()));
                return NightwatchCommand.EXIT_USAGE;
            }
            Map<String, String> params = new HashMap<>(action());
            params.put("service", service);
            params.put("timeout", timeout);
            if (host != null) params.put("host", host);
            try (RunbookCli cli = new RunbookCli(profile.get(), System.getenv())) {
                cli.engine(host != null ? host : profile.get().hosts().get(0).name()).ping();
                SwarmServiceRunbook definition = cli.catalog().swarm();
                Runbook runbook;
                try {
                    runbook = definition.build(params);
                } catch (IllegalArgumentException e) {
                    err.println(NightwatchCommand.PREFIX + e.getMessage());
                    return NightwatchCommand.EXIT_USAGE;
                }
                err.println(runbook.steps().get(1).title());
                if (!yes && !RunbookCli.confirmed(err)) {
                    err.println(NightwatchCommand.PREFIX + T.get("confirm.nothingDone"));
                    return 130;
                }
                RunResult result = cli.runner().run(runbook, params, RunbookCli.console(err));
                err.println(NightwatchCommand.PREFIX + T.get("run.end", "swarm " + params.get("action"), RunbookCli.outcome(result.outcome()),
                        Formats.duration(result.took())) + (result.message().isEmpty() ? "" : ": " + result.message()));
                return RunbookCli.exitCode(result);
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true)
    static class Update extends Change {
        @Option(names = "--image", required = true)
        String image;

        Map<String, String> action() { return Map.of("action", "update", "to", image); }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true)
    static class Rollback extends Change {
        Map<String, String> action() { return Map.of("action", "rollback"); }
    }
}
