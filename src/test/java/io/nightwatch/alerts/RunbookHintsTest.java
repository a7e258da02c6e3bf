package io.nightwatch.alerts;

import java.util.List;
import io.nightwatch.text.Language;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunbookHintsTest {

    @Test
    void aDownRedisPointsAtTheRestoreRunbook() {
        String hint = hint("NightwatchServiceDown", "redis", Map.of("service", "redis", "component", "redis", "host", "local"));
        assertTrue(hint.contains("restore Redis from the newest verified backup set: nightwatch restore SET --service redis"), hint);
        assertTrue(hint.contains("(runbook: docs/operations/restore.md)"), hint);
    }

    @Test
    void theServiceNameOfTheProfileIsUsedInTheCommand() {
        String hint = hint("NightwatchServiceDown", "redis", Map.of("service", "sessions", "component", "redis", "host", "local"));
        assertTrue(hint.contains("nightwatch restore SET --service sessions"), hint);
    }

    @Test
    void anOomKillAsksForMoreMemoryOrALeakHunt() {
        String hint = hint("NightwatchOOMKilled", "promtail", Map.of("service", "promtail", "component", "promtail"));
        assertTrue(hint.startsWith("Promtail was killed for exceeding its memory limit"), hint);
        assertTrue(hint.contains("raise the limit") && hint.contains("leak"), hint);
    }

    @Test
    void aStalledPromtailIsAboutTheContainerLogsAndTheSocket() {
        String hint = hint("NightwatchFlowStalled", "promtail", Map.of("service", "promtail", "component", "promtail",
                "stage", "promtail#entries-sent"));
        assertTrue(hint.contains("/var/lib/docker/containers") && hint.contains("Docker socket"), hint);
    }

    @Test
    void prometheusRunningOutOfDiskIsAboutRetention() {
        String hint = hint("NightwatchDiskHeadroomLow", "prometheus", Map.of("service", "prometheus", "host", "local", "path", "/prometheus"));
        assertTrue(hint.contains("--storage.tsdb.retention.time") && hint.contains("--storage.tsdb.retention.size"), hint);
        String other = hint("NightwatchDiskHeadroomLow", "grafana", Map.of("service", "grafana", "path", "/var/lib/grafana"));
        assertTrue(other.contains("/var/lib/grafana"), other);
    }

    @Test
    void theReferenceStacksRulesHaveSteps() {
        assertTrue(hint("PrometheusDown", "prometheus", Map.of("component", "prometheus")).contains("--service prometheus"));
        assertTrue(hint("LokiDown", "loki", Map.of("component", "loki")).contains("--service loki"));
        assertTrue(hint("GrafanaDown", "grafana", Map.of()).contains("/var/lib/grafana"));
        assertTrue(hint("OTELCollectorDown", "otel-collector", Map.of()).contains("docker logs"));
        assertTrue(hint("ContainerMemoryUsageHigh", "loki", Map.of("container", "sva-studio-loki")).startsWith("Loki is close to its memory limit"));
        assertTrue(hint("PrometheusTsdbSizeHigh", "prometheus", Map.of()).contains("retention"));
    }

    @Test
    void theKindComesFromAnyIdentifyingLabel() {
        assertEquals("redis", RunbookHints.kindOf(occurrence("X", "", Map.of("container", "sva-studio-redis"))));
        assertEquals("otel-collector", RunbookHints.kindOf(occurrence("X", "otelcol", Map.of())));
        assertEquals("*", RunbookHints.kindOf(occurrence("X", "api", Map.of())));
    }

    @Test
    void unknownAlertsFallBackToTheirOwnRunbookOrNothing() {
        assertEquals(Optional.empty(), RunbookHints.hintFor(occurrence("SomethingElse", "api", Map.of())));
        AlertOccurrence withUrl = new AlertOccurrence(1, "f", "SomethingElse", "warning", "api", Map.of("alertname", "SomethingElse"),
                Map.of("runbook_url", "https://runbooks.example/api"), AlertState.FIRING, Instant.EPOCH, Optional.empty(), "webhook",
                Set.of("webhook"), Instant.EPOCH, Instant.EPOCH, Optional.empty(), "", "");
        assertEquals(Optional.of("Follow the rule's runbook: https://runbooks.example/api"), RunbookHints.hintFor(withUrl));
    }

    @Test
    void inGermanEveryStepAndScenarioIsWordedAndTheCommandsStay() {
        List<String> names = List.of("NightwatchServiceDown", "NightwatchOOMKilled", "NightwatchRestartLoop", "NightwatchEngineUnreachable",
                "NightwatchFlowStalled", "NightwatchServiceDegraded", "NightwatchIngestionFailing", "NightwatchDiskHeadroomLow",
                "PrometheusDown", "LokiDown", "GrafanaDown", "OtelCollectorDown", "AlertmanagerDown", "ContainerMemoryHigh", "PrometheusTsdbSizeHigh");
        List<String> kinds = List.of("redis", "prometheus", "loki", "promtail", "otel-collector", "alertmanager", "grafana", "custom-app");
        try {
            for (Language language : Language.values()) {
                Language.use(language);
                for (String name : names) {
                    for (String kind : kinds) {
                        String hint = hint(name, kind, Map.of("service", kind, "host", "local", "path", "/data"));
                        assertFalse(hint.contains("[hint."), language + " " + name + "/" + kind + ": " + hint);
                    }
                }
                for (RunbookHints.Scenario s : RunbookHints.SCENARIOS) {
                    assertFalse(s.title().startsWith("[") || s.symptom().startsWith("[") || s.diagnosis().startsWith("["), language + " " + s.id());
                }
            }
            Language.use(Language.DE);
            String redis = hint("NightwatchServiceDown", "redis", Map.of("service", "redis", "component", "redis", "host", "local"));
            assertTrue(redis.startsWith("Redis wieder starten"), redis);
            assertTrue(redis.contains("nightwatch restore SET --service redis"), "the command is not translated: " + redis);
            assertEquals("Ein Datenvolume ist voll oder läuft voll", RunbookHints.DISK_FULL.title());
        } finally {
            Language.use(Language.EN);
        }
        assertEquals("A data volume is full or filling", RunbookHints.DISK_FULL.title());
    }

    private static String hint(String alertname, String service, Map<String, String> labels) {
        return RunbookHints.hintFor(occurrence(alertname, service, labels)).orElseThrow(() -> new AssertionError("no hint for " + alertname));
    }

    private static AlertOccurrence occurrence(String alertname, String service, Map<String, String> extra) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alertname);
        labels.putAll(extra);
        return new AlertOccurrence(1, "f", alertname, "critical", service, labels, Map.of(), AlertState.FIRING, Instant.EPOCH,
                Optional.empty(), "nightwatch", Set.of("nightwatch"), Instant.EPOCH, Instant.EPOCH, Optional.empty(), "", "");
    }
}
