package io.nightwatch.runbook.recovery;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.store.CrashLines;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a diagnosis says about the crash lines kept in the alert history: they outlive a restart and a recreate. */
final class KeptCrashes {

    /** How many kept deaths are looked at; how many of the newest one's last lines are shown. */
    static final int DEATHS = 10;
    static final int SHOWN = 15;
    static final String READS = "the last lines kept of its earlier deaths (alert history)";

    private KeptCrashes() {}

    /**
     * The newest kept death with lines: when, how (exit code, OOM kill), whether the container was recreated since,
     * its lines matching {@code important} first (each once), then its last lines.
     */
    static List<String> describe(CrashHistory history, ServiceSpec spec, Optional<ContainerFacts> now, Pattern important, String label) {
        List<CrashLines.Crash> deaths;
        try {
            deaths = history.recent(spec.host(), spec.name(), DEATHS);
        } catch (RuntimeException e) {
            return List.of("kept crash lines unreadable: " + e.getMessage());
        }
        if (deaths.isEmpty()) return List.of("no earlier deaths of " + spec.name() + " kept (Nightwatch keeps them while the window or serve runs)");
        CrashLines.Crash last = deaths.stream().filter(d -> !d.lines().isEmpty()).findFirst().orElse(deaths.get(0));
        List<String> out = new ArrayList<>();
        boolean recreated = now.map(f -> !f.id().startsWith(last.container())).orElse(true);
        out.add(deaths.size() + (deaths.size() == DEATHS ? "+" : "") + " death(s) kept; the last with lines at " + last.diedAt()
                + ", exit code " + last.exitCode() + (last.oom() ? ", OOM-killed" : "") + ", container " + last.container()
                + (recreated ? " (recreated or removed since: these lines are gone from the engine)" : ""));
        last.lines().stream().filter(l -> important.matcher(l).find()).distinct().forEach(l -> out.add(label + ": " + l));
        out.add("kept lines before that death:");
        last.lines().subList(Math.max(0, last.lines().size() - SHOWN), last.lines().size()).forEach(l -> out.add("  " + l));
        return out;
    }
}
