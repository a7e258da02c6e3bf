package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.BackupManifest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A restore runbook without Docker: the real one's parameters and step shape, each step a short sleep with output. */
final class FakeRestore implements RunbookDefinition {

    @Override public String id() { return "restore"; }
    @Override public String title() { return "Restore services from a backup set"; }
    @Override public String purpose() {
        return "Put a service's data back from a verified backup set, with a safety copy of what is there now and an "
                + "automatic way back if anything fails.";
    }
    @Override public List<Parameter> parameters() {
        return List.of(new Parameter("set", "The backup set folder", true, "~/backups/x"),
                new Parameter("services", "Services to restore, comma-separated, or all in the set", false, "redis"));
    }

    @Override
    public Runbook build(Map<String, String> params) {
        Path set = Path.of(params.get("set"));
        BackupManifest manifest;
        try {
            manifest = BackupManifest.read(set);
        } catch (IOException e) {
            throw new IllegalArgumentException(set + " is not a complete backup set");
        }
        List<String> wanted = Arrays.stream(params.getOrDefault("services", "all").split(",")).map(String::trim).toList();
        List<Step> steps = new ArrayList<>();
        steps.add(new Quick("check-set", "Check the backup set", "manifest.json, names and sizes of " + set));
        List<BackupManifest.ServiceBackup> chosen = manifest.services().stream()
                .filter(b -> wanted.contains("all") || wanted.contains(b.service())).toList();
        for (BackupManifest.ServiceBackup b : chosen) { // as the real restore: every set staged before any stop
            steps.add(new Quick("stage-" + b.service(), "Stage the set's files beside " + b.service() + "'s data",
                    "docker: PUT /containers/" + b.container() + "/archive?path=" + b.dataPath()));
        }
        for (BackupManifest.ServiceBackup b : chosen) {
            String s = b.service();
            steps.add(new Quick("stop-" + s, "Stop " + s, "docker: POST /containers/" + b.container() + "/stop?t=30"));
            steps.add(new Quick("swap-" + s, "Swap " + s + "'s data for the staged set", "helper: " + b.dataPath() + " ⇄ staged set"));
            steps.add(new Quick("start-" + s, "Start " + s + " and wait until healthy", "docker: POST /containers/" + b.container() + "/start"));
        }
        return new Runbook(id(), title(), purpose(), parameters(), steps);
    }

    private static final class Quick implements Step {
        private final String id;
        private final String title;
        private final String preview;

        Quick(String id, String title, String preview) {
            this.id = id;
            this.title = title;
            this.preview = preview;
        }

        @Override public String id() { return id; }
        @Override public String title() { return title; }
        @Override public String explanation() { return title + "."; }
        @Override public List<String> preview(RunContext ctx) { return List.of(preview); }
        @Override public void execute(RunContext ctx) throws Exception {
            Thread.sleep(60);
            ctx.output(id + ": ok");
        }
        @Override public String compensation() { return id.startsWith("stop-") ? "Start it again." : ""; }
    }
}
