/**
 * The alert-history capability: the webhook receiver, the Alertmanager and Prometheus pollers, Nightwatch's own
 * findings and the {@link io.nightwatch.alerts.AlertService} that ties them to the store.
 *
 * <h2>Why the webhook receiver has its own small HTTP server</h2>
 * The receiver is the one part of Nightwatch that strangers can talk to. It was built on the JDK's
 * {@code com.sun.net.httpserver}, which reads a request's headers on a worker thread with no deadline: eight slow
 * clients held all eight workers and Alertmanager's deliveries waited behind them. That server has no setting for
 * header or body deadlines nor for connections per client. An embedded server (Jetty, Undertow, Netty) would have
 * them, but would add a large dependency and its own configuration surface for three POST paths.
 *
 * <p>So {@link io.nightwatch.alerts.WebhookServer} is a small non-blocking HTTP/1.1 server: one selector thread
 * reads every connection under deadlines ({@link io.nightwatch.alerts.WebhookLimits}), bounds connections per
 * client address (a newcomer evicts that address's longest-waiting unfinished request), parses strictly
 * ({@link io.nightwatch.alerts.HttpHead}, {@link io.nightwatch.alerts.ChunkedDecoder}) and hands only complete
 * requests to a few workers, which parse the JSON under depth and size limits and wait for the store's commit. A
 * slow client costs a socket and a buffer of at most 16 KiB of headers or 1 MiB of body, never a thread.
 * {@link io.nightwatch.alerts.WebhookReceiver} holds the rules (paths, token, content type, size, payload) and
 * answers 200 only once a delivery is durable.
 */
package io.nightwatch.alerts;
