package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import io.nightwatch.health.EngineStatus;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.stack.StackProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code nightwatch status}: the health tiles as text or JSON, once or as a stream of changes. */
@Command(name = "status", mixinStandardHelpOptions = true)
public class StatusCommand implements Callable<Integer> {

    private static final Texts T = Texts.of(StatusCommand.class);

    @Mixin
    ProfileOptions profileOptions;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--watch")
    boolean watch;

    @Option(names = "--interval", paramLabel = "SECONDS")
    Double intervalSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS")
    Double timeoutSeconds;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public StatusCommand() {
        this(System.getenv());
    }

    StatusCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        var loaded = profileOptions.loadOrReport(env, spec.commandLine().getErr());
        if (loaded.isEmpty()) return NightwatchCommand.EXIT_USAGE;
        StackProfile profile = loaded.get();
        for (Double seconds : new Double[] {intervalSeconds, timeoutSeconds}) {
            if (seconds != null && !(seconds >= 0.1 && seconds <= 3600)) {
                spec.commandLine().getErr().println(NightwatchCommand.PREFIX + T.get("status.badSeconds", seconds));
                return NightwatchCommand.EXIT_USAGE;
            }
        }
        profile = profile.withTimings(
                intervalSeconds == null ? profile.pollInterval() : Duration.ofMillis((long) (intervalSeconds * 1000)),
                timeoutSeconds == null ? profile.probeTimeout() : Duration.ofMillis((long) (timeoutSeconds * 1000)));
        if (timeoutSeconds != null) profile = profile.withEngineTimeout(Duration.ofMillis((long) (timeoutSeconds * 1000)));
        PrintWriter out = spec.commandLine().getOut();
        try (HealthMonitor monitor = new HealthMonitor(profile, env, Clock.systemUTC())) {
            if (watch) return watch(monitor, out);
            HealthSnapshot snapshot = monitor.checkOnce();
            if (json) {
                out.println(StatusJson.document(snapshot).toPrettyString());
                out.flush();
            } else {
                StatusText.print(snapshot, out);
            }
            return snapshot.exitCode();
        }
    }

    /** Prints changes as they come; runs until the process is interrupted (Ctrl-C, SIGTERM). */
    private int watch(HealthMonitor monitor, PrintWriter out) throws InterruptedException {
        ChangePrinter printer = new ChangePrinter(out, json);
        monitor.addListener(printer::onSnapshot);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "nightwatch-status-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        monitor.start();
        stopped.await();
        return 0;
    }

    /** Remembers the last state per tile and per engine, and prints only what changed. */
    static final class ChangePrinter {
        private final PrintWriter out;
        private final boolean json;
        private final Map<String, String> lastState = new HashMap<>();
        private final Map<String, Boolean> lastReachable = new HashMap<>();

        ChangePrinter(PrintWriter out, boolean json) {
            this.out = out;
            this.json = json;
        }

        synchronized void onSnapshot(HealthSnapshot snapshot) {
            for (EngineStatus engine : snapshot.engines()) {
                if (!engine.checked()) continue;
                Boolean before = lastReachable.put(engine.host(), engine.reachable());
                if (before != null && before != engine.reachable() || before == null && !engine.reachable()) {
                    out.println(json ? StatusJson.engineChange(snapshot.takenAt(), engine).toString()
                            : snapshot.takenAt() + " " + StatusText.engineLine(engine));
                }
            }
            for (ServiceHealth service : snapshot.services()) {
                String before = lastState.put(service.id(), service.state().name());
                if (!service.state().name().equals(before)) {
                    out.println(json ? StatusJson.change(snapshot.takenAt(), service, before).toString()
                            : snapshot.takenAt() + " " + StatusText.serviceLine(service));
                }
            }
            out.flush();
        }
    }
}
