package io.nightwatch.runbook.recovery;

import io.nightwatch.store.CrashLines;

import java.nio.file.Path;
import java.util.List;

/** Where a diagnosis finds the last lines kept of a service's earlier deaths (see {@link CrashLineRecorder}). */
@FunctionalInterface
public interface CrashHistory {

    /** Newest first. */
    List<CrashLines.Crash> recent(String host, String service, int limit);

    CrashHistory NONE = (host, service, limit) -> List.of();

    /** An open alert history (the window, {@code serve}). */
    static CrashHistory of(CrashLines lines) {
        return lines::recent;
    }

    /** A history file read only when asked (the CLI, while {@code serve} records into it). */
    static CrashHistory inFile(Path db) {
        return (host, service, limit) -> CrashLines.recentIn(db, host, service, limit);
    }
}
