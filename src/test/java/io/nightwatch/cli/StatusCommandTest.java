package io.nightwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The CLI's contract without an engine: argument and profile errors, and an engine that is not there. */
class StatusCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = NightwatchCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void malformedProfileExitsWithUsageCodeAndNamesLineAndField(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("profile.yaml");
        Files.writeString(profile, "services:\n  - kind: prometheus\n  - kind: grafna\n");
        assertEquals(64, run("status", "--profile", profile.toString()));
        assertTrue(err.toString().contains(profile + ":3: services[1].kind: unknown kind 'grafna'"), err.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(64, run("status", "--frobnicate"));
    }

    @Test
    void nonsenseTimingsAreRefusedWithTheReason() {
        assertEquals(64, run("status", "--interval", "0"));
        assertTrue(err.toString().contains("between 0.1 and 3600"), err.toString());
        assertEquals(64, run("status", "--timeout", "-1"));
    }

    @Test
    void engineThatIsNotThereExitsThreeWithTheAddressTried(@TempDir Path dir) {
        String socket = "unix://" + dir.resolve("no-engine.sock");
        int code = run("status", "--host", socket, "--json", "--timeout", "0.5");
        assertEquals(3, code, err.toString());
        String json = out.toString();
        assertTrue(json.contains("\"reachable\" : false"), json);
        assertTrue(json.contains("engine unreachable at " + socket), json);
        assertTrue(json.contains("\"state\" : \"UNKNOWN\""), json);
    }
}
