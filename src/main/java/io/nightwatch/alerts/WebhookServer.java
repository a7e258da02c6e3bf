package io.nightwatch.alerts;

import com.fasterxml.jackson.databind.node.TextNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receiver's HTTP/1.1 server: one selector thread reads every connection without blocking, under deadlines
 * ({@link WebhookLimits}), and hands only complete requests to a few worker threads. A slow or idle client costs a
 * socket and a small buffer, never a thread; see the package documentation for why it is built this way.
 *
 * <p>Why one class of about 550 lines: the selector loop and its per-connection state machine ({@code Conn}) run on
 * the one I/O thread and share its state (the read buffer, the body budget, the per-client counts, the open set,
 * the hand-back queue from the workers); an inner class keeps that state private to the thread that owns it.
 * Pulled apart, the budget and the counts would become package-visible and mutable from two classes.
 */
final class WebhookServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
    /** How much of a refused body is read and dropped so the sender sees the answer rather than a reset. */
    static final long DRAIN_LIMIT_BYTES = 16L << 20;
    private static final long SUMMARY_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** What the server asks of the receiver. */
    interface Exchange {
        /** Cheap checks on the headers (path, method, token, type, size), on the I/O thread: a refusal, or empty. */
        Optional<Response> check(HttpHead head, InetAddress from);

        /** A complete request, on a worker; may block on the store. */
        Response handle(HttpHead head, byte[] body, InetAddress from);

        /** The server itself refused a request (malformed, too large while chunked, busy): to count and log it. */
        void refusedByServer(Response answer, InetAddress from, String path);
    }

    record Response(int status, String message, Map<String, String> headers) {
        Response(int status, String message) {
            this(status, message, Map.of());
        }

        byte[] bytes(boolean close) {
            byte[] body = ("{\"status\":\"" + (status < 300 ? "ok" : "error") + "\",\"message\":" + TextNode.valueOf(message) + "}\n")
                    .getBytes(StandardCharsets.UTF_8);
            StringBuilder h = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
                    .append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n") // tool text
                    .append("Connection: ").append(close ? "close" : "keep-alive").append("\r\n");
            headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
            byte[] head = h.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            return all;
        }

        private static String reason(int status) {
            return switch (status) {
                case 200 -> "OK";
                case 400 -> "Bad Request"; // tool text
                case 401 -> "Unauthorized";
                case 404 -> "Not Found"; // tool text
                case 405 -> "Method Not Allowed"; // tool text
                case 408 -> "Request Timeout"; // tool text
                case 413 -> "Content Too Large"; // tool text
                case 415 -> "Unsupported Media Type"; // tool text
                case 431 -> "Request Header Fields Too Large"; // tool text
                case 501 -> "Not Implemented"; // tool text
                case 503 -> "Service Unavailable"; // tool text
                case 505 -> "HTTP Version Not Supported"; // tool text
                default -> "Status";
            };
        }
    }

    private enum Phase { HEAD, BODY, PROCESSING, WRITE, DRAIN }

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Exchange exchange;
    private final WebhookLimits limits;
    private final int maxBody;
    private final ThreadPoolExecutor workers;
    private final Thread io;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private final Set<Conn> open = new LinkedHashSet<>();
    private final Map<InetAddress, Integer> perClient = new HashMap<>();
    private final ConcurrentLinkedQueue<Runnable> fromWorkers = new ConcurrentLinkedQueue<>();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** Body bytes held by all connections (read, or declared and being read); written by the I/O thread only. */
    private volatile long buffered;
    private volatile boolean running = true;
    private long lastSummary = System.nanoTime();
    private long summarised;

    private WebhookServer(ServerSocketChannel listener, Selector selector, Exchange exchange, WebhookLimits limits, int maxBody) {
        this.listener = listener;
        this.selector = selector;
        this.exchange = exchange;
        this.limits = limits;
        this.maxBody = maxBody;
        this.workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.total()), r -> {
            Thread t = new Thread(r, "nightwatch-webhook");
            t.setDaemon(true);
            return t;
        });
        this.io = new Thread(this::loop, "nightwatch-webhook-io");
        this.io.setDaemon(true);
    }

    /** @throws java.net.BindException when the port is taken (or the address is not this host's) */
    static WebhookServer start(InetSocketAddress address, Exchange exchange, WebhookLimits limits, int maxBody) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        Selector selector = null;
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(address, 128);
            listener.configureBlocking(false);
            selector = Selector.open();
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            listener.close();
            if (selector != null) selector.close();
            throw e;
        }
        WebhookServer server = new WebhookServer(listener, selector, exchange, limits, maxBody);
        server.io.start();
        return server;
    }

    int port() {
        return listener.socket().getLocalPort();
    }

    long timedOut() { return timedOut.get(); }

    long evicted() { return evicted.get(); }

    long refusedConnections() { return refused.get(); }

    long bodyBytesHeld() { return buffered; }

    private void loop() {
        while (running) {
            try {
                selector.select(untilNextDeadlineMillis());
                for (Runnable r; (r = fromWorkers.poll()) != null; ) r.run();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) continue;
                    if (key.isAcceptable()) {
                        accept();
                    } else {
                        Conn c = (Conn) key.attachment();
                        try {
                            if (key.isWritable()) c.writable();
                            if (key.isValid() && key.isReadable()) c.readable();
                        } catch (IOException e) {
                            c.close();
                        } catch (RuntimeException e) {
                            LOG.warn("webhook connection failed: {}", e.toString());
                            c.close();
                        }
                    }
                }
                selector.selectedKeys().clear();
                sweep();
            } catch (IOException | RuntimeException e) {
                if (running) LOG.warn("webhook receiver I/O loop: {}", e.toString());
            }
        }
    }

    private void accept() throws IOException {
        for (SocketChannel ch; (ch = listener.accept()) != null; ) {
            try {
                InetAddress from = ((InetSocketAddress) ch.getRemoteAddress()).getAddress();
                if (perClient.getOrDefault(from, 0) >= limits.perClient() && !evictOldestReader(from)
                        || open.size() >= limits.total() && !evictOldestReader(null)) {
                    refused.incrementAndGet();
                    ch.close();
                    continue;
                }
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Conn c = new Conn(ch, from);
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                open.add(c);
                perClient.merge(from, 1, Integer::sum);
            } catch (IOException gone) { // reset before it was set up
                ch.close();
            }
        }
    }

    /**
     * Makes room by closing the connection (of {@code from}, or of anyone) that has waited longest while sending
     * its request or draining; never one whose request is being stored or answered.
     */
    private boolean evictOldestReader(InetAddress from) {
        Conn oldest = null;
        for (Conn c : open) {
            if (c.phase == Phase.PROCESSING || c.phase == Phase.WRITE) continue;
            if (from != null && !from.equals(c.from)) continue;
            if (oldest == null || c.phaseStart - oldest.phaseStart < 0) oldest = c;
        }
        if (oldest == null) return false;
        evicted.incrementAndGet();
        oldest.close();
        return true;
    }

    /**
     * How long the loop may sleep: until the first connection's deadline or the pending summary, whichever comes
     * first; with neither, until something happens (0: no timeout). An idle receiver then wakes nobody.
     */
    private long untilNextDeadlineMillis() {
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (Conn c : open) next = Math.min(next, c.deadline - now);
        if (timedOut.get() + evicted.get() + refused.get() > summarised) next = Math.min(next, lastSummary + SUMMARY_EVERY_NANOS - now);
        if (next == Long.MAX_VALUE) return 0;
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(next) + 1);
    }

    private void sweep() {
        long now = System.nanoTime();
        List<Conn> late = new ArrayList<>();
        for (Conn c : open) if (c.deadline - now < 0) late.add(c);
        for (Conn c : late) {
            timedOut.incrementAndGet();
            c.timeout();
        }
        if (now - lastSummary > SUMMARY_EVERY_NANOS) {
            long total = timedOut.get() + evicted.get() + refused.get();
            if (total > summarised) {
                LOG.warn("webhook receiver: {} slow or idle connection(s) closed, {} evicted, {} refused so far "
                                + "(headers within {} s, body within {} s, at most {} connections per client)", // tool text
                        timedOut.get(), evicted.get(), refused.get(), limits.headerTimeout().toSeconds(),
                        limits.bodyTimeout().toSeconds(), limits.perClient());
                summarised = total;
            }
            lastSummary = now;
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            io.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Conn c : new ArrayList<>(open)) c.close();
        try {
            listener.close();
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing the webhook listener", e);
        }
        workers.shutdownNow();
    }

    /** One client connection; touched only by the I/O thread. */
    private final class Conn {
        final SocketChannel ch;
        final InetAddress from;
        SelectionKey key;
        Phase phase = Phase.HEAD;
        long phaseStart = System.nanoTime();
        long deadline = phaseStart + limits.headerTimeout().toNanos();
        final byte[] head = new byte[limits.maxHeaderBytes()];
        int headLength;
        HttpHead request;
        ByteArrayOutputStream body;
        long bodyLeft;
        ChunkedDecoder chunks;
        ByteBuffer out;
        boolean closeAfterWrite;
        boolean draining;
        long drained;
        byte[] leftover;
        boolean closed;
        boolean idle;
        long reserved;

        Conn(SocketChannel ch, InetAddress from) {
            this.ch = ch;
            this.from = from;
        }

        void readable() throws IOException {
            readBuffer.clear();
            int n = ch.read(readBuffer);
            if (n < 0) {
                endOfInput();
                return;
            }
            readBuffer.flip();
            consume(readBuffer);
        }

        private void endOfInput() {
            if (phase == Phase.WRITE) { // the client stopped sending: finish the answer, then close
                draining = false;
                closeAfterWrite = true;
                key.interestOps(SelectionKey.OP_WRITE);
            } else {
                close();
            }
        }

        void consume(ByteBuffer in) {
            while (in.hasRemaining() && !closed) {
                if (draining) {
                    drained += in.remaining();
                    in.position(in.limit());
                    if (drained > DRAIN_LIMIT_BYTES) close();
                    return;
                }
                switch (phase) {
                    case HEAD -> readHead(in);
                    case BODY -> readBody(in);
                    default -> { // pipelined bytes of the next request: kept until this one is answered
                        byte[] rest = new byte[in.remaining()];
                        in.get(rest);
                        leftover = rest;
                        return;
                    }
                }
            }
        }

        private void readHead(ByteBuffer in) {
            if (idle) { // the first byte of the next request on a kept-alive connection: its headers are now due
                idle = false;
                phaseStart = System.nanoTime();
                deadline = phaseStart + limits.headerTimeout().toNanos();
            }
            while (in.hasRemaining()) {
                if (headLength == head.length) {
                    refuseOwn(new Response(431, "request line and headers exceed " + head.length + " bytes")); // tool text
                    return;
                }
                head[headLength++] = in.get();
                if (headLength >= 4 && head[headLength - 1] == '\n' && head[headLength - 2] == '\r'
                        && head[headLength - 3] == '\n' && head[headLength - 4] == '\r') {
                    headComplete();
                    return;
                }
            }
        }

        private void headComplete() {
            try {
                request = HttpHead.parse(head, headLength - 4);
                OptionalLong length = request.contentLength();
                Optional<Response> refusal = exchange.check(request, from);
                if (refusal.isPresent()) {
                    refuse(refusal.get());
                    return;
                }
                long declared = request.chunked() ? 0 : length.orElse(0);
                if (buffered + declared > limits.bufferedBodies()) {
                    refuseOwn(new Response(503, "receiver busy; not stored (Alertmanager will retry)")); // tool text
                    return;
                }
                if (request.expectsContinue()) {
                    ByteBuffer go = ByteBuffer.wrap(CONTINUE);
                    ch.write(go); // 25 bytes into an empty send buffer; if even that does not fit, the client is not reading
                    if (go.hasRemaining()) {
                        close();
                        return;
                    }
                }
                reserve(declared);
                body = new ByteArrayOutputStream();
                phase = Phase.BODY;
                phaseStart = System.nanoTime();
                deadline = phaseStart + limits.bodyTimeout().toNanos();
                if (request.chunked()) {
                    chunks = new ChunkedDecoder(body, maxBody);
                } else {
                    bodyLeft = length.orElse(0);
                    if (bodyLeft == 0) complete();
                }
            } catch (HttpHead.BadRequest e) {
                refuseOwn(new Response(e.status, e.getMessage()));
            } catch (IOException e) {
                close();
            }
        }

        private void readBody(ByteBuffer in) {
            if (chunks != null) {
                int before = body.size();
                try {
                    chunks.feed(in);
                } catch (ChunkedDecoder.Malformed e) {
                    refuseOwn(new Response(400, e.getMessage()));
                    return;
                }
                reserve(body.size() - before);
                if (chunks.tooLarge()) {
                    refuseOwn(new Response(413, "body exceeds " + maxBody + " bytes")); // tool text
                } else if (buffered > limits.bufferedBodies()) {
                    refuseOwn(new Response(503, "receiver busy; not stored (Alertmanager will retry)")); // tool text
                } else if (chunks.done()) {
                    complete();
                }
                return;
            }
            int n = (int) Math.min(bodyLeft, in.remaining());
            body.write(in.array(), in.arrayOffset() + in.position(), n);
            in.position(in.position() + n);
            bodyLeft -= n;
            if (bodyLeft == 0) complete();
        }

        /** Counts body bytes held for this connection against the receiver's budget, until it is answered or closed. */
        private void reserve(long bytes) {
            reserved += bytes;
            buffered += bytes;
        }

        private void release() {
            buffered -= reserved;
            reserved = 0;
        }

        private void complete() {
            phase = Phase.PROCESSING;
            deadline = phaseStart + TimeUnit.DAYS.toNanos(365); // stored at the store's pace: never cut off mid-commit
            key.interestOps(0);
            HttpHead h = request;
            byte[] b = body.toByteArray();
            body = null;
            try {
                workers.execute(() -> {
                    Response r;
                    try {
                        r = exchange.handle(h, b, from);
                    } catch (RuntimeException e) {
                        LOG.error("webhook handling failed: {}", e.toString());
                        r = new Response(503, "internal error; not stored (Alertmanager will retry)"); // tool text
                    }
                    Response answer = r;
                    fromWorkers.add(() -> {
                        if (!closed) answer(answer, !h.keepAlive(), false);
                    });
                    selector.wakeup();
                });
            } catch (RejectedExecutionException e) {
                answer(new Response(503, "receiver busy; not stored (Alertmanager will retry)"), true, false); // tool text
            }
        }

        private void refuseOwn(Response r) {
            exchange.refusedByServer(r, from, request == null ? "" : request.path());
            refuse(r);
        }

        /** Answers now and closes after draining what the client still sends. */
        private void refuse(Response r) {
            answer(r, true, true);
        }

        private void answer(Response r, boolean close, boolean drain) {
            release();
            body = null;
            out = ByteBuffer.wrap(r.bytes(close));
            closeAfterWrite = close;
            draining = drain;
            phase = Phase.WRITE;
            phaseStart = System.nanoTime();
            deadline = phaseStart + limits.writeTimeout().toNanos();
            key.interestOps(SelectionKey.OP_WRITE | (drain ? SelectionKey.OP_READ : 0));
            try {
                writable();
            } catch (IOException e) {
                close();
            }
        }

        void writable() throws IOException {
            if (out == null) return;
            ch.write(out);
            if (out.hasRemaining()) return;
            out = null;
            if (closeAfterWrite) {
                if (!draining) {
                    close();
                    return;
                }
                phase = Phase.DRAIN;
                phaseStart = System.nanoTime();
                deadline = phaseStart + limits.bodyTimeout().toNanos();
                key.interestOps(SelectionKey.OP_READ);
                return;
            }
            nextRequest();
        }

        private void nextRequest() {
            phase = Phase.HEAD;
            headLength = 0;
            request = null;
            chunks = null;
            idle = true;
            phaseStart = System.nanoTime();
            deadline = phaseStart + limits.idleTimeout().toNanos();
            key.interestOps(SelectionKey.OP_READ);
            if (leftover != null) {
                ByteBuffer rest = ByteBuffer.wrap(leftover);
                leftover = null;
                consume(rest);
            }
        }

        /** Past its deadline: a client in the middle of a request is told so (best effort), then closed. */
        void timeout() {
            if ((phase == Phase.HEAD && headLength > 0) || phase == Phase.BODY) {
                try {
                    ch.write(ByteBuffer.wrap(new Response(408, "request not received in time").bytes(true))); // tool text
                } catch (IOException e) {
                    // closing anyway
                }
            }
            close();
        }

        void close() {
            if (closed) return;
            closed = true;
            release();
            open.remove(this);
            perClient.computeIfPresent(from, (k, n) -> n <= 1 ? null : n - 1);
            if (key != null) key.cancel();
            try {
                ch.close();
            } catch (IOException e) {
                LOG.debug("closing a webhook connection", e);
            }
        }
    }
}
