package io.nightwatch.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.nightwatch.store.AlertState.FIRING;
import static io.nightwatch.store.AlertState.RESOLVED;
import static io.nightwatch.store.Alerts.alert;
import static io.nightwatch.store.Alerts.at;
import static io.nightwatch.store.Alerts.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening, reopening, migrating and refusing files that are not (or not yet) ours. */
class AlertStoreLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void everythingSurvivesCloseAndReopen() {
        Path file = dir.resolve("nested/deeper/alerts.db");
        long id;
        AlertOccurrence before;
        try (AlertStore store = AlertStore.open(file)) {
            id = store.record(alert(labels("alertname", "A", "job", "node")).webhook(FIRING).startsAt(at(0))
                    .receivedAt(at(1)).annotations("summary", "disk full").build()).id();
            store.record(alert(labels("alertname", "A", "job", "node")).webhook(RESOLVED).startsAt(at(0))
                    .endsAt(at(100)).receivedAt(at(101)).build());
            store.acknowledge(id, "ops", "on it");
            store.recordSilence(new SilenceRecord("s-1", List.of(new SilenceMatcher("job", "node", false, true)),
                    "maintenance", "ops", at(0), at(3600), true));
            before = store.get(id).orElseThrow();
        }
        try (AlertStore store = AlertStore.open(file)) {
            assertEquals(before, store.get(id).orElseThrow());
            assertEquals(1, store.transitions(id).size());
            assertEquals(1, store.silences().size());
            assertEquals(List.of(id), store.search(AlertQuery.builder().text("disk").build()).stream()
                    .map(AlertOccurrence::id).toList());
            assertEquals(Migrations.latest(Migrations.STEPS), store.schemaVersion());
        }
    }

    @Test
    void theFileAndItsDirectoryAreTheUsersOnly() throws Exception {
        Path file = dir.resolve("new/alerts.db");
        AlertStore.open(file).close();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void migrationsRunOnceAndAreRecorded() throws Exception {
        Path file = dir.resolve("alerts.db");
        AlertStore.open(file).close();
        AlertStore.open(file).close();
        try (Connection c = jdbc(file)) {
            assertEquals(0, Migrations.apply(c, file, Migrations.STEPS)); // nothing left to do
            assertEquals(known(), versions(c));
            assertEquals("wal", scalar(c, "PRAGMA journal_mode"));
        }
    }

    @Test
    void aLaterStepIsAppliedOnceOnTopOfTheExistingSchema() throws Exception {
        Path file = dir.resolve("alerts.db");
        try (AlertStore store = AlertStore.open(file)) {
            store.record(alert(labels("alertname", "A")).build());
        }
        List<Migrations.Step> next = new ArrayList<>(Migrations.STEPS);
        int example = Migrations.latest(Migrations.STEPS) + 1;
        next.add(Migrations.Step.sql(example, "postmortem links (example)",
                "CREATE TABLE postmortem (id INTEGER PRIMARY KEY, title TEXT NOT NULL)",
                "CREATE TABLE postmortem_alert (postmortem_id INTEGER NOT NULL REFERENCES postmortem (id), "
                        + "alert_id INTEGER NOT NULL REFERENCES alert (id))"));
        try (Connection c = jdbc(file)) {
            assertEquals(1, Migrations.apply(c, file, next));
            assertEquals(0, Migrations.apply(c, file, next));
            List<Integer> expected = new ArrayList<>(known());
            expected.add(example);
            assertEquals(expected, versions(c));
            assertEquals("1", scalar(c, "SELECT count(*) FROM alert"));
        }
    }

    @Test
    void aFailingStepLeavesThePreviousVersion() throws Exception {
        Path file = dir.resolve("alerts.db");
        AlertStore.open(file).close();
        List<Migrations.Step> broken = new ArrayList<>(Migrations.STEPS);
        broken.add(Migrations.Step.sql(Migrations.latest(Migrations.STEPS) + 1, "broken", "CREATE TABLE half_done (x)", "THIS IS NOT SQL"));
        try (Connection c = jdbc(file)) {
            assertThrows(SQLException.class, () -> Migrations.apply(c, file, broken));
            assertEquals(known(), versions(c));
            assertEquals("0", scalar(c, "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"));
        }
    }

    @Test
    void aDatabaseFromANewerNightwatchIsRefusedClearly() throws Exception {
        Path file = dir.resolve("alerts.db");
        AlertStore.open(file).close();
        try (Connection c = jdbc(file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version VALUES (7, 'from the future', 0)");
        }
        StoreException e = assertThrows(StoreException.class, () -> AlertStore.open(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("version 7") && e.getMessage().contains("newer Nightwatch"), e.getMessage());
    }

    @Test
    void aTextFileIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("notes.txt");
        String text = "these are my notes, not a database\n".repeat(100);
        Files.writeString(file, text);
        StoreException e = assertThrows(StoreException.class, () -> AlertStore.open(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not an SQLite database"), e.getMessage());
        assertEquals(text, Files.readString(file)); // untouched
    }

    @Test
    void aDamagedDatabaseIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("alerts.db");
        try (AlertStore store = AlertStore.open(file)) {
            for (int i = 0; i < 200; i++) store.record(alert(labels("alertname", "A" + i)).build());
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 100; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
        Files.write(file, bytes);
        StoreException e = assertThrows(StoreException.class, () -> {
            try (AlertStore store = AlertStore.open(file)) {
                store.count(AlertQuery.all());
            }
        });
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void anotherProgramsDatabaseIsRefused() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = jdbc(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
        }
        StoreException e = assertThrows(StoreException.class, () -> AlertStore.open(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("another program"), e.getMessage());
        try (Connection c = jdbc(file)) {
            assertEquals("0", scalar(c, "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'"));
        }
    }

    @Test
    void aDirectoryIsRefused() {
        StoreException e = assertThrows(StoreException.class, () -> AlertStore.open(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void aClosedStoreSaysSo() {
        AlertStore store = AlertStore.open(dir.resolve("alerts.db"));
        store.close();
        store.close(); // idempotent
        assertThrows(StoreException.class, () -> store.record(alert(labels("alertname", "A")).build()));
        assertThrows(StoreException.class, () -> store.count(AlertQuery.all()));
    }

    @Test
    void defaultLocationFollowsXdg() {
        assertEquals(Path.of("/data/nightwatch/alerts.db"),
                AlertStore.defaultLocation(Map.of("XDG_DATA_HOME", "/data", "HOME", "/home/op")));
        assertEquals(Path.of("/home/op/.local/share/nightwatch/alerts.db"),
                AlertStore.defaultLocation(Map.of("HOME", "/home/op")));
        assertEquals(Path.of("/home/op/.local/share/nightwatch/alerts.db"),
                AlertStore.defaultLocation(Map.of("XDG_DATA_HOME", "relative/ignored", "HOME", "/home/op")));
        assertEquals(Path.of("/home/op/.local/share/nightwatch/alerts.db"),
                AlertStore.defaultLocation(Map.of("XDG_DATA_HOME", "", "HOME", "/home/op")));
        assertEquals(Path.of(System.getProperty("user.home"), ".local/share/nightwatch/alerts.db"),
                AlertStore.defaultLocation(Map.of()));
    }

    @Test
    void theFullTextIndexFollowsUpdatesAndDeletes() throws Exception {
        Path file = dir.resolve("alerts.db");
        try (AlertStore store = AlertStore.open(file)) {
            for (int i = 0; i < 50; i++) {
                long id = store.record(alert(labels("alertname", "A" + i)).annotations("summary", "old" + i).build()).id();
                store.record(alert(labels("alertname", "A" + i)).annotations("summary", "new" + i).receivedAt(at(5)).build());
                if (i % 2 == 0) store.record(alert(labels("alertname", "A" + i)).state(RESOLVED).endsAt(at(9))
                        .receivedAt(at(10)).build());
                assertEquals(List.of(id), store.search(AlertQuery.builder().text("new" + i).build()).stream()
                        .map(AlertOccurrence::id).toList());
            }
            assertEquals(25, store.applyRetention(java.time.Duration.ZERO));
            for (int i = 0; i < 50; i++) {
                assertEquals(0, store.count(AlertQuery.builder().text("old" + i).build()));
                assertEquals(i % 2 == 0 ? 0 : 1, store.count(AlertQuery.builder().text("new" + i).build()));
                assertEquals(i % 2 == 0 ? 0 : 1, store.count(AlertQuery.builder().text("A" + i).build()));
            }
        }
        try (Connection c = jdbc(file); Statement s = c.createStatement()) {
            // FTS5's own structure check (rank 0: its content comparison cannot read the json_each view).
            s.execute("INSERT INTO alert_fts (alert_fts, rank) VALUES ('integrity-check', 0)");
            assertEquals("ok", scalar(c, "PRAGMA integrity_check"));
            assertEquals(Set.of("25"), Set.of(scalar(c, "SELECT count(*) FROM alert_fts WHERE alert_fts MATCH 'A*'")));
        }
    }

    private static Connection jdbc(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static List<Integer> versions(Connection c) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY 1")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Every version this code knows, in order: tests stay true when a step is appended. */
    private static List<Integer> known() {
        return Migrations.STEPS.stream().map(Migrations.Step::version).toList();
    }
}
