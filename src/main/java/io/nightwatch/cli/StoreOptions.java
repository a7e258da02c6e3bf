package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import io.nightwatch.stack.XdgDirs;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** Which alert-history database a command uses. */
public class StoreOptions {

    private static final Texts T = Texts.of(StoreOptions.class);

    @Option(names = "--db", paramLabel = "FILE")
    Path db;

    public Path resolve(Map<String, String> env) {
        if (db != null) return db;
        // the same file as the window's, so `alerts`, `incident` and `serve` see what it recorded
        XdgDirs.data(env).orElseThrow(() -> new IllegalStateException(T.get("store.noHome")));
        return io.nightwatch.store.AlertStore.defaultLocation(env);
    }
}
