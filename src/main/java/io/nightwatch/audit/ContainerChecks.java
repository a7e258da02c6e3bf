package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Category;
import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.docker.ContainerSetup;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineUnreachableException;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.ExecUnavailableException;
import io.nightwatch.docker.MemoryUsage;
import io.nightwatch.runbook.Secrets;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.nightwatch.audit.Words.plain;
import static io.nightwatch.audit.Words.say;

/** Resources, health, restart, image pinning, shutdown, logging and secrets of one container, from the engine. */
final class ContainerChecks {

    /** Passwords nobody should run in production (Grafana's default first). */
    private static final Set<String> WEAK_PASSWORDS = Set.of("admin", "password", "grafana", "changeme", "change-me", "secret",
            "123456", "12345678", "admin123", "passw0rd", "test", "prom-operator");
    private static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/\\s:@]*:[^/\\s@]+@");
    private static final String GRAFANA_PASSWORD = "GF_SECURITY_ADMIN_PASSWORD";

    private final DockerGateway engine;
    private final Duration timeout;

    ContainerChecks(DockerGateway engine, Duration timeout) {
        this.engine = engine;
        this.timeout = timeout;
    }

    List<AuditItem> check(ServiceSpec service, ContainerSetup c) {
        String s = service.id();
        ServiceNeeds needs = ServiceNeeds.of(service.kind());
        String compose = c.composeService().orElse(service.name());
        List<AuditItem> items = new ArrayList<>();
        items.add(memoryLimit(s, c, needs, compose));
        items.add(c.nanoCpus() > 0
                ? AuditItem.ok("cpu-limit", Category.RESOURCES, s, Risk.MEDIUM, say("container.cpu", c.name(), Units.cpus(c.nanoCpus())))
                : AuditItem.of("cpu-limit", Category.RESOURCES, s, Status.MISSING, Risk.MEDIUM, say("container.cpu.none", c.name()),
                        plain(compose + ":\n  deploy:\n    resources:\n      limits:\n        cpus: '" + needs.cpus() + "'"))); // tool text
        items.add(c.memoryReservationBytes() > 0
                ? AuditItem.ok("memory-reservation", Category.RESOURCES, s, Risk.LOW, say("container.reservation", Units.bytes(c.memoryReservationBytes())))
                : AuditItem.of("memory-reservation", Category.RESOURCES, s, Status.MISSING, Risk.LOW, say("container.reservation.none", c.name()),
                        plain(compose + ":\n  deploy:\n    resources:\n      reservations:\n        memory: " + Units.composeMemory(needs.memoryBytes() / 2)))); // tool text
        items.add(c.oomKilled()
                ? AuditItem.of("oom-killed", Category.RESOURCES, s, Status.RISK, Risk.HIGH, say("container.oom", c.name()), say("container.oom.fix", s))
                : AuditItem.ok("oom-killed", Category.RESOURCES, s, Risk.HIGH, say("container.oom.ok", c.name())));
        items.add(healthcheck(s, service, c, needs, compose));
        items.add(restartPolicy(s, c, compose));
        items.add(restartCount(s, c));
        items.add(imagePin(s, c, compose));
        items.add(stopGrace(s, c, needs, compose));
        items.add(logRotation(s, service, c, compose));
        items.add(envSecrets(s, c));
        if (service.kind() == ServiceKind.GRAFANA) items.add(grafanaPassword(s, c, compose));
        return items;
    }

    private AuditItem memoryLimit(String s, ContainerSetup c, ServiceNeeds needs, String compose) {
        String fix = compose + ":\n  deploy:\n    resources:\n      limits:\n        memory: " + Units.composeMemory(needs.memoryBytes()); // tool text
        if (c.memoryLimitBytes() <= 0) {
            return AuditItem.of("memory-limit", Category.RESOURCES, s, Status.MISSING, needs.limitRisk(), say("container.memory.none", c.name()), plain(fix));
        }
        Optional<MemoryUsage> use = c.running() ? engine.memoryUsage(c.name()) : Optional.empty();
        Words evidence = say("container.memory", c.name(), Units.bytes(c.memoryLimitBytes()), use.map(u -> say("container.memory.use",
                Units.bytes(u.usedBytes()), Math.round(100.0 * u.usedBytes() / c.memoryLimitBytes()))).orElse(Words.NONE));
        if (use.isPresent() && use.get().usedBytes() > 0.9 * c.memoryLimitBytes()) {
            return AuditItem.of("memory-limit", Category.RESOURCES, s, Status.RISK, needs.limitRisk(),
                    say("container.memory.over", evidence), say("container.memory.raise", fix.replace("\n", " ")));
        }
        return AuditItem.ok("memory-limit", Category.RESOURCES, s, needs.limitRisk(), evidence);
    }

    private AuditItem healthcheck(String s, ServiceSpec service, ContainerSetup c, ServiceNeeds needs, String compose) {
        Words fix = plain(compose + ":\n  healthcheck:\n    test: " + yamlList(needs.healthTest())
                + "\n    interval: 30s\n    timeout: 10s\n    retries: 3"); // tool text
        if (!c.hasHealthcheck()) {
            return AuditItem.of("healthcheck", Category.HEALTH, s, Status.MISSING, Risk.HIGH, say("container.health.none", c.name()), fix);
        }
        String test = String.join(" ", c.healthTest().subList(1, c.healthTest().size()));
        boolean viaShell = "CMD-SHELL".equals(c.healthTest().get(0));
        String binary = viaShell ? test.strip().split("\\s+")[0] : c.healthTest().size() > 1 ? c.healthTest().get(1) : "";
        Words evidence = say("container.health", c.name(), c.healthTest().get(0), test);
        if (!c.running()) {
            return AuditItem.of("healthcheck", Category.HEALTH, s, Status.UNKNOWN, Risk.HIGH, say("container.health.notRunning", evidence, binary), fix);
        }
        try {
            // The name travels as a positional argument: never spliced into the shell text.
            ExecResult r = engine.exec(c.name(), List.of("sh", "-c", "command -v \"$1\"", "sh", binary), timeout);
            if (r.timedOut()) {
                return AuditItem.of("healthcheck", Category.HEALTH, s, Status.UNKNOWN, Risk.HIGH,
                        say("container.health.timeout", evidence, binary, Units.duration(timeout)), fix);
            }
            if (!r.succeeded()) {
                return AuditItem.of("healthcheck", Category.HEALTH, s, Status.RISK, Risk.HIGH,
                        say("container.health.notInImage", evidence, binary), say("container.health.useCommand", fix));
            }
        } catch (ExecUnavailableException noShell) {
            if (viaShell) {
                return AuditItem.of("healthcheck", Category.HEALTH, s, Status.RISK, Risk.HIGH,
                        say("container.health.noSh", evidence), say("container.health.useExec"));
            }
            // Without a shell nothing can be looked up; the engine's own verdict still shows whether the check runs.
            var health = engine.inspect(c.name()).map(f -> f.health()).orElse(io.nightwatch.docker.HealthcheckStatus.NONE);
            if (health == io.nightwatch.docker.HealthcheckStatus.HEALTHY) {
                return AuditItem.ok("healthcheck", Category.HEALTH, s, Risk.HIGH, say("container.health.noShellPassing", evidence, binary));
            }
            return AuditItem.of("healthcheck", Category.HEALTH, s, health == io.nightwatch.docker.HealthcheckStatus.UNHEALTHY ? Status.RISK : Status.UNKNOWN,
                    Risk.HIGH, say("container.health.noShell", evidence, binary, health.name()), Words.NONE);
        }
        var facts = engine.inspect(c.name());
        if (facts.isPresent() && facts.get().health() == io.nightwatch.docker.HealthcheckStatus.UNHEALTHY) {
            return AuditItem.of("healthcheck", Category.HEALTH, s, Status.RISK, Risk.HIGH,
                    say("container.health.unhealthy", evidence, facts.get().lastHealthOutput()), say("container.health.unhealthy.fix"));
        }
        return AuditItem.ok("healthcheck", Category.HEALTH, s, Risk.HIGH, say("container.health.ok", evidence, binary));
    }

    private AuditItem restartPolicy(String s, ContainerSetup c, String compose) {
        String policy = c.restartPolicy();
        Words evidence = say("container.restart", c.name(), policy, policy.equals("on-failure") ? plain(" (max " + c.restartMaxRetries() + ")") : Words.NONE);
        if (policy.equals("no")) {
            return AuditItem.of("restart-policy", Category.HEALTH, s, Status.MISSING, Risk.HIGH,
                    say("container.restart.no", evidence), plain(compose + ":\n  restart: unless-stopped")); // tool text
        }
        return AuditItem.ok("restart-policy", Category.HEALTH, s, Risk.HIGH, evidence);
    }

    private AuditItem restartCount(String s, ContainerSetup c) {
        Words evidence = say("container.restarts", c.name(), c.restartCount());
        if (c.restartCount() >= 5) {
            return AuditItem.of("restart-count", Category.HEALTH, s, Status.RISK, Risk.HIGH, say("container.restarts.loop", evidence),
                    say("container.restarts.loop.fix", c.name()));
        }
        if (c.restartCount() > 0) {
            return AuditItem.of("restart-count", Category.HEALTH, s, Status.RISK, Risk.LOW, say("container.restarts.before", evidence),
                    say("container.restarts.before.fix", c.name()));
        }
        return AuditItem.ok("restart-count", Category.HEALTH, s, Risk.MEDIUM, evidence);
    }

    private AuditItem imagePin(String s, ContainerSetup c, String compose) {
        String image = c.image();
        Words evidence = say("container.image", c.name(), image);
        if (image.contains("@sha256:")) return AuditItem.ok("image-pinned", Category.UPDATES, s, Risk.HIGH, say("container.image.digest", evidence));
        String withoutDigest = image;
        int colon = withoutDigest.lastIndexOf(':');
        String tag = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon + 1) : "";
        if (tag.isEmpty() || tag.equals("latest")) {
            String digest = c.repoDigests().isEmpty() ? "<repository>@sha256:<digest>" : c.repoDigests().get(0);
            return AuditItem.of("image-pinned", Category.UPDATES, s, Status.RISK, Risk.HIGH, say("container.image.latest", evidence),
                    say("container.image.fix", compose, digest, s.substring(s.indexOf('/') + 1)))
                    .withRunbook("upgrade");
        }
        return AuditItem.ok("image-pinned", Category.UPDATES, s, Risk.HIGH, say("container.image.tag", evidence, tag,
                c.repoDigests().isEmpty() ? say("container.image.noDigest") : say("container.image.knownDigest", c.repoDigests().get(0))));
    }

    private AuditItem stopGrace(String s, ContainerSetup c, ServiceNeeds needs, String compose) {
        Duration grace = c.effectiveStopTimeout();
        Words evidence = say("container.stop", c.name(), c.stopTimeout().isPresent() ? plain(Units.duration(grace)) : say("container.stop.unset"),
                c.stopSignal().<Words>map(Words::plain).orElse(say("container.stop.defaultSignal")), Units.duration(needs.stopGrace()));
        Words fix = plain(compose + ":\n  stop_grace_period: " + needs.stopGrace().toSeconds() + "s"); // tool text
        String signal = c.stopSignal().orElse("SIGTERM").toUpperCase(Locale.ROOT);
        if (signal.equals("SIGKILL") || signal.equals("9") || signal.equals("KILL")) {
            return AuditItem.of("stop-grace", Category.SHUTDOWN, s, Status.RISK, needs.stopRisk(), say("container.stop.killed", evidence),
                    plain(compose + ":\n  stop_signal: SIGTERM\n  stop_grace_period: " + needs.stopGrace().toSeconds() + "s")); // tool text
        }
        if (grace.compareTo(needs.stopGrace()) < 0) {
            return AuditItem.of("stop-grace", Category.SHUTDOWN, s, c.stopTimeout().isPresent() ? Status.RISK : Status.MISSING, needs.stopRisk(),
                    say("container.stop.short", evidence), fix);
        }
        return AuditItem.ok("stop-grace", Category.SHUTDOWN, s, needs.stopRisk(), evidence);
    }

    private AuditItem logRotation(String s, ServiceSpec service, ContainerSetup c, String compose) {
        String driver = c.logDriver().isEmpty() ? "json-file" : c.logDriver();
        Words evidence = say("container.log", c.name(), driver, c.logOptions().isEmpty() ? say("container.log.noOptions") : plain(", " + c.logOptions()));
        Words fix = plain(compose + ":\n  logging:\n    driver: json-file\n    options:\n      max-size: 10m\n      max-file: \"5\""); // tool text
        Words collectorNote = service.kind() == ServiceKind.OTEL_COLLECTOR ? say("container.log.collector") : Words.NONE;
        switch (driver) {
            case "json-file" -> {
                if (!c.logOptions().containsKey("max-size")) {
                    return AuditItem.of("log-rotation", Category.LOGGING, s, Status.MISSING, Risk.MEDIUM,
                            say("container.log.noMaxSize", evidence, collectorNote), fix);
                }
            }
            case "none" -> {
                return AuditItem.of("log-rotation", Category.LOGGING, s, Status.RISK, Risk.MEDIUM, say("container.log.none", evidence), fix);
            }
            default -> { /* local rotates by itself; journald, syslog, fluentd and the like ship the logs away */ }
        }
        return AuditItem.ok("log-rotation", Category.LOGGING, s, Risk.MEDIUM, Words.concat(evidence, collectorNote));
    }

    private AuditItem envSecrets(String s, ContainerSetup c) {
        List<String> names = new ArrayList<>();
        c.env().forEach((name, value) -> {
            if (value.isEmpty() || name.equals(GRAFANA_PASSWORD) || name.endsWith("_FILE")) return;
            if (Secrets.isSecret(name) || URL_CREDENTIALS.matcher(value).find()) names.add(name);
        });
        names.sort(null);
        if (names.isEmpty()) {
            return AuditItem.ok("plain-secrets", Category.SECRETS, s, Risk.MEDIUM, say("container.env.ok", c.name(), c.env().size()));
        }
        return AuditItem.of("plain-secrets", Category.SECRETS, s, Status.RISK, Risk.MEDIUM,
                say("container.env.secrets", c.name(), String.join(", ", names)), say("container.env.secrets.fix"));
    }

    private AuditItem grafanaPassword(String s, ContainerSetup c, String compose) {
        // Worded without "name=value": reports pass through the redactor, which would blank an assignment.
        Words fix = say("container.grafana.fix", compose, GRAFANA_PASSWORD);
        if (c.env().containsKey(GRAFANA_PASSWORD + "__FILE")) {
            return AuditItem.ok("grafana-admin-password", Category.SECRETS, s, Risk.CRITICAL, say("container.grafana.file", c.name(), GRAFANA_PASSWORD));
        }
        String value = c.env().get(GRAFANA_PASSWORD);
        if (value == null || value.isEmpty()) {
            return AuditItem.of("grafana-admin-password", Category.SECRETS, s, Status.RISK, Risk.CRITICAL,
                    say("container.grafana.unset", c.name(), GRAFANA_PASSWORD), fix);
        }
        if (WEAK_PASSWORDS.contains(value.toLowerCase(Locale.ROOT)) || value.length() < MIN_PASSWORD_LENGTH) {
            return AuditItem.of("grafana-admin-password", Category.SECRETS, s, Status.RISK, Risk.CRITICAL,
                    say("container.grafana.weak", c.name(), GRAFANA_PASSWORD, MIN_PASSWORD_LENGTH), fix);
        }
        return AuditItem.ok("grafana-admin-password", Category.SECRETS, s, Risk.CRITICAL, say("container.grafana.ok", c.name(), GRAFANA_PASSWORD));
    }

    static String yamlList(List<String> values) {
        return "[" + String.join(", ", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "]";
    }

    /** Engine failures mid-check surface as unreachable, which the runner reports once per host. */
    static boolean isUnreachable(RuntimeException e) {
        return e instanceof EngineUnreachableException;
    }
}
