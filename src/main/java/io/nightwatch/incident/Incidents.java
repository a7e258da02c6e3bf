package io.nightwatch.incident;

import io.nightwatch.text.Texts;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.Incident;
import io.nightwatch.store.IncidentEvent;
import io.nightwatch.store.IncidentStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What operators do with incidents, for the CLI and the window alike: open, note, attach, close, read. Exporting is
 * {@code IncidentExport.write(incidents.report(id), …)}: the export package reads reports, this one does not know it.
 */
public final class Incidents {

    private static final Texts T = Texts.of(Incidents.class);

    private final IncidentStore store;
    private final Path journalDir;
    private final Clock clock;

    public Incidents(AlertStore store, Path journalDir, Clock clock) {
        this.store = store.incidents();
        this.journalDir = journalDir;
        this.clock = clock;
    }

    public IncidentStore store() { return store; }

    /** Opens an incident for {@code scope} (a host, or {@value IncidentRecorder#STACK}), or returns the one open there. */
    public Incident open(String scope, String title, String by) {
        require(title, T.get("require.title"));
        return store.openOrGet(scope == null || scope.isBlank() ? IncidentRecorder.STACK : scope, title.strip(), by, clock.instant());
    }

    public void note(long id, String text, String by) {
        require(text, T.get("require.note"));
        store.add(id, IncidentEvent.of(clock.instant(), IncidentEvent.Kind.NOTE, "", by + ": " + text.strip(), Map.of("by", by)));
    }

    /** Attaches what the dashboard showed (its tiles in words, and a picture when there is one). */
    public void attachSnapshot(long id, String words, Optional<byte[]> png, String by) {
        IncidentEvent e = IncidentEvent.of(clock.instant(), IncidentEvent.Kind.SNAPSHOT, "", "dashboard snapshot by " + by + ": " + words, Map.of("by", by)); // tool text
        store.add(id, png.map(e::withAttachment).orElse(e));
    }

    public Incident close(long id, String by, String summary) {
        return store.close(id, by, summary, clock.instant());
    }

    public List<Incident> list() {
        return store.list();
    }

    public Optional<Incident> get(long id) {
        return store.get(id);
    }

    public IncidentReport report(long id) {
        return IncidentReport.of(store, id, journalDir, clock.instant());
    }

    private static void require(String text, String what) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(T.get("require.empty", what));
    }
}
