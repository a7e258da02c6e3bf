package io.nightwatch.runbook.rollback;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CommandFlagsTest {

    @Test
    void aFlagReplacesItsEarlierValueInEitherFormAndKeepsEverythingElse() {
        List<String> args = List.of("--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.retention", "30d",
                "--storage.tsdb.retention.time=15d", "--web.enable-admin-api");
        String flag = "--storage.tsdb.retention.time=7d";
        assertEquals(List.of("--config.file=/etc/prometheus/prometheus.yml", "--web.enable-admin-api", flag),
                CommandFlags.set(args, flag, CommandFlags.aliasesOf(flag)));
        assertEquals(List.of("--web.enable-admin-api", "--storage.tsdb.retention.size=40GB"),
                CommandFlags.set(List.of("--web.enable-admin-api"), "--storage.tsdb.retention.size=40GB", List.of()));
    }

    @Test
    void aMalformedFlagIsRefusedWithTheExpectedForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommandFlags.check("--retention 7d; rm -rf /"));
        assertEquals("set-flag must look like --name=value (no spaces), not '--retention 7d; rm -rf /'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> io.nightwatch.runbook.recovery.RecoveryTestAccess.retentionFlag("a week"));
    }
}
