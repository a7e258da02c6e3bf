package io.nightwatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ProfileLoaderTest {

    private static final Path FILE = Path.of("/etc/nightwatch/profile.yaml");

    @Test
    void builtInProfileIsTheReferenceStack() {
        StackProfile profile = ReferenceStack.profile();
        assertEquals(7, profile.services().size());
        ServiceSpec grafana = profile.services().stream().filter(s -> s.kind() == ServiceKind.GRAFANA).findFirst().orElseThrow();
        assertEquals("sva-studio-grafana", grafana.container());
        assertEquals("http://127.0.0.1:3001/api/health", grafana.health().toString());
        assertEquals("http://localhost:3000/api/health", grafana.health().inContainerUrl());
        ServiceSpec otel = profile.services().stream().filter(s -> s.kind() == ServiceKind.OTEL_COLLECTOR).findFirst().orElseThrow();
        assertEquals(13133, otel.health().directPort());
        assertEquals(8888, otel.metrics().orElseThrow().containerPort());
        assertEquals("redis://127.0.0.1:6379", profile.services().stream().filter(s -> s.kind() == ServiceKind.REDIS)
                .findFirst().orElseThrow().health().toString());
    }

    @Test
    void readsAFullProfile() throws Exception {
        String yaml = """
                pollInterval: 5s
                probeTimeout: 750ms
                hosts:
                  - name: prod
                    address: tcp://10.1.2.3:2376
                    tlsVerify: true
                    certPath: /etc/nightwatch/certs
                services:
                  - kind: prometheus
                    host: prod
                  - kind: redis
                    name: sessions
                    container: platform_redis
                    passwordEnv: REDIS_PASSWORD
                  - kind: loki
                    health: http://127.0.0.1:3200/ready
                """;
        StackProfile profile = ProfileLoader.parse(FILE, yaml);
        assertEquals(Duration.ofSeconds(5), profile.pollInterval());
        assertEquals(Duration.ofMillis(750), profile.probeTimeout());
        assertEquals("tcp://10.1.2.3:2376", profile.hosts().get(0).address().orElseThrow());
        ServiceSpec prometheus = profile.services().get(0);
        assertEquals("10.1.2.3", prometheus.health().directHost(), "a remote engine's services are probed at its address");
        ServiceSpec redis = profile.services().get(1);
        assertEquals("sessions", redis.name());
        assertEquals("platform_redis", redis.container());
        assertEquals("REDIS_PASSWORD", redis.credentialEnv().orElseThrow());
        assertEquals(3200, profile.services().get(2).health().directPort());
    }

    @Test
    void flowSettingsAreReadAndChecked() throws Exception {
        StackProfile profile = ProfileLoader.parse(FILE, "flow:\n  interval: 2s\n  window: 90s\n  history: 30m\n  canary: true\n");
        assertEquals(new FlowOptions(Duration.ofSeconds(2), Duration.ofSeconds(90), Duration.ofMinutes(30), true), profile.flow());
        assertEquals(FlowOptions.DEFAULT, ProfileLoader.parse(FILE, "pollInterval: 3s\n").flow());
        assertProblem("flow:\n  interval: 10s\n  window: 5s\n", 3, "flow.window", "at least the interval");
        assertProblem("flow:\n  canaries: true\n", 2, "flow.canaries", "unknown field");
    }

    @Test
    void unknownKindNamesFileLineAndField() {
        String yaml = """
                services:
                  - kind: prometheus
                  - kind: lokki
                """;
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse(FILE, yaml));
        assertEquals(3, e.line());
        assertEquals("services[1].kind", e.field());
        assertTrue(e.getMessage().startsWith("/etc/nightwatch/profile.yaml:3: services[1].kind: unknown kind 'lokki'"), e.getMessage());
    }

    @Test
    void unknownFieldIsNamed() {
        String yaml = """
                hosts:
                  - name: local
                    adress: unix:///var/run/docker.sock
                """;
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse(FILE, yaml));
        assertEquals(3, e.line());
        assertEquals("hosts[0].adress", e.field());
        assertTrue(e.getMessage().contains("unknown field"), e.getMessage());
    }

    @Test
    void badValuesAreExplained() {
        assertProblem("pollInterval: soon\n", 1, "pollInterval", "not a duration");
        assertProblem("services:\n  - kind: redis\n    host: nowhere\n", 3, "services[0].host", "no host named 'nowhere'");
        assertProblem("services:\n  - kind: loki\n    health: ftp://x/ready\n", 3, "services[0].health", "scheme 'ftp'");
        assertProblem("services:\n  - kind: loki\n    containerPort: 99999\n", 3, "services[0].containerPort", "port number");
        assertProblem("hosts:\n  - name: a\n    address: 10.0.0.1\n", 3, "hosts[0].address", "not an engine address");
        assertProblem("hosts:\n  - name: a\n    tlsVerify: yes please\n", 3, "hosts[0].tlsVerify", "true or false");
        assertProblem("services:\n  - kind: redis\n  - kind: redis\n", 3, "services[1].name", "listed twice");
    }

    @Test
    void syntaxErrorsCarryTheLine() {
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileLoader.parse(FILE, "services:\n  - kind: redis\n   bad: [unclosed\n"));
        assertTrue(e.line() >= 2, "line " + e.line());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void xdgConfigDirectoryIsHonoured(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("nightwatch");
        Files.createDirectories(config);
        Files.writeString(config.resolve("profile.yaml"), "services:\n  - kind: redis\n");
        StackProfile profile = ProfileLoader.resolve(null, Map.of("XDG_CONFIG_HOME", dir.toString()));
        assertEquals(1, profile.services().size());
        assertEquals(config.resolve("profile.yaml").toString(), profile.source());

        StackProfile fallback = ProfileLoader.resolve(null, Map.of("HOME", dir.resolve("nohome").toString()));
        assertEquals(ReferenceStack.SOURCE, fallback.source());

        ProfileException missing = assertThrows(ProfileException.class,
                () -> ProfileLoader.resolve(dir.resolve("absent.yaml"), Map.of()));
        assertTrue(missing.getMessage().contains("no such profile file"));
    }

    @Test
    void hostOverrideRetargetsDerivedAddresses() {
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress("tcp://192.0.2.10:2376");
        assertTrue(profile.services().stream().allMatch(s -> s.health().directHost().equals("192.0.2.10")));
    }

    private static void assertProblem(String yaml, int line, String field, String words) {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse(FILE, yaml));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
