package io.nightwatch.ui.incident;

import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;
import io.nightwatch.incident.IncidentReport;
import io.nightwatch.incident.Incidents;
import io.nightwatch.incident.export.IncidentExport;
import io.nightwatch.store.Incident;
import io.nightwatch.ui.fx.Background;
import io.nightwatch.ui.fx.LatestAnswer;
import io.nightwatch.ui.fx.Lane;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The incident panel's model: the incidents, the selected one's facts and timeline (read again every few seconds, as
 * the recorder adds to it), and the commands open, note, attach snapshot, close and export. Build and use on the FX
 * thread; every read and write of the database happens on its {@link Lane} of the window's {@link Background} pool, in
 * the order asked; the latest read wins, and a failure is said on the message line.
 */
public final class IncidentsViewModel {

    /** An incident as its list row says it. */
    public record Row(long id, boolean open, String title, String line) {}

    /** One timeline line, worded. */
    public record Entry(String time, String kind, String service, String text, boolean attachment) {}

    /** The selected incident: its headline, facts in words, and timeline. */
    public record Detail(long id, boolean open, String title, String facts, List<Entry> timeline) {}

    private static final Texts T = Texts.of(IncidentsViewModel.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Incidents incidents;
    private final Clock clock;
    private final String user;
    private final Supplier<Snapshot> snapshot;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Detail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper(this, "openCount");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Lane lane = Background.shared().lane("incidents", message::set);
    private final LatestAnswer<Read> reads = lane.latest(this::apply);
    /** How often the list is read again: another process (the CLI, a second window) may open or close incidents. */
    private static final java.time.Duration REREAD = java.time.Duration.ofSeconds(5);
    private volatile long selected = -1;
    /** The timeline (journals included) is read only while the view is on show; the list, for the switch's count, always. */
    private volatile boolean showing;

    /** What the dashboard shows, for "attach snapshot": its state in words and, if it can be had, a picture. */
    public record Snapshot(String words, Optional<byte[]> png) {}

    private record Read(List<Row> rows, Optional<Detail> detail) {}

    public IncidentsViewModel(Incidents incidents, Clock clock, String user, Supplier<Snapshot> snapshot) {
        this.incidents = incidents;
        this.clock = clock;
        this.user = user;
        this.snapshot = snapshot;
        refresh();
        reads.refreshEvery(REREAD); // in the background; the FX thread only hears of a list that changed
    }

    public ObservableList<Row> rows() { return rows; }
    public ReadOnlyObjectProperty<Detail> detailProperty() { return detail.getReadOnlyProperty(); }
    /** Open incidents: counted on the view switch. */
    public ReadOnlyIntegerProperty openCountProperty() { return openCount.getReadOnlyProperty(); }
    /** The last command's outcome in words ("note added", "written to …", or why not). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public void select(long id) {
        selected = id;
        refresh(); // hidden, only the list is read: the detail waits until the view is shown
    }

    public void refresh() {
        long id = showing ? selected : -1;
        reads.ask(() -> read(id));
    }

    /** The view went on or off screen: on show the selected incident is read at once. */
    public void setShowing(boolean showing) {
        this.showing = showing;
        if (showing) refresh();
    }

    public void open(String title) {
        lane.run(() -> {
            Incident i = incidents.open("", title, user);
            selected = i.id();
            reads.ask(() -> read(i.id()));
            return T.get("done.opened", i.id());
        }, message::set);
    }

    public void addNote(String text) {
        long id = selected;
        lane.run(() -> {
            incidents.note(id, text, user);
            reads.ask(() -> read(id));
            return T.get("done.note");
        }, message::set);
    }

    /** Call on the FX thread: the snapshot is taken now, stored in the background. */
    public void attachSnapshot() {
        long id = selected;
        Snapshot s = snapshot.get();
        lane.run(() -> {
            incidents.attachSnapshot(id, s.words(), s.png(), user);
            reads.ask(() -> read(id));
            return T.get("done.snapshot");
        }, message::set);
    }

    public void close(String summary) {
        long id = selected;
        lane.run(() -> {
            Incident i = incidents.close(id, user, summary);
            reads.ask(() -> read(id));
            return T.get("done.closed", id, IncidentReport.human(java.time.Duration.between(i.openedAt(), i.closedAt().orElseThrow())));
        }, message::set);
    }

    public void export(IncidentExport.Format format, Path file) {
        long id = selected;
        lane.run(() -> {
            IncidentExport.write(incidents.report(id), format, file);
            return T.get("done.exported", file);
        }, message::set);
    }

    /** The package's word for an enum constant ({@code kind.NOTE}); the constant itself if the bundle lacks it. */
    static String word(String prefix, String name) {
        String key = prefix + name;
        return T.has(key) ? T.get(key) : name;
    }

    public void dispose() {
        lane.close();
    }

    private Read read(long id) {
        List<Row> list = incidents.list().stream().map(i -> new Row(i.id(), i.open(), i.title(),
                "#" + i.id() + " · " + T.get(i.open() ? "row.open" : "row.closed") + " · "
                        + DateTimeFormatter.ofPattern(T.get("format.when"), Language.current().locale()).format(i.openedAt().atZone(ZoneId.systemDefault()))
                        + " · " + i.scope())).toList();
        Optional<Detail> d = Optional.empty();
        if (id >= 0 && incidents.get(id).isPresent()) {
            IncidentReport r = incidents.report(id);
            IncidentReport.Facts f = r.facts();
            String facts = T.get(r.incident().open() ? "facts.openFor" : "facts.lasted", IncidentReport.human(f.duration()))
                    + " · " + T.get("facts.detected", IncidentReport.human(f.timeToDetect()))
                    + " · " + f.timeToRecover().map(t -> T.get("facts.recovered", IncidentReport.human(t))).orElse(T.get("facts.notRecovered"))
                    + " · " + T.get("facts.affected", f.servicesAffected().isEmpty() ? T.get("facts.noneRecorded") : String.join(", ", f.servicesAffected()))
                    + (f.runbooksUsed().isEmpty() ? "" : " · " + T.get("facts.runbooks", f.runbooksUsed().size()));
            // redacted as the exports are: a screen gets shared, photographed, attached to a ticket
            io.nightwatch.incident.Redactor redactor = new io.nightwatch.incident.Redactor();
            List<Entry> entries = r.timeline().stream().map(l -> new Entry(CLOCK.format(l.at().atZone(ZoneId.systemDefault())),
                    word("kind.", l.kind()), l.service(), redactor.text(l.text()), l.attachment().isPresent())).toList();
            d = Optional.of(new Detail(id, r.incident().open(), redactor.text(r.incident().title()), facts, entries));
        }
        return new Read(list, d);
    }

    private void apply(Read r) {
        if (!r.rows().equals(rows)) rows.setAll(r.rows());
        openCount.set((int) r.rows().stream().filter(Row::open).count());
        if (r.detail().isPresent() || selected < 0) detail.set(r.detail().orElse(null)); // a list-only read keeps the detail
        if (selected < 0 && !r.rows().isEmpty()) select(r.rows().get(0).id()); // the newest, at first
    }
}
