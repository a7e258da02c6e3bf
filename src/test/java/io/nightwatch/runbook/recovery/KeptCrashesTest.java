package io.nightwatch.runbook.recovery;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.ContainerState;
import io.nightwatch.docker.HealthcheckStatus;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.store.CrashLines;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** What redis-down's "why" says from the kept lines: the persistence error of the last death, and whether the container is new. */
class KeptCrashesTest {

    private static final ServiceSpec REDIS = ReferenceStack.profile().services().stream().filter(s -> s.name().equals("redis")).findFirst().orElseThrow();
    private static final Pattern PERSISTENCE = Pattern.compile("(?i)MISCONF|no space left");

    private static ContainerFacts running(String id) {
        return new ContainerFacts(id, REDIS.container(), "redis:7", ContainerState.RUNNING, HealthcheckStatus.NONE, "", 0, false, 0,
                Optional.empty(), Optional.empty(), 0, 0, Map.of(), "");
    }

    @Test
    void theLastDeathsPersistenceErrorIsShownAndARecreateIsSaid() {
        CrashLines.Crash oom = new CrashLines.Crash("local", "redis", "aaaaaaaaaaaa", Instant.parse("2026-12-06T03:00:00Z"), 137, true,
                List.of("1:M 06 Dec 2026 03:00:00.000 # MISCONF Errors writing to the AOF file: No space left on device", "1:M ready"));
        CrashHistory history = (host, service, limit) -> host.equals("local") && service.equals("redis") ? List.of(oom) : List.of();

        List<String> recreated = KeptCrashes.describe(history, REDIS, Optional.of(running("bbbbbbbbbbbbffff")), PERSISTENCE, "kept persistence error");
        assertTrue(recreated.get(0).startsWith("1 death(s) kept; the last with lines at 2026-12-06T03:00:00Z, exit code 137, OOM-killed"), recreated.toString());
        assertTrue(recreated.get(0).endsWith("(recreated or removed since: these lines are gone from the engine)"), recreated.toString());
        assertEquals(1, recreated.stream().filter(l -> l.startsWith("kept persistence error: ") && l.contains("No space left")).count(), recreated.toString());

        List<String> same = KeptCrashes.describe(history, REDIS, Optional.of(running("aaaaaaaaaaaaffff")), PERSISTENCE, "kept persistence error");
        assertFalse(same.get(0).contains("recreated"), same.toString());

        assertEquals(List.of("no earlier deaths of redis kept (Nightwatch keeps them while the window or serve runs)"),
                KeptCrashes.describe(CrashHistory.NONE, REDIS, Optional.empty(), PERSISTENCE, "kept persistence error"));
        assertTrue(KeptCrashes.describe((h, s, l) -> { throw new IllegalStateException("locked"); }, REDIS, Optional.empty(), PERSISTENCE, "x")
                .get(0).startsWith("kept crash lines unreadable: locked"));
    }
}
