package io.nightwatch.ui.dashboard;

import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.HealthState;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.ui.FakeStack;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a verdict is worded on its tile; plain values, no toolkit needed. */
class TileFactsTest {

    private static final HealthSnapshot FIRST = FakeStack.first();

    @Test
    void aLimitedContainerShowsUseAgainstItsLimit() {
        TileFacts alertmanager = facts("local/alertmanager");
        assertEquals("38 MiB / 128 MiB", alertmanager.memoryText());
        assertEquals(0.30, alertmanager.memoryFraction(), 1e-9); // 38/128, to the whole percent
        assertTrue(alertmanager.memoryLimited());
        assertEquals("v0.27.0", alertmanager.version());
        assertEquals("sva-studio-alertmanager", alertmanager.subtitle());
    }

    @Test
    void theMemoryFigureChangesWithTheBarNotWithEveryMebibyte() {
        TileFacts first = facts("local/alertmanager");
        ServiceTileModel tile = new ServiceTileModel(first);
        tile.show(first.withMemory(0.30, "39 MiB / 128 MiB")); // 30 % still: the bar does not move, nor does the figure
        assertEquals("38 MiB / 128 MiB", tile.getFacts().memoryText());
        tile.show(first.withMemory(0.31, "39 MiB / 128 MiB")); // across a rounding edge and back: still nothing moves
        tile.show(first.withMemory(0.30, "38 MiB / 128 MiB"));
        assertEquals("38 MiB / 128 MiB", tile.getFacts().memoryText());
        assertEquals(0.30, tile.getFacts().memoryFraction(), 1e-9);
        TileFacts grown = new TileFacts(first.id(), first.title(), first.subtitle(), first.discovered(), first.version(), first.state(),
                first.reason(), first.transport(), first.latency(), first.uptime(), first.restarts(), 0.35, true, "45 MiB / 128 MiB",
                first.findings(), first.kind(), first.offBaseline());
        tile.show(grown);
        assertEquals("45 MiB / 128 MiB", tile.getFacts().memoryText());
    }

    @Test
    void noLimitIsSaidInWordsAndNotDrawnAsAFraction() {
        TileFacts redis = facts("local/redis");
        assertEquals("3 MiB, no limit", redis.memoryText());
        assertEquals(-1, redis.memoryFraction());
        assertFalse(redis.memoryLimited());
        assertTrue(redis.findings().contains("no memory limit"));
    }

    @Test
    void theTransportThatProducedTheVerdictIsNamed() {
        assertEquals("exec in container", facts("local/prometheus").transport());
        assertEquals("40 ms", facts("local/prometheus").latency()); // 41 ms, as an operator reads it
        assertEquals("engine healthcheck", facts("local/otel-collector").transport());
        assertEquals("", facts("local/otel-collector").latency());
        assertEquals("not probed", facts("local/promtail").transport());
    }

    @Test
    void uptimeFallsBackToTheContainerState() {
        assertEquals("3 d", facts("local/grafana").uptime());
        assertEquals("restarting", facts("local/promtail").uptime());
        assertEquals(4, facts("local/promtail").restarts());
        assertEquals("unknown", facts("edge/prometheus").uptime(), "engine unreachable: nothing is known of the container");
    }

    @Test
    void aDiscoveredServiceSaysSo() {
        ServiceSpec reference = FakeStack.spec(FakeStack.LOCAL, ServiceKind.REDIS);
        ServiceSpec found = new ServiceSpec("cache-7", ServiceKind.REDIS, "local", "cache-7", reference.health(),
                Optional.empty(), Optional.empty(), Optional.empty(), true);
        TileFacts waiting = TileFacts.waiting(found);
        assertEquals("redis · discovered", waiting.subtitle());
        assertTrue(waiting.discovered());
        assertEquals(HealthState.UNKNOWN, waiting.state());
    }

    private static TileFacts facts(String id) {
        return TileFacts.of(FIRST.services().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow());
    }
}
