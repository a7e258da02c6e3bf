package io.nightwatch.incident;

import io.nightwatch.alerts.AlertCauses;
import io.nightwatch.alerts.AlertService;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.StageStatus;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.HealthState;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.Incident;
import io.nightwatch.store.IncidentEvent;
import io.nightwatch.store.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the night into incidents: the first critical alert or finding opens one (scope {@value #STACK} unless an
 * operator opened one per host), and while one is open every alert fired or resolved, every tile state change, every
 * flow stall and recovery goes onto its timeline, and the stages' rates are sampled for the export's charts.
 * Listens to the same monitors and alert service as the window and {@code serve}; never throws into them.
 *
 * The timeline's texts are stored data: the JSON export carries them and the HTML export reads the state changes back
 * ("redis UP → DOWN: …"), so they are written in English whatever the window's language (marked "tool text").
 */
public final class IncidentRecorder implements AlertService.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentRecorder.class);
    public static final String STACK = "stack";
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(15);

    private final IncidentStore store;
    private final Clock clock;
    private final Map<String, HealthState> lastHealth = new ConcurrentHashMap<>();
    private final Map<String, FlowState> lastFlow = new ConcurrentHashMap<>();
    private volatile Instant lastSample = Instant.EPOCH;
    /** What happened while no incident was open: the lead-up a new incident starts with (its first sign). */
    private final java.util.Deque<Pending> backlog = new java.util.ArrayDeque<>();

    /** How far back an opening incident reaches for its lead-up. */
    static final Duration LEAD_UP = Duration.ofMinutes(15);
    private static final int BACKLOG_MAX = 500;

    /** Failures starting this close to an incident's opening are one trouble (a host reboot), not a new outage. */
    static final Duration TOGETHER = Duration.ofSeconds(20);

    /** Per open incident, the causes its alerts are about: where the next alert of the night belongs. */
    private final Map<Long, Set<String>> causes = new ConcurrentHashMap<>();

    private record Pending(String host, IncidentEvent event) {}

    private volatile java.util.function.Predicate<AlertOccurrence> quiet = a -> false;

    public IncidentRecorder(IncidentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Alerts this says are quiet (about a service not deployed here) open no incident and join none. */
    public IncidentRecorder quiet(java.util.function.Predicate<AlertOccurrence> quiet) {
        this.quiet = java.util.Objects.requireNonNull(quiet);
        return this;
    }

    /**
     * A recorder listening to everything the night brings: the alert service's state changes, the health monitor's
     * snapshots and, when there is one, the flow monitor's. Attach before the monitors start.
     */
    public static IncidentRecorder attach(IncidentStore store, Clock clock, io.nightwatch.alerts.AlertService alerts,
                                          io.nightwatch.health.HealthMonitor health, Optional<io.nightwatch.flow.FlowMonitor> flow) {
        IncidentRecorder recorder = new IncidentRecorder(store, clock);
        alerts.addListener(recorder);
        health.addListener(recorder::onHealth);
        flow.ifPresent(f -> f.addListener(recorder::onFlow));
        return recorder;
    }

    /** The open incident an event of {@code host} belongs to: the host's own, else the stack's. */
    Optional<Incident> openFor(String host) {
        if (host != null && !host.isBlank()) {
            Optional<Incident> own = store.openFor(host);
            if (own.isPresent()) return own;
        }
        return store.openFor(STACK);
    }

    /**
     * The open incident about {@code cause} (see {@link AlertCauses}), else the host's or the stack's when that one is
     * not about something else; empty when the open ones are all about other troubles.
     */
    Optional<Incident> openAbout(String cause, String host) {
        for (Incident open : store.list()) {
            if (open.open() && causesOf(open).contains(cause)) return Optional.of(open);
        }
        return openFor(host).filter(i -> causesOf(i).isEmpty() || !cause.startsWith("service:"));
    }

    /** The causes an open incident is about: remembered, or read back from its timeline after a restart. */
    private Set<String> causesOf(Incident incident) {
        return causes.computeIfAbsent(incident.id(), id -> {
            Set<String> found = ConcurrentHashMap.newKeySet();
            for (IncidentEvent e : store.events(id)) {
                String cause = e.facts().get("cause");
                if (cause != null && e.kind() == IncidentEvent.Kind.ALERT_FIRED) found.add(cause);
            }
            return found;
        });
    }

    @Override
    public void historyChanged(List<AlertOccurrence> newlyFiring) {
        // statesChanged carries everything the timeline needs
    }

    /**
     * One commit for all the events of a delivery (its alerts reach here together): the webhook's answer waits for
     * this, so an event per commit would make a storm wait for one fsync per alert. The open incident of each host
     * is looked up once per call, again only after this call opened one.
     */
    @Override
    public void statesChanged(List<AlertOccurrence> changed) {
        List<IncidentStore.Entry> events = new ArrayList<>();
        try {
            for (AlertOccurrence a : changed) {
                if (quiet.test(a)) continue;
                String host = a.labels().getOrDefault("host", "");
                String cause = AlertCauses.causeOf(a);
                boolean critical = a.severity().equalsIgnoreCase("critical");
                Optional<Incident> incident = openAbout(cause, host);
                if (a.state() == AlertState.FIRING && critical && incident.isEmpty()) incident = Optional.of(openNew(a, cause));
                if (incident.isEmpty()) incident = openFor(host); // a warning or a resolve about nothing open: the stack's, as before
                if (incident.isEmpty()) continue;
                IncidentEvent.Kind kind = switch (a.state()) {
                    case FIRING -> IncidentEvent.Kind.ALERT_FIRED;
                    case RESOLVED -> IncidentEvent.Kind.ALERT_RESOLVED;
                    default -> null;
                };
                if (kind == null) continue; // pending and suppressed are on the alert view; the timeline keeps to what paged
                Map<String, String> facts = new LinkedHashMap<>();
                facts.put("alertId", String.valueOf(a.id()));
                facts.put("alertname", a.alertname());
                facts.put("severity", a.severity());
                facts.put("source", a.source());
                facts.put("cause", cause);
                facts.put("startsAt", a.startsAt().toString());
                a.endsAt().ifPresent(e -> facts.put("endsAt", e.toString()));
                String summary = a.annotations().getOrDefault("summary", a.annotations().getOrDefault("description", ""));
                Instant at = kind == IncidentEvent.Kind.ALERT_FIRED ? a.startsAt() : a.endsAt().orElse(clock.instant());
                events.add(new IncidentStore.Entry(incident.get().id(), IncidentEvent.of(at, kind, a.service(),
                        (kind == IncidentEvent.Kind.ALERT_FIRED ? "fired: " : "resolved: ") + a.alertname() + " (" + a.severity() + ")"
                                + (summary.isBlank() ? "" : " — " + summary), facts)));
                if (kind == IncidentEvent.Kind.ALERT_FIRED) causesOf(incident.get()).add(cause);
            }
            store.addAll(events);
        } catch (RuntimeException e) {
            LOG.warn("incident timeline: alerts not recorded: {}", e.toString());
        }
    }

    /**
     * Opens the incident for a critical alert about a trouble nothing open is about. Failures that start together
     * (arriving within {@link #TOGETHER} of its opening, a host reboot taking several services) join the incident that just opened; a later
     * outage about something else gets its own, scoped {@code stack/<cause>} because the stack's scope is taken.
     */
    private Incident openNew(AlertOccurrence a, String cause) {
        String title = a.alertname() + (a.service().isEmpty() ? "" : " on " + a.service());
        String by = "nightwatch (first critical alert: " + a.alertname() + ")"; // tool text
        Optional<Incident> stack = store.openFor(STACK);
        if (stack.isPresent() && Duration.between(stack.get().openedAt(), clock.instant()).compareTo(TOGETHER) < 0) return stack.get();
        String scope = stack.isEmpty() ? STACK : STACK + "/" + (AlertCauses.label(cause).isEmpty() ? a.alertname() : AlertCauses.label(cause));
        Incident opened = store.openOrGet(scope, title, by, clock.instant());
        leadUp(opened);
        return opened;
    }

    /** Gives a new incident what led up to it: the state changes and stalls of the last {@link #LEAD_UP}. */
    private void leadUp(Incident opened) {
        List<Pending> due;
        synchronized (backlog) {
            due = List.copyOf(backlog);
            backlog.clear();
        }
        Instant from = opened.openedAt().minus(LEAD_UP);
        for (Pending p : due) {
            if (!p.event().at().isBefore(from)) store.add(opened.id(), p.event());
        }
    }

    /** Into the open incident about the event's service (else its host's or the stack's), or kept for the lead-up of the next one. */
    private void record(String host, IncidentEvent event) {
        Optional<Incident> incident = event.service().isBlank() ? openFor(host) : openAbout("service:" + event.service().strip().toLowerCase(java.util.Locale.ROOT), host);
        if (incident.isPresent()) {
            store.add(incident.get().id(), event);
            return;
        }
        synchronized (backlog) {
            backlog.addLast(new Pending(host, event));
            Instant horizon = clock.instant().minus(LEAD_UP);
            while (!backlog.isEmpty() && (backlog.size() > BACKLOG_MAX || backlog.peekFirst().event().at().isBefore(horizon))) backlog.removeFirst();
        }
    }

    /** Tile state changes of the services (the first snapshot only sets the baseline). */
    public void onHealth(HealthSnapshot snapshot) {
        try {
            for (ServiceHealth s : snapshot.services()) {
                HealthState before = lastHealth.put(s.spec().id(), s.state());
                if (before == null || before == s.state()) continue;
                record(s.spec().host(), IncidentEvent.of(s.checkedAt(), IncidentEvent.Kind.STATE_CHANGED, s.spec().name(),
                        s.spec().name() + " " + before + " → " + s.state() + ": " + s.reason(),
                        Map.of("from", before.name(), "to", s.state().name(), "host", s.spec().host())));
            }
        } catch (RuntimeException e) {
            LOG.warn("incident timeline: health not recorded: {}", e.toString());
        }
    }

    /** Stalls and recoveries of the data-flow stages, and a sample of every stage's rate every 15 s. */
    public void onFlow(FlowSnapshot snapshot) {
        try {
            for (StageStatus stage : snapshot.stages()) {
                FlowState before = lastFlow.put(stage.id(), stage.state());
                if (before == null || before == stage.state()) continue;
                IncidentEvent.Kind kind = stage.state() == FlowState.STALLED ? IncidentEvent.Kind.FLOW_STALLED
                        : before == FlowState.STALLED ? IncidentEvent.Kind.FLOW_RECOVERED : null;
                if (kind == null) continue;
                record(stage.host(), IncidentEvent.of(stage.at(), kind, stage.serviceName(),
                        stage.spec().title() + (kind == IncidentEvent.Kind.FLOW_STALLED ? " STALLED: " : " flowing again: ") + stage.detail(), // tool text
                        Map.of("stage", stage.spec().qualifiedKey(), "from", before.name(), "to", stage.state().name())));
            }
            Instant now = clock.instant();
            if (Duration.between(lastSample, now).compareTo(SAMPLE_EVERY) < 0) return;
            lastSample = now;
            for (Incident open : store.list().stream().filter(Incident::open).toList()) {
                Map<String, Double> values = new LinkedHashMap<>();
                for (StageStatus stage : snapshot.stages()) {
                    if (!open.scope().equals(STACK) && !open.scope().equals(stage.host())) continue;
                    if (stage.value().isPresent()) values.put(series(stage), stage.value().getAsDouble());
                }
                store.sample(open.id(), values, snapshot.takenAt());
            }
        } catch (RuntimeException e) {
            LOG.warn("incident timeline: flow not recorded: {}", e.toString());
        }
    }

    /** "redis · Redis ops/s (ops/s)": the service, the stage, its unit. */
    static String series(StageStatus stage) {
        return stage.serviceName() + " · " + stage.spec().title() + " (" + stage.spec().unit() + ")";
    }
}
