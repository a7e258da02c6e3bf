package io.nightwatch.probe;

import io.nightwatch.text.Texts;
import io.nightwatch.text.Formats;
import io.nightwatch.stack.Endpoint;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks an HTTP health endpoint directly. A connection that cannot be made is UNREACHABLE (so the caller falls
 * back to exec); a connection made but not answered in time is TIMED_OUT, which says something about the service.
 */
public final class HttpProbe {

    private static final Texts T = Texts.of(HttpProbe.class);

    private final OkHttpClient client;
    private final Duration timeout;

    public HttpProbe(Duration timeout) {
        this(timeout, new OkHttpClient());
    }

    /** Over {@code shared}'s connection pool, with this probe's timeouts. */
    public HttpProbe(Duration timeout, OkHttpClient shared) {
        this.timeout = timeout;
        Duration connect = timeout.compareTo(Duration.ofSeconds(1)) < 0 ? timeout : Duration.ofSeconds(1);
        this.client = shared.newBuilder()
                .connectTimeout(connect)
                .readTimeout(timeout)
                .callTimeout(timeout.plus(connect))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                // one listener factory for all probes: a probe's "connected" flag rides on its request as a tag,
                // instead of a client built per probe
                .eventListenerFactory(call -> {
                    AtomicBoolean connected = call.request().tag(AtomicBoolean.class);
                    return connected == null ? EventListener.NONE : new EventListener() {
                        @Override
                        public void connectionAcquired(Call c, Connection connection) {
                            connected.set(true);
                        }
                    };
                })
                .build();
    }

    public ProbeResult probe(Endpoint endpoint) {
        AtomicBoolean connected = new AtomicBoolean();
        long start = System.nanoTime();
        Request request = new Request.Builder().url(endpoint.directUri().toString()).header("User-Agent", "nightwatch")
                .tag(AtomicBoolean.class, connected).build();
        String where = endpoint.directHost() + ":" + endpoint.directPort();
        try (Response response = client.newCall(request).execute()) {
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            if (response.isSuccessful()) {
                return ProbeResult.of(ProbeOutcome.HEALTHY, ProbeTransport.DIRECT, latency, endpoint.path() + " " + response.code());
            }
            return ProbeResult.of(ProbeOutcome.UNHEALTHY, ProbeTransport.DIRECT, latency, T.get("probe.returns", endpoint.path(), response.code()));
        } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
            return ProbeResult.unreachable(ProbeTransport.DIRECT, T.get("probe.refused", where));
        } catch (InterruptedIOException e) {
            if (!connected.get()) return ProbeResult.unreachable(ProbeTransport.DIRECT, T.get("probe.noConnection", where));
            return ProbeResult.of(ProbeOutcome.TIMED_OUT, ProbeTransport.DIRECT, null,
                    T.get("probe.timedOut", endpoint.path(), Formats.duration(timeout)));
        } catch (IOException e) {
            if (connected.get()) {
                // A published port whose process binds only to loopback inside the container: docker-proxy accepts
                // and then drops the connection. That is a reachability problem, not the service being down.
                return ProbeResult.unreachable(ProbeTransport.DIRECT,
                        T.get("probe.closesWithoutAnswer", endpoint.directPort()));
            }
            return ProbeResult.unreachable(ProbeTransport.DIRECT, where + ": " + e.getMessage());
        }
    }
}
