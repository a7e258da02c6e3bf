package io.nightwatch.cli;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.text.Durations;
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
@Command(name = "swarm", mixinStandardHelpOptions = true, description = "Swarm services of the stack: list, update, roll back.",
        subcommands = {SwarmCommand.Services.class, SwarmCommand.Update.class, SwarmCommand.Rollback.class})
public class SwarmCommand {

    /** Lists services with image, replicas, the image a rollback returns to, the last update's state and the tasks. */
    @Command(name = "services", mixinStandardHelpOptions = true, description = "List the Swarm services and their tasks.")
    static class Services implements Callable<Integer> {
        @Mixin
        ProfileOptions profileOptions;
        @Option(names = "--on", paramLabel = "HOST", description = "The profile's host (default: the first).")
        String host;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Optional<StackProfile> profile = profileOptions.loadOrReport(System.getenv(), err);
            if (profile.isEmpty()) return NightwatchCommand.EXIT_USAGE;
            if (host != null && profile.get().host(host).isEmpty()) {
                err.println("nightwatch: --on: the profile has no host '" + CliValues.shown(host) + "' (hosts: "
                        + String.join(", ", profile.get().hosts().stream().map(h -> h.name()).toList()) + ")");
                return NightwatchCommand.EXIT_USAGE;
            }
            try (RunbookCli cli = new RunbookCli(profile.get(), System.getenv())) {
                DockerGateway gateway = cli.engine(host != null ? host : profile.get().hosts().get(0).name());
                List<SwarmService> services = gateway.swarmServices();
                PrintWriter out = spec.commandLine().getOut();
                if (services.isEmpty()) out.println("no Swarm services on " + gateway.address() + " (not a Swarm manager, or none deployed)");
                for (SwarmService s : services) {
                    out.printf("%-32s %-36s %d/%d running%s%s%n", s.name(), s.image(), s.running(), s.replicas(),
                            s.updateState().isEmpty() ? "" : "  update " + s.updateState(),
                            s.previousImage().map(p -> "  rollback → " + p).orElse(""));
                    for (SwarmService.SwarmTask t : s.tasks()) {
                        out.printf("    %s.%d  %-10s (wants %s)  %s%s%n", s.name(), t.slot(), t.state(), t.desiredState(), t.image(),
                                t.error().isEmpty() ? "" : "  " + t.error());
                    }
                }
                out.flush();
                return 0;
            }
        }
    }

    abstract static class Change implements Callable<Integer> {
        @Mixin
        ProfileOptions profileOptions;
        @Parameters(paramLabel = "SERVICE", description = "The Swarm service (name or id).")
        String service;
        @Option(names = "--on", paramLabel = "HOST", description = "The profile's host that is a Swarm manager (default: the first).")
        String host;
        @Option(names = "--timeout", defaultValue = "300s", converter = CliValues.PeriodText.class, description = "How long to wait for convergence (default ${DEFAULT-VALUE}).")
        String timeout;
        @Option(names = "--yes", description = "Do not ask for confirmation.")
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
                err.println("nightwatch: --on: the profile has no host '" + CliValues.shown(host) + "' (hosts: "
                        + String.join(", ", profile.get().hosts().stream().map(h -> h.name()).toList()) + ")");
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
                    err.println("nightwatch: " + e.getMessage());
                    return NightwatchCommand.EXIT_USAGE;
                }
                err.println(runbook.steps().get(1).title());
                if (!yes && !RunbookCli.confirmed(err)) {
                    err.println("nightwatch: nothing done");
                    return 130;
                }
                RunResult result = cli.runner().run(runbook, params, RunbookCli.console(err));
                err.println("nightwatch: swarm " + params.get("action") + " " + result.outcome().name().toLowerCase() + " in "
                        + Durations.human(result.took()) + (result.message().isEmpty() ? "" : ": " + result.message()));
                return RunbookCli.exitCode(result);
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Roll a service out to another image by its update config.")
    static class Update extends Change {
        @Option(names = "--image", required = true, description = "The image to update to.")
        String image;

        Map<String, String> action() { return Map.of("action", "update", "to", image); }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, description = "The engine's rollback of a service to its previous spec.")
    static class Rollback extends Change {
        Map<String, String> action() { return Map.of("action", "rollback"); }
    }
}
