package io.nightwatch.ui.alerts;

import io.nightwatch.text.Texts;
import io.nightwatch.alerts.AlertCauses;
import io.nightwatch.alerts.AlertService;
import io.nightwatch.alerts.AlertmanagerClient;
import io.nightwatch.alerts.RunbookHints;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertQuery;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.SilenceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The alert view's three questions to the history and to Alertmanager, answered off the FX thread (on the view
 * model's lanes): the rows and counts for the filters, the selected alert's detail, the silences.
 */
final class AlertHistoryReads {

    private static final Logger LOG = LoggerFactory.getLogger(AlertHistoryReads.class);
    private static final Texts T = Texts.of(AlertHistoryReads.class);

    private final AlertService service;
    private final ZoneId zone;
    private final AtomicBoolean servicesGathered = new AtomicBoolean();

    AlertHistoryReads(AlertService service, ZoneId zone) {
        this.service = service;
        this.zone = zone;
    }

    /** The newest rows in the filters' range (open ones from before it too), the totals and the open counts. */
    AlertsViewModel.Result query(AlertFilters f, Instant now) {
        int limit = AlertsViewModel.ROW_LIMIT;
        AlertStore store = service.store();
        Map<Long, AlertOccurrence> found = new LinkedHashMap<>();
        store.search(f.inRange(now, limit)).forEach(a -> found.put(a.id(), a));
        Optional<AlertQuery> before = f.openBefore(now, limit);
        before.ifPresent(q -> store.search(q).forEach(a -> found.putIfAbsent(a.id(), a)));
        List<AlertOccurrence> list = new ArrayList<>(found.values());
        list.sort(Comparator.comparing(AlertOccurrence::startsAt).reversed().thenComparing(AlertOccurrence::id, Comparator.reverseOrder()));
        long total = store.count(f.inRange(now, 1)) + before.map(store::count).orElse(0L);

        List<AlertOccurrence> open = store.search(AlertQuery.builder()
                .states(Set.of(AlertState.PENDING, AlertState.FIRING, AlertState.SUPPRESSED)).limit(AlertQuery.MAX_LIMIT).build());
        Map<AlertState, Integer> openCounts = new EnumMap<>(AlertState.class);
        int critical = 0;
        int acknowledged = 0;
        for (AlertOccurrence a : open) {
            openCounts.merge(a.state(), 1, Integer::sum);
            // what needs a human: firing, critical, nobody on it yet (silenced ones are suppressed, not firing)
            if (a.state() == AlertState.FIRING && "critical".equals(a.severity())) {
                if (a.ack().isPresent()) acknowledged++;
                else critical++;
            }
        }
        Set<String> seen = new TreeSet<>();
        list.forEach(a -> { if (!a.service().isEmpty()) seen.add(a.service()); });
        open.forEach(a -> { if (!a.service().isEmpty()) seen.add(a.service()); });
        if (servicesGathered.compareAndSet(false, true)) {
            // once: every service of the kept history, so the filter offers them before they fire again
            store.search(AlertQuery.builder().limit(5_000).build()).forEach(a -> { if (!a.service().isEmpty()) seen.add(a.service()); });
        }
        return new AlertsViewModel.Result(f, now, List.copyOf(list), total, critical, acknowledged, openCounts.getOrDefault(AlertState.FIRING, 0),
                openCounts.getOrDefault(AlertState.PENDING, 0), openCounts.getOrDefault(AlertState.SUPPRESSED, 0),
                Set.copyOf(seen), service.lastPollProblem(), groups(list));
    }

    /** The shown open alerts about one cause, head first, for each cause with more than one (AlertCauses' rule). */
    static Map<String, List<Long>> groups(List<AlertOccurrence> shown) {
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        for (AlertCauses.Group g : AlertCauses.group(shown.stream().filter(AlertOccurrence::isOpen).toList())) {
            if (!g.related()) continue;
            List<Long> ids = new ArrayList<>();
            ids.add(g.head().id());
            g.members().forEach(m -> { if (m.id() != g.head().id()) ids.add(m.id()); });
            groups.put(g.cause(), List.copyOf(ids));
        }
        return groups;
    }

    /** The alert {@code id}'s detail, or null (nothing to apply) when it cannot be read: logged, the table says enough. */
    AlertsViewModel.DetailResult detail(long id, Instant now) {
        if (id < 0) return new AlertsViewModel.DetailResult(id, Optional.empty());
        try {
            AlertStore store = service.store();
            Optional<AlertDetail> loaded = store.get(id).map(a -> AlertDetail.of(a, store.transitions(id), RunbookHints.hintFor(a), now, zone));
            return new AlertsViewModel.DetailResult(id, loaded);
        } catch (RuntimeException e) {
            LOG.warn("reading alert {} failed: {}", id, e.toString());
            return null;
        }
    }

    /** Alertmanager's silences with the history's, or the history's alone when Alertmanager cannot be asked. */
    AlertsViewModel.SilencesResult silences(Instant now) {
        List<SilenceRecord> history;
        try {
            history = service.store().silences();
        } catch (RuntimeException e) {
            history = List.of();
        }
        if (service.alertmanager().isEmpty()) {
            return new AlertsViewModel.SilencesResult(SilenceRow.fromHistory(history, now, zone),
                    T.get("silences.noAlertmanager"));
        }
        try {
            List<AlertmanagerClient.Silence> fromAlertmanager = service.alertmanager().get().silences();
            return new AlertsViewModel.SilencesResult(SilenceRow.of(fromAlertmanager, history, now, zone),
                    T.get("silences.at", service.alertmanager().get().base()));
        } catch (IOException | RuntimeException e) {
            return new AlertsViewModel.SilencesResult(SilenceRow.fromHistory(history, now, zone),
                    T.get("silences.noAnswer", e.getMessage()));
        }
    }
}
