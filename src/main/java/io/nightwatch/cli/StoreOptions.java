package io.nightwatch.cli;

import io.nightwatch.stack.XdgDirs;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** Which alert-history database a command uses. */
public class StoreOptions {

    @Option(names = "--db", paramLabel = "FILE",
            description = "Alert history database. Default: $XDG_DATA_HOME/nightwatch/nightwatch.db (~/.local/share/nightwatch).")
    Path db;

    public Path resolve(Map<String, String> env) {
        if (db != null) return db;
        return XdgDirs.data(env).orElseThrow(() -> new IllegalStateException("no HOME and no XDG_DATA_HOME: pass --db FILE"))
                .resolve("nightwatch.db");
    }
}
