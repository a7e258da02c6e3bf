package io.nightwatch.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second, "remote" engine on tcp://127.0.0.1:port with mutual TLS, as an operator reaches a
 * production host. Certificates are made with openssl; {@link #certPath()} holds the client's
 * ca.pem, cert.pem and key.pem, the file names DOCKER_CERT_PATH expects.
 */
public final class Tls {

    private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(30);

    private final Dockerd dockerd;
    private final Path certPath;
    private volatile boolean stopped;

    private Tls(Dockerd dockerd, Path certPath) {
        this.dockerd = dockerd;
        this.certPath = certPath;
    }

    static Tls start(Path dir, String storageDriver) {
        Path server = dir.resolve("server-tls");
        Path client = dir.resolve("client-tls");
        makeCertificates(server, client);
        URI host = URI.create("tcp://127.0.0.1:" + freePort());
        Dockerd d = Dockerd.start(dir, host,
                Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", client.toString()),
                List.of("--tlsverify",
                        "--tlscacert", server.resolve("ca.pem").toString(),
                        "--tlscert", server.resolve("server-cert.pem").toString(),
                        "--tlskey", server.resolve("server-key.pem").toString()),
                storageDriver);
        return new Tls(d, client);
    }

    /** tcp://127.0.0.1:port */
    public URI host() {
        return dockerd.host();
    }

    /** The client's TLS directory (ca.pem, cert.pem, key.pem) for DOCKER_CERT_PATH. */
    public Path certPath() {
        return certPath;
    }

    /** DOCKER_HOST, DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH for this engine. */
    public Map<String, String> env() {
        return Map.of("DOCKER_HOST", host().toString(), "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certPath.toString());
    }

    /** Runs the docker CLI against this engine (60 s bound). */
    public String docker(String... args) {
        return dockerd.docker(Duration.ofSeconds(60), args);
    }

    /** Stops the engine (bounded) and deletes its directory; calling it again does nothing. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        dockerd.stop();
        TempDirs.unmountAndDelete(dockerd.dir());
    }

    private static void makeCertificates(Path server, Path client) {
        try {
            Files.createDirectories(server);
            Files.createDirectories(client);
            // Our own config so the CA gets CA:TRUE whatever the system openssl.cnf says.
            Files.writeString(server.resolve("ca.cnf"), String.join("\n",
                    "[req]", "distinguished_name = dn", "prompt = no", "x509_extensions = v3_ca",
                    "[dn]", "CN = nightwatch-testbed-ca",
                    "[v3_ca]", "basicConstraints = critical,CA:TRUE",
                    "keyUsage = critical,keyCertSign,cRLSign", "subjectKeyIdentifier = hash", ""));
            Files.writeString(server.resolve("server.ext"),
                    "subjectAltName = IP:127.0.0.1,DNS:localhost\nextendedKeyUsage = serverAuth\n");
            Files.writeString(server.resolve("client.ext"), "extendedKeyUsage = clientAuth\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl(server, "req", "-x509", "-new", "-nodes", "-newkey", "rsa:2048", "-days", "2",
                "-config", "ca.cnf", "-keyout", "ca-key.pem", "-out", "ca.pem");
        signed(server, "server", "/CN=localhost", "server.ext");
        signed(server, "client", "/CN=nightwatch-testbed-client", "client.ext");
        try {
            Files.copy(server.resolve("ca.pem"), client.resolve("ca.pem"));
            Files.move(server.resolve("client-cert.pem"), client.resolve("cert.pem"));
            Files.move(server.resolve("client-key.pem"), client.resolve("key.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key and a certificate signed by the CA, as {@code <name>-key.pem} and {@code <name>-cert.pem}. */
    private static void signed(Path dir, String name, String subject, String extFile) {
        openssl(dir, "req", "-new", "-nodes", "-newkey", "rsa:2048", "-subj", subject,
                "-keyout", name + "-key.pem", "-out", name + ".csr");
        openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
                "-CAcreateserial", "-days", "2", "-extfile", extFile, "-out", name + "-cert.pem");
    }

    private static void openssl(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Cli.run(dir, Map.of(), OPENSSL_TIMEOUT, cmd);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
