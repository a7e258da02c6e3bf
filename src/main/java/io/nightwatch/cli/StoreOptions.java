package io.nightwatch.cli;

import io.nightwatch.stack.XdgDirs;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** Which alert-history database a command uses. */
public class StoreOptions {

    @Option(names = "--db", paramLabel = "FILE",
            description = "Alert history and incidents database. Default: $XDG_DATA_HOME/nightwatch/alerts.db (~/.local/share/nightwatch), the window's.")
    Path db;

    public Path resolve(Map<String, String> env) {
        if (db != null) return db;
        // the same file as the window's, so `alerts`, `incident` and `serve` see what it recorded
        XdgDirs.data(env).orElseThrow(() -> new IllegalStateException("no HOME and no XDG_DATA_HOME: pass --db FILE"));
        return io.nightwatch.store.AlertStore.defaultLocation(env);
    }
}
