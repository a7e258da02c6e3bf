package io.nightwatch.flow;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Disk headroom of Prometheus' data volume on lean images (real engine): with only /bin/sh (no df binary) and with
 * no shell at all (a helper container from the host's helper image, or a clear reason why it cannot be measured).
 */
@EngineTest
class LeanDiskHeadroomTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(4);
    private static TestEngine engine;
    private static DockerGateway gateway;

    @BeforeAll
    static void start() {
        engine = TestEngine.shared();
        engine.runLeanServices();
        gateway = DockerGateway.connect(EngineAddress.resolve(
                DockerHostSpec.fromEnvironment("local").withAddress(engine.dockerHost().toString()), Map.of()));
    }

    @AfterAll
    static void close() {
        if (gateway != null) gateway.close();
    }

    @Test
    void withOnlyAShellDfRunsThroughIt() {
        assertThrows(RuntimeException.class, () -> engine.docker("exec", TestEngine.LEAN_SH_ONLY, "df", "/"), "no df binary");
        DiskHeadroom d = new DiskWatcher("local/prom-sh", TestEngine.LEAN_SH_ONLY, "/prometheus", 10).measure(gateway, Instant.now(), TIMEOUT);
        assertEquals("", d.problem());
        assertTrue(d.sizeBytes() > 0 && d.freeBytes() > 0 && d.freeBytes() <= d.sizeBytes(), d.toString());
    }

    @Test
    void withoutAShellAHelperContainerMeasuresTheVolume() {
        DiskHeadroom d = new DiskWatcher("local/prom-bare", TestEngine.LEAN_NO_SHELL, "/prometheus", 10, Optional.of(TestEngine.BUSYBOX))
                .measure(gateway, Instant.now(), TIMEOUT);
        assertEquals("", d.problem());
        assertTrue(d.sizeBytes() > 0 && d.freeBytes() > 0, d.toString());
        assertEquals("", engine.docker("ps", "-aq", "--filter", "label=" + DockerGateway.HELPER_LABEL + "=true").strip(), "the helper is gone");
    }

    @Test
    void withoutAShellOrHelperImageItSaysWhyItCannotMeasure() {
        DiskHeadroom d = new DiskWatcher("local/prom-bare", TestEngine.LEAN_NO_SHELL, "/prometheus", 10).measure(gateway, Instant.now(), TIMEOUT);
        assertEquals(0, d.sizeBytes());
        assertTrue(d.problem().startsWith("cannot measure: "), d.problem());
        assertTrue(d.problem().contains("helperImage"), "says what would make it work: " + d.problem());
    }

    @Test
    @Timeout(60)
    void aFullVolumeOfAContainerWithoutAShellIsSeenAsFull() {
        String name = "lean-full-disk";
        String volume = name + "-data";
        removeQuietly(name, volume);
        try {
            engine.docker("volume", "create", "--opt", "type=tmpfs", "--opt", "device=tmpfs", "--opt", "o=size=8m", volume);
            engine.docker("run", "-d", "--name", name, "--network", "none", "--mount", "type=volume,source=" + volume + ",target=/prometheus",
                    TestEngine.PROMETHEUS_NO_SHELL, "--storage.tsdb.path=/prometheus", "--web.listen-address=127.0.0.1:0",
                    "--config.file=/dev/null");
            engine.docker("run", "--rm", "--volumes-from", name, TestEngine.BUSYBOX, "sh", "-c",
                    "dd if=/dev/zero of=/prometheus/filler bs=64k count=200 2>/dev/null; true");
            DiskHeadroom d = new DiskWatcher("local/full", name, "/prometheus", 10, Optional.of(TestEngine.BUSYBOX))
                    .measure(gateway, Instant.now(), TIMEOUT);
            assertEquals("", d.problem());
            assertTrue(d.freeFraction() < 0.05, "below the critical 5 %: " + d);
        } finally {
            removeQuietly(name, volume);
        }
    }

    private static void removeQuietly(String container, String volume) {
        try {
            engine.docker("rm", "-f", container);
        } catch (RuntimeException absent) {
            // nothing to remove
        }
        try {
            engine.docker("volume", "rm", "-f", volume);
        } catch (RuntimeException absent) {
            // nothing to remove
        }
    }
}
