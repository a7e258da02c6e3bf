package io.nightwatch.docker;

import io.nightwatch.text.Texts;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A unix socket in a private (0700) temporary folder that relays every accepted connection through its own
 * {@code ssh … docker system dial-stdio} process, as the Docker CLI connects per connection. docker-java and the
 * archive streams both speak to it as to a local engine socket. Closing it ends every ssh process and removes the
 * folder.
 */
final class SshRelay implements Closeable {

    private static final Texts T = Texts.of(SshRelay.class);

    private static final int STDERR_LIMIT = 8 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final SshTarget target;
    private final List<String> command;
    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    /** Why the last ssh ended before the far side said anything; cleared by the next connection that works. */
    private volatile String failure;
    private volatile boolean closed;

    private SshRelay(SshTarget target, List<String> command, Path dir, Path socket, ServerSocketChannel server) {
        this.target = target;
        this.command = command;
        this.dir = dir;
        this.socket = socket;
        this.server = server;
    }

    static SshRelay start(SshTarget target, List<String> command) throws IOException {
        Path dir = Files.createTempDirectory("nightwatch-ssh-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = dir.resolve("engine.sock");
        ServerSocketChannel server;
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
            throw e;
        }
        // a JVM ended (SIGTERM, System.exit) without closing the gateway still leaves no socket behind
        dir.toFile().deleteOnExit();
        socket.toFile().deleteOnExit();
        SshRelay relay = new SshRelay(target, List.copyOf(command), dir, socket, server);
        Thread accept = new Thread(relay::acceptLoop, "ssh-relay-" + target.host());
        accept.setDaemon(true);
        accept.start();
        return relay;
    }

    /** The local address docker-java and the archive streams connect to. */
    String localUri() {
        return "unix://" + socket;
    }

    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) return;
                continue;
            }
            daemon("ssh-relay-conn", () -> relay(client));
        }
    }

    private void relay(SocketChannel client) {
        Process ssh;
        try {
            ssh = new ProcessBuilder(command).start();
        } catch (IOException e) {
            failure = T.get("ssh.cannotRun", e.getMessage());
            closeQuietly(client);
            return;
        }
        live.add(ssh);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread errors = daemon("ssh-relay-stderr", () -> drainBounded(ssh.getErrorStream(), stderr));
        daemon("ssh-relay-up", () -> up(client, ssh.getOutputStream()));
        long received = down(ssh.getInputStream(), client);
        try {
            int exit = ssh.waitFor(5, TimeUnit.SECONDS) ? ssh.exitValue() : -1;
            errors.join(1000);
            if (received > 0) {
                failure = null;
            } else if (exit != 0 && !closed) {
                String text;
                synchronized (stderr) {
                    text = stderr.toString(StandardCharsets.UTF_8);
                }
                // recorded before the client sees the connection close, so its error can name the cause
                failure = SshFailure.explain(target, exit, text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            ssh.destroy();
            live.remove(ssh);
        }
    }

    /** Client to ssh's stdin; the client's end of the request closes ssh's stdin, which ends dial-stdio. */
    private static void up(SocketChannel client, OutputStream sshIn) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try (sshIn) {
            int n;
            while ((n = client.read(buffer)) >= 0) {
                sshIn.write(buffer.array(), 0, n);
                sshIn.flush();
                buffer.clear();
            }
        } catch (IOException ignored) {
            // either side went away; the other direction notices and ends the connection
        }
    }

    /** ssh's stdout to the client, until the far side closes; returns how many bytes came back. */
    private static long down(InputStream sshOut, SocketChannel client) {
        byte[] bytes = new byte[BUFFER];
        long total = 0;
        try (sshOut) {
            int n;
            while ((n = sshOut.read(bytes)) >= 0) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, n);
                while (buffer.hasRemaining()) client.write(buffer);
                total += n;
            }
        } catch (IOException ignored) {
            // the client closed; the connection ends either way
        }
        return total;
    }

    /** Keeps the first {@value #STDERR_LIMIT} bytes and discards the rest, so a chatty far side cannot fill memory. */
    private static void drainBounded(InputStream in, ByteArrayOutputStream into) {
        byte[] bytes = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(bytes)) >= 0) {
                synchronized (into) {
                    int room = STDERR_LIMIT - into.size();
                    if (room > 0) into.write(bytes, 0, Math.min(room, n));
                }
            }
        } catch (IOException ignored) {
            // ssh ended
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a local socket end cannot fail in a way anyone could act on
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Process p : live) p.destroy();
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a leftover empty 0700 folder in the temp dir harms no one
        }
    }
}
