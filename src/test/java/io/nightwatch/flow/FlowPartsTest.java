package io.nightwatch.flow;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class FlowPartsTest {

    @Test
    void errorLinesAreRecognisedInTheStacksFormats() {
        assertTrue(ErrorLines.isError("level=error ts=2026-11-25T03:00:00Z caller=push.go:54 msg=\"error sending batch\""));
        assertTrue(ErrorLines.isError("ts=2026 level=\"error\" msg=x"));
        assertTrue(ErrorLines.isError("{\"level\":\"error\",\"msg\":\"write failed\"}"));
        assertTrue(ErrorLines.isError("2026-11-25 03:00:00 ERROR Something broke"));
        assertTrue(ErrorLines.isError("1:M 25 Nov 2026 03:00:00.000 # [error] Can't save in background"));
        assertTrue(ErrorLines.isError("panic: runtime error: index out of range"));
        assertFalse(ErrorLines.isError("level=info msg=\"no errors found\""));
        assertFalse(ErrorLines.isError("level=info msg=\"error_count=0\""));
        assertFalse(ErrorLines.isError("ts=2026 level=warn msg=slow"));
    }

    @Test
    void redisInfoFieldsAndKeyspace() {
        RedisInfo info = RedisInfo.parse("# Server\r\nredis_version:7.0.15\r\n# Clients\r\nconnected_clients:3\r\n"
                + "# Memory\r\nused_memory:1048576\r\nmaxmemory:268435456\r\n# Stats\r\ntotal_commands_processed:420\r\n"
                + "# Keyspace\r\ndb0:keys=12,expires=5,avg_ttl=600000\r\ndb1:keys=3,expires=1,avg_ttl=0\r\n");
        assertTrue(info.looksValid());
        assertEquals(3, info.number("connected_clients").getAsDouble());
        assertEquals(420, info.number("total_commands_processed").getAsDouble());
        assertEquals(6, info.number("expires").getAsDouble());
        assertEquals(15, info.number("keys").getAsDouble());
        assertTrue(info.number("nonexistent").isEmpty());
    }

    @Test
    void dfOutputAndTimeToFull() {
        long[] df = DiskWatcher.parseDf("Filesystem           1024-blocks    Used Available Capacity Mounted on\n"
                + "overlay               263174212 22530056 227217528   9% /\n").orElseThrow();
        assertArrayEquals(new long[] {263174212L * 1024, 22530056L * 1024, 227217528L * 1024}, df);
        assertTrue(DiskWatcher.parseDf("df: /nope: No such file or directory").isEmpty());

        // 1 MiB per second of growth, 100 MiB free → 100 s
        Series growing = new Series(new long[] {0, 30_000, 60_000, 90_000},
                new double[] {0, 30 * 1048576.0, 60 * 1048576.0, 90 * 1048576.0});
        assertEquals(Duration.ofSeconds(100), DiskWatcher.timeToFull(growing, 100L << 20).orElseThrow());
        Series flat = new Series(new long[] {0, 30_000, 60_000}, new double[] {5, 5, 5});
        assertTrue(DiskWatcher.timeToFull(flat, 100).isEmpty());
        Series tooShort = new Series(new long[] {0, 1_000, 2_000}, new double[] {0, 1e6, 2e6});
        assertTrue(DiskWatcher.timeToFull(tooShort, 100).isEmpty(), "a trend over 2 s means nothing");
    }

    @Test
    void ratesReadWell() {
        assertEquals("1.2k samples/s", Rates.format(1234, "samples/s"));
        assertEquals("0.33 lines/s", Rates.format(1 / 3.0, "lines/s"));
        assertEquals("0 ops/s", Rates.format(0, "ops/s"));
        assertEquals("256 MiB", Rates.format(256L << 20, "B"));
        assertEquals("–", Rates.format(Double.NaN, "x"));
    }

    @Test
    void ringSeriesKeepsTheNewestInOrder() {
        RingSeries ring = new RingSeries(3);
        for (int i = 1; i <= 5; i++) ring.add(i * 1000L, i);
        Series s = ring.snapshot();
        assertArrayEquals(new long[] {3000, 4000, 5000}, s.epochMillis());
        assertArrayEquals(new double[] {3, 4, 5}, s.values());
    }
}
