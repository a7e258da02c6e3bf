package io.nightwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.Sshd;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The test engine behind a real sshd (loopback, key login only), reached by ssh:// as the Docker CLI reaches it:
 * every login runs the local docker CLI's {@code docker system dial-stdio} against the test engine's socket.
 */
@EngineTest
class SshEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestEngine engine;
    private static Sshd sshd;
    @TempDir
    static Path temp;
    private static Path dockerConfig;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.shared();
        engine.runReferenceServices();
        Map<String, String> far = engine.dockerEnv();
        sshd = Sshd.start("env DOCKER_HOST=" + far.get("DOCKER_HOST") + " DOCKER_CONFIG=" + far.get("DOCKER_CONFIG")
                + " docker system dial-stdio");
        dockerConfig = Files.createDirectories(temp.resolve("no-contexts"));
    }

    @AfterAll
    static void stop() {
        if (sshd != null) sshd.close();
    }

    @Test
    void statusThroughSshSeesTheTestbedContainers() throws Exception {
        NightwatchRun run = NightwatchRun.of(Map.of("NIGHTWATCH_SSH_CONFIG", sshd.clientConfig().toString(),
                "DOCKER_CONFIG", dockerConfig.toString()), "status", "--host", sshd.address(), "--json");
        assertEquals(2, run.exit(), "four reference services are absent here → DOWN → exit 2\n" + run + "\nsshd log:\n" + sshd.log());
        JsonNode doc = JSON.readTree(run.stdout());
        assertTrue(doc.path("engines").get(0).path("reachable").asBoolean(), run.toString());
        for (String service : new String[] {"prometheus", "alertmanager", "redis"}) {
            assertEquals("UP", find(doc, service).path("state").asText(), service + "\n" + run);
        }
        assertEquals("2.42.0", find(doc, "prometheus").path("version").asText());
    }

    @Test
    void backupCopiesThroughTheRelayAndVerifies() throws Exception {
        Path to = temp.resolve("backups");
        NightwatchRun run = NightwatchRun.of(Map.of("NIGHTWATCH_SSH_CONFIG", sshd.clientConfig().toString(),
                "DOCKER_CONFIG", dockerConfig.toString(), "XDG_DATA_HOME", temp.resolve("data").toString(),
                "XDG_STATE_HOME", temp.resolve("state").toString()),
                "backup", "--host", sshd.address(), "--service", "redis", "--to", to.toString());
        assertEquals(0, run.exit(), run.toString());
        Path set;
        try (var sets = Files.list(to)) {
            set = sets.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        NightwatchRun listed = NightwatchRun.of(Map.of(), "backups", "--in", to.toString());
        assertTrue(listed.stdout().lines().anyMatch(l -> l.startsWith(set.getFileName().toString()) && l.contains("verified")), listed.toString());
    }

    @Test
    void hostsListsTheCurrentSshContextAsReachable() throws Exception {
        Path contexts = Files.createDirectories(temp.resolve("contexts"));
        writeContext(contexts, "far", sshd.address());
        writeContext(contexts, "gone", "tcp://127.0.0.1:1");
        Files.writeString(contexts.resolve("config.json"), "{\"currentContext\": \"far\"}");
        Map<String, String> env = Map.of("NIGHTWATCH_SSH_CONFIG", sshd.clientConfig().toString(), "DOCKER_CONFIG", contexts.toString());

        NightwatchRun json = NightwatchRun.of(env, "hosts", "--json", "--timeout", "10");
        assertEquals(3, json.exit(), "context 'gone' does not answer → exit 3\n" + json);
        JsonNode engines = JSON.readTree(json.stdout()).path("engines");
        assertEquals(3, engines.size(), json.toString());
        JsonNode profileHost = engines.get(0);
        assertEquals("profile", profileHost.path("source").asText());
        assertEquals(sshd.address(), profileHost.path("address").asText(), "the profile's engine follows the current context");
        assertTrue(profileHost.path("reachable").asBoolean(), json.toString());
        JsonNode far = engines.get(1);
        assertEquals("context", far.path("source").asText());
        assertEquals("far", far.path("name").asText());
        assertTrue(far.path("current").asBoolean());
        assertTrue(far.path("reachable").asBoolean(), json.toString());
        assertFalse(far.path("engineVersion").asText().isEmpty());
        JsonNode gone = engines.get(2);
        assertEquals("gone", gone.path("name").asText());
        assertFalse(gone.path("reachable").asBoolean());

        NightwatchRun text = NightwatchRun.of(env, "hosts");
        assertTrue(text.stdout().lines().anyMatch(l -> l.matches("context +far \\* +ssh://\\S+ +up \\(engine .*")), text.toString());
        assertTrue(text.stdout().lines().anyMatch(l -> l.matches("context +gone +tcp://127\\.0\\.0\\.1:1 +unreachable: .*")), text.toString());
    }

    /** As {@code docker context create NAME --docker host=URI} writes it. */
    private static void writeContext(Path dockerConfig, String name, String host) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        Path dir = Files.createDirectories(dockerConfig.resolve("contexts/meta").resolve(digest));
        Files.writeString(dir.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
                + host + "\",\"SkipTLSVerify\":false}}}");
    }

    private static JsonNode find(JsonNode doc, String service) {
        for (JsonNode s : doc.path("services")) {
            if (s.path("service").asText().equals(service)) return s;
        }
        throw new AssertionError("no service " + service + " in " + doc);
    }
}
