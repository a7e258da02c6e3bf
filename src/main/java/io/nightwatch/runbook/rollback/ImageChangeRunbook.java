package io.nightwatch.runbook.rollback;

import io.nightwatch.baseline.PerformanceRecords;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.BackupRunbook;
import io.nightwatch.runbook.backup.ServiceAccess;
import io.nightwatch.runbook.backup.SilenceSteps;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;

import io.nightwatch.text.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Upgrade or roll back one service's container to another local image: optional backup first, silence, graceful
 * stop, keep the old container, create the new one with the identical configuration, start it, health gate (healthy
 * in time and fast enough), optional hold period, then retire or keep the old container, lift the silence, record the
 * change. A failed gate, a failure anywhere, or a cancel reverts to the kept container automatically.
 */
public final class ImageChangeRunbook implements RunbookDefinition {

    private static final Texts T = Texts.of(ImageChangeRunbook.class);

    /** A key for one value of an enum or verb: every value has its word in the bundle. */
    private static String key(String prefix, Object value) {
        return prefix + "." + value;
    }

    /** The two faces of one procedure: they differ in wording and in where the target comes from. */
    public enum Direction {
        UPGRADE("upgrade"), ROLLBACK("rollback");

        private final String id;

        Direction(String id) { this.id = id; }

        public String id() { return id; }
    }

    static final Duration GRACE = Duration.ofSeconds(30);
    static final Duration GATE_TIMEOUT = Duration.ofSeconds(90);
    static final Duration MAX_LATENCY = Duration.ofSeconds(2);
    static final String EXAMPLE_SERVICE = "prometheus";

    private final Direction direction;
    private final StackProfile profile;
    private final Map<String, String> env;
    private final Function<String, DockerGateway> engines;
    private final Path backupRoot;
    private final DeploymentLog log;
    private final Clock clock;
    private final PerformanceRecords baselines;

    public ImageChangeRunbook(Direction direction, StackProfile profile, Map<String, String> env, Function<String, DockerGateway> engines,
                              Path backupRoot, DeploymentLog log, Clock clock) {
        this(direction, profile, env, engines, backupRoot, log, clock, PerformanceRecords.NONE);
    }

    /** @param baselines the recorded baselines the health gate compares the new image with (the old image's) */
    public ImageChangeRunbook(Direction direction, StackProfile profile, Map<String, String> env, Function<String, DockerGateway> engines,
                              Path backupRoot, DeploymentLog log, Clock clock, PerformanceRecords baselines) {
        this.baselines = baselines;
        this.direction = direction;
        this.profile = profile;
        this.env = env;
        this.engines = engines;
        this.backupRoot = backupRoot;
        this.log = log;
        this.clock = clock;
    }

    public String id() { return direction.id(); }

    public String title() {
        return T.get(key("change.title", direction.name()));
    }

    public String purpose() {
        return T.get(key("change.purpose", direction.name()));
    }

    public List<Parameter> parameters() {
        return List.of(new Parameter("service", T.get("change.param.service"), true, EXAMPLE_SERVICE),
                new Parameter("to", T.get(key("change.param.to", direction.name())), direction == Direction.UPGRADE,
                        direction == Direction.UPGRADE ? "prom/prometheus:v2.53.0" : "prom/prometheus:v2.51.0"),
                new Parameter("backup", T.get("change.param.backup"), false, "no"),
                new Parameter("hold", T.get("change.param.hold"), false, "keep"),
                new Parameter("gate", T.get("change.param.gate"), false, GATE_TIMEOUT.toSeconds() + "s"),
                new Parameter("max-latency", T.get("change.param.maxLatency"), false, MAX_LATENCY.toMillis() + "ms"),
                new Parameter("set-flag", T.get("change.param.setFlag"), false, ""));
    }

    /** The Swarm runbook over the service the profile's name stands for: update to {@code to}, else roll back. */
    private Runbook swarmChange(String swarmName, ServiceSpec spec, Map<String, String> params) {
        String to = params.getOrDefault("to", "");
        Map<String, String> swarmParams = new java.util.HashMap<>(Map.of("service", swarmName, "host", spec.host(),
                "action", to.isBlank() ? "rollback" : "update"));
        if (!to.isBlank()) swarmParams.put("to", to);
        return new SwarmServiceRunbook(profile, engines).build(swarmParams);
    }

    public Runbook build(Map<String, String> params) {
        String name = Optional.ofNullable(params.get("service")).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(T.get("change.error.serviceRequired")));
        ServiceSpec spec = profile.services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(T.get("change.error.noService", name,
                        String.join(", ", profile.services().stream().map(ServiceSpec::name).toList()))));
        DockerGateway gateway = engines.apply(spec.host());
        // A Swarm service's task container is the Swarm's: recreating it would take it out of the service. The
        // engine's own rolling update (or rollback to the previous spec) does the change instead.
        Optional<String> swarmName = new ServiceAccess(gateway, spec, env, profile.probeTimeout()).swarmService()
                .map(io.nightwatch.docker.SwarmService::name);
        if (swarmName.isPresent()) {
            if (!params.getOrDefault("set-flag", "").isBlank()) {
                throw new IllegalArgumentException(T.get("change.error.swarmFlag", name, swarmName.get()));
            }
            return swarmChange(swarmName.get(), spec, params);
        }
        Optional<String> setFlag = Optional.ofNullable(params.get("set-flag")).filter(f -> !f.isBlank()).map(CommandFlags::check);
        String target = Optional.ofNullable(params.get("to")).filter(t -> !t.isBlank())
                .or(() -> setFlag.flatMap(f -> gateway.inspect(spec.container()).map(io.nightwatch.docker.ContainerFacts::image)))
                .orElseGet(() -> defaultTarget(gateway, spec));
        Optional<Duration> hold = hold(params.getOrDefault("hold", "keep"));
        ImageChangeSteps.Change c = new ImageChangeSteps.Change(
                new ServiceAccess(gateway, spec, env, profile.probeTimeout().multipliedBy(5), ServiceAccess.helperImageOf(profile, spec)), target, GRACE,
                duration(params.getOrDefault("gate", GATE_TIMEOUT.toSeconds() + "s"), "gate"),
                duration(params.getOrDefault("max-latency", MAX_LATENCY.toMillis() + "ms"), "max-latency"),
                hold, new ServiceProber(profile.probeTimeout(), env), direction.id(), setFlag, baselines);

        List<Step> steps = new ArrayList<>();
        steps.add(new ImageChangeSteps.CheckChange(c));
        if (yes(params.getOrDefault("backup", "no"))) steps.addAll(backupSteps(spec));
        SilenceSteps.Silence silence = new SilenceSteps.Silence(SilenceSteps.alertmanagerOf(profile), c.access(), Duration.ofMinutes(30), direction.id());
        steps.add(silence);
        steps.add(new ImageChangeSteps.StopOld(c));
        steps.add(new ImageChangeSteps.KeepOld(c));
        steps.add(new ImageChangeSteps.CreateNew(c));
        steps.add(new ImageChangeSteps.StartNew(c));
        steps.add(new ImageChangeSteps.HealthGate(c));
        steps.add(new ImageChangeSteps.Hold(c));
        steps.add(new ImageChangeSteps.RetireOld(c));
        steps.add(new SilenceSteps.Unsilence(silence));
        steps.add(new ImageChangeSteps.RecordDeployment(c, log, direction.id()));
        return new Runbook(id(), title(), purpose(), parameters(), steps);
    }

    /** A rollback without a target goes back to the best candidate; an upgrade must be told. */
    private String defaultTarget(DockerGateway gateway, ServiceSpec spec) {
        if (direction == Direction.UPGRADE) throw new IllegalArgumentException(T.get("change.error.toRequired"));
        try {
            return RollbackTargets.best(gateway, spec, log).orElseThrow(() -> new IllegalArgumentException(
                    T.get("change.error.nothingToRollTo", spec.name())));
        } catch (IOException e) {
            throw new UncheckedIOException(T.get("change.error.journal", log.file()), e);
        }
    }

    /** The backup runbook's steps for this service, kept when the change is undone: the copy is the way back to the data. */
    private List<Step> backupSteps(ServiceSpec spec) {
        BackupRunbook backup = new BackupRunbook(profile, env, engines, backupRoot, clock);
        if (backup.backupable().stream().noneMatch(s -> s.name().equals(spec.name()))) return List.of();
        return backup.build(Map.of("services", spec.name(), "to", backupRoot.toString())).steps().stream()
                .map(s -> (Step) new io.nightwatch.runbook.backup.KeptBackup(s, c -> T.get("change.keptBackup",
                        c.isEmpty() ? T.get("change.nothingToUndo") : c))).toList();
    }

    static Optional<Duration> hold(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("keep")) return Optional.empty();
        return Optional.of(duration(text, "hold"));
    }

    /** "90s", "10m", "1h", "500ms" or an ISO-8601 duration. */
    static Duration duration(String text, String what) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            if (t.endsWith("h")) return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            throw new NumberFormatException(t);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(T.get("change.error.duration", what, text));
        }
    }

    private static boolean yes(String text) {
        return List.of("yes", "true", "1", "on").contains(text.trim().toLowerCase(Locale.ROOT));
    }
}
