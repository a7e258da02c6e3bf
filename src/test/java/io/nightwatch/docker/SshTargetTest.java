package io.nightwatch.docker;

import io.nightwatch.stack.DockerHostSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** ssh:// addresses as the Docker CLI takes them, and the argv they become (never a shell line). */
class SshTargetTest {

    @Test
    void userHostAndPortBecomeSshOptionsBeforeTheHost() {
        SshTarget target = SshTarget.parse("ssh://ops@prod.example:2222");
        assertEquals(List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "-T", "-p", "2222", "-l", "ops",
                "--", "prod.example", "docker", "system", "dial-stdio"), target.command(Optional.empty(), Duration.ofSeconds(5)));
        assertEquals(List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=1", "-T", "-F", "/etc/nw/ssh_config",
                        "--", "prod", "docker", "system", "dial-stdio"),
                SshTarget.parse("ssh://prod").command(Optional.of("/etc/nw/ssh_config"), Duration.ofMillis(300)));
        assertEquals("::1", SshTarget.parse("ssh://root@[::1]:22").host());
        assertEquals("ssh -p 22 ::1", SshTarget.parse("ssh://root@[::1]:22").sshHint());
    }

    @Test
    void unusableAddressesAreRefusedWithTheReason() {
        Map<String, String> refused = Map.of(
                "ssh://", "no host name",
                "ssh://ops:secret@prod", "takes no password",
                "ssh://ops@prod:0", "port must be a number",
                "ssh://ops@prod:ssh", "port must be a number",
                "ssh://ops@prod/var/run", "no path or query",
                "ssh://-oProxyCommand=x", "not a valid host name",
                "ssh://-l@prod", "not a valid user name",
                "ssh://ops@::1", "IPv6 address in brackets");
        refused.forEach((uri, why) -> {
            InvalidEngineAddressException e = assertThrows(InvalidEngineAddressException.class,
                    () -> EngineAddress.checkSyntax(uri, "--host"), uri);
            assertTrue(e.getMessage().contains(why), uri + " → " + e.getMessage());
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        });
    }

    @Test
    void sshAddressesResolveFromEveryPlaceAnAddressComesFrom() {
        DockerHostSpec profile = new DockerHostSpec("far", Optional.of("ssh://ops@far"), Optional.empty(), Optional.empty());
        assertEquals("ssh://ops@far", EngineAddress.resolve(profile, Map.of("HOME", "/nonexistent")).uri());
        DockerHostSpec plain = new DockerHostSpec("local", Optional.empty(), Optional.empty(), Optional.empty());
        EngineAddress fromEnv = EngineAddress.resolve(plain, Map.of("HOME", "/nonexistent", "DOCKER_HOST", "ssh://ops@far:2200",
                "DOCKER_TLS_VERIFY", "1"));
        assertEquals("ssh://ops@far:2200", fromEnv.uri());
        assertFalse(fromEnv.tlsVerify(), "TLS settings are for tcp://; ssh brings its own");
    }

    @Test
    void sshStderrBecomesOneLineAnOperatorCanActOn() {
        SshTarget target = SshTarget.parse("ssh://ops@prod");
        assertEquals("Host key for prod is not known: run ssh prod once to check and accept it", SshFailure.explain(target, 255,
                "No ED25519 host key is known for prod and you have requested strict checking.\r\nHost key verification failed.\r\n"));
        assertTrue(SshFailure.explain(target, 255, "@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
                + "Host key verification failed.\n").startsWith("Host key for prod has changed: if that is expected, remove the old one (ssh-keygen -R prod)"));
        assertTrue(SshFailure.explain(target, 127, "bash: line 1: docker: command not found\n").startsWith("prod has no docker CLI on its PATH"));
        assertEquals("ssh cannot resolve the host name prod",
                SshFailure.explain(target, 255, "ssh: Could not resolve hostname prod: Name or service not known\n"));
        String other = SshFailure.explain(target, 255, "ssh: connect to host prod port 22: Connection refused\r\n");
        assertEquals("ssh to prod failed (exit 255): ssh: connect to host prod port 22: Connection refused", other);
        assertEquals("ssh to prod failed (exit 1): …@prod: \u2026x?", SshFailure.explain(target, 1, "ops@prod: \u2026x\u0007\n"));
    }
}
