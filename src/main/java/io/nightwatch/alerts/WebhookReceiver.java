package io.nightwatch.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nightwatch.store.IncomingAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Listens where the reference stack's Alertmanager already sends its webhooks ({@code /alerts},
 * {@code /alerts/critical}, {@code /alerts/warning} on 127.0.0.1:5001). A delivery is answered 200 only after
 * the store has it durably, so Alertmanager retries anything Nightwatch did not keep. Bad input is refused with
 * a specific status and logged without its body (it may carry secrets).
 */
public final class WebhookReceiver implements AutoCloseable {

    public static final int MAX_BODY_BYTES = 1 << 20;
    /** How much of an oversized body is read and dropped so its sender gets the 413 (see {@link #drainAtMost}). */
    private static final long DRAIN_LIMIT_BYTES = 16L << 20;
    static final Set<String> PATHS = Set.of("/alerts", "/alerts/critical", "/alerts/warning");
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    /** Where accepted alerts go; answers only once they are durable. */
    public interface Sink {
        void accept(List<IncomingAlert> alerts) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final Sink sink;
    private final Optional<String> bearerToken;
    private final Clock clock;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    private WebhookReceiver(HttpServer server, ExecutorService workers, Sink sink, Optional<String> bearerToken, Clock clock) {
        this.server = server;
        this.workers = workers;
        this.sink = sink;
        this.bearerToken = bearerToken;
        this.clock = clock;
    }

    /**
     * Starts listening. Binding beyond loopback is refused without a bearer token: an open receiver would let
     * anyone on the network write into the operator's alert history.
     */
    public static WebhookReceiver start(InetSocketAddress address, Optional<String> bearerToken, Sink sink, Clock clock)
            throws IOException {
        InetAddress bind = address.getAddress();
        if (bind != null && !bind.isLoopbackAddress() && bearerToken.filter(t -> !t.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("the webhook receiver may listen on " + bind.getHostAddress()
                    + " only with a bearer token (set alerts.webhookToken / NIGHTWATCH_WEBHOOK_TOKEN)");
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 64);
        } catch (java.net.BindException e) {
            throw new IOException("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + " (" + e.getMessage() + "); is another receiver already running?", e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "nightwatch-webhook");
            t.setDaemon(true);
            return t;
        });
        WebhookReceiver receiver = new WebhookReceiver(server, workers, sink, bearerToken.filter(t -> !t.isBlank()), clock);
        server.createContext("/", receiver::handle);
        server.setExecutor(workers);
        server.start();
        return receiver;
    }

    public int port() { return server.getAddress().getPort(); }

    public long accepted() { return accepted.get(); }

    public long rejected() { return rejected.get(); }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String from = exchange.getRemoteAddress().getAddress().getHostAddress();
            if (!PATHS.contains(path)) {
                reply(exchange, 404, "no receiver at " + path + " (use /alerts, /alerts/critical or /alerts/warning)");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                reply(exchange, 405, "webhooks are POSTed");
                return;
            }
            if (bearerToken.isPresent() && !authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refuse(exchange, 401, "missing or wrong bearer token", from, path);
                return;
            }
            String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
            if (!type.toLowerCase().startsWith("application/json")) {
                refuse(exchange, 415, "content type must be application/json, not '" + type + "'", from, path);
                return;
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null && parseLong(length) > MAX_BODY_BYTES) {
                drainAtMost(exchange.getRequestBody(), DRAIN_LIMIT_BYTES);
                refuse(exchange, 413, "body of " + length + " bytes exceeds " + MAX_BODY_BYTES, from, path);
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                drainAtMost(exchange.getRequestBody(), DRAIN_LIMIT_BYTES);
                refuse(exchange, 413, "body exceeds " + MAX_BODY_BYTES + " bytes", from, path);
                return;
            }
            List<IncomingAlert> alerts;
            try {
                alerts = WebhookPayload.parse(body, clock.instant());
            } catch (WebhookPayload.InvalidPayloadException e) {
                refuse(exchange, 400, e.getMessage(), from, path);
                return;
            }
            try {
                sink.accept(alerts);
            } catch (Exception e) {
                LOG.error("could not store {} alerts from {}: {}", alerts.size(), from, e.toString());
                reply(exchange, 503, "not stored: " + e.getMessage() + " (Alertmanager will retry)");
                return;
            }
            accepted.addAndGet(alerts.size());
            reply(exchange, 200, "stored " + alerts.size());
        } catch (IOException | RuntimeException e) {
            LOG.warn("webhook request failed: {}", e.toString());
        }
    }

    private boolean authorised(String header) {
        if (header == null || !header.startsWith("Bearer ")) return false;
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, bearerToken.get().getBytes(StandardCharsets.UTF_8)); // constant time
    }

    private void refuse(HttpExchange exchange, int status, String why, String from, String path) throws IOException {
        rejected.incrementAndGet();
        LOG.warn("refused webhook from {} to {}: {} {}", from, path, status, why);
        reply(exchange, status, why);
    }

    private static void reply(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = ("{\"status\":\"" + (status == 200 ? "ok" : "error") + "\",\"message\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(message) + "}\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    /**
     * Reads and drops what the sender is still sending, up to a bound: a server that answers and closes while the
     * client writes makes the client's kernel see a reset, and the sender gets "connection reset" instead of the 413.
     * Past the bound the connection is closed all the same.
     */
    private static void drainAtMost(InputStream in, long limit) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long left = limit;
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) left -= n;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        server.stop(1);
        workers.shutdownNow();
    }
}
