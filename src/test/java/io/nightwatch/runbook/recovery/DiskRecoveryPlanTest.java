package io.nightwatch.runbook.recovery;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The disk-full plan: deleting is offered to every Prometheus, a backup comes first when asked, never without delete-oldest. */
class DiskRecoveryPlanTest {

    @Test
    void theBackupComesBeforeTheDeletionAndOnlyWhenAsked(@TempDir Path dir) {
        StackProfile profile = ReferenceStack.profile();
        // connect() opens nothing until a call is made: the plan is built without an engine.
        try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), Map.of()))) {
            RecoveryRunbook disk = Recoveries.find(new RecoveryRunbook.Context(profile, Map.of(), h -> gateway, dir), "disk-full").orElseThrow();
            List<String> plain = ids(disk, Map.of("service", "prometheus"));
            assertTrue(plain.contains("delete-oldest-prometheus"), "offered, skipped unless asked: " + plain);
            assertFalse(plain.contains("verify-set"), "no backup unless asked: " + plain);

            List<String> asked = ids(disk, Map.of("service", "prometheus", "delete-oldest", "yes", "backup", "yes"));
            int verifySet = asked.indexOf(asked.stream().filter(id -> id.startsWith("verify-set")).findFirst().orElseThrow(() -> new AssertionError(asked)));
            assertTrue(verifySet < asked.indexOf("delete-oldest-prometheus"), "backup verified before anything is deleted: " + asked);

            assertFalse(ids(disk, Map.of("service", "redis")).contains("delete-oldest-redis"), "only Prometheus has the admin API");
        }
    }

    private static List<String> ids(RecoveryRunbook r, Map<String, String> params) {
        return r.build(params).steps().stream().map(Step::id).toList();
    }

    /** A full Loki volume is not "only a bigger volume": the compactor's retention lines, valid YAML an operator can paste. */
    @Test
    void aFullLokiGetsTheCompactorRetentionLines() throws Exception {
        List<String> lines = DiskRecovery.lokiRetention("loki", 20, 3L * 1024 * 1024);
        assertTrue(lines.get(0).contains("3.0 GiB") || lines.get(0).contains("3 GiB"), lines.get(0));
        String yaml = String.join("\n", lines.subList(1, lines.size() - 1).stream().map(l -> l.substring(2)).toList());
        var config = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
        assertTrue(config.at("/compactor/retention_enabled").asBoolean(), yaml);
        assertEquals("72h", config.at("/limits_config/retention_period").asText(), yaml);
        assertTrue(lines.get(lines.size() - 1).contains("stack restart --service loki"), lines.get(lines.size() - 1));
    }
}
