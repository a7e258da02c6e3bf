package io.nightwatch.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.IncomingAlert;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Alertmanager's webhook payload, version 4, read strictly: a missing or malformed field is named. */
final class WebhookPayload {

    static final class InvalidPayloadException extends Exception {
        InvalidPayloadException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayload() {}

    static List<IncomingAlert> parse(byte[] body, Instant receivedAt) throws InvalidPayloadException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^]]*]\\)", ""));
        } catch (IOException e) {
            throw new InvalidPayloadException("unreadable body: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new InvalidPayloadException("the payload must be a JSON object");
        JsonNode version = root.get("version");
        if (version == null) throw new InvalidPayloadException("missing field 'version' (Alertmanager sends \"4\")");
        if (!"4".equals(version.asText())) throw new InvalidPayloadException("unsupported webhook version '" + version.asText() + "' (expected \"4\")");
        JsonNode alerts = root.get("alerts");
        if (alerts == null || !alerts.isArray()) throw new InvalidPayloadException("missing field 'alerts' (a list)");
        String receiver = root.path("receiver").asText("");
        List<IncomingAlert> result = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            result.add(alert(alerts.get(i), "alerts[" + i + "]", receiver, receivedAt));
        }
        return result;
    }

    private static IncomingAlert alert(JsonNode a, String at, String receiver, Instant receivedAt) throws InvalidPayloadException {
        if (!a.isObject()) throw new InvalidPayloadException(at + " must be an object");
        String status = text(a, at, "status");
        AlertState state = switch (status) {
            case "firing" -> AlertState.FIRING;
            case "resolved" -> AlertState.RESOLVED;
            default -> throw new InvalidPayloadException(at + ".status must be firing or resolved, not '" + status + "'");
        };
        Map<String, String> labels = stringMap(a.get("labels"), at + ".labels");
        if (!labels.containsKey("alertname")) throw new InvalidPayloadException(at + ".labels has no alertname");
        Map<String, String> annotations = a.has("annotations") && !a.get("annotations").isNull()
                ? stringMap(a.get("annotations"), at + ".annotations") : Map.of();
        Instant startsAt = time(a, at, "startsAt").orElseThrow(() -> new InvalidPayloadException(at + ".startsAt is missing"));
        Optional<Instant> endsAt = a.has("endsAt") ? time(a, at, "endsAt") : Optional.empty();
        String fingerprint = a.path("fingerprint").asText("");
        return new IncomingAlert(fingerprint.isEmpty() ? null : fingerprint, labels, annotations, state, startsAt,
                state == AlertState.RESOLVED ? endsAt.or(() -> Optional.of(receivedAt)) : Optional.empty(),
                "webhook", a.path("generatorURL").asText(""), receiver, receivedAt);
    }

    private static String text(JsonNode node, String at, String field) throws InvalidPayloadException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) throw new InvalidPayloadException(at + "." + field + " is missing or not text");
        return value.asText();
    }

    /** Alertmanager writes "0001-01-01T00:00:00Z" for "no time". */
    private static Optional<Instant> time(JsonNode node, String at, String field) throws InvalidPayloadException {
        String text = text(node, at, field);
        if (text.startsWith("0001-01-01")) return Optional.empty();
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e2) {
                throw new InvalidPayloadException(at + "." + field + " is not an RFC 3339 time: '" + text + "'");
            }
        }
    }

    private static Map<String, String> stringMap(JsonNode node, String at) throws InvalidPayloadException {
        if (node == null || !node.isObject()) throw new InvalidPayloadException(at + " is missing or not an object");
        Map<String, String> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getValue().isValueNode()) throw new InvalidPayloadException(at + "." + f.getKey() + " must be text");
            map.put(f.getKey(), f.getValue().asText());
        }
        return map;
    }
}
