package io.nightwatch.docker;

import io.nightwatch.text.Texts;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One raw connection to an engine for a streamed request: a unix socket (NIO channel), plain TCP or TCP with TLS.
 * Every wait is bounded: connecting by the connect timeout, each read and write by the read timeout (a silent engine
 * raises {@link SocketTimeoutException}).
 */
abstract class EngineSocket implements Closeable {

    private static final Texts T = Texts.of(EngineSocket.class);

    private static final int WRITE_BUFFER = 1 << 20;

    abstract InputStream in();

    abstract OutputStream out();

    /** The Host header value (any name works on a unix socket; TLS and proxies want the real one). */
    abstract String hostHeader();

    static EngineSocket open(EngineAddress address, SSLContext tls, Duration connect, Duration read) throws IOException {
        String uri = address.uri();
        if (uri.startsWith("unix://")) return new Unix(Path.of(uri.substring("unix://".length())), connect, read);
        URI parsed = URI.create(uri);
        if (parsed.getHost() == null || parsed.getPort() < 0) throw new IOException("no host:port in " + uri);
        return new Tcp(parsed.getHost(), parsed.getPort(), address.tlsVerify() ? tls : null, connect, read);
    }

    static SocketTimeoutException silent(Duration waited, String what) {
        String time = waited.toMillis() % 1000 == 0 ? waited.toSeconds() + " s" : waited.toMillis() + " ms";
        return new SocketTimeoutException(T.get("socket.silent", time, what));
    }

    static boolean supports(EngineAddress address) {
        return address.uri().startsWith("unix://") || address.uri().startsWith("tcp://");
    }

    /** A non-blocking channel waited on with a selector: blocking NIO channels have no read timeout. */
    private static final class Unix extends EngineSocket {
        private final SocketChannel channel;
        private final Selector selector;
        private final long readMillis;
        private final InputStream in;
        private final OutputStream out;

        Unix(Path socket, Duration connect, Duration read) throws IOException {
            readMillis = Math.max(1, read.toMillis());
            channel = SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
            try {
                channel.configureBlocking(false);
                selector = Selector.open();
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            try {
                if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                    await(SelectionKey.OP_CONNECT, Math.max(1, connect.toMillis()), T.get("socket.connecting", socket));
                    channel.finishConnect();
                }
            } catch (IOException e) {
                close();
                throw e;
            }
            in = new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) return 0;
                    ByteBuffer target = ByteBuffer.wrap(b, off, len);
                    int n;
                    while ((n = channel.read(target)) == 0) await(SelectionKey.OP_READ, readMillis, T.get("socket.reading"));
                    return n;
                }
            };
            out = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[]{(byte) b}, 0, 1);
                }

                /** Written from one direct buffer: a heap buffer is copied whole into a temporary one on every partial write. */
                private ByteBuffer direct;

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (direct == null) direct = ByteBuffer.allocateDirect(WRITE_BUFFER);
                    int done = 0;
                    while (done < len) {
                        int n = Math.min(direct.capacity(), len - done);
                        direct.clear();
                        direct.put(b, off + done, n).flip();
                        while (direct.hasRemaining()) {
                            if (channel.write(direct) == 0) await(SelectionKey.OP_WRITE, readMillis, T.get("socket.writing"));
                        }
                        done += n;
                    }
                }
            };
        }

        private void await(int op, long millis, String what) throws IOException {
            SelectionKey key = channel.register(selector, op);
            try {
                if (selector.select(millis) == 0) throw silent(Duration.ofMillis(millis), what);
                selector.selectedKeys().clear();
            } finally {
                key.interestOps(0);
            }
        }

        InputStream in() { return in; }
        OutputStream out() { return out; }
        String hostHeader() { return "docker"; }

        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                if (selector != null) selector.close();
            }
        }
    }

    /** TCP, with TLS when the engine wants it; the socket's own timeouts bound every read (and the handshake). */
    private static final class Tcp extends EngineSocket {
        private final Socket socket;
        private final String host;
        private final InputStream in;
        private final OutputStream out;

        Tcp(String host, int port, SSLContext tls, Duration connect, Duration read) throws IOException {
            this.host = host + ":" + port;
            Socket plain = new Socket();
            Socket s = plain;
            try {
                plain.setTcpNoDelay(true);
                plain.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, read.toMillis())));
                plain.connect(new InetSocketAddress(host, port), (int) Math.max(1, Math.min(Integer.MAX_VALUE, connect.toMillis())));
                if (tls != null) {
                    SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
                    // The engine's certificate must name the host, as docker-java's client and the Docker CLI check.
                    SSLParameters params = secured.getSSLParameters();
                    params.setEndpointIdentificationAlgorithm("HTTPS");
                    secured.setSSLParameters(params);
                    s = secured;
                    try {
                        secured.startHandshake();
                    } catch (SocketTimeoutException e) {
                        throw silent(read, T.get("socket.handshake"));
                    }
                }
            } catch (IOException | RuntimeException e) {
                s.close();
                plain.close();
                throw e;
            }
            socket = s;
            InputStream raw = socket.getInputStream();
            // The socket's own timeout says "Read timed out"; the operator is told how long the engine was silent.
            in = new java.io.FilterInputStream(raw) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (SocketTimeoutException e) {
                        throw silent(read, T.get("socket.reading"));
                    }
                }
            };
            out = socket.getOutputStream();
        }

        InputStream in() { return in; }
        OutputStream out() { return out; }
        String hostHeader() { return host; }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
