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

    @Test
    void aNamedContextThatDoesNotExistIsAnErrorNotTheLocalSocket(@TempDir Path home) throws Exception {
        InvalidEngineAddressException fromEnv = assertThrows(InvalidEngineAddressException.class,
                () -> EngineAddress.resolve(LOCAL, Map.of("HOME", home.toString(), "DOCKER_CONTEXT", "nosuch")));
        assertTrue(fromEnv.getMessage().contains("DOCKER_CONTEXT names the Docker context 'nosuch'"), fromEnv.getMessage());

        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"gone\"}");
        InvalidEngineAddressException fromConfig = assertThrows(InvalidEngineAddressException.class,
                () -> EngineAddress.resolve(LOCAL, Map.of("HOME", home.toString())));
        assertTrue(fromConfig.getMessage().contains("'gone'"), fromConfig.getMessage());

        assertEquals(EngineAddress.DEFAULT_SOCKET, EngineAddress.resolve(LOCAL, Map.of("HOME", home.toString(), "DOCKER_CONTEXT", "default")).uri());
        assertEquals("unix:///x.sock", EngineAddress.resolve(LOCAL, Map.of("HOME", home.toString(), "DOCKER_CONTEXT", "nosuch",
                "DOCKER_HOST", "unix:///x.sock")).uri(), "DOCKER_HOST wins, so the context is not consulted");
    }

    @Test
    void malformedAddressesAreRefusedBeforeDockerJavaSeesThem(@TempDir Path home) {
        for (String bad : new String[] {"garbage", "tcp://", "tcp://host", "tcp://host:99999", "tcp://h:1/path", "unix://", "unix://rel.sock",
                "https://h:2376", "tcp://h :1", "tcp://a:b@h:2376"}) {
            InvalidEngineAddressException e = assertThrows(InvalidEngineAddressException.class,
                    () -> EngineAddress.resolve(LOCAL.withAddress(bad), Map.of("HOME", home.toString())), bad);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertFalse(e.getMessage().contains("a:b@"), "userinfo is never echoed: " + e.getMessage());
        }
        assertThrows(InvalidEngineAddressException.class, () -> EngineAddress.resolve(LOCAL.withAddress("  "), Map.of()));
    }

    @Test
    void tlsFilesAreCheckedBeforeConnecting(@TempDir Path home) throws Exception {
        EngineAddress a = EngineAddress.resolve(LOCAL, Map.of("HOME", home.toString(), "DOCKER_HOST", "tcp://127.0.0.1:2376",
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", home.toString()));
        Files.writeString(home.resolve("ca.pem"), "x");
        InvalidEngineAddressException e = assertThrows(InvalidEngineAddressException.class, () -> DockerGateway.connect(a));
        assertTrue(e.getMessage().contains("cert.pem is missing"), e.getMessage());
    }
}
