package io.nightwatch.cli;

import io.nightwatch.text.Bytes;
import io.nightwatch.health.EngineStatus;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.text.Durations;

import java.io.PrintWriter;

/** The human form of {@code status}: one line per engine, one line per service. */
final class StatusText {

    private StatusText() {}

    static void print(HealthSnapshot snapshot, PrintWriter out) {
        for (EngineStatus e : snapshot.engines()) out.println(engineLine(e));
        for (ServiceHealth s : snapshot.services()) out.println(serviceLine(s));
        out.flush();
    }

    static String engineLine(EngineStatus e) {
        return e.reachable()
                ? String.format("engine %-10s %s  Docker %s, API %s", e.host(), e.address(), e.version().orElse("?"), e.apiVersion().orElse("?"))
                : String.format("engine %-10s UNREACHABLE  %s", e.host(), e.error());
    }

    static String serviceLine(ServiceHealth s) {
        String memory = s.memory().filter(m -> m.limitBytes() > 0)
                .map(m -> " mem " + Bytes.human(m.usedBytes()) + "/" + (s.container().map(c -> c.memoryLimitBytes() > 0).orElse(false)
                        ? Bytes.human(m.limitBytes()) : "no limit")).orElse("");
        String latency = s.probe().latency().map(l -> ", " + Durations.human(l)).orElse("");
        return String.format("%-8s %-10s %-16s %-10s %s  [%s%s%s]%s",
                s.state(), s.spec().host(), s.spec().name() + (s.spec().discovered() ? "*" : ""), s.version().orElse("-"),
                s.reason(), s.probe().transport().label(), latency, memory,
                s.findings().isEmpty() ? "" : "  findings: " + String.join("; ", s.findings()));
    }
}
