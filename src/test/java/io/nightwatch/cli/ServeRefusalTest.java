package io.nightwatch.cli;

import io.nightwatch.store.AlertState;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.IncomingAlert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code serve} refuses, with one line and its exit code, what would otherwise leave it "serving" while unable to
 * keep anything; {@code alerts} still lists a history it may only read.
 * Bounded: before these refusals, serve on a read-only history would have run until stopped.
 */
@Timeout(60)
class ServeRefusalTest {

    @TempDir
    Path dir;

    private final ReadOnlyPlaces readOnly = new ReadOnlyPlaces();

    private record Result(int exit, String err, String out) {}

    @AfterEach
    void writableAgain() throws Exception {
        readOnly.close();
    }

    private Map<String, String> env() {
        return env(Map.of());
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("HOME", dir.toString());
        env.put("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"));
        return env;
    }

    /** In-process: only for runs that end before serve starts anything (no log appender, no threads). */
    private Result run(Object command, String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        int exit = new CommandLine(command).setErr(new PrintWriter(err)).setOut(new PrintWriter(out)).execute(args);
        return new Result(exit, err.toString(), out.toString());
    }

    private Result serve(Map<String, String> env, String... args) throws Exception {
        Path profile = dir.resolve("profile.yaml");
        Files.writeString(profile, "services: []\n");
        List<String> all = new ArrayList<>(List.of("--profile", profile.toString()));
        all.addAll(List.of(args));
        return run(new ServeCommand(env), all.toArray(String[]::new));
    }

    private Path historyWithOneAlert() {
        return historyWithOneAlert("history");
    }

    /** Closed cleanly: no journal files beside it. */
    private Path historyWithOneAlert(String folder) {
        Path db = dir.resolve(folder).resolve("alerts.db");
        try (AlertStore store = AlertStore.open(db)) {
            Instant now = Instant.now();
            store.record(new IncomingAlert(null, Map.of("alertname", "DiskFull", "severity", "critical"), Map.of(),
                    AlertState.FIRING, now.minusSeconds(60), Optional.empty(), IncomingAlert.WEBHOOK, "", "", now));
        }
        return db;
    }

    @Test
    void serveRefusesAReadOnlyHistoryFile() throws Exception {
        Path db = historyWithOneAlert();
        readOnly.makeReadOnly(db);
        Result r = serve(env(), "--db", db.toString(), "--no-receiver");
        assertEquals(ServeCommand.EXIT_READ_ONLY, r.exit(), r.err());
        assertEquals("nightwatch: not serving: " + db + " is read-only; the alert history must be writable to record alerts "
                + "(fix the permissions, or pass --db FILE)", r.err().strip());
        assertFalse(r.err().contains("serving " + dir), "it never claims to serve");
    }

    @Test
    void serveRefusesAHistoryInAReadOnlyFolder() throws Exception {
        Path db = historyWithOneAlert();
        readOnly.makeReadOnly(db.getParent());
        Result r = serve(env(), "--db", db.toString(), "--no-receiver");
        assertEquals(ServeCommand.EXIT_READ_ONLY, r.exit(), r.err());
        assertTrue(r.err().contains("the folder " + db.getParent() + " is read-only"), r.err());

        Result fresh = serve(env(), "--db", db.getParent().resolve("new").resolve("alerts.db").toString(), "--no-receiver");
        assertEquals(ServeCommand.EXIT_READ_ONLY, fresh.exit(), fresh.err());
        assertTrue(fresh.err().contains(db.getParent() + " is read-only"), fresh.err());
    }

    @Test
    void alertsListsAHistoryItMayOnlyRead() throws Exception {
        Path db = historyWithOneAlert("file");
        byte[] before = Files.readAllBytes(db);
        readOnly.makeReadOnly(db);
        Result file = run(new AlertsCommand(env()), "--db", db.toString());
        assertEquals(0, file.exit(), file.err());
        assertTrue(file.out().contains("DiskFull"), file.out() + file.err());
        assertArrayEquals(before, Files.readAllBytes(db), "nothing was written");

        Path inFolder = historyWithOneAlert("folder");
        readOnly.makeReadOnly(inFolder.getParent()); // SQLite cannot create its journal files beside it
        Result folder = run(new AlertsCommand(env()), "--db", inFolder.toString(), "--json");
        assertEquals(0, folder.exit(), folder.err());
        assertTrue(folder.out().contains("\"alertname\" : \"DiskFull\""), folder.out() + folder.err());
    }

    @Test
    void listenErrorsAreUsageErrorsNamingTheTokenVariable() throws Exception {
        Path db = dir.resolve("alerts.db");
        Result open = serve(env(), "--db", db.toString(), "--listen", "0.0.0.0:5001");
        assertEquals(64, open.exit(), open.err());
        assertEquals("nightwatch: --listen 0.0.0.0:5001: the webhook receiver may listen on 0.0.0.0 only with a bearer token: "
                + "set NIGHTWATCH_WEBHOOK_TOKEN, or listen on 127.0.0.1", open.err().strip());
        assertFalse(open.err().contains("alerts.webhookToken"), "a key the profile does not accept");

        Result unresolved = serve(env(), "--db", db.toString(), "--listen", "nosuch.invalid:5001");
        assertEquals(64, unresolved.exit(), unresolved.err());
        assertEquals("nightwatch: --listen nosuch.invalid:5001: cannot resolve the listen host 'nosuch.invalid'", unresolved.err().strip());

        Result noHost = serve(env(), "--db", db.toString(), "--listen", ":5001");
        assertEquals(64, noHost.exit(), noHost.err());
        assertFalse(Files.exists(db), "refused before the history was created");
    }

    /** Child processes: these runs get as far as starting the receiver (and adding their log file). */
    @Test
    void aTakenPortIs69AndAnAddressOfAnotherHostIs64(@TempDir Path state) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result inUse = serveProcess(state, Map.of(), "127.0.0.1:" + taken.getLocalPort());
            assertEquals(ServeCommand.EXIT_PORT_IN_USE, inUse.exit(), inUse.out());
            assertTrue(inUse.out().contains("nightwatch: not serving: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + " (Address already in use); is another receiver already running?"), inUse.out());
            assertFalse(inUse.out().contains("nightwatch: serving"), inUse.out());
        }
        // 192.0.2.1 is TEST-NET-1: never an address of this host
        Result notOurs = serveProcess(state, Map.of("NIGHTWATCH_WEBHOOK_TOKEN", "t0k-never-shown"), "192.0.2.1:5001");
        assertEquals(64, notOurs.exit(), notOurs.out());
        assertTrue(notOurs.out().contains("nightwatch: --listen 192.0.2.1:5001: cannot listen on 192.0.2.1:5001: "), notOurs.out());
        assertFalse(notOurs.out().contains("t0k-never-shown"), notOurs.out());
    }

    private Result serveProcess(Path state, Map<String, String> env, String listen) throws Exception {
        Path profile = dir.resolve("profile.yaml");
        Files.writeString(profile, "services: []\n");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.nightwatch.Nightwatch", "serve", "--profile", profile.toString(),
                "--db", dir.resolve("alerts.db").toString(), "--listen", listen,
                "--log", state.resolve("serve.log").toString()).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"));
        pb.environment().putAll(env);
        Process serve = pb.start();
        String out = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(serve.waitFor(30, TimeUnit.SECONDS), out);
        return new Result(serve.exitValue(), "", out);
    }
}
