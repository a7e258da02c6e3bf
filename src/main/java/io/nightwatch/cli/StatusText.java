package io.nightwatch.cli;

import io.nightwatch.text.Bytes;
import io.nightwatch.health.EngineStatus;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;

import java.io.PrintWriter;

/** The human form of {@code status}: one line per engine, one line per service (columns in the bundle's patterns). */
final class StatusText {

    private static final Texts T = Texts.of(StatusText.class);

    private StatusText() {}

    static void print(HealthSnapshot snapshot, PrintWriter out) {
        for (EngineStatus e : snapshot.engines()) out.println(engineLine(e));
        for (ServiceHealth s : snapshot.services()) out.println(serviceLine(s));
        out.flush();
    }

    static String engineLine(EngineStatus e) {
        return e.reachable()
                ? String.format(T.get("status.engine"), e.host(), e.address(), e.version().orElse("?"), e.apiVersion().orElse("?"))
                : String.format(T.get("status.engineUnreachable"), e.host(), e.error());
    }

    /** UP, DOWN… in the reader's language (JSON keeps the token). */
    static String stateWord(String token) {
        String key = "state." + token;
        return T.get(key);
    }

    static String serviceLine(ServiceHealth s) {
        String memory = s.memory().filter(m -> m.limitBytes() > 0)
                .map(m -> " " + T.get("status.memory", Bytes.human(m.usedBytes()), s.container().map(c -> c.memoryLimitBytes() > 0).orElse(false)
                        ? Bytes.human(m.limitBytes()) : T.get("status.noLimit"))).orElse("");
        String latency = s.probe().latency().map(l -> ", " + Formats.duration(l)).orElse("");
        return String.format(T.get("status.service"),
                stateWord(s.state().name()), s.spec().host(), s.spec().name() + (s.spec().discovered() ? "*" : ""), s.version().orElse("-"),
                s.reason(), s.probe().transport().label(), latency, memory,
                s.findings().isEmpty() ? "" : "  " + T.get("status.findings", String.join("; ", s.findings())));
    }
}
