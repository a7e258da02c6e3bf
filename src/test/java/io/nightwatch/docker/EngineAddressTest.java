package io.nightwatch.docker;

import io.nightwatch.stack.DockerHostSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class EngineAddressTest {

    private static final DockerHostSpec LOCAL = DockerHostSpec.fromEnvironment("local");

    @Test
    void defaultsToTheLocalSocket(@TempDir Path home) {
        EngineAddress a = EngineAddress.resolve(LOCAL, Map.of("HOME", home.toString()));
        assertEquals("unix:///var/run/docker.sock", a.uri());
        assertFalse(a.tlsVerify());
    }

    @Test
    void dockerHostAndTlsVariablesAreHonouredLikeTheCli(@TempDir Path home) {
        EngineAddress a = EngineAddress.resolve(LOCAL, Map.of("HOME", home.toString(), "DOCKER_HOST", "tcp://127.0.0.1:2376",
                "DOCKER_TLS_VERIFY", "yes", "DOCKER_CERT_PATH", "/certs"));
        assertEquals("tcp://127.0.0.1:2376", a.uri());
        assertTrue(a.tlsVerify(), "the Docker CLI treats any non-empty DOCKER_TLS_VERIFY as on");
        assertEquals(Optional.of(Path.of("/certs")), a.certPath());
    }

    @Test
    void explicitAddressWinsOverTheEnvironment(@TempDir Path home) {
        EngineAddress a = EngineAddress.resolve(LOCAL.withAddress("unix:///tmp/other.sock"),
                Map.of("HOME", home.toString(), "DOCKER_HOST", "tcp://127.0.0.1:2376", "DOCKER_TLS_VERIFY", "1"));
        assertEquals("unix:///tmp/other.sock", a.uri());
        assertFalse(a.tlsVerify());
    }

    @Test
    void currentContextSuppliesHostAndTlsFiles(@TempDir Path home) throws Exception {
        Path docker = home.resolve(".docker");
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("night".getBytes(StandardCharsets.UTF_8)));
        Path meta = docker.resolve("contexts/meta").resolve(digest);
        Path tls = docker.resolve("contexts/tls").resolve(digest).resolve("docker");
        Files.createDirectories(meta);
        Files.createDirectories(tls);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"night\",\"Endpoints\":{\"docker\":{\"Host\":\"tcp://127.0.0.1:23760\"}}}");
        Files.writeString(tls.resolve("ca.pem"), "x");
        Files.writeString(docker.resolve("config.json"), "{\"currentContext\":\"night\"}");

        EngineAddress a = EngineAddress.resolve(LOCAL, Map.of("HOME", home.toString()));
        assertEquals("tcp://127.0.0.1:23760", a.uri());
        assertTrue(a.tlsVerify());
        assertEquals(Optional.of(tls), a.certPath());

        EngineAddress overridden = EngineAddress.resolve(LOCAL, Map.of("HOME", home.toString(), "DOCKER_HOST", "unix:///x.sock"));
        assertEquals("unix:///x.sock", overridden.uri(), "a non-empty DOCKER_HOST wins over the context");
    }
}
