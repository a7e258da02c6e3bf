package io.nightwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Where the operator is at fault, the answer is exit 64 and one line saying what is wrong: never 70, never a
 * stack trace or a library's internal words. In process, as picocli runs them; no engine is needed.
 */
class HostileArgumentsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        CommandLine cli = NightwatchCommand.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == StatusCommand.class) return type.cast(new StatusCommand(env));
                if (type == FlowCommand.class) return type.cast(new FlowCommand(env));
                return CommandLine.defaultFactory().create(type);
            }
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int run(String... args) {
        return run(Map.of("HOME", dir.toString()), args);
    }

    /** Exit 64, one line on stderr naming {@code words}, nothing internal. */
    private void assertUsage(int code, String... words) {
        String text = err.toString();
        assertEquals(64, code, text);
        assertEquals(1, text.strip().lines().count(), "one line: " + text);
        for (String w : words) assertTrue(text.contains(w), "'" + w + "' in: " + text);
        for (String internal : new String[] {"Exception", "\tat ", "long overflow", "NullPointer", "internal error"}) {
            assertFalse(text.contains(internal), internal + " in: " + text);
        }
        err.getBuffer().setLength(0);
    }

    private Path profile(String yaml) throws Exception {
        Path file = dir.resolve("profile.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void giantAndNegativePeriodsAreUsageErrors() {
        assertUsage(run("silence", "--matcher", "alertname=X", "--for", "999999999999d", "--comment", "c"), "--for", "out of range");
        assertUsage(run("silence", "--matcher", "alertname=X", "--for", "-5m", "--comment", "c"), "--for", "not a period");
        assertUsage(run("silence", "--matcher", "alertname=X", "--for", "99999999999999999999999m", "--comment", "c"), "--for");
        assertUsage(run("backup", "--keep", "-1"), "--keep", "at least 1");
        assertUsage(run("backup", "--keep", "0"), "--keep");
        assertUsage(run("backup", "--max-age", "-30d"), "--max-age");
        assertUsage(run("backup", "--max-age", "999999999999w"), "--max-age", "out of range");
        assertUsage(run("upgrade", "--service", "prometheus", "--gate", "-90s"), "--gate");
        assertUsage(run("upgrade", "--service", "prometheus", "--hold", "-10m"), "--hold", "neither keep nor a period");
        assertUsage(run("rollback", "--service", "prometheus", "--max-latency", "0ms"), "--max-latency");
        assertUsage(run("swarm", "update", "svc", "--image", "x", "--timeout", "-5s"), "--timeout");
        assertUsage(run("status", "--timeout", "-1"), "--timeout");
    }

    @Test
    void emptyOutputFileIsAUsageError() {
        assertUsage(run("incident", "export", "1", "--out", ""), "--out", "empty file name");
        assertUsage(run("incident", "export", "1", "--out", "   "), "--out");
    }

    @Test
    void unknownSwarmHostIsAUsageError() throws Exception {
        Path p = profile("services:\n  - kind: prometheus\n");
        assertUsage(run("swarm", "services", "--profile", p.toString(), "--on", "nosuch"), "--on", "no host 'nosuch'", "local");
        assertUsage(run("swarm", "rollback", "svc", "--profile", p.toString(), "--on", "nosuch", "--yes"), "no host 'nosuch'");
    }

    @Test
    void unknownOptionsGetOneLineNotTheWholeUsage() {
        assertUsage(run("status", "--frobnicate"), "Unknown option", "nightwatch status --help");
        assertUsage(run("backup", "--keep"), "--keep");
    }

    @Test
    void hostileProfilesAreUsageErrorsWithTheirLine() throws Exception {
        Path p = profile("services:\n  - kind: redis\n    name: \"../../etc\"\n");
        assertUsage(run("status", "--profile", p.toString()), p + ":3: services[0].name");
        p = profile("services:\n  - kind: redis\n    dataPath: /\n");
        assertUsage(run("backup", "--profile", p.toString()), p + ":3: services[0].dataPath", "root directory");
        p = profile("pollInterval: 99999999999h\n");
        assertUsage(run("status", "--profile", p.toString()), "pollInterval", "too long");
        p = profile("services:\n  - kind: redis\n    kind: loki\n");
        assertUsage(run("flow", "--profile", p.toString()), "Duplicate field 'kind'");
        Files.write(p, new byte[] {'s', 'e', 'r', (byte) 0xff, ':', '\n'});
        assertUsage(run("status", "--profile", p.toString()), "not valid UTF-8");
    }

    @Test
    void garbageEngineAddressesAreUsageErrorsSayingWhatIsWrong() throws Exception {
        Path p = profile("services:\n  - kind: redis\n");
        String profile = p.toString();
        assertUsage(run("status", "--profile", profile, "--host", ""), "--host is empty");
        assertUsage(run("status", "--profile", profile, "--host", "garbage"), "'garbage'", "not an engine address");
        assertUsage(run("status", "--profile", profile, "--host", "tcp://"), "no host name");
        assertUsage(run("status", "--profile", profile, "--host", "tcp://127.0.0.1"), "no port");
        assertUsage(run("status", "--profile", profile, "--host", "tcp://[::1"), "not a valid tcp://HOST:PORT");
        assertUsage(run("status", "--profile", profile, "--host", "unix://relative.sock"), "absolute path");
        assertUsage(run(Map.of("HOME", dir.toString(), "DOCKER_HOST", "::garbage::"), "status", "--profile", profile),
                "DOCKER_HOST", "not an engine address");
        assertUsage(run(Map.of("HOME", dir.toString(), "DOCKER_HOST", "tcp://user:secret@10.0.0.1:2376"), "status", "--profile", profile),
                "DOCKER_HOST");
        assertFalse(err.toString().contains("secret"));
        assertUsage(run(Map.of("HOME", dir.toString(), "DOCKER_HOST", "tcp://127.0.0.1:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", dir.resolve("no-certs").toString()), "flow", "--profile", profile), "TLS", "ca.pem is missing");
        Path junk = Files.createDirectories(dir.resolve("junk-certs"));
        for (String f : new String[] {"ca.pem", "cert.pem", "key.pem"}) Files.writeString(junk.resolve(f), "not a certificate");
        assertUsage(run(Map.of("HOME", dir.toString(), "DOCKER_HOST", "tcp://127.0.0.1:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", junk.toString()), "status", "--profile", profile), "cannot use the TLS files in " + junk);
        assertUsage(run("status", "--profile", profile, "--host", "npipe:////./pipe/docker_engine"), "only on Windows");
    }

    @Test
    void aDockerContextThatDoesNotExistIsNotTheDefaultSocket() throws Exception {
        Path p = profile("services:\n  - kind: redis\n");
        assertUsage(run(Map.of("HOME", dir.toString(), "DOCKER_CONTEXT", "nosuch"), "status", "--profile", p.toString()),
                "DOCKER_CONTEXT", "'nosuch'", "does not exist");
    }
}
