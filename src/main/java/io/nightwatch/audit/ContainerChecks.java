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
                ? AuditItem.ok("cpu-limit", Category.RESOURCES, s, Risk.MEDIUM, "HostConfig.NanoCpus of " + c.name() + ": " + Units.cpus(c.nanoCpus()) + " CPU")
                : AuditItem.of("cpu-limit", Category.RESOURCES, s, Status.MISSING, Risk.MEDIUM,
                        "HostConfig.NanoCpus/CpuQuota of " + c.name() + ": none; one busy service can starve the others",
                        compose + ":\n  deploy:\n    resources:\n      limits:\n        cpus: '" + needs.cpus() + "'"));
        items.add(c.memoryReservationBytes() > 0
                ? AuditItem.ok("memory-reservation", Category.RESOURCES, s, Risk.LOW, "HostConfig.MemoryReservation: " + Units.bytes(c.memoryReservationBytes()))
                : AuditItem.of("memory-reservation", Category.RESOURCES, s, Status.MISSING, Risk.LOW,
                        "HostConfig.MemoryReservation of " + c.name() + ": none",
                        compose + ":\n  deploy:\n    resources:\n      reservations:\n        memory: " + Units.composeMemory(needs.memoryBytes() / 2)));
        items.add(c.oomKilled()
                ? AuditItem.of("oom-killed", Category.RESOURCES, s, Status.RISK, Risk.HIGH,
                        "State.OOMKilled of " + c.name() + " is true: the kernel killed it for memory",
                        "Raise the memory limit or lower the service's own memory use (see memory-limit:" + s + ")")
                : AuditItem.ok("oom-killed", Category.RESOURCES, s, Risk.HIGH, "State.OOMKilled of " + c.name() + ": false"));
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
        String fix = compose + ":\n  deploy:\n    resources:\n      limits:\n        memory: " + Units.composeMemory(needs.memoryBytes());
        if (c.memoryLimitBytes() <= 0) {
            return AuditItem.of("memory-limit", Category.RESOURCES, s, Status.MISSING, needs.limitRisk(),
                    "HostConfig.Memory of " + c.name() + ": none; a leak takes the whole host's memory", fix);
        }
        Optional<MemoryUsage> use = c.running() ? engine.memoryUsage(c.name(), timeout) : Optional.empty();
        String evidence = "HostConfig.Memory of " + c.name() + ": " + Units.bytes(c.memoryLimitBytes())
                + use.map(u -> "; in use " + Units.bytes(u.usedBytes()) + " (" + Math.round(100.0 * u.usedBytes() / c.memoryLimitBytes()) + " %, engine stats)").orElse("");
        if (use.isPresent() && use.get().usedBytes() > 0.9 * c.memoryLimitBytes()) {
            return AuditItem.of("memory-limit", Category.RESOURCES, s, Status.RISK, needs.limitRisk(),
                    evidence + ": over 90 % of the limit, an OOM kill is near", "Raise the limit: " + fix.replace("\n", " "));
        }
        return AuditItem.ok("memory-limit", Category.RESOURCES, s, needs.limitRisk(), evidence);
    }

    private AuditItem healthcheck(String s, ServiceSpec service, ContainerSetup c, ServiceNeeds needs, String compose) {
        String fix = compose + ":\n  healthcheck:\n    test: " + yamlList(needs.healthTest())
                + "\n    interval: 30s\n    timeout: 10s\n    retries: 3";
        if (!c.hasHealthcheck()) {
            return AuditItem.of("healthcheck", Category.HEALTH, s, Status.MISSING, Risk.HIGH,
                    "Config.Healthcheck of " + c.name() + ": none; the engine cannot tell a hung service from a healthy one", fix);
        }
        String test = String.join(" ", c.healthTest().subList(1, c.healthTest().size()));
        boolean viaShell = "CMD-SHELL".equals(c.healthTest().get(0));
        String binary = viaShell ? test.strip().split("\\s+")[0] : c.healthTest().size() > 1 ? c.healthTest().get(1) : "";
        String evidence = "Config.Healthcheck of " + c.name() + ": " + c.healthTest().get(0) + " " + test;
        if (!c.running()) {
            return AuditItem.of("healthcheck", Category.HEALTH, s, Status.UNKNOWN, Risk.HIGH,
                    evidence + "; the container is not running, so whether " + binary + " exists in it cannot be checked", fix);
        }
        try {
            // The name travels as a positional argument: never spliced into the shell text.
            ExecResult r = engine.exec(c.name(), List.of("sh", "-c", "command -v \"$1\"", "sh", binary), timeout);
            if (r.timedOut()) {
                return AuditItem.of("healthcheck", Category.HEALTH, s, Status.UNKNOWN, Risk.HIGH,
                        evidence + "; `command -v " + binary + "` did not answer within " + Units.duration(timeout), fix);
            }
            if (!r.succeeded()) {
                return AuditItem.of("healthcheck", Category.HEALTH, s, Status.RISK, Risk.HIGH,
                        evidence + "; but " + binary + " is not in the image (`sh -c 'command -v " + binary + "'` found nothing): "
                                + "the check can never pass", "Use a command the image has, e.g.\n" + fix);
            }
        } catch (ExecUnavailableException noShell) {
            if (viaShell) {
                return AuditItem.of("healthcheck", Category.HEALTH, s, Status.RISK, Risk.HIGH,
                        evidence + "; but the image has no sh, which CMD-SHELL needs: the check can never pass",
                        "Use an exec-form check the image can run, e.g. test: [\"CMD\", \"<binary>\", ...]");
            }
            // Without a shell nothing can be looked up; the engine's own verdict still shows whether the check runs.
            var health = engine.inspect(c.name()).map(f -> f.health()).orElse(io.nightwatch.docker.HealthcheckStatus.NONE);
            if (health == io.nightwatch.docker.HealthcheckStatus.HEALTHY) {
                return AuditItem.ok("healthcheck", Category.HEALTH, s, Risk.HIGH,
                        evidence + "; no shell in the image to look for " + binary + ", but the engine reports the check passing");
            }
            return AuditItem.of("healthcheck", Category.HEALTH, s, health == io.nightwatch.docker.HealthcheckStatus.UNHEALTHY ? Status.RISK : Status.UNKNOWN,
                    Risk.HIGH, evidence + "; the image has no shell, so whether " + binary + " exists cannot be checked from outside"
                            + " (engine health status: " + health.name() + ")", "");
        }
        var facts = engine.inspect(c.name());
        if (facts.isPresent() && facts.get().health() == io.nightwatch.docker.HealthcheckStatus.UNHEALTHY) {
            return AuditItem.of("healthcheck", Category.HEALTH, s, Status.RISK, Risk.HIGH,
                    evidence + "; the engine reports it unhealthy: " + facts.get().lastHealthOutput(),
                    "`nightwatch status` shows why; fix the service or the check");
        }
        return AuditItem.ok("healthcheck", Category.HEALTH, s, Risk.HIGH, evidence + "; " + binary + " is in the image");
    }

    private AuditItem restartPolicy(String s, ContainerSetup c, String compose) {
        String policy = c.restartPolicy();
        String evidence = "HostConfig.RestartPolicy of " + c.name() + ": " + policy
                + (policy.equals("on-failure") ? " (max " + c.restartMaxRetries() + ")" : "");
        if (policy.equals("no")) {
            return AuditItem.of("restart-policy", Category.HEALTH, s, Status.MISSING, Risk.HIGH,
                    evidence + ": a crash at night stays down until someone starts it", compose + ":\n  restart: unless-stopped");
        }
        return AuditItem.ok("restart-policy", Category.HEALTH, s, Risk.HIGH, evidence);
    }

    private AuditItem restartCount(String s, ContainerSetup c) {
        String evidence = "RestartCount of " + c.name() + ": " + c.restartCount();
        if (c.restartCount() >= 5) {
            return AuditItem.of("restart-count", Category.HEALTH, s, Status.RISK, Risk.HIGH, evidence + ": a crash loop",
                    "`docker logs --tail 100 " + c.name() + "` shows why it keeps dying");
        }
        if (c.restartCount() > 0) {
            return AuditItem.of("restart-count", Category.HEALTH, s, Status.RISK, Risk.LOW, evidence + ": it has crashed before",
                    "`docker logs --tail 100 " + c.name() + "` shows why");
        }
        return AuditItem.ok("restart-count", Category.HEALTH, s, Risk.MEDIUM, evidence);
    }

    private AuditItem imagePin(String s, ContainerSetup c, String compose) {
        String image = c.image();
        String evidence = "Config.Image of " + c.name() + ": " + image;
        if (image.contains("@sha256:")) return AuditItem.ok("image-pinned", Category.UPDATES, s, Risk.HIGH, evidence + " (pinned by digest)");
        String withoutDigest = image;
        int colon = withoutDigest.lastIndexOf(':');
        String tag = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon + 1) : "";
        if (tag.isEmpty() || tag.equals("latest")) {
            String digest = c.repoDigests().isEmpty() ? "<repository>@sha256:<digest>" : c.repoDigests().get(0);
            return AuditItem.of("image-pinned", Category.UPDATES, s, Status.RISK, Risk.HIGH,
                    evidence + ": 'latest' moves, so a recreate can silently change the version",
                    compose + ":\n  image: " + digest + "\n(or `nightwatch upgrade --service " + s.substring(s.indexOf('/') + 1) + " --to IMAGE:TAG`)")
                    .withRunbook("upgrade");
        }
        return AuditItem.ok("image-pinned", Category.UPDATES, s, Risk.HIGH, evidence + " (pinned by tag " + tag
                + (c.repoDigests().isEmpty() ? "; no registry digest known" : "; digest " + c.repoDigests().get(0)) + ")");
    }

    private AuditItem stopGrace(String s, ContainerSetup c, ServiceNeeds needs, String compose) {
        Duration grace = c.effectiveStopTimeout();
        String evidence = "Config.StopTimeout of " + c.name() + ": " + (c.stopTimeout().isPresent() ? Units.duration(grace) : "not set (engine default 10 s)")
                + ", StopSignal: " + c.stopSignal().orElse("SIGTERM (default)") + "; needs " + Units.duration(needs.stopGrace());
        String fix = compose + ":\n  stop_grace_period: " + needs.stopGrace().toSeconds() + "s";
        String signal = c.stopSignal().orElse("SIGTERM").toUpperCase(Locale.ROOT);
        if (signal.equals("SIGKILL") || signal.equals("9") || signal.equals("KILL")) {
            return AuditItem.of("stop-grace", Category.SHUTDOWN, s, Status.RISK, needs.stopRisk(), evidence + ": it is killed without a chance to flush",
                    compose + ":\n  stop_signal: SIGTERM\n  stop_grace_period: " + needs.stopGrace().toSeconds() + "s");
        }
        if (grace.compareTo(needs.stopGrace()) < 0) {
            return AuditItem.of("stop-grace", Category.SHUTDOWN, s, c.stopTimeout().isPresent() ? Status.RISK : Status.MISSING, needs.stopRisk(),
                    evidence + ": `docker compose down` may kill it before it has flushed", fix);
        }
        return AuditItem.ok("stop-grace", Category.SHUTDOWN, s, needs.stopRisk(), evidence);
    }

    private AuditItem logRotation(String s, ServiceSpec service, ContainerSetup c, String compose) {
        String driver = c.logDriver().isEmpty() ? "json-file" : c.logDriver();
        String evidence = "HostConfig.LogConfig of " + c.name() + ": driver " + driver
                + (c.logOptions().isEmpty() ? ", no options" : ", " + c.logOptions());
        String fix = compose + ":\n  logging:\n    driver: json-file\n    options:\n      max-size: 10m\n      max-file: \"5\"";
        String collectorNote = service.kind() == ServiceKind.OTEL_COLLECTOR
                ? "; the collector's crash logs live only in this file and vanish with a recreate" : "";
        switch (driver) {
            case "json-file" -> {
                if (!c.logOptions().containsKey("max-size")) {
                    return AuditItem.of("log-rotation", Category.LOGGING, s, Status.MISSING, Risk.MEDIUM,
                            evidence + ": no max-size, the log grows until the disk is full" + collectorNote, fix);
                }
            }
            case "none" -> {
                return AuditItem.of("log-rotation", Category.LOGGING, s, Status.RISK, Risk.MEDIUM,
                        evidence + ": logs are thrown away, nothing to read after a crash", fix);
            }
            default -> { /* local rotates by itself; journald, syslog, fluentd and the like ship the logs away */ }
        }
        return AuditItem.ok("log-rotation", Category.LOGGING, s, Risk.MEDIUM, evidence + collectorNote);
    }

    private AuditItem envSecrets(String s, ContainerSetup c) {
        List<String> names = new ArrayList<>();
        c.env().forEach((name, value) -> {
            if (value.isEmpty() || name.equals(GRAFANA_PASSWORD) || name.endsWith("_FILE")) return;
            if (Secrets.isSecret(name) || URL_CREDENTIALS.matcher(value).find()) names.add(name);
        });
        names.sort(null);
        if (names.isEmpty()) {
            return AuditItem.ok("plain-secrets", Category.SECRETS, s, Risk.MEDIUM,
                    "Config.Env of " + c.name() + ": " + c.env().size() + " variables, none holds a secret in plain text");
        }
        return AuditItem.of("plain-secrets", Category.SECRETS, s, Status.RISK, Risk.MEDIUM,
                "Config.Env of " + c.name() + " holds secret-looking values in plain text (values not shown) in " + String.join(", ", names)
                        + "; anyone who can inspect the container reads them",
                "Move them to Docker secrets and point the service at the file (the *_FILE variant where the image supports it)");
    }

    private AuditItem grafanaPassword(String s, ContainerSetup c, String compose) {
        // Worded without "name=value": reports pass through the redactor, which would blank an assignment.
        String fix = "Give " + compose + " a Docker secret grafana_admin_password with a strong password and set the variable "
                + GRAFANA_PASSWORD + "__FILE to /run/secrets/grafana_admin_password; then change the password in Grafana itself "
                + "(`grafana cli admin reset-admin-password`), since the database keeps the old one";
        if (c.env().containsKey(GRAFANA_PASSWORD + "__FILE")) {
            return AuditItem.ok("grafana-admin-password", Category.SECRETS, s, Risk.CRITICAL,
                    "Config.Env of " + c.name() + ": the admin password comes from a file (" + GRAFANA_PASSWORD + "__FILE)");
        }
        String value = c.env().get(GRAFANA_PASSWORD);
        if (value == null || value.isEmpty()) {
            return AuditItem.of("grafana-admin-password", Category.SECRETS, s, Status.RISK, Risk.CRITICAL,
                    "Config.Env of " + c.name() + ": " + GRAFANA_PASSWORD + " not set, so Grafana's default admin password applies", fix);
        }
        if (WEAK_PASSWORDS.contains(value.toLowerCase(Locale.ROOT)) || value.length() < MIN_PASSWORD_LENGTH) {
            return AuditItem.of("grafana-admin-password", Category.SECRETS, s, Status.RISK, Risk.CRITICAL,
                    "Config.Env of " + c.name() + ": " + GRAFANA_PASSWORD + " is a default or weak value (shorter than "
                            + MIN_PASSWORD_LENGTH + " characters or a well-known word; value not shown)", fix);
        }
        return AuditItem.ok("grafana-admin-password", Category.SECRETS, s, Risk.CRITICAL,
                "Config.Env of " + c.name() + ": " + GRAFANA_PASSWORD + " is set and not a known weak value (value not shown)");
    }

    static String yamlList(List<String> values) {
        return "[" + String.join(", ", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "]";
    }

    /** Engine failures mid-check surface as unreachable, which the runner reports once per host. */
    static boolean isUnreachable(RuntimeException e) {
        return e instanceof EngineUnreachableException;
    }
}
