package io.nightwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The runbook commands share their opening (RunbookOpening) and their --yes/--service options (mixins): each still
 * says its own words in its help and ends with the same exit codes. No engine: a refused loopback port stands for one
 * that is gone.
 */
class RunbookCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = NightwatchCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String help(String... command) {
        StringWriter text = new StringWriter();
        CommandLine cli = NightwatchCommand.commandLine();
        for (String c : command) cli = cli.getSubcommands().get(c);
        cli.usage(new PrintWriter(text), CommandLine.Help.Ansi.OFF);
        return text.toString().replaceAll("\\s+", " ");
    }

    @Test
    void eachCommandKeepsItsOwnWordsForTheSharedOptions() {
        assertTrue(help("backup").contains("--service, --services=S,... Services, comma-separated, or all (default)."), help("backup"));
        assertTrue(help("restore").contains("Services, comma-separated, or all in the set."), help("restore"));
        assertTrue(help("stack").contains("or all (default: every deployed one)."), help("stack"));
        assertTrue(help("drill", "restore").contains("Only these services of the set."), help("drill", "restore"));
        assertTrue(help("recover").contains("--yes Do not ask before acting."), help("recover"));
        for (String c : new String[] {"restore", "stack", "upgrade", "rollback"}) {
            assertTrue(help(c).contains("--yes Do not ask for confirmation."), help(c));
        }
    }

    @Test
    void aWrongInputEndsWith64BeforeAnyEngineIsAsked() throws IOException {
        Path profile = Files.writeString(dir.resolve("p.yaml"), "services:\n  - kind: redis\n");
        assertEquals(NightwatchCommand.EXIT_USAGE, run("restore", "--profile", profile.toString()));
        assertTrue(err.toString().contains("nightwatch: which set? nightwatch restore SET"), err.toString());
        assertEquals(NightwatchCommand.EXIT_USAGE, run("stack", "halt", "--profile", profile.toString()));
        assertTrue(err.toString().contains("stack takes stop, start or restart, not 'halt'"), err.toString());
        assertEquals(NightwatchCommand.EXIT_USAGE, run("stack", "stop", "--profile", dir.resolve("missing.yaml").toString()));
        assertTrue(err.toString().contains("missing.yaml"), err.toString());
    }

    @Test
    void resumeAndAbortOpenTheSameWayAndNameARunThatIsNotThere() throws IOException {
        Path profile = Files.writeString(dir.resolve("p.yaml"), "services:\n  - kind: redis\n");
        assertEquals(0, run("runs", "--profile", profile.toString()), err.toString());
        for (String decision : new String[] {"resume", "abort"}) {
            assertEquals(NightwatchCommand.EXIT_USAGE, run("runs", decision, "no-such-run", "--profile", profile.toString()));
            assertTrue(err.toString().contains("nightwatch: no interrupted run no-such-run"), err.toString());
        }
    }

    @Test
    void aGoneEngineIsExit3WithTheAddressAndWhatToCheck() throws IOException {
        String closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = "tcp://127.0.0.1:" + probe.getLocalPort();
        }
        Path profile = Files.writeString(dir.resolve("p.yaml"), "services:\n  - kind: redis\n");
        for (String[] args : new String[][] {{"stack", "stop"}, {"upgrade", "--service", "redis", "--to", "redis:8"}, {"restore", dir.toString()}}) {
            err.getBuffer().setLength(0);
            String[] full = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--profile", profile.toString(), "--host", closed)).toArray(String[]::new);
            assertEquals(NightwatchCommand.EXIT_ENGINE_UNREACHABLE, run(full), String.join(" ", args) + ": " + err);
            assertTrue(err.toString().contains(closed) && err.toString().contains("Check that the engine runs"), err.toString());
        }
    }
}
