package io.nightwatch.alerts;

import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertQuery;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.IncomingAlert;
import io.nightwatch.store.RecordResult;
import io.nightwatch.store.SilenceMatcher;
import io.nightwatch.store.SilenceRecord;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The alert-history capability, the same for {@code nightwatch serve} and the window: the webhook receiver,
 * the Alertmanager and Prometheus pollers, Nightwatch's own findings, and the store they all write to.
 */
public final class AlertService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

    /** What the GUI hears about: something changed in the history, and what just started firing. */
    public interface Listener {
        void historyChanged(List<AlertOccurrence> newlyFiring);

        /** Occurrences whose state changed (fired, resolved, suppressed …), as stored; for the incident timeline. */
        default void statesChanged(List<AlertOccurrence> changed) {}
    }

    private final AlertStore store;
    private final AlertSettings settings;
    private final Clock clock;
    private final Optional<AlertmanagerClient> alertmanager;
    private final Optional<PrometheusAlertsClient> prometheus;
    private final FindingsDetector findings;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nightwatch-alert-poll");
        t.setDaemon(true);
        return t;
    });
    private volatile String lastPollProblem = "";
    private WebhookReceiver receiver;

    public AlertService(StackProfile profile, AlertStore store, AlertSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        Duration timeout = profile.probeTimeout().multipliedBy(2);
        this.alertmanager = firstOf(profile, ServiceKind.ALERTMANAGER).map(s -> new AlertmanagerClient(baseUrl(s), timeout));
        this.prometheus = firstOf(profile, ServiceKind.PROMETHEUS).map(s -> new PrometheusAlertsClient(baseUrl(s), timeout));
        this.findings = new FindingsDetector(clock);
    }

    public AlertStore store() { return store; }

    public Optional<AlertmanagerClient> alertmanager() { return alertmanager; }

    public void addListener(Listener listener) { listeners.add(listener); }

    public void removeListener(Listener listener) { listeners.remove(listener); }

    public Optional<Integer> receiverPort() { return Optional.ofNullable(receiver).map(WebhookReceiver::port); }

    public String lastPollProblem() { return lastPollProblem; }

    /** Starts the receiver (if configured), the pollers, and listens to health and flow for findings. */
    public void start(Optional<HealthMonitor> health, Optional<FlowMonitor> flow) throws IOException {
        if (settings.listen().isPresent()) {
            receiver = WebhookReceiver.start(settings.listen().get(), settings.bearerToken(), this::recordAndAnnounce, clock);
        }
        health.ifPresent(h -> h.addListener(snapshot -> recordQuietly(findings.onHealth(snapshot))));
        flow.ifPresent(f -> f.addListener(snapshot -> recordQuietly(findings.onFlow(snapshot))));
        polls.scheduleWithFixedDelay(this::pollQuietly, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        polls.scheduleWithFixedDelay(() -> {
            try {
                int removed = store.applyRetention(settings.retention());
                if (removed > 0) LOG.info("retention removed {} alerts ended more than {} ago", removed, settings.retention());
            } catch (RuntimeException e) {
                LOG.warn("retention failed: {}", e.toString());
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    /**
     * A reading of when each stateful service was last backed up into a verified set: raises (or resolves)
     * NightwatchBackupOverdue. Fed by the backup watcher (wired in {@code StackServices}); plain types, so the alerts
     * need not know the backup package.
     *
     * @param newestVerified per service, the creation time of its newest verified set (empty: none)
     */
    public void backupsRead(Map<String, Optional<Instant>> newestVerified, Duration rpo, Instant readAt) {
        recordQuietly(findings.onBackups(newestVerified, rpo, readAt));
    }

    /** One poll of Alertmanager and Prometheus now; alerts that vanished from both are resolved. */
    public synchronized void poll() throws IOException {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        Optional<Set<String>> amFingerprints = Optional.empty();
        Optional<Set<String>> promFingerprints = Optional.empty();
        List<IncomingAlert> seen = new ArrayList<>();
        if (alertmanager.isPresent()) {
            try {
                List<IncomingAlert> alerts = alertmanager.get().alerts(now);
                seen.addAll(alerts);
                amFingerprints = Optional.of(fingerprints(alerts));
                syncSilences();
            } catch (IOException e) {
                problems.add("Alertmanager: " + e.getMessage());
            }
        }
        if (prometheus.isPresent()) {
            try {
                List<IncomingAlert> alerts = prometheus.get().alerts(now);
                seen.addAll(alerts);
                promFingerprints = Optional.of(fingerprints(alerts));
            } catch (IOException e) {
                problems.add("Prometheus: " + e.getMessage());
            }
        }
        recordAndAnnounce(seen);
        recordAndAnnounce(vanished(amFingerprints, promFingerprints, now));
        lastPollProblem = String.join("; ", problems);
        if (!problems.isEmpty()) throw new IOException(lastPollProblem);
    }

    /**
     * Open alerts the sources no longer report have ended. Only sources that answered this round count, so an
     * unreachable Alertmanager never "resolves" everything.
     */
    private List<IncomingAlert> vanished(Optional<Set<String>> am, Optional<Set<String>> prom, Instant now) {
        List<IncomingAlert> resolved = new ArrayList<>();
        AlertQuery open = AlertQuery.builder().states(Set.of(AlertState.PENDING, AlertState.FIRING, AlertState.SUPPRESSED)).limit(AlertQuery.MAX_LIMIT).build();
        for (AlertOccurrence a : store.search(open)) {
            Set<String> by = a.seenBy();
            boolean fromAlertmanager = by.contains("alertmanager") || by.contains("webhook");
            boolean fromPrometheus = by.contains("prometheus");
            if (!fromAlertmanager && !fromPrometheus) continue; // Nightwatch's own findings resolve themselves
            // reported after this poll asked (a webhook racing the poll): the answers cannot know it yet, so it has not vanished
            if (a.lastReceivedAt().isAfter(now)) continue;
            boolean goneFromAm = !fromAlertmanager || am.map(f -> !f.contains(a.fingerprint())).orElse(false);
            boolean goneFromProm = !fromPrometheus || prom.map(f -> !f.contains(a.fingerprint())).orElse(false);
            boolean amKnows = !fromAlertmanager || am.isPresent();
            boolean promKnows = !fromPrometheus || prom.isPresent();
            if (goneFromAm && goneFromProm && amKnows && promKnows) {
                resolved.add(new IncomingAlert(a.fingerprint(), a.labels(), a.annotations(), AlertState.RESOLVED, a.startsAt(),
                        Optional.of(now), fromAlertmanager ? "alertmanager" : "prometheus", "", "", now));
            }
        }
        return resolved;
    }

    private void syncSilences() throws IOException {
        Set<String> known = new HashSet<>();
        store.silences().forEach(s -> known.add(s.id()));
        for (AlertmanagerClient.Silence s : alertmanager.get().silences()) {
            if ("expired".equals(s.state()) && known.contains(s.id())) store.silenceExpired(s.id(), s.endsAt());
        }
    }

    /** Creates a silence in Alertmanager and records it as Nightwatch's. */
    public String createSilence(List<AlertmanagerClient.Matcher> matchers, Duration duration, String createdBy, String comment)
            throws IOException {
        AlertmanagerClient am = alertmanager.orElseThrow(() -> new IOException("no Alertmanager in the profile"));
        Instant start = clock.instant();
        String id = am.createSilence(matchers, start, start.plus(duration), createdBy, "[nightwatch] " + comment);
        store.recordSilence(new SilenceRecord(id, matchers.stream().map(m -> new SilenceMatcher(m.name(), m.value(), m.isRegex(), m.isEqual())).toList(),
                comment, createdBy, start, start.plus(duration), true));
        return id;
    }

    public void expireSilence(String id) throws IOException {
        alertmanager.orElseThrow(() -> new IOException("no Alertmanager in the profile")).expireSilence(id);
        store.silenceExpired(id, clock.instant());
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (IOException | RuntimeException e) {
            LOG.debug("alert poll incomplete: {}", e.getMessage());
        }
    }

    private void recordQuietly(List<IncomingAlert> alerts) {
        try {
            recordAndAnnounce(alerts);
        } catch (RuntimeException e) {
            LOG.warn("could not record findings: {}", e.toString());
        }
    }

    /** Stores, then tells listeners; the store call returns only once the alerts are durable. */
    private void recordAndAnnounce(List<IncomingAlert> alerts) {
        if (alerts.isEmpty()) return;
        List<RecordResult> results = store.recordAll(alerts);
        boolean changed = false;
        Set<Long> ids = new LinkedHashSet<>();
        for (RecordResult r : results) {
            if (r.outcome() != RecordResult.Outcome.UNCHANGED) changed = true;
            if ((r.stateChanged() || r.outcome() == RecordResult.Outcome.INSERTED)) ids.add(r.id());
        }
        if (!changed) return;
        // One read for the whole delivery, in the order it came in (a read per alert held every answer back in a storm).
        Map<Long, AlertOccurrence> byId = new HashMap<>();
        for (AlertOccurrence a : store.getAll(List.copyOf(ids))) byId.put(a.id(), a);
        List<AlertOccurrence> newlyFiring = new ArrayList<>();
        List<AlertOccurrence> stateChanged = new ArrayList<>();
        for (Long id : ids) {
            AlertOccurrence a = byId.get(id);
            if (a == null) continue;
            stateChanged.add(a);
            if (a.state() == AlertState.FIRING) newlyFiring.add(a);
        }
        for (Listener l : listeners) {
            try {
                l.historyChanged(newlyFiring);
                if (!stateChanged.isEmpty()) l.statesChanged(stateChanged);
            } catch (RuntimeException e) {
                LOG.warn("an alert listener failed", e);
            }
        }
    }

    private static Set<String> fingerprints(List<IncomingAlert> alerts) {
        Set<String> set = new HashSet<>();
        for (IncomingAlert a : alerts) set.add(a.fingerprint());
        return set;
    }

    private static Optional<ServiceSpec> firstOf(StackProfile profile, ServiceKind kind) {
        return profile.services().stream().filter(s -> s.kind() == kind && !s.health().directHost().isEmpty()).findFirst();
    }

    private static HttpUrl baseUrl(ServiceSpec s) {
        return new HttpUrl.Builder().scheme("http").host(s.health().directHost()).port(s.health().directPort()).build();
    }

    @Override
    public void close() {
        polls.shutdownNow();
        if (receiver != null) receiver.close();
    }
}
