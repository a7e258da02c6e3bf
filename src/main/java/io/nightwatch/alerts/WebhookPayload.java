package io.nightwatch.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.IncomingAlert;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alertmanager's webhook payload, version 4, read strictly: a missing or malformed field is named, by its place
 * ({@code alerts[2].startsAt}), never by its content: the answer and the log must not carry what the sender sent.
 */
final class WebhookPayload {

    static final class InvalidPayloadException extends Exception {
        InvalidPayloadException(String message) {
            super(message, null, false, false);
        }
    }

    /** The alerts, and what was corrected on the way (said in the answer and the log). */
    record Parsed(List<IncomingAlert> alerts, List<String> notes) {}

    /** Alertmanager's payload is four levels deep; anything far deeper is not a webhook. */
    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 256 * 1024;
    static final int MAX_NUMBER = 64;
    static final int MAX_NAME = 4 * 1024;
    /** Times the store can keep (epoch milliseconds) and that mean something for an alert. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER).maxNameLength(MAX_NAME)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build());

    private WebhookPayload() {}

    static Parsed parse(byte[] body, Instant receivedAt) throws InvalidPayloadException {
        JsonNode root = tree(body);
        if (root == null || !root.isObject()) throw new InvalidPayloadException("the payload must be a JSON object");
        JsonNode version = root.get("version");
        if (version == null) throw new InvalidPayloadException("missing field 'version' (Alertmanager sends \"4\")");
        if (!"4".equals(version.asText())) throw new InvalidPayloadException("unsupported webhook version (expected \"4\")");
        JsonNode alerts = root.get("alerts");
        if (alerts == null || !alerts.isArray()) throw new InvalidPayloadException("missing field 'alerts' (a list)");
        String receiver = root.path("receiver").asText("");
        List<IncomingAlert> result = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            result.add(alert(alerts.get(i), "alerts[" + i + "]", receiver, receivedAt, notes));
        }
        return new Parsed(List.copyOf(result), List.copyOf(notes));
    }

    /** Jackson's own messages quote the input ("Unrecognized token 'SuperSecret'"): only its position is kept. */
    private static JsonNode tree(byte[] body) throws InvalidPayloadException {
        try {
            return JSON.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new InvalidPayloadException(limitBroken(e));
        } catch (JsonEOFException e) {
            throw new InvalidPayloadException("body is not valid JSON: it ends early" + where(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("body is not valid JSON" + where(e.getLocation()));
        } catch (IOException | RuntimeException e) {
            throw new InvalidPayloadException("body is not readable JSON");
        }
    }

    private static String limitBroken(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("nesting depth")) return "nesting deeper than " + MAX_DEPTH + " levels"; // tool text
        if (m.contains("String value length")) return "a string longer than " + MAX_STRING + " characters"; // tool text
        if (m.contains("Number value length")) return "a number longer than " + MAX_NUMBER + " digits"; // tool text
        if (m.contains("Name length")) return "a field name longer than " + MAX_NAME + " characters"; // tool text
        return "the payload exceeds a JSON size limit"; // tool text
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) return "";
        return " at line " + at.getLineNr() + " column " + at.getColumnNr(); // tool text
    }

    private static IncomingAlert alert(JsonNode a, String at, String receiver, Instant receivedAt, List<String> notes)
            throws InvalidPayloadException {
        if (!a.isObject()) throw new InvalidPayloadException(at + " must be an object");
        String status = text(a, at, "status");
        AlertState state = switch (status) {
            case "firing" -> AlertState.FIRING;
            case "resolved" -> AlertState.RESOLVED;
            default -> throw new InvalidPayloadException(at + ".status must be firing or resolved");
        };
        Map<String, String> labels = stringMap(a.get("labels"), at + ".labels");
        if (!labels.containsKey("alertname")) throw new InvalidPayloadException(at + ".labels has no alertname");
        Map<String, String> annotations = a.has("annotations") && !a.get("annotations").isNull()
                ? stringMap(a.get("annotations"), at + ".annotations") : Map.of();
        Instant startsAt = time(a, at, "startsAt").orElseThrow(() -> new InvalidPayloadException(at + ".startsAt is missing"));
        Optional<Instant> endsAt = a.has("endsAt") ? time(a, at, "endsAt") : Optional.empty();
        if (state == AlertState.RESOLVED && endsAt.isPresent() && endsAt.get().isBefore(startsAt)) {
            // A clock mix-up at the sender; a negative duration would mislead every view of the history.
            notes.add(at + ".endsAt is before its startsAt: stored as ending when it started"); // tool text
            endsAt = Optional.of(startsAt);
        }
        String fingerprint = a.path("fingerprint").asText("");
        return new IncomingAlert(fingerprint.isEmpty() ? null : fingerprint, labels, annotations, state, startsAt,
                state == AlertState.RESOLVED ? endsAt.or(() -> Optional.of(receivedAt.isBefore(startsAt) ? startsAt : receivedAt))
                        : Optional.empty(),
                "webhook", a.path("generatorURL").asText(""), receiver, receivedAt);
    }

    private static String text(JsonNode node, String at, String field) throws InvalidPayloadException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) throw new InvalidPayloadException(at + "." + field + " is missing or not text");
        return value.asText();
    }

    /**
     * Alertmanager writes "0001-01-01T00:00:00Z" for "no time". A time the store cannot keep (before 1970, after
     * 9999) is refused with 400: a 503 would make Alertmanager retry a payload that can never be stored, forever.
     */
    private static Optional<Instant> time(JsonNode node, String at, String field) throws InvalidPayloadException {
        String text = text(node, at, field);
        if (text.startsWith("0001-01-01")) return Optional.empty();
        Instant t;
        try {
            t = Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                t = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException | ArithmeticException e2) {
                throw new InvalidPayloadException(at + "." + field + " is not an RFC 3339 time");
            }
        }
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw new InvalidPayloadException(at + "." + field + " out of range (years 1970 to 9999)");
        }
        return Optional.of(t);
    }

    private static Map<String, String> stringMap(JsonNode node, String at) throws InvalidPayloadException {
        if (node == null || !node.isObject()) throw new InvalidPayloadException(at + " is missing or not an object");
        Map<String, String> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        for (int i = 0; fields.hasNext(); i++) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getValue().isValueNode()) throw new InvalidPayloadException(at + ": entry " + (i + 1) + " is not text");
            map.put(f.getKey(), f.getValue().asText());
        }
        return map;
    }
}
