package io.nightwatch.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An engine that accepts connections and never answers (a hung dockerd, a black-holing proxy): every command ends
 * within its timeout (default 5 s for the engine's first answer) plus 2 s, with exit 3 and the address it tried, in
 * one paragraph. The issue asks for these latency bounds; the "engine" is a loopback ServerSocket that only accepts,
 * and closes itself after the test (and after 90 s at the latest).
 */
@Timeout(120)
class HangingEngineTest {

    /** What the issue allows on top of the command's own timeout. */
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final Duration DEFAULT_FIRST_ANSWER = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private String address;
    private Path profile;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /**
     * Loads docker-java, Jackson and picocli once against a port nobody listens on (refused at once), so the bounds
     * below measure how long the commands wait for the engine, not a cold JVM's class loading on a busy machine.
     */
    @BeforeAll
    static void warmUp(@TempDir Path home) throws IOException {
        String closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = "tcp://127.0.0.1:" + probe.getLocalPort();
        }
        Path profile = Files.writeString(home.resolve("warm.yaml"), "services:\n  - kind: prometheus\n");
        for (String command : new String[] {"status", "flow", "backup"}) {
            CommandLine cli = NightwatchCommand.commandLine();
            cli.setOut(new PrintWriter(new StringWriter()));
            cli.setErr(new PrintWriter(new StringWriter()));
            cli.execute(command, "--profile", profile.toString(), "--host", closed);
        }
    }

    @BeforeEach
    void startSilentEngine() throws Exception {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        silent.setSoTimeout(90_000);
        address = "tcp://127.0.0.1:" + silent.getLocalPort();
        Thread acceptor = new Thread(() -> {
            try {
                while (!silent.isClosed()) accepted.add(silent.accept()); // read nothing, answer nothing
            } catch (IOException closedOrTimedOut) {
                // the test is over
            }
        }, "silent-engine");
        acceptor.setDaemon(true);
        acceptor.start();
        profile = dir.resolve("profile.yaml");
        Files.writeString(profile, "services:\n  - kind: prometheus\n  - kind: redis\n");
    }

    @AfterEach
    void stopSilentEngine() throws IOException {
        silent.close();
        for (Socket s : accepted) {
            try {
                s.close();
            } catch (SocketException ignored) {
                // already gone
            }
        }
    }

    private int run(String... args) {
        CommandLine cli = NightwatchCommand.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                Map<String, String> env = Map.of("HOME", dir.toString());
                if (type == StatusCommand.class) return type.cast(new StatusCommand(env));
                if (type == FlowCommand.class) return type.cast(new FlowCommand(env));
                return CommandLine.defaultFactory().create(type);
            }
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Runs the command, then checks exit 3, the time bound, the address and that no stack trace was printed. */
    private void assertEndsInTime(Duration timeout, String... args) {
        long started = System.nanoTime();
        int code = run(args);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String said = out + "\n" + err;
        assertEquals(3, code, said);
        assertTrue(took.compareTo(timeout.plus(SLACK)) <= 0, String.join(" ", args) + " took " + took.toMillis() + " ms");
        assertTrue(said.contains(address), "the address tried is named: " + said);
        assertFalse(said.contains("\tat ") || said.contains("Exception"), "no stack trace: " + said);
    }

    @Test
    void statusEndsWithinItsOwnTimeout() {
        assertEndsInTime(Duration.ofSeconds(1), "status", "--profile", profile.toString(), "--host", address, "--timeout", "1");
        assertTrue(out.toString().contains("UNREACHABLE"), out.toString());
        assertTrue(out.toString().contains("no answer within 1 s"), out.toString());
    }

    @Test
    void flowSaysTheEngineIsUnreachableInsteadOfReadingAWholeWindow() {
        assertEndsInTime(DEFAULT_FIRST_ANSWER, "flow", "--profile", profile.toString(), "--host", address, "--window", "5");
        assertTrue(err.toString().contains("no flows read"), err.toString());
    }

    @Test
    void backupEndsWithExitThreeAndCreatesNoSet() throws Exception {
        Path sets = dir.resolve("sets");
        assertEndsInTime(DEFAULT_FIRST_ANSWER, "backup", "--profile", profile.toString(), "--host", address, "--to", sets.toString());
        assertFalse(Files.exists(sets) && Files.list(sets).findAny().isPresent(), "nothing was started");
        assertTrue(err.toString().strip().lines().count() <= 2, "one paragraph: " + err);
    }

    @Test
    void restoreEndsWithExitThree() throws Exception {
        Path set = Files.createDirectories(dir.resolve("some-set"));
        assertEndsInTime(DEFAULT_FIRST_ANSWER, "restore", "--profile", profile.toString(), "--host", address, "--yes", set.toString());
        assertFalse(err.toString().contains("RTO achieved"), err.toString());
    }

    @Test
    void upgradeAndRollbackEndWithExitThree() {
        assertEndsInTime(DEFAULT_FIRST_ANSWER, "upgrade", "--profile", profile.toString(), "--host", address,
                "--service", "prometheus", "--to", "prom/prometheus:v9", "--yes");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEndsInTime(DEFAULT_FIRST_ANSWER, "rollback", "--profile", profile.toString(), "--host", address,
                "--service", "prometheus", "--yes");
    }

    @Test
    void swarmCommandsEndWithExitThree() {
        assertEndsInTime(DEFAULT_FIRST_ANSWER, "swarm", "services", "--profile", profile.toString(), "--host", address);
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEndsInTime(DEFAULT_FIRST_ANSWER, "swarm", "update", "web", "--image", "nginx:2", "--profile", profile.toString(),
                "--host", address, "--yes");
    }

    @Test
    void anEngineThatGoesAwayDuringTheRunIsExitThreeToo() throws Exception {
        // answers the first ping like an engine, then is gone: every later connection is refused
        ServerSocket once = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        once.setSoTimeout(30_000);
        String onceAddress = "tcp://127.0.0.1:" + once.getLocalPort();
        Thread engine = new Thread(() -> {
            try (once; Socket s = once.accept()) {
                s.setSoTimeout(10_000);
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    // the request head; a ping has no body
                }
                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: 2\r\nConnection: close\r\n\r\nOK").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            } catch (IOException ignored) {
                // the test fails on the exit code instead
            }
        }, "engine-once");
        engine.setDaemon(true);
        engine.start();
        Path sets = dir.resolve("sets");
        int code = run("backup", "--profile", profile.toString(), "--host", onceAddress, "--to", sets.toString(), "--service", "prometheus");
        String said = err.toString();
        assertEquals(3, code, said);
        // backup lists the host's containers right after the ping, so the engine may be found gone there already
        assertTrue(said.contains("stopped answering during the run") || said.contains("engine unreachable at"), said);
        assertTrue(said.contains(onceAddress), said);
        assertFalse(said.contains("\tat "), "no stack trace: " + said);
    }

    @Test
    void anEngineThatIsNotListeningAtAllIsExitThreeAtOnce() throws IOException {
        String closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = "tcp://127.0.0.1:" + probe.getLocalPort();
        }
        address = closed;
        assertEndsInTime(DEFAULT_FIRST_ANSWER, "backup", "--profile", profile.toString(), "--host", closed, "--to", dir.resolve("s").toString());
    }
}
