package io.nightwatch.cli;

import io.nightwatch.stack.StackProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The window's --profile and --host: read and refused exactly as the commands' (the window itself is not opened here). */
class WindowCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> env = Map.of("HOME", "/nonexistent-home");

    private WindowCommand.Decision check(String... args) {
        return WindowCommand.check(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** What {@code status} says about the same arguments: the window must say the same. */
    private String statusError(String... args) {
        StringWriter statusErr = new StringWriter();
        CommandLine cli = NightwatchCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(statusErr));
        String[] all = new String[args.length + 1];
        all[0] = "status";
        System.arraycopy(args, 0, all, 1, args.length);
        assertEquals(64, cli.execute(all));
        return statusErr.toString().strip();
    }

    @Test
    void theLauncherOpensTheWindowForNoCommandGuiOrOnlyWindowOptions() {
        assertTrue(WindowCommand.wantsWindow(new String[0]));
        assertTrue(WindowCommand.wantsWindow(new String[]{"gui", "--profile", "p.yaml"}));
        assertTrue(WindowCommand.wantsWindow(new String[]{"--profile", "p.yaml"}));
        assertTrue(WindowCommand.wantsWindow(new String[]{"--host=tcp://10.0.0.5:2376"}));
        assertTrue(WindowCommand.wantsWindow(new String[]{"-H", "unix:///run/docker.sock"}));
        assertFalse(WindowCommand.wantsWindow(new String[]{"status", "--profile", "p.yaml"}));
        assertFalse(WindowCommand.wantsWindow(new String[]{"--help"}));
        assertArrayEquals(new String[]{"--profile", "p.yaml"}, WindowCommand.windowArgs(new String[]{"gui", "--profile", "p.yaml"}));
    }

    @Test
    void profileAndHostReachTheWindow(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("profile.yaml");
        Files.writeString(profile, "services:\n  - kind: prometheus\n");
        WindowCommand.Decision decision = check("--profile", profile.toString(), "--host", "tcp://127.0.0.1:2375");
        assertEquals(0, decision.exitCode(), err.toString());
        StackProfile loaded = decision.profile().orElseThrow();
        assertEquals(1, loaded.services().size());
        assertEquals("tcp://127.0.0.1:2375", loaded.hosts().get(0).address().orElseThrow());
        StackProfile again = WindowCommand.load(List.of("--profile", profile.toString(), "--host", "tcp://127.0.0.1:2375"), env);
        assertEquals(loaded.hosts(), again.hosts());
        assertEquals(loaded.services(), again.services());
    }

    @Test
    void aBadProfileIsRefusedWithTheCommandsWordsAndExit64(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("profile.yaml");
        Files.writeString(profile, "services:\n  - kind: grafna\n");
        WindowCommand.Decision decision = check("--profile", profile.toString());
        assertEquals(64, decision.exitCode());
        assertTrue(decision.profile().isEmpty());
        assertEquals(statusError("--profile", profile.toString()), err.toString().strip());
        assertTrue(err.toString().contains("unknown kind 'grafna'"), err.toString());
    }

    @Test
    void aMissingProfileFileAndABadHostAreRefused(@TempDir Path dir) {
        String missing = dir.resolve("nope.yaml").toString();
        assertEquals(64, check("--profile", missing).exitCode());
        assertEquals(statusError("--profile", missing), err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(64, check("--host", "ftp://nowhere").exitCode());
        assertEquals(statusError("--host", "ftp://nowhere"), err.toString().strip());
    }

    @Test
    void unknownOptionsAndHelp() {
        assertEquals(64, check("--frobnicate").exitCode());
        assertTrue(err.toString().contains("--frobnicate"), err.toString());
        assertEquals(0, check("--help").exitCode());
        assertTrue(out.toString().contains("--profile=FILE"), out.toString());
        assertTrue(out.toString().contains("--host=URI"), out.toString());
    }
}
