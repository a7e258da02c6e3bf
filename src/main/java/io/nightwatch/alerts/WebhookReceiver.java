package io.nightwatch.alerts;

import io.nightwatch.text.Texts;
import io.nightwatch.alerts.WebhookServer.Response;
import io.nightwatch.store.IncomingAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Listens where the reference stack's Alertmanager already sends its webhooks ({@code /alerts},
 * {@code /alerts/critical}, {@code /alerts/warning} on 127.0.0.1:5001). A delivery is answered 200 only after
 * the store has it durably, so Alertmanager retries anything Nightwatch did not keep. Bad input is refused with
 * a specific status and a fixed reason; neither the answer nor the log ever quotes the body (it may carry secrets).
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final Texts T = Texts.of(WebhookReceiver.class);

    public static final int MAX_BODY_BYTES = 1 << 20;
    /** The environment variable that holds the bearer token; the profile has no key for it (it is a secret). */
    public static final String TOKEN_VARIABLE = "NIGHTWATCH_WEBHOOK_TOKEN";
    static final Set<String> PATHS = Set.of("/alerts", "/alerts/critical", "/alerts/warning");
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    /** The port is taken, most likely by another receiver ({@code nightwatch serve} or the window). */
    public static final class PortInUseException extends BindException {
        PortInUseException(String message) {
            super(message);
        }
    }

    /** Where accepted alerts go; answers only once they are durable. */
    public interface Sink {
        void accept(List<IncomingAlert> alerts) throws Exception;
    }

    private final Sink sink;
    private final Optional<String> bearerToken;
    private final Clock clock;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final RefusalLog refusalLog = new RefusalLog();
    private WebhookServer server;

    private WebhookReceiver(Sink sink, Optional<String> bearerToken, Clock clock) {
        this.sink = sink;
        this.bearerToken = bearerToken;
        this.clock = clock;
    }

    /**
     * Starts listening. Binding beyond loopback is refused without a bearer token: an open receiver would let
     * anyone on the network write into the operator's alert history.
     *
     * @throws IllegalArgumentException beyond loopback without a token, or for a host name that does not resolve
     * @throws PortInUseException       when the port is in use
     * @throws BindException            when the address is not this host's, or the port is not the user's to use
     */
    public static WebhookReceiver start(InetSocketAddress address, Optional<String> bearerToken, Sink sink, Clock clock)
            throws IOException {
        return start(address, bearerToken, sink, clock, WebhookLimits.DEFAULTS);
    }

    static WebhookReceiver start(InetSocketAddress address, Optional<String> bearerToken, Sink sink, Clock clock,
                                 WebhookLimits limits) throws IOException {
        Optional<String> token = bearerToken.filter(t -> !t.isBlank());
        checkAddress(address, token);
        WebhookReceiver receiver = new WebhookReceiver(sink, token, clock);
        try {
            receiver.server = WebhookServer.start(address, receiver.new Checks(), limits, MAX_BODY_BYTES);
        } catch (BindException e) {
            String at = address.getHostString() + ":" + address.getPort();
            BindException clear = String.valueOf(e.getMessage()).contains("in use") // tool text: the JDK's words
                    ? new PortInUseException(T.get("listen.inUse", at))
                    : new BindException(T.get("listen.failed", at, e.getMessage()));
            clear.initCause(e);
            throw clear;
        }
        return receiver;
    }

    /** The usage errors of a listen address, before anything is opened. */
    public static void checkAddress(InetSocketAddress address, Optional<String> token) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException(T.get("listen.unresolved", address.getHostString()));
        }
        InetAddress bind = address.getAddress();
        if (!bind.isLoopbackAddress() && token.filter(t -> !t.isBlank()).isEmpty()) {
            throw new IllegalArgumentException(T.get("listen.needsToken", bind.getHostAddress(), TOKEN_VARIABLE));
        }
    }

    public int port() { return server.port(); }

    public long accepted() { return accepted.get(); }

    public long rejected() { return rejected.get(); }

    /** Connections closed for missing a deadline, evicted for a newer one, refused at the connection bound. */
    long slowConnectionsClosed() { return server.timedOut() + server.evicted() + server.refusedConnections(); }

    /** Body bytes held for requests being read or stored (bounded by {@link WebhookLimits#bufferedBodies}). */
    long bodyBytesHeld() { return server.bodyBytesHeld(); }

    /** The receiver's rules, on the server's two stages. */
    private final class Checks implements WebhookServer.Exchange {

        @Override
        public Optional<Response> check(HttpHead head, InetAddress from) {
            String path = head.path();
            if (!PATHS.contains(path)) {
                return Optional.of(new Response(404, "no receiver at this path (use /alerts, /alerts/critical or /alerts/warning)")); // tool text
            }
            if (!"POST".equals(head.method())) return Optional.of(new Response(405, "webhooks are POSTed", Map.of("Allow", "POST"))); // tool text
            if (bearerToken.isPresent() && !authorised(head.header("authorization"))) {
                return Optional.of(refused(401, "missing or wrong bearer token", from, path)); // tool text
            }
            String type = Optional.ofNullable(head.header("content-type")).orElse("").toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/json")) {
                return Optional.of(refused(415, "content type must be application/json", from, path)); // tool text
            }
            try {
                OptionalLong length = head.contentLength();
                if (length.isPresent() && length.getAsLong() > MAX_BODY_BYTES) {
                    return Optional.of(refused(413, "body of " + length.getAsLong() + " bytes exceeds " + MAX_BODY_BYTES, from, path)); // tool text
                }
            } catch (HttpHead.BadRequest e) {
                return Optional.of(refused(e.status, e.getMessage(), from, path));
            }
            return Optional.empty();
        }

        @Override
        public Response handle(HttpHead head, byte[] body, InetAddress from) {
            String at = from.getHostAddress();
            WebhookPayload.Parsed parsed;
            try {
                parsed = WebhookPayload.parse(body, clock.instant());
            } catch (WebhookPayload.InvalidPayloadException e) {
                return refused(400, e.getMessage(), from, head.path());
            } catch (RuntimeException e) { // a payload no retry can fix: 400, not a 503 Alertmanager would retry forever
                LOG.warn("webhook payload from {} could not be read: {}", at, e.getClass().getSimpleName()); // the message may quote it
                return refused(400, "the payload could not be read as alerts", from, head.path()); // tool text
            }
            List<IncomingAlert> alerts = parsed.alerts();
            try {
                sink.accept(alerts);
            } catch (Exception e) {
                LOG.error("could not store {} alerts from {}: {}", alerts.size(), at, e.toString());
                return new Response(503, "not stored: " + e.getMessage() + " (Alertmanager will retry)"); // tool text
            }
            accepted.addAndGet(alerts.size());
            if (!parsed.notes().isEmpty()) LOG.info("webhook from {} stored with corrections: {}", at, String.join("; ", parsed.notes()));
            return new Response(200, "stored " + alerts.size()
                    + (parsed.notes().isEmpty() ? "" : " (" + String.join("; ", parsed.notes()) + ")"));
        }

        @Override
        public void refusedByServer(Response answer, InetAddress from, String path) {
            refused(answer.status(), answer.message(), from, PATHS.contains(path) ? path : "?"); // any other path is the sender's text
        }
    }

    private boolean authorised(String header) {
        if (header == null || !header.startsWith("Bearer ")) return false;
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, bearerToken.get().getBytes(StandardCharsets.UTF_8)); // constant time
    }

    private Response refused(int status, String why, InetAddress from, String path) {
        rejected.incrementAndGet();
        if (refusalLog.allow()) LOG.warn("refused webhook from {} to {}: {} {}", from.getHostAddress(), path, status, why);
        return new Response(status, why);
    }

    /**
     * At most {@link #PER_MINUTE} refusal lines a minute, then one line with the count: a flood of bad requests
     * must not become a flood in the log (or fill the disk the store needs).
     */
    private static final class RefusalLog {
        static final int PER_MINUTE = 30;
        private long windowStart = System.nanoTime();
        private int logged;
        private int suppressed;

        synchronized boolean allow() {
            long now = System.nanoTime();
            if (now - windowStart > 60_000_000_000L) {
                if (suppressed > 0) LOG.warn("refused {} more webhook requests in the last minute (not logged one by one)", suppressed);
                windowStart = now;
                logged = 0;
                suppressed = 0;
            }
            if (logged < PER_MINUTE) {
                logged++;
                return true;
            }
            suppressed++;
            return false;
        }
    }

    @Override
    public void close() {
        if (server != null) server.close();
    }
}
