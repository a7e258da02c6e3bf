package io.nightwatch.alerts;

import java.time.Duration;

/**
 * How long and how much the webhook receiver gives one client. Alertmanager sends a whole request in
 * milliseconds; a client that is slower than these bounds is closed so that it cannot hold the receiver.
 *
 * @param headerTimeout     from a request's first byte (or the connection's accept) to the end of its headers
 * @param bodyTimeout       from the end of the headers to the end of the body
 * @param idleTimeout       a kept-alive connection waiting for its next request
 * @param writeTimeout      for the answer to be taken by the client
 * @param perClient         open connections from one address; a new one evicts the longest-waiting reader
 * @param total             open connections in all
 * @param workers           threads that parse and store complete requests (never wait on a socket). Each waits for
 *                          its delivery's commit; the commits of all waiting workers are one group commit, so
 *                          more workers than concurrent senders (Alertmanager sends groups in parallel) means one
 *                          fsync per round of deliveries instead of one per few. Threads waiting cost little.
 * @param maxHeaderBytes    request line and headers
 * @param bufferedBodies    body bytes held for all connections at once; beyond it a request is answered 503
 *                          (Alertmanager retries), so many large uploads cannot exhaust the heap
 */
record WebhookLimits(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, Duration writeTimeout,
                     int perClient, int total, int workers, int maxHeaderBytes, long bufferedBodies) {

    static final WebhookLimits DEFAULTS = new WebhookLimits(Duration.ofSeconds(10), Duration.ofSeconds(20),
            Duration.ofSeconds(30), Duration.ofSeconds(10), 32, 256, 16, 16 * 1024, 64L << 20);

    WebhookLimits withTimeouts(Duration header, Duration body, Duration idle) {
        return new WebhookLimits(header, body, idle, writeTimeout, perClient, total, workers, maxHeaderBytes, bufferedBodies);
    }
}
