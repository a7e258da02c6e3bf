package io.nightwatch.runbook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A realistic-looking definition for the docs tests: one snapshot step per selected service, then a manifest. */
final class DocsFixtures {

    private DocsFixtures() {}

    static RunbookDefinition backup() {
        List<Parameter> parameters = List.of(
                new Parameter("services", "Services to back up, comma-separated", true, "prometheus,loki"),
                new Parameter("target", "Directory | volume the backup goes to", true, "/srv/backups"),
                new Parameter("retention", "Days to keep old backups", false, ""),
                new Parameter("s3-secret", "Key for the off-site copy", false, "example-key"));
        return new SimpleDefinition("backup", "Back up the stack",
                "Takes consistent snapshots of the stack's data. Use it before upgrades.", parameters, p -> {
            List<Step> steps = new ArrayList<>();
            for (String service : Arrays.asList(p.get("services").split(","))) steps.add(snapshot(service));
            steps.add(manifest());
            return steps;
        });
    }

    private static Step snapshot(String service) {
        return new Step() {
            @Override public String id() { return "snapshot-" + service; }
            @Override public String title() { return "Snapshot " + service; }
            @Override public String explanation() { return "Freezes " + service + "'s data so the copy is consistent.\nWrites stay queued meanwhile."; }
            @Override public String preconditionText() { return "The container `" + service + "` is running and the target has room."; }
            @Override public String verificationText() { return "The snapshot file exists and is not empty."; }
            @Override public String compensation() { return "Deletes the partial snapshot and unfreezes " + service + "."; }

            @Override
            public List<String> preview(RunContext ctx) {
                String day = LocalDate.now(ctx.clock()).toString();
                return List.of("Docker: exec in container " + service + ": `snapshot --all`",
                        "File: write " + ctx.param("target") + "/" + service + "-" + day + ".tar",
                        "Scratch: " + ctx.workDir() + "/" + service);
            }

            @Override public void execute(RunContext ctx) {}
        };
    }

    private static Step manifest() {
        return new Step() {
            @Override public String id() { return "manifest"; }
            @Override public String title() { return "Write the manifest"; }
            @Override public String explanation() { return "Records what was backed up, for the restore runbook."; }
            @Override public List<String> preview(RunContext ctx) { return List.of("File: write " + ctx.param("target") + "/MANIFEST.json"); }
            @Override public void execute(RunContext ctx) {}
        };
    }

    static RunbookDefinition noParameters() {
        return new SimpleDefinition("prune", "Prune old backups", "Removes backups beyond retention.", List.of(),
                p -> List.of(new Step() {
                    @Override public String id() { return "prune"; }
                    @Override public String title() { return "Prune"; }
                    @Override public String explanation() { return "Deletes old files."; }
                    @Override public List<String> preview(RunContext ctx) { return List.of(); }
                    @Override public void execute(RunContext ctx) {}
                }));
    }
}
