package io.nightwatch.alerts;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertQuery;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.IncomingAlert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The receiver against clients that are not Alertmanager: slow and idle sockets, hostile JSON, times that cannot be
 * stored, bodies that must not be echoed. Loopback only; every test ends by itself within its timeout.
 */
class WebhookDefenceTest {

    private static final String SECRET = "SuperSecretTok99";

    private final List<IncomingAlert> stored = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Socket> sockets = new ArrayList<>();
    private WebhookReceiver receiver;

    private void start(WebhookLimits limits) throws IOException {
        receiver = WebhookReceiver.start(new InetSocketAddress("127.0.0.1", 0), Optional.empty(), stored::addAll,
                Clock.systemUTC(), limits);
    }

    @AfterEach
    void stop() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed by the receiver
            }
        }
        if (receiver != null) receiver.close();
    }

    private HttpResponse<String> post(int port, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/alerts"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", receiver.port());
        s.setSoTimeout(50);
        sockets.add(s);
        return s;
    }

    /** True once the receiver has closed the socket (end of stream, or a reset after its answer). */
    private static boolean closedByReceiver(Socket s) {
        try {
            InputStream in = s.getInputStream();
            while (true) {
                if (in.read() < 0) return true; // an answer (408) may come first: read past it
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String alert(String status, String startsAt, String endsAt) {
        return "{\"version\":\"4\",\"status\":\"" + status + "\",\"receiver\":\"default\",\"alerts\":[{\"status\":\"" + status
                + "\",\"labels\":{\"alertname\":\"DiskFull\",\"severity\":\"warning\"},\"annotations\":{},"
                + "\"startsAt\":\"" + startsAt + "\",\"endsAt\":\"" + endsAt + "\",\"generatorURL\":\"\"}]}";
    }

    @Test
    @Timeout(60)
    void aValidSenderIsAnsweredWithinTwoSecondsWhile64SlowOrIdleClientsAreOpen() throws Exception {
        start(WebhookLimits.DEFAULTS);
        // warm-up, so the measured delivery times the receiver under attack, not class loading on a busy machine
        HttpClient warmUp = HttpClient.newHttpClient(); // its own: its kept-alive connection will be evicted by the slow ones
        assertEquals(200, warmUp.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(WebhookReceiverTest.PAYLOAD))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        byte[] header = "POST /alerts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n".getBytes(StandardCharsets.US_ASCII);
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Socket s = connect();
            if (i % 2 == 0) slow.add(s); // the odd ones stay idle: connected, sending nothing
        }
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            trickle.scheduleAtFixedRate(() -> { // one header byte a second on each slow socket, never finishing
                int at = sent.getAndIncrement() % header.length;
                for (Socket s : slow) {
                    try {
                        s.getOutputStream().write(header[at]);
                    } catch (IOException closed) {
                        // evicted or timed out by the receiver: that is the defence working
                    }
                }
            }, 0, 1, TimeUnit.SECONDS);
            Thread.sleep(1_500);

            long t0 = System.nanoTime();
            HttpResponse<String> r = post(receiver.port(), WebhookReceiverTest.PAYLOAD);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertEquals(200, r.statusCode(), r.body());
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "answered in " + took.toMillis() + " ms");
            assertEquals(2, stored.size());
            assertTrue(sent.get() >= 2, "the slow clients were trickling while the sender was answered");
        } finally {
            trickle.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void aClientGetsAtMostItsConnectionBoundAndSlowRequestsAreCutAtTheirDeadline() throws Exception {
        WebhookLimits limits = WebhookLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
        start(limits);
        List<Socket> opened = new ArrayList<>();
        for (int i = 0; i < limits.perClient() + 8; i++) {
            Socket s = connect();
            s.getOutputStream().write('P');
            opened.add(s);
        }
        long closedAtOnce = opened.stream().filter(WebhookDefenceTest::closedByReceiver).count();
        assertTrue(closedAtOnce >= 8, "beyond " + limits.perClient() + " connections the oldest waiting ones make room: " + closedAtOnce);

        Socket slowBody = connect();
        OutputStream out = slowBody.getOutputStream();
        out.write(("POST /alerts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"vers")
                .getBytes(StandardCharsets.US_ASCII));
        slowBody.setSoTimeout(15_000);
        byte[] answer = slowBody.getInputStream().readNBytes(12);
        assertEquals("HTTP/1.1 408", new String(answer, StandardCharsets.US_ASCII), "a body that stalls is cut at its deadline");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && !opened.stream().allMatch(WebhookDefenceTest::closedByReceiver)) Thread.sleep(200);
        assertTrue(opened.stream().allMatch(WebhookDefenceTest::closedByReceiver), "headers not sent in time are cut at their deadline");
        assertTrue(receiver.slowConnectionsClosed() >= limits.perClient() + 8);
        assertEquals(200, post(receiver.port(), WebhookReceiverTest.PAYLOAD).statusCode(), "and the receiver still works");
    }

    @Test
    @Timeout(30)
    void bodiesHeldAtOnceAreBoundedAndTheOverflowIsToldToRetry() throws Exception {
        WebhookLimits d = WebhookLimits.DEFAULTS;
        start(new WebhookLimits(d.headerTimeout(), d.bodyTimeout(), d.idleTimeout(), d.writeTimeout(), d.perClient(), d.total(),
                d.workers(), d.maxHeaderBytes(), 4_096));
        Socket big = connect(); // declares 4,000 bytes, sends a few, and stalls
        big.getOutputStream().write(("POST /alerts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 4000\r\n\r\n{\"ver").getBytes(StandardCharsets.US_ASCII));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (receiver.bodyBytesHeld() < 4_000 && System.nanoTime() < until) Thread.sleep(20);
        assertEquals(4_000, receiver.bodyBytesHeld(), "the declared body is held against the budget");
        HttpResponse<String> busy = post(receiver.port(), WebhookReceiverTest.PAYLOAD);
        assertEquals(503, busy.statusCode(), busy.body());
        assertTrue(busy.body().contains("Alertmanager will retry"), busy.body());
        big.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            status = post(receiver.port(), WebhookReceiverTest.PAYLOAD).statusCode();
            if (status != 200) Thread.sleep(100);
        }
        assertEquals(200, status, "room again once the stalled upload is gone");
        assertEquals(0, receiver.bodyBytesHeld(), "every answered or closed request gave its share back");
    }

    @Test
    void chunkedAndExpectContinueRequestsAreStored() throws Exception {
        start(WebhookLimits.DEFAULTS);
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create("http://127.0.0.1:" + receiver.port() + "/alerts")
                .toURL().openConnection();
        c.setDoOutput(true);
        c.setChunkedStreamingMode(64);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
            out.write(WebhookReceiverTest.PAYLOAD.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(200, c.getResponseCode());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/alerts/critical"))
                .timeout(Duration.ofSeconds(5)).expectContinue(true).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WebhookReceiverTest.PAYLOAD)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2, stored.size());
    }

    @Test
    void jsonNestedTenThousandLevelsIs400() throws Exception {
        start(WebhookLimits.DEFAULTS);
        String deep = "{\"version\":\"4\",\"alerts\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        HttpResponse<String> r = post(receiver.port(), deep);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("nesting deeper than " + WebhookPayload.MAX_DEPTH + " levels"), r.body());
        HttpResponse<String> longNumber = post(receiver.port(), "{\"version\":\"4\",\"n\":" + "9".repeat(5_000) + ",\"alerts\":[]}");
        assertEquals(400, longNumber.statusCode());
        assertTrue(longNumber.body().contains("a number longer than"), longNumber.body());
        assertTrue(stored.isEmpty());
    }

    @Test
    void timesThatCanNeverBeStoredAre400AndAnEndBeforeTheStartIsStoredAsZeroLength(@TempDir Path dir) throws Exception {
        try (AlertStore store = AlertStore.open(dir.resolve("history.db"));
             AlertService service = new AlertService(ReferenceStack.profile().withServices(List.of()), store,
                     AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", 0))), Clock.systemUTC())) {
            service.start(Optional.empty(), Optional.empty());
            int port = service.receiverPort().orElseThrow();
            String farFuture = "+999999999-12-31T23:59:59Z";
            HttpResponse<String> start = post(port, alert("firing", farFuture, "0001-01-01T00:00:00Z"));
            assertEquals(400, start.statusCode(), "a 503 would be retried forever: " + start.body());
            assertTrue(start.body().contains("alerts[0].startsAt out of range"), start.body());
            HttpResponse<String> end = post(port, alert("resolved", "2026-11-25T03:00:00Z", farFuture));
            assertEquals(400, end.statusCode(), end.body());
            assertTrue(end.body().contains("alerts[0].endsAt out of range"), end.body());
            assertEquals(400, post(port, alert("firing", "-000042-01-01T00:00:00Z", "0001-01-01T00:00:00Z")).statusCode());
            assertEquals(0, store.count(AlertQuery.all()), "nothing of those was stored");

            HttpResponse<String> backwards = post(port, alert("resolved", "2026-11-25T03:00:00Z", "2026-11-25T02:00:00Z"));
            assertEquals(200, backwards.statusCode(), backwards.body());
            assertTrue(backwards.body().contains("endsAt is before its startsAt: stored as ending when it started"), backwards.body());
            AlertOccurrence o = store.search(AlertQuery.all()).get(0);
            assertEquals(AlertState.RESOLVED, o.state());
            assertEquals(Optional.of(Instant.parse("2026-11-25T03:00:00Z")), o.endsAt(), "no negative duration");
        }
    }

    @Test
    void malformedBodiesAreNeverEchoedInTheAnswerOrTheLog() throws Exception {
        start(WebhookLimits.DEFAULTS);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try {
            String valid = alert("firing", "2026-11-25T03:00:00Z", "0001-01-01T00:00:00Z");
            List<String> bodies = List.of(
                    SECRET,
                    "{\"version\":\"4\",\"alerts\":[" + SECRET + "]}",
                    "{\"version\":\"4\",\"alerts\":[\"" + SECRET,
                    "{\"version\":\"4\",\"alerts\":[\"\\q" + SECRET + "\"]}",
                    "{\"" + SECRET + "\":1,\"" + SECRET + "\":2}",
                    valid.replace("\"version\":\"4\"", "\"version\":\"" + SECRET + "\""),
                    valid.replace("\"status\":\"firing\",\"labels\"", "\"status\":\"" + SECRET + "\",\"labels\""),
                    valid.replace("2026-11-25T03:00:00Z", SECRET),
                    valid.replace("\"severity\":\"warning\"", "\"" + SECRET + "\":{\"x\":1}"));
            for (String body : bodies) {
                HttpResponse<String> r = post(receiver.port(), body);
                assertEquals(400, r.statusCode(), r.body());
                assertFalse(r.body().contains(SECRET), "the answer quotes the body: " + r.body());
                assertTrue(r.body().length() < 200, r.body());
            }
            assertTrue(log.list.size() >= bodies.size(), "every refusal is logged");
            for (ILoggingEvent e : log.list) {
                String logged = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
                assertFalse(logged.contains(SECRET), "the log quotes the body: " + logged);
            }
            assertTrue(stored.isEmpty());
        } finally {
            root.detachAppender(log);
        }
    }
}
