package io.nightwatch.cli;

import io.nightwatch.baseline.BaselineSettings;
import io.nightwatch.baseline.StoredBaselines;
import io.nightwatch.store.AlertStore;
import io.nightwatch.docker.ContainerSummary;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.text.Durations;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.rollback.ChangePlan;
import io.nightwatch.runbook.rollback.Deployment;
import io.nightwatch.runbook.rollback.ImageChangeRunbook;
import io.nightwatch.runbook.rollback.RollbackTargets;
import io.nightwatch.stack.ServiceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code nightwatch upgrade} and {@code nightwatch rollback}: the image-change runbook with its plan (current and
 * target image, the configuration diff, the compose line to change) shown and confirmed first; {@code --history}
 * lists what the service ran and could go back to; {@code --retire} removes containers kept as the way back.
 */
abstract class ImageChangeCommand implements Callable<Integer> {

    @Mixin
    ProfileOptions profileOptions;

    @Option(names = "--service", required = true, description = "The service to change.")
    String service;

    @Option(names = "--to", paramLabel = "IMAGE", description = "The target image (must be on the engine; nothing is pulled).")
    String to;

    @Option(names = "--backup", arity = "0..1", paramLabel = "yes|no", defaultValue = "no", fallbackValue = "yes",
            description = "Back the service's data up first (--backup alone means yes).")
    String backup;

    @Option(names = "--hold", paramLabel = "PERIOD|keep", defaultValue = "keep", converter = CliValues.HoldText.class,
            description = "keep (default): leave the old container stopped until --retire; or a period (10m) to watch the new one, then remove the old.")
    String hold;

    @Option(names = "--gate", paramLabel = "PERIOD", defaultValue = "90s", converter = CliValues.PeriodText.class, description = "How long the new container may take to become healthy (default ${DEFAULT-VALUE}).")
    String gate;

    @Option(names = "--max-latency", paramLabel = "PERIOD", defaultValue = "2000ms", converter = CliValues.LatencyText.class, description = "Slowest acceptable median answer in the gate (default ${DEFAULT-VALUE}).")
    String maxLatency;

    @Option(names = "--set-flag", paramLabel = "--NAME=VALUE", description = "upgrade: set this flag in the command, every other "
            + "setting kept (e.g. --set-flag=--storage.tsdb.retention.time=7d); without --to the image stays the same.")
    String setFlag;

    @Option(names = "--history", description = "Show the current image, earlier images and kept containers; change nothing.")
    boolean history;

    @Option(names = "--retire", description = "Remove the containers kept by earlier changes (asks unless --yes).")
    boolean retire;

    @Mixin
    Confirmation confirmation;

    @Spec
    CommandSpec spec;

    abstract ImageChangeRunbook.Direction direction();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        // an engine that does not answer is exit 3 now, not after every step's own timeout
        return RunbookOpening.of(profileOptions, err).answering(service).warnAboutInterrupted(!history && !retire).run(cli -> {
            Optional<ServiceSpec> chosen = cli.catalog().profile().services().stream().filter(s -> s.name().equals(service)).findFirst();
            if (chosen.isEmpty()) throw new IllegalArgumentException("the profile has no service '" + service + "'");
            DockerGateway gateway = cli.engine(chosen.get().host());
            if (history) return showHistory(cli, gateway, chosen.get());
            if (retire) return retire(gateway, chosen.get(), err);
            try (AlertStore baselines = baselineHistory(err)) {
                // the gate compares the new image with the old one's recorded baseline
                if (baselines != null) {
                    cli.catalog().useBaselines(new StoredBaselines(baselines.performance(), BaselineSettings.DEFAULT, java.time.Clock.systemUTC()));
                }
                return change(cli, gateway, chosen.get(), err);
            }
        });
    }

    private int change(RunbookCli cli, DockerGateway gateway, ServiceSpec s, PrintWriter err) throws Exception {
        Map<String, String> params = new HashMap<>(Map.of("service", service, "backup", backup, "hold", hold,
                "gate", gate, "max-latency", maxLatency));
        ImageChangeRunbook definition = direction() == ImageChangeRunbook.Direction.UPGRADE ? cli.catalog().upgrade() : cli.catalog().rollback();
        if (setFlag != null) {
            if (direction() != ImageChangeRunbook.Direction.UPGRADE) throw new IllegalArgumentException("--set-flag belongs to upgrade, not rollback");
            params.put("set-flag", setFlag);
        }
        // the target is fixed before the run, so a resumed run cannot pick another "previous" image
        String target = to != null ? to : direction() == ImageChangeRunbook.Direction.UPGRADE
                ? (setFlag == null ? null : gateway.inspect(s.container()).map(io.nightwatch.docker.ContainerFacts::image).orElse(null))
                : RollbackTargets.best(gateway, s, cli.catalog().deployments()).orElse(null);
        if (target == null) {
            throw new IllegalArgumentException(direction() == ImageChangeRunbook.Direction.UPGRADE ? "which image? --to IMAGE"
                    : "nothing to roll " + service + " back to (see --history); name an image with --to");
        }
        params.put("to", target);
        Runbook runbook = definition.build(params);
        ChangePlan plan = ChangePlan.of(gateway, s, target);
        err.println(definition.title() + ": " + service + " (" + plan.current().name() + ")");
        plan.lines().forEach(l -> err.println("  " + l));
        RunbookCli.printPlan(err, "Plan:", runbook, null);
        if (!confirmation.proceed(err)) return Confirmation.DECLINED;
        RunResult result = cli.runner().run(runbook, params, RunbookCli.console(err));
        err.println("nightwatch: " + direction().id() + " " + result.outcome().name().toLowerCase() + " in " + Durations.human(result.took())
                + " (journal " + result.journal() + ")" + (result.message().isEmpty() ? "" : ": " + result.message()));
        return cli.exitCode(result, service, err);
    }

    /** The alert history where {@code serve} and the window record baselines; null when there is none yet or it cannot open. */
    private static AlertStore baselineHistory(PrintWriter err) {
        java.nio.file.Path db = AlertStore.defaultLocation(System.getenv());
        if (!java.nio.file.Files.isRegularFile(db, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return null;
        try {
            return AlertStore.open(db);
        } catch (RuntimeException e) {
            err.println("nightwatch: no baselines for the gate (" + e.getMessage() + "); judged by the limit only");
            return null;
        }
    }

    private int showHistory(RunbookCli cli, DockerGateway gateway, ServiceSpec s) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println(s.name() + " (" + s.container() + "): " + gateway.inspect(s.container()).map(c -> c.image() + ", " + c.state().name().toLowerCase())
                .orElse("no such container"));
        List<Deployment> history = cli.catalog().deployments().history(s.host(), s.name());
        out.println(history.isEmpty() ? "no changes recorded by Nightwatch" : "changes recorded by Nightwatch:");
        for (Deployment d : history) out.println("  " + d.at() + "  " + d.runbook() + "  " + d.fromImage() + " → " + d.toImage()
                + (d.keptContainer().isEmpty() ? "" : "  (kept " + d.keptContainer() + ")"));
        List<RollbackTargets.Candidate> candidates = RollbackTargets.of(gateway, s, cli.catalog().deployments());
        out.println(candidates.isEmpty() ? "nothing to roll back to" : "could go back to:");
        for (RollbackTargets.Candidate c : candidates) out.println("  " + c.image() + "  — " + c.why());
        List<ContainerSummary> kept = RollbackTargets.keptContainers(gateway, s);
        if (!kept.isEmpty()) out.println("kept containers (remove with --retire):");
        for (ContainerSummary k : kept) out.println("  " + k.name() + "  " + k.image() + "  " + k.state().name().toLowerCase());
        out.flush();
        return 0;
    }

    private int retire(DockerGateway gateway, ServiceSpec s, PrintWriter err) throws Exception {
        List<ContainerSummary> kept = RollbackTargets.keptContainers(gateway, s);
        if (kept.isEmpty()) {
            err.println("nightwatch: no kept containers of " + s.name());
            return 0;
        }
        kept.forEach(k -> err.println("  remove " + k.name() + " (" + k.image() + ")"));
        if (!confirmation.proceed(err)) return Confirmation.DECLINED;
        for (ContainerSummary k : kept) {
            gateway.remove(k.id());
            err.println("nightwatch: removed " + k.name());
        }
        return 0;
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "Move a service to another local image with the same configuration, behind a health gate that reverts on failure.")
    static final class Upgrade extends ImageChangeCommand {
        ImageChangeRunbook.Direction direction() { return ImageChangeRunbook.Direction.UPGRADE; }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Roll a service back to the image it ran before (or --to IMAGE), behind the same health gate.")
    static final class Rollback extends ImageChangeCommand {
        ImageChangeRunbook.Direction direction() { return ImageChangeRunbook.Direction.ROLLBACK; }
    }
}
