package io.nightwatch.ui.alerts;

import io.nightwatch.text.Texts;
import io.nightwatch.alerts.AlertNotifier;
import io.nightwatch.alerts.AlertService;
import io.nightwatch.alerts.AlertmanagerClient;
import io.nightwatch.health.HealthState;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.ui.controls.GlyphTable;
import io.nightwatch.ui.controls.ViewHeader;
import io.nightwatch.ui.fx.Background;
import io.nightwatch.ui.fx.FxBridge;
import io.nightwatch.ui.fx.Lane;
import io.nightwatch.ui.fx.LatestAnswer;
import io.nightwatch.ui.controls.TimelineLayout;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The alert view's state as JavaFX properties, and its commands. The filters live here (FX thread); every store call
 * and every Alertmanager call runs on a {@link Lane} of the window's {@link Background} pool (one for the store, one
 * for Alertmanager, so a slow Alertmanager never holds up the table); answers come back as {@link LatestAnswer}s,
 * newest wins, and failures reach the status line.
 *
 * <p>Why one class of about 500 lines: it is where the filters, three background answers (rows, detail,
 * silences), four commands and the header's verdict meet on the FX thread, and they share that state; the questions
 * themselves are {@link AlertHistoryReads}'s, and a third of the length is property accessors. Splitting the rest
 * would pass the same fields back and forth.
 *
 * <p>The {@link AlertService} says when the history changed, on its own threads; that only schedules a re-query, and
 * a burst of changes (a webhook flood) costs one query, not one per change. New critical alerts go through the
 * {@link AlertNotifier} (rate-limited, mutable) and the notices it decides on are collected in {@link #getNotices()},
 * where the window shows them as desktop notifications.
 */
public final class AlertsViewModel implements ViewHeader<HealthState> {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsViewModel.class);
    public static final int ROW_LIMIT = 500;
    static final long CHANGE_DELAY_MILLIS = 150;
    private static final Duration REFRESH = Duration.seconds(30);
    private static final Duration TYPING_PAUSE = Duration.millis(250);
    private static final int NOTICES_KEPT = 50;
    private static final Texts T = Texts.of(AlertsViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** The outcome of the last command, shown under the filter bar. */
    public record Status(String text, boolean problem) {
        static final Status NONE = new Status("", false);
    }

    /** One finished query, handed to the FX thread. */
    record Result(AlertFilters filters, Instant now, List<AlertOccurrence> found, long total, int critical, int acknowledged,
                  int firing, int pending, int suppressed, Set<String> services, String pollProblem, Map<String, List<Long>> groups) {}

    record DetailResult(long id, Optional<AlertDetail> detail) {}

    /** A query's result with the selection the worker knew when it asked (an older query may not clear a newer one). */
    private record Answer(Result result, long selectedWhenAsked) {}

    /** What the timeline strip shows: the bars over their range, replaced as one value. */
    public record TimelineFacts(List<TimelineLayout.Bar> bars, Instant from, Instant to) {
        static final TimelineFacts EMPTY = new TimelineFacts(List.of(), Instant.EPOCH, Instant.EPOCH.plusSeconds(3600));
    }

    record SilencesResult(List<SilenceRow> rows, String note) {}

    private final Optional<AlertService> service;
    private final AlertHistoryReads reads;
    private final AlertNotifier notifier;
    private final Clock clock;
    private final ZoneId zone;
    private final String who;
    private final Lane storeLane = Background.shared().lane("alerts-store", this::showProblem);
    private final Lane alertmanagerLane = Background.shared().lane("alerts-alertmanager", this::showProblem);

    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(this, "range", TimeRange.DAY);
    private final StringProperty severity = new SimpleStringProperty(this, "severity", "");
    private final ObjectProperty<StateFilter> state = new SimpleObjectProperty<>(this, "state", StateFilter.ANY);
    private final StringProperty serviceFilter = new SimpleStringProperty(this, "service", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final LongProperty selectedId = new SimpleLongProperty(this, "selectedId", -1);
    private final BooleanProperty muted = new SimpleBooleanProperty(this, "muted");

    private volatile AlertFilters filters = AlertFilters.DEFAULT;
    private final AtomicLong selectedForWorker = new AtomicLong(-1);
    private final ConcurrentLinkedQueue<AlertNotifier.Notice> pendingNotices = new ConcurrentLinkedQueue<>();

    private final ObservableList<AlertRow> rows = FXCollections.observableArrayList();
    private final ObservableList<AlertRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<AlertRow> tableRows = FXCollections.observableArrayList();
    private final ObservableList<AlertRow> tableRowsView = FXCollections.unmodifiableObservableList(tableRows);
    private final Set<String> expanded = new java.util.HashSet<>();
    private Map<String, List<Long>> groups = Map.of();
    /** The one clock the Duration column and the detail read, so they never disagree. */
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    /** Not Timelines: a playing one keeps the FX pulse at 60 Hz (see FxTicker). */
    private final io.nightwatch.ui.fx.FxTicker ticker = new io.nightwatch.ui.fx.FxTicker(java.time.Duration.ofSeconds(1), () -> now.set(clockNow()));
    private boolean shown = true;
    /** The same, for the view: a hidden timeline is not drawn, only marked for drawing when it is shown. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper shownNow = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "shown", true);
    private boolean ticking;
    private final ObservableList<String> services = FXCollections.observableArrayList();
    private final ObservableList<String> servicesView = FXCollections.unmodifiableObservableList(services);
    private final ObservableList<SilenceRow> silences = FXCollections.observableArrayList();
    private final ObservableList<SilenceRow> silencesView = FXCollections.unmodifiableObservableList(silences);
    private final ObservableList<AlertNotifier.Notice> notices = FXCollections.observableArrayList();
    private final ObservableList<AlertNotifier.Notice> noticesView = FXCollections.unmodifiableObservableList(notices);
    private final ReadOnlyObjectWrapper<AlertDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyObjectWrapper<TimelineFacts> timeline = new ReadOnlyObjectWrapper<>(this, "timeline", TimelineFacts.EMPTY);
    private final ReadOnlyStringWrapper timelineCaption = new ReadOnlyStringWrapper(this, "timelineCaption", "");
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper(this, "resultText", T.get("model.reading"));
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", T.get("model.reading"));
    private final ReadOnlyIntegerWrapper criticalFiring = new ReadOnlyIntegerWrapper(this, "criticalFiring");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", T.get("model.readingHistory"));
    private final ReadOnlyStringWrapper lastUpdate = new ReadOnlyStringWrapper(this, "lastUpdate", T.get("model.notRead"));
    private final ReadOnlyObjectWrapper<HealthState> overallState = new ReadOnlyObjectWrapper<>(this, "overallState", HealthState.UNKNOWN);
    private final ReadOnlyStringWrapper overallText = new ReadOnlyStringWrapper(this, "overallText", T.get("overall.reading"));
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyStringWrapper silencesNote = new ReadOnlyStringWrapper(this, "silencesNote", "");
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.NONE);
    private final ReadOnlyBooleanWrapper canSilence = new ReadOnlyBooleanWrapper(this, "canSilence");
    private final javafx.beans.property.ObjectProperty<io.nightwatch.ui.wizard.launch.RunbookOpener> runbookOpener =
            new javafx.beans.property.SimpleObjectProperty<>(this, "runbookOpener");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");

    private final LatestAnswer<Answer> results = storeLane.latest(this::apply);
    private final LatestAnswer<DetailResult> details = storeLane.latest(this::applyDetail);
    private final LatestAnswer<SilencesResult> silenceResults = alertmanagerLane.latest(this::applySilences);
    // notices are pushed by the service's threads, not asked for: they take the bridge directly
    private final FxBridge<Boolean> noticeTicks = new FxBridge<>(tick -> drainNotices());
    private final io.nightwatch.ui.fx.FxTicker refresher = new io.nightwatch.ui.fx.FxTicker(java.time.Duration.ofMillis((long) REFRESH.toMillis()), this::refresh);
    private final PauseTransition typing = new PauseTransition(TYPING_PAUSE);
    private final AlertService.Listener listener = this::historyChanged;
    private String receiverText = "";
    private boolean receiverProblem;
    private String pollProblem = "";
    private String unavailableReason = "";
    private Instant lastReadAt;

    /**
     * Must be created on the FX thread. Listens to {@code service} at once (so create it before the service starts)
     * and reads the history in the background.
     *
     * @param who who acknowledges and silences from this window ($USER)
     */
    public AlertsViewModel(AlertService service, AlertNotifier notifier, Clock clock, String who) {
        this(Optional.of(service), notifier, clock, who, "");
    }

    private AlertsViewModel(Optional<AlertService> service, AlertNotifier notifier, Clock clock, String who, String unavailable) {
        this.service = service;
        this.notifier = notifier;
        this.clock = clock;
        this.zone = clock.getZone();
        this.reads = service.map(s -> new AlertHistoryReads(s, zone)).orElse(null);
        this.who = who == null || who.isBlank() ? "nightwatch" : who.trim();
        this.unavailableReason = unavailable;
        now.set(clock.instant());
        muted.addListener((o, was, now) -> notifier.setMuted(now));
        range.addListener((o, old, now) -> filtersChanged());
        severity.addListener((o, old, now) -> filtersChanged());
        state.addListener((o, old, now) -> filtersChanged());
        serviceFilter.addListener((o, old, now) -> filtersChanged());
        typing.setOnFinished(e -> filtersChanged());
        text.addListener((o, old, now) -> typing.playFromStart()); // one query when the typing pauses, not one per key
        selectedId.addListener((o, old, id) -> {
            selectedForWorker.set(id.longValue());
            requestDetail();
        });
        if (service.isEmpty()) {
            overallState.set(HealthState.UNKNOWN);
            overallText.set(T.get("overall.noHistory"));
            summary.set(T.get("model.historyUnavailable"));
            lastUpdate.set(unavailable);
            resultText.set("");
            emptyText.set(T.get("model.historyNotOpen", unavailable));
            silencesNote.set(T.get("model.silencesNeedHistory"));
            showBanner();
            return;
        }
        available.set(true);
        canSilence.set(service.get().alertmanager().isPresent());
        results.ask(this::runQuery);
        details.ask(this::loadDetail);
        silenceResults.ask(this::loadSilences);
        service.get().addListener(listener);
        refresher.play();
        ticking = true;
        if (shown) ticker.play();
        refresh();
    }

    /**
     * Whether the window shows the Alerts view: hidden, its clock (relative ages, the timeline's "now") stops; the
     * refresh goes on, since desktop notices and the header's count come from it. Shown again, "now" is set at once.
     */
    public void setShown(boolean isShown) {
        if (isShown == shown) return;
        shown = isShown;
        shownNow.set(isShown);
        if (!ticking) return;
        if (isShown) {
            now.set(clockNow());
            ticker.play();
        } else {
            ticker.stop();
        }
    }

    /** A model without a history (it could not be opened): says why, offers nothing. */
    public static AlertsViewModel unavailable(String reason, Clock clock) {
        return new AlertsViewModel(Optional.empty(), new AlertNotifier(clock), clock, "", reason);
    }

    /** Who acts from this window: {@code $USER}, else the JVM's user name. */
    public static String currentUser(Map<String, String> env) {
        String user = env.get("USER");
        if (user == null || user.isBlank()) user = System.getProperty("user.name", "nightwatch");
        return user;
    }

    // ---- commands (FX thread) -------------------------------------------------------------------------------

    /** Reads the history (and the silences) again now. */
    public void refresh() {
        requestQuery(0);
        requestSilences();
    }

    public void select(long id) {
        if (id >= 0) expandGroupOf(id); // a notice or the timeline may point into a folded group
        selectedId.set(id);
    }

    /** Opens or folds the group of open alerts about {@code cause} (the table's related rows). */
    public void toggleGroup(String cause) {
        if (!expanded.remove(cause)) expanded.add(cause);
        showTableRows();
    }

    public boolean isExpanded(String cause) {
        return expanded.contains(cause);
    }

    private void expandGroupOf(long id) {
        groups.forEach((cause, ids) -> {
            if (ids.indexOf(id) > 0 && expanded.add(cause)) showTableRows();
        });
    }

    /** Says where webhooks go; {@code problem} puts it in the banner. */
    public void showReceiver(String text, boolean problem) {
        receiverText = text == null ? "" : text;
        receiverProblem = problem;
        showBanner();
        showLastUpdate(lastReadAt);
    }

    /** Stores an acknowledgement by {@link #who()} with {@code note}, then reads the history again. */
    public void acknowledge(long id, String note) {
        if (service.isEmpty()) return;
        String alert = describe(id);
        storeLane.run(() -> {
            Status done;
            try {
                service.get().store().acknowledge(id, who, note == null ? "" : note.strip());
                done = new Status(T.get("status.acknowledged", alert, who), false);
            } catch (RuntimeException e) {
                done = new Status(T.get("status.acknowledgeFailed", alert, e.getMessage()), true);
            }
            requestQuery(0);
            return done;
        }, status::set);
    }

    /** Creates the silence in Alertmanager (recorded as Nightwatch's), then lists the silences again. */
    public void createSilence(List<SilenceDraft.Matcher> matchers, java.time.Duration duration, String comment) {
        if (service.isEmpty()) return;
        List<AlertmanagerClient.Matcher> wire = matchers.stream().map(SilenceDraft.Matcher::toAlertmanager).toList();
        String described = SilenceDraft.describe(matchers, duration);
        alertmanagerLane.run(() -> {
            Status done;
            try {
                String id = service.get().createSilence(wire, duration, who, comment.strip());
                done = new Status(T.get("status.silenced", described, shortId(id)), false);
            } catch (IOException | RuntimeException e) {
                done = new Status(T.get("status.silenceFailed", e.getMessage()), true);
            }
            requestSilences();
            return done;
        }, status::set);
    }

    public void expireSilence(String id) {
        if (service.isEmpty()) return;
        alertmanagerLane.run(() -> {
            Status done;
            try {
                service.get().expireSilence(id);
                done = new Status(T.get("status.expired", shortId(id)), false);
            } catch (IOException | RuntimeException e) {
                done = new Status(T.get("status.expireFailed", shortId(id), e.getMessage()), true);
            }
            requestSilences();
            return done;
        }, status::set);
    }

    /** Stops listening, the refresh timer and the workers (waiting a moment for a running query to finish). */
    public void dispose() {
        ticking = false;
        refresher.stop();
        ticker.stop();
        typing.stop();
        service.ifPresent(s -> s.removeListener(listener));
        storeLane.close(java.time.Duration.ofSeconds(1));
        alertmanagerLane.close(java.time.Duration.ofSeconds(1));
    }

    // ---- background -------------------------------------------------------------------------------------------

    /** The service's threads: decide on notices at once, re-query a moment later (coalesced). */
    private void historyChanged(List<AlertOccurrence> newlyFiring) {
        announce(notifier.offer(newlyFiring));
        requestQuery(CHANGE_DELAY_MILLIS);
    }

    /** Any thread: notices are queued, never coalesced away, and drained on the FX thread. */
    private void announce(List<AlertNotifier.Notice> decided) {
        if (decided.isEmpty()) return;
        pendingNotices.addAll(decided);
        noticeTicks.publish(Boolean.TRUE);
    }

    /** A burst of requests while one waits costs one query: the waiting one reads the newest filters. */
    private void requestQuery(long delayMillis) {
        results.refreshAfter(java.time.Duration.ofMillis(delayMillis));
    }

    private void requestDetail() {
        details.refresh();
    }

    private void requestSilences() {
        silenceResults.refresh();
    }

    private Answer runQuery() {
        try {
            long selected = selectedForWorker.get();
            return new Answer(reads.query(filters, clock.instant()), selected);
        } catch (RuntimeException e) {
            LOG.warn("alert history query failed: {}", e.toString());
            throw new IllegalStateException(T.get("model.readFailed", e.getMessage()), e);
        } finally {
            requestDetail(); // the selected alert may have changed too (acknowledged, resolved)
        }
    }

    private DetailResult loadDetail() {
        return reads.detail(selectedForWorker.get(), clock.instant());
    }

    private SilencesResult loadSilences() {
        return reads.silences(clock.instant());
    }

    // ---- FX thread --------------------------------------------------------------------------------------------

    private void filtersChanged() {
        filters = new AlertFilters(range.get(), severity.get(), state.get(), serviceFilter.get(), text.get());
        requestQuery(0);
    }

    private void apply(Answer answer) {
        Result r = answer.result();
        if (shown) now.set(clockNow()); // hidden, the durations wait: showing the view sets the clock at once
        List<AlertRow> next = r.found().stream().map(a -> AlertRow.of(a, r.now(), zone)).toList();
        if (!next.equals(rows)) rows.setAll(next);
        groups = r.groups();
        expanded.retainAll(groups.keySet());
        long selected = selectedId.get();
        if (selected >= 0 && selected == answer.selectedWhenAsked() && next.stream().noneMatch(row -> row.id() == selected)) {
            selectedId.set(-1); // the filter (or the range) took it away: the detail must not go on showing it
            detail.set(null);
        }
        if (selected >= 0) expandGroupOf(selected);
        showTableRows();
        timeline.set(new TimelineFacts(next.stream().map(AlertRow::bar).toList(), r.filters().since(r.now()), r.now()));
        List<String> known = new ArrayList<>(new TreeSet<>(services));
        for (String s : r.services()) if (!known.contains(s)) known.add(s);
        known.sort(String::compareTo);
        if (!known.equals(services)) services.setAll(known);

        boolean filtered = !r.filters().severity().isEmpty() || r.filters().state() != StateFilter.ANY
                || !r.filters().service().isEmpty() || !r.filters().text().isEmpty();
        String range = r.filters().range().words();
        String count = T.get(next.size() == 1 ? "count.one" : "count.many", next.size());
        resultText.set(r.total() > next.size() ? T.get("result.newest", next.size(), r.total()) : count);
        timelineCaption.set(count + " · " + range + (filtered ? " · " + T.get("result.filtered") : ""));
        emptyText.set(T.get(filtered ? "empty.filtered" : "empty.quiet", range));

        criticalFiring.set(r.critical());
        if (r.critical() > 0) {
            overallState.set(HealthState.DOWN);
            overallText.set(T.get("overall.critical", r.critical()));
        } else if (r.firing() > 0) {
            overallState.set(HealthState.DEGRADED);
            overallText.set(T.get("overall.firing", r.firing()));
        } else {
            overallState.set(HealthState.UP);
            overallText.set(T.get("overall.quiet"));
        }
        StringBuilder text = new StringBuilder(T.get("summary.firing", r.firing()));
        if (r.acknowledged() > 0) text.append(" · ").append(T.get("summary.acknowledged", r.acknowledged()));
        if (r.pending() > 0) text.append(" · ").append(T.get("summary.pending", r.pending()));
        if (r.suppressed() > 0) text.append(" · ").append(T.get("summary.suppressed", r.suppressed()));
        summary.set(text.toString());
        pollProblem = r.pollProblem() == null ? "" : r.pollProblem();
        lastReadAt = r.now();
        showLastUpdate(r.now());
        showBanner();
    }

    /**
     * The table's rows: each group of open alerts about one cause as its head (with its count of related ones), its
     * other members beneath it only while expanded; every other alert as it is. A group stands where its newest member
     * would, so new trouble about a cause surfaces its group.
     */
    private void showTableRows() {
        Map<Long, String> causeOf = new java.util.HashMap<>();
        groups.forEach((cause, ids) -> ids.forEach(id -> causeOf.put(id, cause)));
        Map<Long, AlertRow> byId = new java.util.HashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        List<AlertRow> shown = new ArrayList<>(rows.size());
        Set<String> placed = new java.util.HashSet<>();
        for (AlertRow row : rows) {
            String cause = causeOf.get(row.id());
            if (cause == null) {
                shown.add(row);
                continue;
            }
            if (!placed.add(cause)) continue;
            List<Long> ids = groups.get(cause);
            AlertRow head = byId.get(ids.get(0));
            if (head == null) continue;
            shown.add(head.inGroup(cause, ids.size() - 1, false));
            if (!expanded.contains(cause)) continue;
            for (Long member : ids.subList(1, ids.size())) {
                AlertRow m = byId.get(member);
                if (m != null) shown.add(m.inGroup(cause, 0, true));
            }
        }
        if (!sameInTable(shown, tableRows)) tableRows.setAll(shown);
    }

    /** Every refresh moves open alerts' durations; the table's rows (a node per cell) are rebuilt only for other news. */
    private static boolean sameInTable(List<AlertRow> fresh, List<AlertRow> shown) {
        if (fresh.size() != shown.size()) return false;
        for (int i = 0; i < fresh.size(); i++) {
            if (!fresh.get(i).sameInTable(shown.get(i))) return false;
        }
        return true;
    }

    private Instant clockNow() {
        return clock.instant();
    }

    private void showLastUpdate(Instant at) {
        if (service.isEmpty()) return;
        String read = at == null ? T.get("model.notRead") : T.get("model.readAt", TIME.withZone(zone).format(at));
        lastUpdate.set(receiverText.isEmpty() || receiverProblem ? read : read + " · " + receiverText);
        stale.set(!pollProblem.isEmpty());
    }

    private void showBanner() {
        List<String> parts = new ArrayList<>();
        if (!unavailableReason.isEmpty()) parts.add(T.get("model.historyNotOpen", unavailableReason));
        if (receiverProblem && !receiverText.isEmpty()) parts.add(receiverText);
        if (!pollProblem.isEmpty()) parts.add(T.get("model.polling", pollProblem));
        banner.set(String.join("\n", parts));
    }

    private void applyDetail(DetailResult r) {
        if (r.id() != selectedId.get()) return; // the selection moved on while this was read
        detail.set(r.detail().orElse(null));
    }

    private void applySilences(SilencesResult r) {
        if (!r.rows().equals(silences)) silences.setAll(r.rows());
        silencesNote.set(r.note());
    }

    private void drainNotices() {
        List<AlertNotifier.Notice> drained = new ArrayList<>();
        for (AlertNotifier.Notice n; (n = pendingNotices.poll()) != null; ) drained.add(n);
        if (drained.isEmpty()) return;
        notices.addAll(drained);
        if (notices.size() > NOTICES_KEPT) notices.remove(0, notices.size() - NOTICES_KEPT);
    }

    private String describe(long id) {
        return rows.stream().filter(r -> r.id() == id).findFirst()
                .map(r -> r.alertname() + (r.service().isEmpty() ? "" : " (" + r.service() + ")"))
                .orElseGet(() -> detail.get() != null && detail.get().id() == id ? detail.get().alertname() : T.get("model.alertId", id));
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private void showProblem(String text) {
        status.set(new Status(text, true));
    }

    // ---- properties -------------------------------------------------------------------------------------------

    public ObjectProperty<TimeRange> rangeProperty() { return range; }
    /** "" for any severity. */
    public StringProperty severityProperty() { return severity; }
    public ObjectProperty<StateFilter> stateProperty() { return state; }
    /** "" for any service. */
    public StringProperty serviceProperty() { return serviceFilter; }
    public StringProperty textProperty() { return text; }
    /** -1 when nothing is selected. */
    public LongProperty selectedIdProperty() { return selectedId; }
    /** Desktop notifications off. */
    public BooleanProperty mutedProperty() { return muted; }

    /** Every alert the filters found, one row each, newest first. */
    public ObservableList<AlertRow> getRows() { return rowsView; }
    /** What the table shows: {@link #getRows()} with related open alerts folded under their cause's head. */
    public ObservableList<AlertRow> getTableRows() { return tableRowsView; }
    /** Whether the window shows the Alerts view (FX thread). */
    public javafx.beans.property.ReadOnlyBooleanProperty shownProperty() { return shownNow.getReadOnlyProperty(); }
    /** The clock the Duration column and the detail share, ticking each second. */
    public ReadOnlyObjectProperty<Instant> nowProperty() { return now.getReadOnlyProperty(); }
    /** Every service seen in the history, sorted: the service filter's choices. */
    public ObservableList<String> getServices() { return servicesView; }
    public ObservableList<SilenceRow> getSilences() { return silencesView; }
    /** The notices decided on (newest last, the last {@value #NOTICES_KEPT}); the window shows each as it arrives. */
    public ObservableList<AlertNotifier.Notice> getNotices() { return noticesView; }
    /** The selected alert's detail; null when nothing is selected. */
    public ReadOnlyObjectProperty<AlertDetail> detailProperty() { return detail.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TimelineFacts> timelineProperty() { return timeline.getReadOnlyProperty(); }
    public ReadOnlyStringProperty timelineCaptionProperty() { return timelineCaption.getReadOnlyProperty(); }
    /** "37 alerts", "newest 500 of 812 shown". */
    public ReadOnlyStringProperty resultTextProperty() { return resultText.getReadOnlyProperty(); }
    /** What the empty table says. */
    public ReadOnlyStringProperty emptyTextProperty() { return emptyText.getReadOnlyProperty(); }
    /** Firing critical alerts nobody has acknowledged (silenced ones are suppressed): what needs a human. */
    public ReadOnlyIntegerProperty criticalFiringProperty() { return criticalFiring.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastUpdateProperty() { return lastUpdate.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<HealthState> overallStateProperty() { return overallState.getReadOnlyProperty(); }
    /** "2 CRITICAL", "1 FIRING", "ALL QUIET", "NO HISTORY". */
    public ReadOnlyStringProperty overallTextProperty() { return overallText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty staleProperty() { return stale.getReadOnlyProperty(); }
    @Override
    public GlyphTable<HealthState> verdictGlyphs() { return GlyphTable.HEALTH; }
    /** What needs saying above everything ("" for nothing): the receiver is elsewhere, polling fails. */
    public ReadOnlyStringProperty bannerProperty() { return banner.getReadOnlyProperty(); }
    public ReadOnlyStringProperty silencesNoteProperty() { return silencesNote.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }
    /** False without an Alertmanager in the profile. */
    public ReadOnlyBooleanProperty canSilenceProperty() { return canSilence.getReadOnlyProperty(); }

    /** Opens the recovery wizard for an alert's scenario; null while the window offers no runbooks. */
    public javafx.beans.property.ObjectProperty<io.nightwatch.ui.wizard.launch.RunbookOpener> runbookOpenerProperty() { return runbookOpener; }
    public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }
    public String who() { return who; }
    public ZoneId zone() { return zone; }
}
