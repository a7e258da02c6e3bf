package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightwatch.flow.CanaryResult;
import io.nightwatch.flow.ContainerErrors;
import io.nightwatch.flow.DiskHeadroom;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.Rates;
import io.nightwatch.flow.StageStatus;
import io.nightwatch.text.Bytes;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.text.Formats;
import io.nightwatch.stack.StackProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code nightwatch flow}: is data moving through every stage? Exit 1 when any stage is STALLED. */
@Command(name = "flow", mixinStandardHelpOptions = true)
public class FlowCommand implements Callable<Integer> {

    private static final Texts T = Texts.of(FlowCommand.class);

    private static final String CANARY_ROW = "%-8s %-8s %-16s %-38s %s%n";

    @Mixin
    ProfileOptions profileOptions;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--window", paramLabel = "SECONDS")
    Double windowSeconds;

    @Option(names = "--interval", paramLabel = "SECONDS")
    Double intervalSeconds;

    @Option(names = "--canary")
    boolean canary;

    @Option(names = "--watch")
    boolean watch;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public FlowCommand() {
        this(System.getenv());
    }

    FlowCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        var loaded = profileOptions.loadOrReport(env, err);
        if (loaded.isEmpty()) return NightwatchCommand.EXIT_USAGE;
        StackProfile profile = loaded.get();
        FlowSettings settings;
        try {
            FlowSettings configured = FlowSettings.of(profile.flow());
            java.time.Duration window = windowSeconds == null ? configured.window() : seconds(windowSeconds);
            // a short --window alone reads at least once within it; an explicit --interval longer than it is refused
            java.time.Duration interval = intervalSeconds != null ? seconds(intervalSeconds)
                    : configured.interval().compareTo(window) > 0 ? window : configured.interval();
            settings = new FlowSettings(interval, window, configured.history(), canary || configured.canary());
        } catch (IllegalArgumentException e) {
            err.println(NightwatchCommand.PREFIX + e.getMessage());
            return NightwatchCommand.EXIT_USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (HealthMonitor health = new HealthMonitor(profile, env, Clock.systemUTC());
             FlowMonitor flow = new FlowMonitor(health, settings, env, Clock.systemUTC())) {
            // Rates read through an engine that is not there would all be UNKNOWN after a whole window: say so now.
            var engines = health.checkOnce().engines().stream().filter(e -> e.unreachable()).toList();
            if (!engines.isEmpty()) {
                engines.forEach(e -> err.println(NightwatchCommand.PREFIX + T.get("flow.host", e.host(),
                        e.error().isEmpty() ? T.get("flow.engineUnreachable", e.address()) : NightwatchCommand.oneLine(e.error()))));
                err.println(NightwatchCommand.PREFIX + T.get("flow.noFlows"));
                err.flush();
                return NightwatchCommand.EXIT_ENGINE_UNREACHABLE;
            }
            health.start();
            if (watch) return watch(flow, out);
            err.println(NightwatchCommand.PREFIX + T.get("flow.reading", Formats.duration(settings.window().plus(settings.interval()))));
            err.flush();
            long end = System.nanoTime() + settings.window().plus(settings.interval()).toNanos();
            FlowSnapshot snapshot = flow.round();
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(settings.interval().toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                snapshot = flow.round();
            }
            if (canary) {
                flow.runCanaries();
                snapshot = flow.round();
            }
            if (json) out.println(document(snapshot).toPrettyString()); else printText(snapshot, out);
            out.flush();
            return snapshot.anyStalled() ? 1 : 0;
        }
    }

    private int watch(FlowMonitor flow, PrintWriter out) throws InterruptedException {
        Map<String, FlowState> last = new HashMap<>();
        flow.addListener(snapshot -> {
            synchronized (last) {
                for (StageStatus stage : snapshot.stages()) {
                    FlowState before = last.put(stage.id(), stage.state());
                    if (before != stage.state()) {
                        ObjectNode line = stage(stage);
                        line.put("time", snapshot.takenAt().toString());
                        if (before == null) line.putNull("previous"); else line.put("previous", before.name());
                        out.println(json ? line.toString() : snapshot.takenAt() + " " + textLine(stage));
                    }
                }
                out.flush();
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "nightwatch-flow-stop"));
        flow.start();
        stopped.await();
        return 0;
    }

    private static Duration seconds(double value) {
        if (!(value >= 0.1 && value <= 86_400)) throw new IllegalArgumentException(T.get("flow.badSeconds", value));
        return Duration.ofMillis((long) (value * 1000));
    }

    static void printText(FlowSnapshot snapshot, PrintWriter out) {
        for (StageStatus stage : snapshot.stages()) out.println(textLine(stage));
        for (CanaryResult c : snapshot.canaries()) {
            out.printf(CANARY_ROW, flowState(c.state().name()), T.get("flow.canary"), serviceName(c.serviceId()), c.name(),
                    c.roundTrip().map(d -> T.get("flow.roundTrip", Formats.duration(d))).orElse(c.detail()));
        }
        for (ContainerErrors e : snapshot.logErrors()) {
            if (e.total() > 0) {
                out.printf(T.get("flow.errors"), e.container(),
                        Rates.number(e.perSecond()), e.total(), e.lastLines().isEmpty() ? "" : e.lastLines().get(e.lastLines().size() - 1));
            }
        }
        for (DiskHeadroom d : snapshot.disks()) {
            out.println(d.problem().isEmpty()
                    ? String.format(T.get("flow.disk"), serviceName(d.serviceId()) + " " + d.path(), Bytes.human(d.freeBytes()),
                    Bytes.human(d.sizeBytes()), d.timeToFull().map(t -> ", " + T.get("flow.fullIn", Formats.duration(t))).orElse(""))
                    : String.format(T.get("flow.diskProblem"), serviceName(d.serviceId()) + " " + d.path(), d.problem()));
        }
    }

    static String textLine(StageStatus s) {
        String value = s.value().isPresent() ? Rates.format(s.value().getAsDouble(), s.spec().unit()) : "–";
        return String.format("%-8s %-8s %-16s %-38s %-18s %s", flowState(s.state().name()), s.spec().pipeline().name().toLowerCase(),
                s.serviceName(), s.spec().title(), value, s.detail());
    }

    /** FLOWING, IDLE, STALLED, UNKNOWN in the reader's language (JSON keeps the token). */
    private static String flowState(String token) {
        String key = "flowState." + token;
        return T.get(key);
    }

    static ObjectNode document(FlowSnapshot snapshot) {
        ObjectNode root = StatusJson.MAPPER.createObjectNode();
        root.put("takenAt", snapshot.takenAt().toString());
        root.put("windowSeconds", snapshot.settings().window().toMillis() / 1000.0);
        root.put("anyStalled", snapshot.anyStalled());
        ArrayNode stages = root.putArray("stages");
        snapshot.stages().forEach(s -> stages.add(stage(s)));
        ArrayNode canaries = root.putArray("canaries");
        for (CanaryResult c : snapshot.canaries()) {
            ObjectNode node = canaries.addObject().put("name", c.name()).put("service", c.serviceId()).put("state", c.state().name())
                    .put("detail", c.detail());
            c.roundTrip().ifPresent(d -> node.put("roundTripMs", d.toMillis()));
        }
        ArrayNode errors = root.putArray("logErrors");
        for (ContainerErrors e : snapshot.logErrors()) {
            ObjectNode node = errors.addObject().put("service", e.serviceId()).put("container", e.container())
                    .put("perSecond", e.perSecond()).put("total", e.total());
            e.lastLines().forEach(node.putArray("lastLines")::add);
            if (!e.problem().isEmpty()) node.put("problem", e.problem());
        }
        ArrayNode disks = root.putArray("disks");
        for (DiskHeadroom d : snapshot.disks()) {
            ObjectNode node = disks.addObject().put("service", d.serviceId()).put("path", d.path())
                    .put("sizeBytes", d.sizeBytes()).put("freeBytes", d.freeBytes());
            d.timeToFull().ifPresent(t -> node.put("timeToFullSeconds", t.toSeconds()));
            if (!d.problem().isEmpty()) node.put("problem", d.problem());
        }
        return root;
    }

    static ObjectNode stage(StageStatus s) {
        ObjectNode node = StatusJson.MAPPER.createObjectNode();
        node.put("pipeline", s.spec().pipeline().name().toLowerCase());
        node.put("host", s.host());
        node.put("service", s.serviceName());
        node.put("stage", s.spec().qualifiedKey());
        node.put("title", s.spec().title());
        node.put("state", s.state().name());
        if (s.value().isPresent()) node.put("value", s.value().getAsDouble()); else node.putNull("value");
        node.put("unit", s.spec().unit());
        node.put("detail", s.detail());
        return node;
    }

    private static String serviceName(String serviceId) {
        return serviceId.substring(serviceId.indexOf('/') + 1);
    }
}
