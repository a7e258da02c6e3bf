package io.nightwatch.runbook;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The process {@link RunbookCrashTest} kills: runs {@link CrashRunbook}, which blocks in step two. Argument: journal dir. */
public final class RunbookCrashChild {

    private RunbookCrashChild() {}

    public static void main(String[] args) {
        CrashRunbook.blockInStepTwo = true;
        CrashRunbook def = new CrashRunbook();
        Map<String, String> params = Map.of("target", "/srv/backups");
        RunResult r = new RunbookRunner(Path.of(args[0]), Clock.systemUTC()).run(def.build(params), params, null);
        System.out.println("ENDED " + r.outcome()); // only if nobody killed it
    }
}
