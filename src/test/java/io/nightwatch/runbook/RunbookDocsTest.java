package io.nightwatch.runbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated operator docs: complete, deterministic, and checkable against the committed files. */
class RunbookDocsTest {

    @TempDir
    Path dir;

    private final RunbookRegistry registry = new RunbookRegistry(List.of(DocsFixtures.backup(), DocsFixtures.noParameters()));

    /** The whole page, so any change to the format is a visible, reviewed change. */
    private static final String BACKUP_MD = """
            <!-- Generated from the runbook definitions by io.nightwatch.runbook.RunbookDocs. Do not edit: change the definition and regenerate. -->

            # Back up the stack

            Takes consistent snapshots of the stack's data. Use it before upgrades.

            ## How to run it

            From the CLI:

            ```sh
            nightwatch backup --services prometheus,loki --target /srv/backups --s3-secret example-key
            ```

            In the window, the runbook's wizard shows the same steps, checks and previews before it starts.

            Every run keeps a journal in `~/.local/share/nightwatch/runs/` (or `$XDG_DATA_HOME/nightwatch/runs/`). If Nightwatch stops in the middle of a run, the next start offers to resume it or to abort it cleanly (undoing what was done).

            ## Parameters

            | Name | Required | Description | Example |
            |---|---|---|---|
            | `services` | yes | Services to back up, comma-separated | `prometheus,loki` |
            | `target` | yes | Directory \\| volume the backup goes to | `/srv/backups` |
            | `retention` | no | Days to keep old backups |  |
            | `s3-secret` | no | Key for the off-site copy (secret: never written to the journal) | `example-key` |

            ## Steps

            ### 1. Snapshot prometheus

            Freezes prometheus's data so the copy is consistent.
            Writes stay queued meanwhile.

            **Checks before:** The container `prometheus` is running and the target has room.

            **What it does** (with the example parameters):

            - `` Docker: exec in container prometheus: `snapshot --all` ``
            - `File: write /srv/backups/prometheus-2026-01-01.tar`
            - `Scratch: ~/.local/share/nightwatch/runs/<run-id>/prometheus`

            **Verification:** The snapshot file exists and is not empty.

            **If a later step fails:** Deletes the partial snapshot and unfreezes prometheus.

            ### 2. Snapshot loki

            Freezes loki's data so the copy is consistent.
            Writes stay queued meanwhile.

            **Checks before:** The container `loki` is running and the target has room.

            **What it does** (with the example parameters):

            - `` Docker: exec in container loki: `snapshot --all` ``
            - `File: write /srv/backups/loki-2026-01-01.tar`
            - `Scratch: ~/.local/share/nightwatch/runs/<run-id>/loki`

            **Verification:** The snapshot file exists and is not empty.

            **If a later step fails:** Deletes the partial snapshot and unfreezes loki.

            ### 3. Write the manifest

            Records what was backed up, for the restore runbook.

            **Checks before:** none.

            **What it does** (with the example parameters):

            - `File: write /srv/backups/MANIFEST.json`

            **Verification:** none.

            **If a later step fails:** nothing to undo.
            """;

    @Test
    void theMarkdownHasEverySectionWithTheExampleParameters() {
        assertEquals(BACKUP_MD, RunbookDocs.markdown(DocsFixtures.backup()));
    }

    @Test
    void theOutputIsDeterministic() {
        assertEquals(RunbookDocs.markdown(DocsFixtures.backup()), RunbookDocs.markdown(DocsFixtures.backup()));
        String md = RunbookDocs.markdown(DocsFixtures.backup());
        assertTrue(md.contains("prometheus-2026-01-01.tar"), "previews see a fixed clock");
    }

    @Test
    void writeAllWritesOnePagePerRunbookAndAnIndexAndStaleFindsDrift() throws IOException {
        Files.writeString(dir.resolve("handwritten.md"), "# Notes by a person\n");
        Files.writeString(dir.resolve("removed.md"), RunbookDocs.MARKER + "\n\n# A runbook that no longer exists\n");
        assertEquals(List.of("README.md", "backup.md", "prune.md", "removed.md"), RunbookDocs.stale(registry, dir));

        RunbookDocs.writeAll(registry, dir);

        assertEquals(List.of(), RunbookDocs.stale(registry, dir));
        assertEquals(BACKUP_MD, Files.readString(dir.resolve("backup.md")));
        assertFalse(Files.exists(dir.resolve("removed.md")), "generated pages of removed runbooks go");
        assertEquals("# Notes by a person\n", Files.readString(dir.resolve("handwritten.md")), "other files are never touched");
        String index = Files.readString(dir.resolve("README.md"));
        assertTrue(index.startsWith(RunbookDocs.MARKER), index);
        assertTrue(index.contains("| [Back up the stack](backup.md) | `nightwatch backup` | Takes consistent snapshots of the stack's data. |"), index);
        assertTrue(index.contains("| [Prune old backups](prune.md) | `nightwatch prune` | Removes backups beyond retention. |"), index);
        assertTrue(Files.readString(dir.resolve("prune.md")).contains("## Parameters\n\nNone.\n"));

        // Regenerating changes nothing, not even modification times; an edit by hand is reported as drift.
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(dir.resolve("backup.md"), old);
        RunbookDocs.writeAll(registry, dir);
        assertEquals(old, Files.getLastModifiedTime(dir.resolve("backup.md")));
        Files.writeString(dir.resolve("prune.md"), Files.readString(dir.resolve("prune.md")) + "edited\n");
        assertEquals(List.of("prune.md"), RunbookDocs.stale(registry, dir));
    }

    @Test
    void aRequiredParameterWithoutExampleIsRefused() {
        RunbookDefinition def = SimpleDefinition.of("x", List.of(new Parameter("host", "Host", true, "")), p -> List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunbookDocs.markdown(def));
        assertTrue(e.getMessage().contains("host"), e.getMessage());
    }

    @Test
    void codeSpansSurviveBackticks() {
        assertEquals("`plain`", RunbookDocs.code("plain"));
        assertEquals("`` a `b` c ``", RunbookDocs.code("a `b` c"));
    }
}
