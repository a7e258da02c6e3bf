package io.nightwatch.stack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceKindTest {

    @ParameterizedTest
    @CsvSource({
            "prom/prometheus:v2.52.0, PROMETHEUS",
            "docker.io/prom/prometheus@sha256:abc, PROMETHEUS",
            "grafana/loki:2.9.6, LOKI",
            "grafana/grafana:10.4.3, GRAFANA",
            "otel/opentelemetry-collector-contrib:0.95.0, OTEL_COLLECTOR",
            "otel/opentelemetry-collector:0.95.0, OTEL_COLLECTOR",
            "grafana/promtail@sha256:0123, PROMTAIL",
            "prom/alertmanager:v0.27.0, ALERTMANAGER",
            "redis:7.2-alpine, REDIS",
            "docker.io/library/redis:7.2-alpine, REDIS",
            "registry.example.org:5000/mirror/prom/prometheus:v2, PROMETHEUS",
    })
    void recognisesKnownImages(String image, ServiceKind kind) {
        assertEquals(kind, ServiceKind.fromImage(image).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"nginx:1.25", "postgres:16", "myredisproxy:1", "grafana/tempo:2"})
    void ignoresOthers(String image) {
        assertEquals(java.util.Optional.empty(), ServiceKind.fromImage(image));
    }
}
