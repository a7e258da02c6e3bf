package io.nightwatch.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves the testbed itself: reference services, the exec-only container, the TLS engine. */
@EngineTest
class TestEngineSmokeTest {

    private static TestEngine engine;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startEngine() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    @Test
    void referenceServicesAnswerOnLoopback() throws Exception {
        assertEquals(200, get("http://127.0.0.1:9090/-/healthy").statusCode());
        assertEquals(200, get("http://127.0.0.1:9093/-/healthy").statusCode());
        assertEquals("PONG", engine.docker("exec", "sva-studio-redis", "redis-cli", "ping").strip());
        assertEquals("sva-studio", engine.docker("inspect", "--format",
                "{{index .Config.Labels \"com.docker.compose.project\"}}", "sva-studio-prometheus"));
    }

    @Test
    void isolatedContainerAnswersOnlyThroughExec() throws Exception {
        int port = freeHostPort();
        engine.runIsolated("nw-smoke-isolated", TestEngine.BUSYBOX, "sh", "-c",
                "mkdir -p /www && echo isolated-ok > /www/index.html && exec httpd -f -p " + port + " -h /www");

        String body = awaitExec(Duration.ofSeconds(10),
                "exec", "nw-smoke-isolated", "wget", "-qO-", "http://localhost:" + port + "/index.html");
        assertEquals("isolated-ok", body.strip());
        assertThrows(IOException.class, () -> get("http://127.0.0.1:" + port + "/index.html"),
                "a --network none container must not be reachable from the host");
        engine.docker("rm", "-f", "nw-smoke-isolated");
    }

    @Test
    void remoteTlsEngineNeedsItsClientCertificate() {
        Tls tls = engine.remoteTlsEngine();
        try {
            assertTrue(tls.host().toString().startsWith("tcp://127.0.0.1:"), tls.host().toString());
            // Exactly what an operator sets: DOCKER_HOST, DOCKER_TLS_VERIFY=1, DOCKER_CERT_PATH.
            Map<String, String> env = new HashMap<>(tls.env());
            env.put("DOCKER_CONTEXT", null);
            String version = Cli.run(env, Duration.ofSeconds(30), Dockerd.DOCKER_CLI, "version",
                    "--format", "{{.Server.Version}}");
            assertFalse(version.isBlank());

            // Without the TLS variables the engine refuses to talk.
            env.put("DOCKER_TLS_VERIFY", null);
            env.put("DOCKER_CERT_PATH", null);
            assertThrows(Cli.CliException.class, () -> Cli.run(env, Duration.ofSeconds(30),
                    Dockerd.DOCKER_CLI, "version", "--format", "{{.Server.Version}}"));
        } finally {
            tls.stop();
        }
        assertFalse(ReferenceStack.answersTcp(tls.host().getPort()), "stop() must end the engine");
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The server inside the container needs a moment to listen: retry the exec, bounded. */
    private static String awaitExec(Duration timeout, String... args) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return engine.docker(Duration.ofSeconds(10), args);
            } catch (Cli.CliException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static int freeHostPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
