package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The backup runbook: one set per run, each service copied the way that keeps its data consistent. */
public final class BackupRunbook implements RunbookDefinition {

    public static final String ID = "backup";
    private static final Texts T = Texts.of(BackupRunbook.class);
    static final DateTimeFormatter SET_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final StackProfile profile;
    private final Map<String, String> env;
    private final Function<String, DockerGateway> engines;
    private final Path defaultRoot;
    private final Clock clock;

    public BackupRunbook(StackProfile profile, Map<String, String> env, Function<String, DockerGateway> engines, Path defaultRoot, Clock clock) {
        this.profile = profile;
        this.env = env;
        this.engines = engines;
        this.defaultRoot = defaultRoot;
        this.clock = clock;
    }

    public String id() { return ID; }
    public String title() { return T.get("backup.title"); }
    public String purpose() { return T.get("backup.purpose"); }
    public List<Parameter> parameters() {
        return List.of(new Parameter("services", T.get("backup.param.services"), false, "all"),
                new Parameter("to", T.get("backup.param.to"), false, defaultRoot.toString()));
    }

    /**
     * Whether the run of {@code ctx} has written a complete set (its manifest is there): a backup taken as part of
     * another procedure is then kept even when that procedure is undone; an incomplete one is cleaned up.
     */
    public static boolean completedIn(io.nightwatch.runbook.RunContext ctx) {
        return ctx.get(CommonSteps.SET).map(set -> java.nio.file.Files.isRegularFile(Path.of(set).resolve(BackupManifest.FILE))).orElse(false);
    }

    /** The services a backup can take, in the profile's order; one not deployed on its host is left out. */
    public List<ServiceSpec> backupable() {
        return profile.deployedServices().stream().filter(s -> s.dataPath().isPresent() && s.kind() != ServiceKind.OTEL_COLLECTOR
                && s.kind() != ServiceKind.PROMTAIL).toList();
    }

    /** A service a backup could take, and why it cannot now (empty when it can). */
    public record Candidate(ServiceSpec spec, java.util.Optional<String> unavailable) {
        public boolean available() { return unavailable.isEmpty(); }
    }

    /**
     * Each service a backup could take, with whether its container exists on its host: a service the profile names
     * but that is not deployed there (Loki, Grafana on a host without them) cannot be backed up.
     *
     * @throws io.nightwatch.docker.EngineUnreachableException when a host's engine does not answer
     */
    public List<Candidate> candidates() {
        return backupable().stream().map(s -> {
            var deployment = io.nightwatch.health.ServiceDeployment.of(engines.apply(s.host()), s);
            return new Candidate(s, deployment instanceof io.nightwatch.health.ServiceDeployment.Absent absent
                    ? java.util.Optional.of(absent.reason()) : java.util.Optional.<String>empty());
        }).toList();
    }

    /**
     * What a backup of {@code wanted} takes.
     *
     * @param services the services to back up, in the profile's order
     * @param skipped  one line per service left out because it cannot be backed up now ("loki: not deployed on local — skipped")
     */
    public record Selection(List<ServiceSpec> services, List<String> skipped) {
        /** The {@code services} parameter of {@link #build} for exactly these services. */
        public String parameter() { return String.join(",", services.stream().map(ServiceSpec::name).toList()); }
    }

    /**
     * Resolves {@code wanted} ("all", blank, or names) against what is deployed: "all" leaves out the services that
     * are not deployed, each with a skip line; a service named explicitly that is not deployed is an error.
     *
     * @throws IllegalArgumentException for an unknown or undeployed named service, or when nothing is left to back up
     */
    public Selection select(String wanted) {
        List<Candidate> candidates = candidates();
        boolean all = wanted == null || wanted.isBlank() || wanted.equals("all");
        List<ServiceSpec> named = all ? backupable() : choose(backupable(), wanted);
        List<ServiceSpec> chosen = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ServiceSpec spec : named) {
            Candidate c = candidates.stream().filter(x -> x.spec().equals(spec)).findFirst().orElseThrow();
            if (c.available()) {
                chosen.add(spec);
            } else if (all) {
                skipped.add(T.get("backup.skipped", spec.name(), c.unavailable().get()));
            } else {
                throw new IllegalArgumentException(T.get("backup.notDeployed", spec.name(), c.unavailable().get(), spec.container()));
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(T.get("backup.nothing", String.join("; ", skipped)));
        }
        return new Selection(chosen, skipped);
    }

    public Runbook build(Map<String, String> params) {
        List<ServiceSpec> chosen = choose(backupable(), params.getOrDefault("services", "all"));
        Path root = Path.of(params.getOrDefault("to", defaultRoot.toString()));
        String host = chosen.get(0).host();
        List<Step> steps = new ArrayList<>();
        steps.add(new CommonSteps.PrepareSet(root, host));
        for (ServiceSpec spec : chosen) {
            ServiceAccess s = new ServiceAccess(engines.apply(spec.host()), spec, env, profile.probeTimeout().multipliedBy(5),
                    ServiceAccess.helperImageOf(profile, spec));
            // A Swarm task on another node is reached through that node's engine, when the profile names it.
            profile.host(spec.host()).filter(h -> !h.nodes().isEmpty())
                    .ifPresent(h -> s.routeTasksBy(io.nightwatch.health.SwarmNodes.router(h, s.manager())));
            String data = spec.dataPath().orElseThrow();
            switch (spec.kind()) {
                case PROMETHEUS -> {
                    steps.add(new ServiceSteps.PrometheusSnapshot(s));
                    steps.add(new CommonSteps.CopyOut(s, "prometheus tsdb snapshot", data + "/snapshots/<snapshot>", // tool text: the manifest's method
                            ctx -> data + "/snapshots/" + ctx.get(ServiceSteps.snapshotKey(s)).orElseThrow(), 1));
                    steps.add(new ServiceSteps.RemovePrometheusSnapshot(s));
                }
                case REDIS -> {
                    steps.add(new ServiceSteps.RedisBgsave(s));
                    steps.add(new CommonSteps.CopyOut(s, "redis BGSAVE + dump.rdb", "<dir>/<dbfilename>", // tool text: the manifest's method
                            ctx -> ctx.get("redis." + spec.name() + ".dir").orElseThrow() + "/"
                                    + ctx.get("redis." + spec.name() + ".dbfilename").orElseThrow(), 0));
                }
                case LOKI -> {
                    steps.add(new ServiceSteps.LokiFlush(s));
                    steps.add(new CommonSteps.CopyOut(s, "loki flush + path_prefix tree", data, ctx -> data, 1)); // tool text: the manifest's method
                }
                case GRAFANA -> {
                    steps.add(new ServiceSteps.Pause(s));
                    steps.add(new CommonSteps.CopyOut(s, "grafana paused copy", data, ctx -> data, 1)); // tool text: the manifest's method
                    steps.add(new ServiceSteps.Unpause(s));
                }
                default -> steps.add(new CommonSteps.CopyOut(s, "data directory copy", data, ctx -> data, 1)); // tool text: the manifest's method
            }
        }
        steps.add(new CommonSteps.WriteManifest(host, engines.apply(host).address().toString()));
        steps.add(new CommonSteps.VerifySet(ctx -> Path.of(ctx.get(CommonSteps.SET).orElseThrow()), T.get("verifySet.whenBackup")));
        return new Runbook(ID, title(), purpose(), parameters(), steps);
    }

    static List<ServiceSpec> choose(List<ServiceSpec> available, String wanted) {
        if (wanted == null || wanted.isBlank() || wanted.equals("all")) {
            if (available.isEmpty()) throw new IllegalArgumentException(T.get("backup.noData"));
            return available;
        }
        List<ServiceSpec> chosen = new ArrayList<>();
        for (String name : Arrays.stream(wanted.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList()) {
            chosen.add(available.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException(T.get("backup.unknown", name, String.join(", ", available.stream().map(ServiceSpec::name).toList())))));
        }
        return chosen;
    }
}
