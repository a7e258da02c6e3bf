package io.nightwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.testbed.Sshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What an operator reads when an ssh:// engine cannot be reached, against a real sshd (loopback, key login only)
 * whose far side has no docker CLI: every login runs {@code docker system dial-stdio} with an empty PATH.
 */
class SshHostErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Sshd sshd;
    private static Path dockerConfig;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = Sshd.start("env PATH=/nonexistent docker system dial-stdio");
        dockerConfig = Files.createTempDirectory("nw-ssh-cli-config");
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) sshd.close();
        if (dockerConfig != null) Files.deleteIfExists(dockerConfig);
    }

    private static JsonNode hostsWith(Path sshConfig) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("NIGHTWATCH_SSH_CONFIG", sshConfig.toString());
        env.put("DOCKER_CONFIG", dockerConfig.toString()); // no contexts of this machine
        NightwatchRun run = NightwatchRun.of(env, "hosts", "--host", sshd.address(), "--json");
        assertEquals(3, run.exit(), run + "\nsshd log:\n" + sshd.log());
        JsonNode engine = JSON.readTree(run.stdout()).path("engines").get(0);
        assertEquals(sshd.address(), engine.path("address").asText());
        assertFalse(engine.path("reachable").asBoolean(), run.toString());
        return engine;
    }

    @Test
    void farSideWithoutDockerIsNamed() throws Exception {
        JsonNode engine = hostsWith(sshd.clientConfig());
        assertEquals("127.0.0.1 has no docker CLI on its PATH (Nightwatch runs 'docker system dial-stdio' there over ssh,"
                + " as the Docker CLI does): install the docker CLI on 127.0.0.1", engine.path("reason").asText());
    }

    @Test
    void unknownHostKeyTellsHowToAcceptIt() throws Exception {
        JsonNode engine = hostsWith(sshd.clientConfigWithoutHostKey());
        assertEquals("Host key for 127.0.0.1 is not known: run ssh -p " + sshd.port() + " 127.0.0.1 once to check and accept it",
                engine.path("reason").asText());
    }

    @Test
    void refusedKeyIsALoginProblemNotAnEngineProblem() throws Exception {
        JsonNode engine = hostsWith(sshd.clientConfigWithStrangerKey());
        String reason = engine.path("reason").asText();
        assertTrue(reason.startsWith("ssh to 127.0.0.1 refused the login (Permission denied"), reason);
        assertFalse(reason.contains(System.getProperty("user.name") + "@"), "no user@host in the words: " + reason);
    }
}
