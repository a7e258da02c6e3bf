package io.nightwatch.runbook.rollback;

import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.stack.ReferenceStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Swarm update/rollback runbook silences the service's alerts around the change, as the container runbooks do. */
class SwarmRunbookSilenceTest {

    @TempDir
    Path data;

    @Test
    void aStackServiceOfTheProfileIsSilencedAroundTheEnginesRollback() {
        try (RunbookCatalog catalog = new RunbookCatalog(ReferenceStack.profile(), Map.of(), data, Clock.systemUTC())) {
            Runbook r = catalog.swarm().build(Map.of("service", "sva-studio_prometheus", "action", "rollback"));
            assertEquals(List.of("check-service", "silence-prometheus", "apply-and-follow", "unsilence-prometheus"),
                    r.steps().stream().map(Step::id).toList());
            Runbook unknown = catalog.swarm().build(Map.of("service", "other_thing", "action", "rollback"));
            assertEquals(List.of("check-service", "apply-and-follow"), unknown.steps().stream().map(Step::id).toList(),
                    "a service the profile does not know has no alerts of its own to silence");
        }
    }
}
