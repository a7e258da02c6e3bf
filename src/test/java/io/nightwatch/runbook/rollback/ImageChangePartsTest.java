package io.nightwatch.runbook.rollback;

import io.nightwatch.docker.ContainerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces of an image change that need no engine: compose lines, configuration diffs, durations, the journal. */
class ImageChangePartsTest {

    @TempDir
    Path dir;

    @Test
    void theComposeImageLineOfTheRightServiceIsFound() throws Exception {
        Path compose = dir.resolve("docker-compose.yml");
        Files.writeString(compose, """
                # monitoring stack
                x-common: &common
                  restart: unless-stopped
                services:
                  loki:
                    image: grafana/loki:2.9.6
                    command: -config.file=/etc/loki/config.yml
                  prometheus:
                    <<: *common
                    container_name: sva-studio-prometheus
                    # pinned after the 2.53 regression
                    image: "prom/prometheus:v2.52.0"
                    environment:
                      image: not-this-one
                volumes:
                  prometheus:
                    image: nor-this
                """);
        assertEquals(Optional.of(new ComposeHint.Line(12, "    image: \"prom/prometheus:v2.52.0\"")), ComposeHint.imageLine(compose, "prometheus"));
        assertEquals(6, ComposeHint.imageLine(compose, "loki").orElseThrow().number());
        assertEquals(Optional.empty(), ComposeHint.imageLine(compose, "grafana"));
        String hint = ComposeHint.forContainer(Map.of("com.docker.compose.project", "sva-studio", "com.docker.compose.service", "prometheus",
                "com.docker.compose.project.config_files", compose.toString()), "prom/prometheus:v2.51.0").orElseThrow();
        assertEquals(compose + " line 12: change `image: \"prom/prometheus:v2.52.0\"` to `image: prom/prometheus:v2.51.0` (service prometheus), "
                + "or the next `docker compose up` undoes this.", hint);
        assertEquals(Optional.empty(), ComposeHint.forContainer(Map.of(), "x"), "not a compose container");
    }

    @Test
    void differencesPutTheImageFirstAndMarkWhatComesFromTheImage() {
        ContainerConfig before = new ContainerConfig("c", "prom/prometheus:v2.53.0", "sha256:b",
                Map.of("memory", "1073741824", "env GF_SECURITY_ADMIN_PASSWORD", "s3cret"), Map.of("env VERSION", "2.53.0"));
        ContainerConfig after = new ContainerConfig("c", "prom/prometheus:v2.51.0", "sha256:a",
                Map.of("memory", "1073741824", "env GF_SECURITY_ADMIN_PASSWORD", "other"), Map.of("env VERSION", "2.51.0"));
        List<ContainerConfig.Difference> d = before.differencesTo(after);
        assertEquals("image: prom/prometheus:v2.53.0 → prom/prometheus:v2.51.0", d.get(0).toString());
        assertEquals("env VERSION (from the image): 2.53.0 → 2.51.0", d.get(2).toString());
        assertEquals(1, before.settingDifferencesTo(after).size());
        ChangePlan plan = new ChangePlan(null, before, after, d, Optional.empty());
        assertTrue(plan.differenceLines().contains("env GF_SECURITY_ADMIN_PASSWORD: [redacted] → [redacted]"), plan.differenceLines().toString());
        assertTrue(plan.differenceLines().stream().noneMatch(l -> l.contains("s3cret")));
    }

    @Test
    void durationsReadAsOperatorsWriteThem() {
        assertEquals(Duration.ofSeconds(90), ImageChangeRunbook.duration("90s", "gate"));
        assertEquals(Duration.ofMinutes(10), ImageChangeRunbook.duration("10m", "hold"));
        assertEquals(Duration.ofMillis(1500), ImageChangeRunbook.duration("1500ms", "max-latency"));
        assertEquals(Duration.ofHours(1), ImageChangeRunbook.duration("PT1H", "hold"));
        assertEquals(Optional.empty(), ImageChangeRunbook.hold("keep"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageChangeRunbook.duration("soon", "hold"));
        assertEquals("hold: 'soon' is not a duration (like 90s, 10m, 1h)", e.getMessage());
    }

    @Test
    void theDeploymentJournalAnswersWhatRanBeforeAndSurvivesATornLine() throws Exception {
        DeploymentLog log = new DeploymentLog(dir);
        Instant t = Instant.parse("2026-11-27T03:00:00Z");
        log.record(new Deployment(t, "local", "prometheus", "sva-studio-prometheus", "prom/prometheus:v2.51.0", "sha256:a",
                "prom/prometheus:v2.53.0", "sha256:b", "upgrade", "run-1", ""));
        Files.writeString(log.file(), "{\"at\":\"2026-11-27T03:0", java.nio.file.StandardOpenOption.APPEND); // a crash mid-append
        Files.writeString(log.file(), "\n", java.nio.file.StandardOpenOption.APPEND);
        log.record(new Deployment(t.plusSeconds(60), "local", "grafana", "sva-studio-grafana", "grafana/grafana:10.4.3", "sha256:c",
                "grafana/grafana:11.0.0", "sha256:d", "upgrade", "run-2", "sva-studio-grafana-kept-20261127-030100"));
        assertEquals(Optional.of("prom/prometheus:v2.51.0"), log.imageBefore("local", "prometheus", "prom/prometheus:v2.53.0"));
        assertEquals(Optional.empty(), log.imageBefore("local", "prometheus", "prom/prometheus:v2.51.0"));
        assertEquals(1, log.history("local", "grafana").size());
        assertEquals("sva-studio-grafana-kept-20261127-030100", log.history("local", "grafana").get(0).keptContainer());
        assertEquals("prom/prometheus", RollbackTargets.repository("prom/prometheus:v2.53.0"));
        assertEquals("localhost:5000/prom/prometheus", RollbackTargets.repository("localhost:5000/prom/prometheus"));
    }
}
