package io.nightwatch.runbook.recovery;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.store.CrashLines;

import io.nightwatch.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a diagnosis says about the crash lines kept in the alert history: they outlive a restart and a recreate. */
final class KeptCrashes {

    private static final Texts T = Texts.of(KeptCrashes.class);

    /** How many kept deaths are looked at; how many of the newest one's last lines are shown. */
    static final int DEATHS = 10;
    static final int SHOWN = 15;
    /** The preview line of what is read, in the current language. */
    static String reads() {
        return T.get("kept.reads");
    }

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
            return List.of(T.get("kept.unreadable", e.getMessage()));
        }
        if (deaths.isEmpty()) return List.of(T.get("kept.none", spec.name()));
        CrashLines.Crash last = deaths.stream().filter(d -> !d.lines().isEmpty()).findFirst().orElse(deaths.get(0));
        List<String> out = new ArrayList<>();
        boolean recreated = now.map(f -> !f.id().startsWith(last.container())).orElse(true);
        out.add(T.get("kept.deaths", deaths.size() + (deaths.size() == DEATHS ? "+" : ""), last.diedAt(), last.exitCode(),
                last.oom() ? T.get("kept.oom") : "", last.container(), recreated ? T.get("kept.recreated") : ""));
        last.lines().stream().filter(l -> important.matcher(l).find()).distinct().forEach(l -> out.add(label + ": " + l));
        out.add(T.get("kept.lines"));
        last.lines().subList(Math.max(0, last.lines().size() - SHOWN), last.lines().size()).forEach(l -> out.add("  " + l));
        return out;
    }
}
