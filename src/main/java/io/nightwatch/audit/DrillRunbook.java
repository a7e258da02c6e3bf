package io.nightwatch.audit;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.BackupManifest;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.text.Texts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code nightwatch drill restore} as a runbook, for the window's wizard: one step per service restores it from the set
 * into a scratch container with {@link RestoreDrill} (production is never touched, the scratch container and volume
 * are removed by the drill itself), then the last step records the drill, also a failed one, as the CLI does, and
 * fails the run when any service's data did not check out.
 */
public final class DrillRunbook implements RunbookDefinition {

    public static final String ID = "drill-restore";
    private static final Texts T = Texts.of(DrillRunbook.class);
    static final Duration PER_SERVICE = Duration.ofSeconds(120);

    private final StackProfile profile;
    private final Function<DockerHostSpec, DockerGateway> engines;
    private final Map<String, String> env;
    private final Consumer<RestoreDrill.Result> record;
    private final Clock clock;

    /**
     * @param engines opens a host's engine for one service's drill; the drill closes what it gets
     * @param record  keeps the drill for the audit (the alert history's restore_drill table)
     */
    public DrillRunbook(StackProfile profile, Map<String, String> env, Function<DockerHostSpec, DockerGateway> engines,
                        Consumer<RestoreDrill.Result> record, Clock clock) {
        this.profile = profile;
        this.env = Map.copyOf(env);
        this.engines = engines;
        this.record = record;
        this.clock = clock;
    }

    /** Connects to each host afresh for each service, as {@code nightwatch drill restore} does. */
    public static DrillRunbook connecting(StackProfile profile, Map<String, String> env, Consumer<RestoreDrill.Result> record, Clock clock) {
        return new DrillRunbook(profile, env, h -> DockerGateway.connect(io.nightwatch.docker.EngineAddress.resolve(h, env)), record, clock);
    }

    @Override public String id() { return ID; }

    @Override public String title() { return T.get("drillRunbook.title"); }

    @Override
    public String purpose() {
        return T.get("drillRunbook.purpose");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(new Parameter("set", T.get("drillRunbook.param.set"), true, "~/.local/share/nightwatch/backups/20261125-030000-local"),
                new Parameter("services", T.get("drillRunbook.param.services"), false, "redis"));
    }

    @Override
    public String cliCommand() {
        return "nightwatch drill restore"; // tool text
    }

    @Override
    public Runbook build(Map<String, String> params) {
        Path set = Path.of(Optional.ofNullable(params.get("set")).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(T.get("drillRunbook.error.noSet"))));
        if (!Files.isDirectory(set, LinkOption.NOFOLLOW_LINKS) || set.getParent() == null) {
            throw new IllegalArgumentException(T.get("drillRunbook.error.notSet", set));
        }
        BackupManifest manifest;
        try {
            manifest = BackupManifest.read(set);
        } catch (IOException e) {
            throw new IllegalArgumentException(T.get("drillRunbook.error.incomplete", set, e.getMessage()));
        }
        List<String> wanted = Arrays.stream(params.getOrDefault("services", "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> chosen = new ArrayList<>();
        for (BackupManifest.ServiceBackup b : manifest.services()) {
            if (wanted.isEmpty() || wanted.contains(b.service())) chosen.add(b.service());
        }
        if (chosen.isEmpty()) throw new IllegalArgumentException(T.get("drillRunbook.error.noneOf", String.join(", ", wanted)));
        RestoreDrill drill = new RestoreDrill(engines, env, clock);
        List<Step> steps = new ArrayList<>();
        for (String service : chosen) {
            ServiceSpec spec = profile.services().stream().filter(s -> s.name().equals(service)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(T.get("drillRunbook.error.noService", service)));
            steps.add(new DrillService(drill, profile, set, spec));
        }
        steps.add(new Record(set.getFileName().toString(), chosen, record));
        return new Runbook(ID, title(), purpose(), parameters(), steps);
    }

    /** Restores one service into a scratch container; its outcome goes into the run's state, never fails the step. */
    private static final class DrillService implements Step {
        private final RestoreDrill drill;
        private final StackProfile profile;
        private final Path set;
        private final ServiceSpec spec;

        DrillService(RestoreDrill drill, StackProfile profile, Path set, ServiceSpec spec) {
            this.drill = drill;
            this.profile = profile;
            this.set = set;
            this.spec = spec;
        }

        @Override public String id() { return "drill-" + spec.name(); }

        @Override public String title() { return T.get("drillRunbook.service.title", spec.name()); }

        @Override
        public String explanation() {
            return T.get("drillRunbook.service.explanation", spec.container(), PER_SERVICE.toSeconds());
        }

        @Override
        public List<String> preview(RunContext ctx) {
            return List.of(T.get("drillRunbook.preview.create", spec.name(), spec.container(),
                            spec.dataPath().orElse(T.get("drillRunbook.preview.dataPath"))),
                    T.get("drillRunbook.preview.copy", set.getFileName() + "/" + spec.name()),
                    T.get("drillRunbook.preview.check", switch (spec.kind()) {
                        case REDIS -> T.get("drillRunbook.preview.check.redis");
                        case PROMETHEUS -> T.get("drillRunbook.preview.check.prometheus");
                        default -> T.get("drillRunbook.preview.check.other");
                    }),
                    T.get("drillRunbook.preview.remove"));
        }

        @Override
        public void execute(RunContext ctx) throws Exception {
            ctx.throwIfCancelled();
            if (ctx.get("started").isEmpty()) ctx.put("started", ctx.clock().instant().toString());
            ctx.progress(0, T.get("drillRunbook.progress", spec.name()));
            RestoreDrill.Result r = drill.run(profile, set.getParent(), Optional.of(set.getFileName().toString()), List.of(spec.name()), PER_SERVICE);
            RestoreDrill.ServiceResult s = r.services().isEmpty()
                    ? new RestoreDrill.ServiceResult(spec.name(), false, Duration.ZERO, T.get("drillRunbook.notInSet")) : r.services().get(0);
            ctx.put("ok-" + spec.name(), Boolean.toString(s.ok()));
            ctx.put("took-" + spec.name(), Long.toString(s.took().toMillis()));
            ctx.put("detail-" + spec.name(), s.detail());
            ctx.output(T.get(s.ok() ? "drillRunbook.output.ok" : "drillRunbook.output.failed", spec.name(), Units.duration(s.took()), s.detail()));
        }

        @Override
        public String compensation() {
            return T.get("drillRunbook.service.compensation");
        }
    }

    /** Records the drill with its measured RTO (the services' restore times added up), then says whether it held. */
    private static final class Record implements Step {
        private final String setId;
        private final List<String> services;
        private final Consumer<RestoreDrill.Result> record;

        Record(String setId, List<String> services, Consumer<RestoreDrill.Result> record) {
            this.setId = setId;
            this.services = List.copyOf(services);
            this.record = record;
        }

        @Override public String id() { return "record"; }

        @Override public String title() { return T.get("drillRunbook.record.title"); }

        @Override
        public String explanation() {
            return T.get("drillRunbook.record.explanation");
        }

        @Override
        public List<String> preview(RunContext ctx) {
            return List.of(T.get("drillRunbook.record.preview", setId, String.join(", ", services)));
        }

        @Override
        public void execute(RunContext ctx) {
            ctx.put("recorded", "true");
            record.accept(result(ctx));
        }

        @Override
        public Check verify(RunContext ctx) {
            RestoreDrill.Result r = result(ctx);
            if (r.ok()) return Check.ok(T.get("drillRunbook.record.ok", setId, Units.duration(r.rto())));
            List<String> failed = r.services().stream().filter(s -> !s.ok()).map(s -> s.service() + ": " + s.detail()).toList();
            return Check.failed(T.get("drillRunbook.record.failed", setId, String.join("; ", failed)));
        }

        @Override
        public String verificationText() {
            return T.get("drillRunbook.record.verification");
        }

        private RestoreDrill.Result result(RunContext ctx) {
            List<RestoreDrill.ServiceResult> results = new ArrayList<>();
            Duration rto = Duration.ZERO;
            for (String s : services) {
                Duration took = Duration.ofMillis(ctx.get("took-" + s).map(Long::parseLong).orElse(0L));
                rto = rto.plus(took);
                results.add(new RestoreDrill.ServiceResult(s, ctx.get("ok-" + s).map(Boolean::parseBoolean).orElse(false), took,
                        ctx.get("detail-" + s).orElse(T.get("drillRunbook.notDrilled"))));
            }
            Instant started = ctx.get("started").map(Instant::parse).orElse(ctx.clock().instant());
            return new RestoreDrill.Result(setId, started, rto, results.stream().allMatch(RestoreDrill.ServiceResult::ok), results);
        }
    }
}
