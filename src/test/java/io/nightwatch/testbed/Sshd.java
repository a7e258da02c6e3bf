package io.nightwatch.testbed;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server for tests: its own {@code sshd -D} on 127.0.0.1 and a free port, a host key and a client key
 * made with ssh-keygen in a private temp folder, key login only, and every login running one fixed command (the
 * authorized_keys {@code command=} option) in place of what the client asked for. Client side: an ssh config
 * ({@code ssh -F}) with the client key and a known_hosts that holds (or lacks) the server's host key.
 */
public final class Sshd implements AutoCloseable {

    static final String SSHD = "/usr/sbin/sshd";
    static final String INSTALL_HINT = "run as root after: apt-get install -y --no-install-recommends openssh-server";

    private final Path dir;
    private final int port;
    private final Process process;

    private Sshd(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts sshd whose logins all run {@code forcedCommand} (a trusted test constant, run by the login shell). Skips
     * the calling test when the machine has no sshd, or fails it under CI=true.
     */
    public static Sshd start(String forcedCommand) {
        String missing = missing();
        if (missing != null) {
            String message = "real sshd unavailable: " + missing + "\nTo enable it, " + INSTALL_HINT;
            System.err.println("[testbed] " + message);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return Assertions.fail(message + "\n(CI=true: a missing sshd is a failure, not a skip)");
            }
            return Assumptions.abort(message);
        }
        if (forcedCommand.contains("\"") || forcedCommand.contains("\n")) throw new IllegalArgumentException("no quotes or newlines");
        try {
            return launch(forcedCommand);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sshd launch(String forcedCommand) throws IOException {
        Path dir = Files.createTempDirectory("nw-sshd-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        keygen(dir.resolve("host_key"));
        keygen(dir.resolve("client_key"));
        keygen(dir.resolve("stranger_key"));
        Files.writeString(dir.resolve("authorized_keys"), "command=\"" + forcedCommand
                + "\",no-pty,no-port-forwarding,no-agent-forwarding,no-X11-forwarding " + Files.readString(dir.resolve("client_key.pub")));
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String user = System.getProperty("user.name");
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_key"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "AllowUsers " + user,
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "UsePAM no",
                // the key files live under /tmp, which is world-writable; the folder itself is 0700
                "StrictModes no",
                "LogLevel VERBOSE", ""));
        String hostKey = Files.readString(dir.resolve("host_key.pub")).trim();
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey + "\n");
        Files.writeString(dir.resolve("empty_known_hosts"), "");
        writeClientConfig(dir, "ssh_config", "client_key", "known_hosts");
        writeClientConfig(dir, "ssh_config_unknown_host", "client_key", "empty_known_hosts");
        writeClientConfig(dir, "ssh_config_stranger", "stranger_key", "known_hosts");
        // sshd checks for its privilege-separation folder; the openssh-server service would create it
        Files.createDirectories(Path.of("/run/sshd"));
        Process process = new ProcessBuilder(SSHD, "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        Sshd sshd = new Sshd(dir, port, process);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = Files.readString(dir.resolve("sshd.log"));
                sshd.close();
                throw new IllegalStateException("sshd exited at once: " + log);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return sshd;
            } catch (IOException notYet) {
                sleep();
            }
        }
        sshd.close();
        throw new IllegalStateException("sshd did not listen on 127.0.0.1:" + port + " within 10 s");
    }

    private static void writeClientConfig(Path dir, String name, String key, String knownHosts) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n",
                "Host *",
                "  IdentityFile " + dir.resolve(key),
                "  IdentitiesOnly yes",
                "  IdentityAgent none",
                "  UserKnownHostsFile " + dir.resolve(knownHosts),
                "  GlobalKnownHostsFile /dev/null",
                "  PasswordAuthentication no", ""));
    }

    private static void keygen(Path file) throws IOException {
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "nightwatch-test", "-f", file.toString()));
    }

    private static void run(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readNBytes(64 * 1024);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(argv.get(0) + " failed: " + new String(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String missing() {
        List<String> absent = new ArrayList<>();
        if (!Files.isExecutable(Path.of(SSHD))) absent.add(SSHD);
        for (String tool : List.of("ssh", "ssh-keygen")) {
            if (!onPath(tool)) absent.add(tool);
        }
        if (absent.isEmpty() && !"root".equals(System.getProperty("user.name"))
                && !Files.isDirectory(Path.of("/run/sshd"))) {
            absent.add("/run/sshd (sshd's privilege-separation folder; root creates it)");
        }
        return absent.isEmpty() ? null : "missing " + String.join(", ", absent);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }

    /** ssh://USER@127.0.0.1:PORT for the user running the tests. */
    public String address() {
        return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** An ssh config with the client key and a known_hosts that knows this server. */
    public Path clientConfig() {
        return dir.resolve("ssh_config");
    }

    /** As {@link #clientConfig()}, with an empty known_hosts. */
    public Path clientConfigWithoutHostKey() {
        return dir.resolve("ssh_config_unknown_host");
    }

    /** As {@link #clientConfig()}, with a key the server does not accept. */
    public Path clientConfigWithStrangerKey() {
        return dir.resolve("ssh_config_stranger");
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a leftover folder in /tmp does no harm to the next run
        }
    }
}
