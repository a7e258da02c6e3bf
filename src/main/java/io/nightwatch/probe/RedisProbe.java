package io.nightwatch.probe;

import io.nightwatch.text.Texts;
import io.nightwatch.text.Formats;
import io.nightwatch.stack.Endpoint;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** Redis {@code PING} over a direct connection, with AUTH when the profile names a password variable. */
public final class RedisProbe {

    private static final Texts T = Texts.of(RedisProbe.class);

    private final Duration timeout;

    public RedisProbe(Duration timeout) {
        this.timeout = timeout;
    }

    public ProbeResult probe(Endpoint endpoint, Optional<String> password) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) Math.min(1000, timeout.toMillis()))
                .socketTimeoutMillis((int) timeout.toMillis());
        password.ifPresent(config::password);
        String where = endpoint.directHost() + ":" + endpoint.directPort();
        long start = System.nanoTime();
        try (Jedis jedis = new Jedis(endpoint.directHost(), endpoint.directPort(), config.build())) {
            String reply = jedis.ping();
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            return ProbeResult.of("PONG".equals(reply) ? ProbeOutcome.HEALTHY : ProbeOutcome.UNHEALTHY,
                    ProbeTransport.DIRECT, latency, "PING → " + reply);
        } catch (JedisDataException e) {
            return ProbeResult.of(ProbeOutcome.UNHEALTHY, ProbeTransport.DIRECT, null, T.get("probe.pingRefused", firstWords(e.getMessage())));
        } catch (JedisConnectionException e) {
            Throwable cause = e.getCause();
            if (refused(e)) return ProbeResult.unreachable(ProbeTransport.DIRECT, T.get("probe.refused", where));
            if (cause instanceof SocketTimeoutException && String.valueOf(cause.getMessage()).contains("connect")) {
                return ProbeResult.unreachable(ProbeTransport.DIRECT, T.get("probe.noConnection", where));
            }
            if (cause instanceof SocketTimeoutException) {
                return ProbeResult.of(ProbeOutcome.TIMED_OUT, ProbeTransport.DIRECT, null, T.get("probe.timedOut", "PING", Formats.duration(timeout)));
            }
            return ProbeResult.unreachable(ProbeTransport.DIRECT, where + ": " + firstWords(e.getMessage()));
        }
    }

    /** Jedis reports a refused connection as a cause or, since 5.x, as a suppressed exception of its own. */
    public static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) return true;
            for (Throwable s : t.getSuppressed()) if (s instanceof ConnectException) return true;
        }
        return false;
    }

    /** Redis error texts can be long; the first words carry the meaning (NOAUTH, WRONGPASS, LOADING). */
    private static String firstWords(String message) {
        if (message == null) return "";
        return message.length() > 80 ? message.substring(0, 80) + "…" : message;
    }
}
