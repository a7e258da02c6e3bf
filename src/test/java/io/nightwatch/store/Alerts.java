package io.nightwatch.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds incoming alerts as each source would report them. */
final class Alerts {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private Alerts() {}

    static Map<String, String> labels(String... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put(nameValue[i], nameValue[i + 1]);
        return m;
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Builder alert(Map<String, String> labels) {
        return new Builder(labels);
    }

    /** A store in a fresh temporary directory. */
    static AlertStore open(Path dir) {
        return AlertStore.open(dir.resolve("alerts.db"));
    }

    static final class Builder {
        private final Map<String, String> labels;
        private Map<String, String> annotations = Map.of();
        private String fingerprint;
        private AlertState state = AlertState.FIRING;
        private Instant startsAt = T0;
        private Instant endsAt;
        private String source = IncomingAlert.WEBHOOK;
        private Instant receivedAt = T0;
        private String generatorUrl = "";
        private String receiver = "";

        private Builder(Map<String, String> labels) {
            this.labels = labels;
        }

        Builder annotations(String... nameValue) { annotations = labels(nameValue); return this; }

        Builder fingerprint(String value) { fingerprint = value; return this; }

        Builder state(AlertState value) { state = value; return this; }

        Builder startsAt(Instant value) { startsAt = value; return this; }

        Builder endsAt(Instant value) { endsAt = value; return this; }

        Builder source(String value) { source = value; return this; }

        Builder receivedAt(Instant value) { receivedAt = value; return this; }

        Builder generatorUrl(String value) { generatorUrl = value; return this; }

        Builder receiver(String value) { receiver = value; return this; }

        /** Alertmanager webhook: status firing|resolved, endsAt Go-zero while firing. */
        Builder webhook(AlertState value) {
            source = IncomingAlert.WEBHOOK;
            state = value;
            receiver = "nightwatch";
            return this;
        }

        IncomingAlert build() {
            return new IncomingAlert(fingerprint, labels, annotations, state, startsAt,
                    endsAt == null ? Optional.of(IncomingAlert.GO_ZERO_TIME) : Optional.of(endsAt), source,
                    generatorUrl, receiver, receivedAt);
        }
    }
}
