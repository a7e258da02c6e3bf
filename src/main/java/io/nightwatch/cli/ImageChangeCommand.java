package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import io.nightwatch.baseline.BaselineSettings;
import io.nightwatch.baseline.StoredBaselines;
import io.nightwatch.store.AlertStore;
import io.nightwatch.docker.ContainerSummary;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.text.Formats;
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

    private static final Texts T = Texts.of(ImageChangeCommand.class);

    @Mixin
    ProfileOptions profileOptions;

    @Option(names = "--service", required = true)
    String service;

    @Option(names = "--to", paramLabel = "IMAGE")
    String to;

    @Option(names = "--backup", arity = "0..1", paramLabel = "yes|no", defaultValue = "no", fallbackValue = "yes")
    String backup;

    @Option(names = "--hold", paramLabel = "PERIOD|keep", defaultValue = "keep", converter = CliValues.HoldText.class)
    String hold;

    @Option(names = "--gate", paramLabel = "PERIOD", defaultValue = "90s", converter = CliValues.PeriodText.class)
    String gate;

    @Option(names = "--max-latency", paramLabel = "PERIOD", defaultValue = "2000ms", converter = CliValues.LatencyText.class)
    String maxLatency;

    @Option(names = "--set-flag", paramLabel = "--NAME=VALUE")
    String setFlag;

    @Option(names = "--history")
    boolean history;

    @Option(names = "--retire")
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
            if (chosen.isEmpty()) throw new IllegalArgumentException(T.get("change.noService", service));
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
            if (direction() != ImageChangeRunbook.Direction.UPGRADE) throw new IllegalArgumentException(T.get("change.setFlagUpgradeOnly"));
            params.put("set-flag", setFlag);
        }
        // the target is fixed before the run, so a resumed run cannot pick another "previous" image
        String target = to != null ? to : direction() == ImageChangeRunbook.Direction.UPGRADE
                ? (setFlag == null ? null : gateway.inspect(s.container()).map(io.nightwatch.docker.ContainerFacts::image).orElse(null))
                : RollbackTargets.best(gateway, s, cli.catalog().deployments()).orElse(null);
        if (target == null) {
            throw new IllegalArgumentException(direction() == ImageChangeRunbook.Direction.UPGRADE ? T.get("change.whichImage")
                    : T.get("change.nothingToRollBackTo", service));
        }
        params.put("to", target);
        Runbook runbook = definition.build(params);
        ChangePlan plan = ChangePlan.of(gateway, s, target);
        err.println(definition.title() + ": " + service + " (" + plan.current().name() + ")");
        plan.lines().forEach(l -> err.println("  " + l));
        RunbookCli.printPlan(err, T.get("plan.plain"), runbook, null);
        if (!confirmation.proceed(err)) return Confirmation.DECLINED;
        RunResult result = cli.runner().run(runbook, params, RunbookCli.console(err));
        err.println(NightwatchCommand.PREFIX + T.get("run.end", direction().id(), RunbookCli.outcome(result.outcome()), Formats.duration(result.took()))
                + " " + T.get("run.journal", result.journal()) + (result.message().isEmpty() ? "" : ": " + result.message()));
        return cli.exitCode(result, service, err);
    }

    /** The alert history where {@code serve} and the window record baselines; null when there is none yet or it cannot open. */
    private static AlertStore baselineHistory(PrintWriter err) {
        java.nio.file.Path db = AlertStore.defaultLocation(System.getenv());
        if (!java.nio.file.Files.isRegularFile(db, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return null;
        try {
            return AlertStore.open(db);
        } catch (RuntimeException e) {
            err.println(NightwatchCommand.PREFIX + T.get("change.noBaselines", e.getMessage()));
            return null;
        }
    }

    private int showHistory(RunbookCli cli, DockerGateway gateway, ServiceSpec s) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println(s.name() + " (" + s.container() + "): " + gateway.inspect(s.container()).map(c -> c.image() + ", " + c.state().name().toLowerCase())
                .orElse(T.get("change.noContainer")));
        List<Deployment> history = cli.catalog().deployments().history(s.host(), s.name());
        out.println(T.get(history.isEmpty() ? "change.noHistory" : "change.history"));
        for (Deployment d : history) out.println("  " + d.at() + "  " + d.runbook() + "  " + d.fromImage() + " → " + d.toImage()
                + (d.keptContainer().isEmpty() ? "" : "  " + T.get("change.kept", d.keptContainer())));
        List<RollbackTargets.Candidate> candidates = RollbackTargets.of(gateway, s, cli.catalog().deployments());
        out.println(T.get(candidates.isEmpty() ? "change.noCandidates" : "change.candidates"));
        for (RollbackTargets.Candidate c : candidates) out.println("  " + c.image() + "  — " + c.why());
        List<ContainerSummary> kept = RollbackTargets.keptContainers(gateway, s);
        if (!kept.isEmpty()) out.println(T.get("change.keptContainers"));
        for (ContainerSummary k : kept) out.println("  " + k.name() + "  " + k.image() + "  " + k.state().name().toLowerCase());
        out.flush();
        return 0;
    }

    private int retire(DockerGateway gateway, ServiceSpec s, PrintWriter err) throws Exception {
        List<ContainerSummary> kept = RollbackTargets.keptContainers(gateway, s);
        if (kept.isEmpty()) {
            err.println(NightwatchCommand.PREFIX + T.get("change.noKept", s.name()));
            return 0;
        }
        kept.forEach(k -> err.println("  " + T.get("change.willRemove", k.name(), k.image())));
        if (!confirmation.proceed(err)) return Confirmation.DECLINED;
        for (ContainerSummary k : kept) {
            gateway.remove(k.id());
            err.println(NightwatchCommand.PREFIX + T.get("change.removed", k.name()));
        }
        return 0;
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true)
    static final class Upgrade extends ImageChangeCommand {
        ImageChangeRunbook.Direction direction() { return ImageChangeRunbook.Direction.UPGRADE; }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true)
    static final class Rollback extends ImageChangeCommand {
        ImageChangeRunbook.Direction direction() { return ImageChangeRunbook.Direction.ROLLBACK; }
    }
}
