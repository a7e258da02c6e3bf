package io.nightwatch.runbook.rollback;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.backup.BackupSets;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ProbeProtocol;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Upgrades with a pre-change backup of Prometheus on lean images (real engine): only /bin/sh, and no shell with the
 * host's helper image. The snapshot is removed either way, the set is verified, the new image runs.
 */
@EngineTest
class LeanImageChangeTest {

    private static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.shared();
        engine.runLeanServices();
    }

    private static StackProfile profile() {
        DockerHostSpec host = DockerHostSpec.fromEnvironment("local").withAddress(engine.dockerHost().toString())
                .withHelperImage(TestEngine.BUSYBOX);
        return new StackProfile(List.of(host), List.of(spec("prom-sh", TestEngine.LEAN_SH_ONLY, TestEngine.LEAN_SH_ONLY_PORT),
                spec("prom-bare", TestEngine.LEAN_NO_SHELL, TestEngine.LEAN_NO_SHELL_PORT)), Duration.ofSeconds(2), Duration.ofSeconds(2), "lean");
    }

    private static ServiceSpec spec(String name, String container, int port) {
        return new ServiceSpec(name, ServiceKind.PROMETHEUS, "local", container, new Endpoint(ProbeProtocol.HTTP, "127.0.0.1", port, port, "/-/healthy"),
                Optional.empty(), Optional.of("/prometheus"), Optional.empty(), false);
    }

    private static void upgrade(Path data, String service, String container, String target) throws Exception {
        try (RunbookCatalog catalog = new RunbookCatalog(profile(), Map.of(), data, Clock.systemUTC())) {
            Map<String, String> params = Map.of("service", service, "to", target, "hold", "0s", "gate", "60s", "backup", "yes");
            RunResult r = catalog.newRunner().run(catalog.upgrade().build(params), params, new RunListener() { });
            assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message());
            assertFalse(r.message().contains("Warning"), r.message());
            List<BackupSets.SetInfo> sets = BackupSets.list(catalog.backupRoot());
            assertEquals(1, sets.size());
            assertTrue(sets.get(0).verified(), "the pre-change backup is verified");
            DockerGateway gateway = catalog.engine("local");
            assertEquals(target, gateway.inspect(container).orElseThrow().image());
            assertTrue(gateway.inspect(container).orElseThrow().running());
            assertEquals("", engine.docker("run", "--rm", "--volumes-from", container, TestEngine.BUSYBOX, "ls", "-A", "/prometheus/snapshots").strip(),
                    "the snapshot was removed");
        }
    }

    @Test
    @Timeout(180)
    void upgradeWithBackupOnAnImageWithOnlyAShell(@TempDir Path data) throws Exception {
        upgrade(data, "prom-sh", TestEngine.LEAN_SH_ONLY, TestEngine.PROMETHEUS_SH_ONLY_NEXT);
    }

    @Test
    @Timeout(180)
    void upgradeWithBackupOnAnImageWithoutAShell(@TempDir Path data) throws Exception {
        upgrade(data, "prom-bare", TestEngine.LEAN_NO_SHELL, TestEngine.PROMETHEUS_NO_SHELL_NEXT);
    }
}
