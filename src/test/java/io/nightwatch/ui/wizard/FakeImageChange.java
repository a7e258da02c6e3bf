package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.Step;
import io.nightwatch.ui.wizard.imagechange.ImageChanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An upgrade/rollback runbook without Docker: the real one's parameters ({@code service}, {@code to}, {@code backup},
 * {@code hold}) and step shape, each step a short sleep with output; and the engine's answers about images, from a map.
 */
final class FakeImageChange implements RunbookDefinition, ImageChanges {

    final Map<String, String> running = new ConcurrentHashMap<>(Map.of("prometheus", "prom/prometheus:v2.42.0", "redis", "redis:7.2"));
    final Map<String, List<ImageChoice>> candidates = new ConcurrentHashMap<>(Map.of(
            "prometheus", List.of(new ImageChoice("prom/prometheus:v2.41.0", "ran before the last change (deployment journal)"),
                    new ImageChoice("prom/prometheus:v2.42.1", "on the engine, same repository"))));
    /** What the runbook was built with, in order. */
    final List<Map<String, String>> built = new CopyOnWriteArrayList<>();
    private final String id;

    FakeImageChange(String id) {
        this.id = id;
    }

    @Override public String id() { return id; }
    @Override public String title() { return id.equals("rollback") ? "Roll a service back" : "Upgrade a service"; }
    @Override public String purpose() { return "Move one service to another image, keeping its configuration, behind a health gate."; }
    @Override public List<Parameter> parameters() {
        return List.of(new Parameter("service", "The service", true, "prometheus"),
                new Parameter("to", "The image to go to", true, "prom/prometheus:v2.42.1"),
                new Parameter("backup", "Back up first: yes or no", false, "no"),
                new Parameter("hold", "keep, or a period", false, "keep"));
    }

    @Override
    public Runbook build(Map<String, String> params) {
        built.add(Map.copyOf(params));
        String service = params.get("service");
        List<Step> steps = new ArrayList<>();
        if ("yes".equals(params.get("backup"))) steps.add(new Quick("backup-" + service, "Back up " + service + "'s data"));
        steps.add(new Quick("create-" + service, "Create the new " + service + " container on " + params.get("to")));
        steps.add(new Quick("swap-" + service, "Stop the old container and start the new one"));
        steps.add(new Quick("gate-" + service, "Wait until " + service + " is healthy"));
        return new Runbook(id(), title(), purpose(), parameters(), steps);
    }

    @Override
    public String currentImage(String service) {
        String image = running.get(service);
        if (image == null) throw new IllegalStateException("no container " + service + " on local");
        return image;
    }

    @Override
    public List<ImageChoice> targets(String service) {
        return candidates.getOrDefault(service, List.of());
    }

    @Override
    public List<String> planLines(Map<String, String> params) {
        return List.of("Image: " + running.get(params.get("service")) + " → " + params.get("to"),
                "Configuration: identical (env, mounts, ports, labels, networks, limits, healthcheck, restart, command)");
    }

    private static final class Quick implements Step {
        private final String id;
        private final String title;

        Quick(String id, String title) {
            this.id = id;
            this.title = title;
        }

        @Override public String id() { return id; }
        @Override public String title() { return title; }
        @Override public String explanation() { return title + "."; }
        @Override public List<String> preview(RunContext ctx) { return List.of("docker: " + id); }
        @Override public void execute(RunContext ctx) throws Exception {
            Thread.sleep(40);
            ctx.output(id + ": ok");
        }
        @Override public String compensation() { return ""; }
    }
}
