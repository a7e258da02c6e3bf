package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Category;
import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.StageStatus;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.text.Durations;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.nightwatch.audit.Words.plain;
import static io.nightwatch.audit.Words.say;

/**
 * The data flow of every pipeline over a short window: the flow monitor itself, run for one stall window plus a round,
 * so a stage that moved nothing while its upstream was up is STALLED exactly as the window and {@code serve} would say.
 */
final class FlowSample {

    private FlowSample() {}

    /** A window of {@code window}, read every tenth of it (at least every second). */
    static FlowSettings settings(Duration window) {
        Duration interval = window.dividedBy(10).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : window.dividedBy(10);
        if (window.compareTo(interval) < 0) interval = window;
        return new FlowSettings(interval, window, window.multipliedBy(2), false);
    }

    /** Samples the stack for the window and returns one item per service with flow stages. */
    static List<AuditItem> items(StackProfile profile, Map<String, String> env, FlowSettings settings, Clock clock) throws InterruptedException {
        FlowSnapshot last;
        try (HealthMonitor health = new HealthMonitor(profile, env, clock); FlowMonitor flow = new FlowMonitor(health, settings, env, clock)) {
            health.checkOnce();
            long end = System.nanoTime() + settings.window().plus(settings.interval()).toNanos();
            last = flow.round();
            while (System.nanoTime() < end) {
                Thread.sleep(settings.interval().toMillis());
                last = flow.round();
            }
        }
        return judge(last, settings.window());
    }

    static List<AuditItem> judge(FlowSnapshot snapshot, Duration window) {
        Map<String, List<StageStatus>> byService = snapshot.stages().stream()
                .collect(Collectors.groupingBy(StageStatus::serviceId, LinkedHashMap::new, Collectors.toList()));
        List<AuditItem> items = new ArrayList<>();
        Words sampled = say("flow.sampled", Durations.human(window));
        byService.forEach((service, stages) -> {
            List<StageStatus> stalled = stages.stream().filter(s -> s.state() == FlowState.STALLED).toList();
            if (!stalled.isEmpty()) {
                items.add(AuditItem.of("flow-stalled", Category.SELF_MONITORING, service, Status.RISK, Risk.HIGH,
                        Words.concat(joined(stalled.stream().map(s -> say("flow.stalled", s.spec().title(), s.detail())).toList(), "; "), sampled),
                        say("flow.stalled.fix")));
            } else if (stages.stream().allMatch(s -> s.state() == FlowState.UNKNOWN)) {
                items.add(AuditItem.of("flow-stalled", Category.SELF_MONITORING, service, Status.UNKNOWN, Risk.HIGH,
                        say("flow.unknown", stages.get(0).detail(), sampled), say("flow.unknown.fix")));
            } else {
                items.add(AuditItem.ok("flow-stalled", Category.SELF_MONITORING, service, Risk.HIGH, Words.concat(stages.stream()
                        .map(s -> s.spec().title() + " " + s.state().name()).collect(Collectors.joining(", ")), sampled)));
            }
        });
        return items;
    }

    private static Words joined(List<Words> parts, String separator) {
        List<Object> all = new ArrayList<>();
        for (Words w : parts) {
            if (!all.isEmpty()) all.add(separator);
            all.add(w);
        }
        return Words.concat(all.toArray());
    }
}
