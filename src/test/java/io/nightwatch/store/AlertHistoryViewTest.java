package io.nightwatch.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.*;

/** Opening the history for reading only: nothing is migrated or created, an old schema is named. */
class AlertHistoryViewTest {

    @Test
    void anOlderSchemaIsNamedNotMigrated(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("old.db");
        try (Connection c = Sqlite.writer(db)) {
            Migrations.apply(c, db, Migrations.STEPS.subList(0, 1));
        }
        StoreException e = assertThrows(StoreException.class, () -> AlertHistoryView.open(db));
        assertEquals(db + " has alert-history schema version 1; this Nightwatch reads version " + Migrations.latest(Migrations.STEPS) + ". Open it once where it is "
                + "writable (nightwatch serve or the window) to upgrade it", e.getMessage());
        try (Connection c = Sqlite.reader(db)) {
            assertEquals(1, Migrations.current(c), "reading did not migrate");
        }
    }

    @Test
    void aMissingFileOrAnotherDatabaseIsNamed(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.db");
        assertEquals("no alert history at " + missing, assertThrows(StoreException.class, () -> AlertHistoryView.open(missing)).getMessage());
        assertFalse(Files.exists(missing), "nothing was created");
        Path foreign = dir.resolve("other.db");
        try (Connection c = Sqlite.writer(foreign); var s = c.createStatement()) {
            s.execute("CREATE TABLE notes (x TEXT)");
        }
        assertTrue(assertThrows(StoreException.class, () -> AlertHistoryView.open(foreign)).getMessage()
                .contains("is not a Nightwatch alert history"));
    }
}
