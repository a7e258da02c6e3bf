package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Category;
import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.testbed.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Phase rules, the documents' redaction and escaping, and the fix files checked by promtool and amtool. */
class AuditRulesTest {

    private static AuditItem item(String id, Status status, Risk risk) {
        return new AuditItem(id, Category.HEALTH, "local/x", status, risk, "evidence", "fix", Optional.empty());
    }

    @Test
    void phasesAreTolerantMediumAndStrict() {
        List<AuditItem> criticalGap = List.of(item("a:x", Status.MISSING, Risk.CRITICAL), item("b:x", Status.OK, Risk.HIGH));
        AuditReport r = AuditReport.of(Instant.EPOCH, criticalGap, List.of());
        assertEquals(Verdict.CONDITIONAL, r.phases().get(Phase.DEVELOPMENT));
        assertEquals(Verdict.NOT_READY, r.phases().get(Phase.STAGING));
        assertEquals(Verdict.NOT_READY, r.phases().get(Phase.PRODUCTION));
        assertEquals(Verdict.NOT_READY, r.verdict());
        assertEquals(1, r.ok());

        AuditReport high = AuditReport.of(Instant.EPOCH, List.of(item("a:x", Status.RISK, Risk.HIGH)), List.of());
        assertEquals(List.of(Verdict.READY, Verdict.CONDITIONAL, Verdict.NOT_READY), phases(high));
        AuditReport medium = AuditReport.of(Instant.EPOCH, List.of(item("a:x", Status.MISSING, Risk.MEDIUM)), List.of());
        assertEquals(List.of(Verdict.READY, Verdict.READY, Verdict.CONDITIONAL), phases(medium));
        AuditReport unknownLow = AuditReport.of(Instant.EPOCH, List.of(item("a:x", Status.UNKNOWN, Risk.LOW)), List.of());
        assertEquals(List.of(Verdict.READY, Verdict.READY, Verdict.CONDITIONAL), phases(unknownLow));
        AuditReport unknownCritical = AuditReport.of(Instant.EPOCH, List.of(item("a:x", Status.UNKNOWN, Risk.CRITICAL)), List.of());
        assertEquals(Verdict.NOT_READY, unknownCritical.verdict(), "a critical item not OK is never production-ready");
        AuditReport clean = AuditReport.of(Instant.EPOCH, List.of(item("a:x", Status.OK, Risk.CRITICAL), item("b:x", Status.RISK, Risk.LOW)), List.of());
        assertEquals(List.of(Verdict.READY, Verdict.READY, Verdict.READY), phases(clean));
    }

    private static List<Verdict> phases(AuditReport r) {
        return Arrays.stream(Phase.values()).map(p -> r.phases().get(p)).toList();
    }

    @Test
    void documentsAreRedactedAndEscaped() {
        AuditItem leaky = new AuditItem("x:local/grafana", Category.SECRETS, "local/grafana", Status.RISK, Risk.HIGH,
                "read password=hunter2 from <script>alert(1)</script> | ops@example.org",
                "curl http://admin:s3cret@grafana:3000/api", Optional.of("backup"));
        AuditReport r = AuditReport.of(Instant.EPOCH, List.of(leaky), List.of());
        String html = AuditDocuments.html(r);
        String md = AuditDocuments.markdown(r);
        String json = AuditDocuments.json(r).toString();
        for (String doc : List.of(html, md, json)) {
            assertFalse(doc.contains("hunter2") || doc.contains("s3cret") || doc.contains("ops@example.org"), doc);
        }
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(md.contains("| secrets | x | local/grafana | RISK | high |"), md);
        assertTrue(md.contains("\\|"), "pipes in a cell are escaped: " + md);
        assertTrue(json.contains("\"runbook\":\"backup\""), json);
    }

    @Test
    void proposedRulesCoverTheirOwnScenarioAndNoOther() {
        for (AlertScenario sc : AlertScenario.values()) {
            for (AlertScenario.Rule rule : sc.proposed()) {
                assertTrue(sc.coveredBy(rule.alert(), rule.expr()), rule.alert() + " covers " + sc.id());
                for (AlertScenario other : AlertScenario.values()) {
                    if (other != sc) assertFalse(other.coveredBy(rule.alert(), rule.expr()), rule.alert() + " must not count for " + other.id());
                }
            }
        }
        // the testbed's (and the reference stack's) "down" rules cover none of the scenarios
        for (AlertScenario sc : AlertScenario.values()) assertFalse(sc.coveredBy("PrometheusDown", "up{job=\"prometheus\"} == 0"), sc.id());
    }

    @Test
    void everyFixFileIsValidForPromtoolAndAmtool(@TempDir Path dir) throws Exception {
        List<AuditItem> gaps = new ArrayList<>();
        for (AlertScenario sc : AlertScenario.values()) gaps.add(item("alert-rule." + sc.id() + ":local/prometheus", Status.MISSING, sc.risk()));
        gaps.add(item("alert-human-receiver:local/alertmanager", Status.MISSING, Risk.CRITICAL));
        for (String check : List.of("memory-limit", "cpu-limit", "healthcheck", "stop-grace", "log-rotation", "restart-policy")) {
            gaps.add(new AuditItem(check + ":local/loki", Category.RESOURCES, "local/loki", Status.MISSING, Risk.HIGH, "", "", Optional.empty()));
        }
        AuditReport r = AuditReport.of(Instant.EPOCH, gaps, List.of());
        List<Path> written = FixFiles.write(r, ReferenceStack.profile(), dir);
        assertEquals(3, written.size());
        Cli.run(Map.of(), Duration.ofSeconds(30), "/usr/bin/promtool", "check", "rules", dir.resolve(FixFiles.RULES).toString());
        Cli.run(Map.of(), Duration.ofSeconds(30), "/usr/bin/amtool", "check-config", dir.resolve(FixFiles.ALERTMANAGER).toString());
        String override = Files.readString(dir.resolve(FixFiles.OVERRIDE));
        assertTrue(override.contains("  loki:\n    deploy:\n      resources:\n        limits:\n          cpus: '0.5'\n          memory: 512M\n"), override);
        assertTrue(override.contains("stop_grace_period: 60s") && override.contains("restart: unless-stopped"), override);
        assertFalse(override.contains("prometheus:"), "only services with gaps: " + override);
        String am = Files.readString(dir.resolve(FixFiles.ALERTMANAGER));
        assertTrue(am.contains(FixFiles.NIGHTWATCH_WEBHOOK) && am.contains("<PAGERDUTY_ROUTING_KEY>"), am);
    }

    @Test
    void nothingMissingWritesNothing(@TempDir Path dir) throws Exception {
        AuditReport r = AuditReport.of(Instant.EPOCH, List.of(item("alert-rule.disk-full:local/prometheus", Status.OK, Risk.CRITICAL)), List.of());
        assertEquals(List.of(), FixFiles.write(r, ReferenceStack.profile(), dir));
    }
}
