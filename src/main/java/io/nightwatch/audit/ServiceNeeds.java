package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.stack.ServiceKind;

import java.time.Duration;
import java.util.List;

/**
 * What each kind of service needs to be run safely: the reference stack's limits and healthchecks, and the time it
 * needs on SIGTERM (Loki flushes in-memory chunks, Prometheus closes its WAL, Redis writes its RDB). The audit
 * judges against these and the fix files propose them.
 *
 * @param healthTest compose's {@code healthcheck.test}, as the reference stack does it
 * @param stopGrace  how long it needs between SIGTERM and SIGKILL
 * @param stopRisk   what a too short grace period risks
 */
record ServiceNeeds(String cpus, long memoryBytes, List<String> healthTest, Duration stopGrace, Risk stopRisk, Risk limitRisk) {

    private static final long MIB = 1L << 20;

    static ServiceNeeds of(ServiceKind kind) {
        return switch (kind) {
            case PROMETHEUS -> new ServiceNeeds("1", 1024 * MIB, shell("wget -qO- http://localhost:9090/-/healthy"), // tool text
                    Duration.ofSeconds(60), Risk.HIGH, Risk.HIGH);
            case LOKI -> new ServiceNeeds("0.5", 512 * MIB, shell("wget -qO- http://localhost:3100/ready"), // tool text
                    Duration.ofSeconds(60), Risk.HIGH, Risk.HIGH);
            case GRAFANA -> new ServiceNeeds("0.5", 512 * MIB, shell("wget -qO- http://localhost:3000/api/health"), // tool text
                    Duration.ofSeconds(30), Risk.LOW, Risk.MEDIUM);
            case OTEL_COLLECTOR -> new ServiceNeeds("0.25", 256 * MIB,
                    List.of("CMD", "/otelcol-contrib", "validate", "--config=/etc/otelcol-contrib/config.yaml"),
                    Duration.ofSeconds(20), Risk.MEDIUM, Risk.MEDIUM);
            case PROMTAIL -> new ServiceNeeds("0.25", 128 * MIB,
                    List.of("CMD", "/usr/bin/promtail", "-check-syntax", "-config.file=/etc/promtail/config.yml"),
                    Duration.ofSeconds(20), Risk.LOW, Risk.MEDIUM);
            case ALERTMANAGER -> new ServiceNeeds("0.25", 128 * MIB, shell("wget -qO- http://localhost:9093/-/healthy"), // tool text
                    Duration.ofSeconds(30), Risk.LOW, Risk.MEDIUM);
            case REDIS -> new ServiceNeeds("0.5", 256 * MIB, shell("redis-cli ping"), // tool text
                    Duration.ofSeconds(30), Risk.MEDIUM, Risk.HIGH);
        };
    }

    private static List<String> shell(String command) {
        return List.of("CMD-SHELL", command);
    }
}
