package io.nightwatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Profile values end up in backup folder names and in commands run inside containers: hostile ones are refused
 * when the profile is read, with the line and the field to fix.
 */
class HostileProfileTest {

    private static final Path FILE = Path.of("/etc/nightwatch/profile.yaml");

    @ParameterizedTest
    @ValueSource(strings = {"../etc", "..", "a/../../b", "redis;rm -rf /", "my redis", "Redis", "-rf", ".hidden", "a..b",
            "x\\ty", "$(id)", "a`b`"})
    void hostileServiceNamesAreRefusedOnTheirLine(String name) {
        String yaml = "services:\n  - kind: prometheus\n  - kind: redis\n    name: \"" + name.replace("\\", "\\\\") + "\"\n";
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse(FILE, yaml));
        assertEquals(4, e.line(), e.getMessage());
        assertEquals("services[1].name", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("not a usable service name"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "/", "/.", "/data/../etc", "relative/data", "/data/", "/data//x", "/data;rm -rf /",
            "/my data", "/data/$(id)", "/data/*", "/da'ta", "/./data"})
    void hostileDataPathsAreRefusedOnTheirLine(String path) {
        String yaml = "services:\n  - kind: redis\n    container: cache\n    dataPath: \"" + path + "\"\n";
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse(FILE, yaml));
        assertEquals(4, e.line(), e.getMessage());
        assertEquals("services[0].dataPath", e.field(), e.getMessage());
    }

    @Test
    void ordinaryNamesAndPathsStillLoad() throws Exception {
        StackProfile p = ProfileLoader.parse(FILE, """
                hosts:
                  - name: prod-1
                services:
                  - kind: redis
                    name: sessions_2.cache
                    container: platform_Redis-1
                    dataPath: /var/lib/redis-data/v1.2
                """);
        assertEquals("sessions_2.cache", p.services().get(0).name());
        assertEquals("/var/lib/redis-data/v1.2", p.services().get(0).dataPath().orElseThrow());
    }

    @Test
    void hostNamesContainersAndPasswordVariablesAreCheckedToo() {
        assertLine("hosts:\n  - name: ../up\n", 2, "hosts[0].name");
        assertLine("services:\n  - kind: redis\n    container: \"x; reboot\"\n", 3, "services[0].container");
        assertLine("services:\n  - kind: redis\n    passwordEnv: \"A B\"\n", 3, "services[0].passwordEnv");
    }

    @Test
    void duplicateKeysAreRefusedNotSilentlyOverwritten() {
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileLoader.parse(FILE, "services:\n  - kind: redis\n    name: a\n    name: b\n"));
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("Duplicate field 'name'"), e.getMessage());
        assertThrows(ProfileException.class, () -> ProfileLoader.parse(FILE, "pollInterval: 2s\npollInterval: 3s\n"));
    }

    @Test
    void giantDurationsAreARangeErrorNotAnOverflow() {
        for (String value : new String[] {"999999999999h", "9999999999999999999999s", "31d", "745h"}) {
            ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse(FILE, "pollInterval: " + value + "\n"));
            assertEquals(1, e.line(), e.getMessage());
            assertEquals("pollInterval", e.field(), e.getMessage());
        }
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile.yaml");
        byte[] start = "services:\n  - kind: redis\n    name: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, '\n'};
        byte[] all = new byte[start.length + bad.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(bad, 0, all, start.length, bad.length);
        Files.write(file, all);
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.load(file));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void aHugeFileIsNotReadAsAProfile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile.yaml");
        Files.write(file, new byte[(int) ProfileLoader.MAX_BYTES + 1]);
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.load(file));
        assertTrue(e.getMessage().contains("larger than 1 MiB"), e.getMessage());
    }

    private static void assertLine(String yaml, int line, String field) {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse(FILE, yaml));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
    }
}
