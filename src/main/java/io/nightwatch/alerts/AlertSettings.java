package io.nightwatch.alerts;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * @param listen        where the webhook receiver listens (the reference Alertmanager sends to 127.0.0.1:5001)
 * @param bearerToken   required when listening beyond loopback
 * @param pollInterval  how often Alertmanager and Prometheus are asked
 * @param retention     how long ended alerts are kept
 */
public record AlertSettings(Optional<InetSocketAddress> listen, Optional<String> bearerToken, Duration pollInterval,
                            Duration retention) {

    public static final int DEFAULT_PORT = 5001;

    public static AlertSettings defaults() {
        return new AlertSettings(Optional.of(new InetSocketAddress("127.0.0.1", DEFAULT_PORT)),
                Optional.ofNullable(System.getenv(WebhookReceiver.TOKEN_VARIABLE)), Duration.ofSeconds(15), Duration.ofDays(90));
    }

    public AlertSettings withListen(Optional<InetSocketAddress> address) {
        return new AlertSettings(address, bearerToken, pollInterval, retention);
    }

    public AlertSettings withBearerToken(Optional<String> token) {
        return new AlertSettings(listen, token, pollInterval, retention);
    }

    public AlertSettings withPollInterval(Duration interval) {
        return new AlertSettings(listen, bearerToken, interval, retention);
    }
}
