package io.nightwatch.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryTargetsTest {

    @Test
    void theSectionIsReadAndItsAbsenceIsNoTargets(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("profile.yaml");
        Files.writeString(p, "services:\n  - kind: redis\nrecovery:\n  rpo: 6h\n  rto: 30m\n  slo:\n    redis: 99.9\n");
        RecoveryTargets t = RecoveryTargets.read(p);
        assertEquals(Optional.of(Duration.ofHours(6)), t.rpo());
        assertEquals(Optional.of(Duration.ofMinutes(30)), t.rto());
        assertEquals(Map.of("redis", 99.9), t.slo());
        Files.writeString(p, "services:\n  - kind: redis\n");
        assertEquals(RecoveryTargets.NONE, RecoveryTargets.read(p));
        assertEquals(RecoveryTargets.NONE, RecoveryTargets.read(null));
        assertEquals(RecoveryTargets.DEFAULT_RPO, RecoveryTargets.NONE.rpoOrDefault());
    }

    @Test
    void aWrongValueIsNamed(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("profile.yaml");
        Files.writeString(p, "recovery:\n  rpo: one day\n");
        IOException e = assertThrows(IOException.class, () -> RecoveryTargets.read(p));
        assertTrue(e.getMessage().contains("recovery.rpo 'one day' is not a duration"), e.getMessage());
        Files.writeString(p, "recovery:\n  slo:\n    redis: 150\n");
        e = assertThrows(IOException.class, () -> RecoveryTargets.read(p));
        assertTrue(e.getMessage().contains("recovery.slo.redis must be a percentage"), e.getMessage());
    }
}
