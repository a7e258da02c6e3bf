package io.nightwatch.docker;

import io.nightwatch.text.Texts;

import com.github.dockerjava.api.exception.DockerException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that turns what the Docker engine answers in refusal ({@code Status 409: {"message":"Container 3f…
 * is not running"}}) into a short sentence about the service ("redis is not running — start it first"). The tile
 * actions and the wizards show these; the raw answer stays in the log and the journal.
 */
public final class EngineErrors {

    private static final Texts T = Texts.of(EngineErrors.class);

    private static final Pattern STATUS = Pattern.compile("Status (\\d{3}): *(.*)", Pattern.DOTALL);
    private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Engine messages are short; anything longer is cut, so a sentence stays one line. */
    private static final int MAX = 200;

    private EngineErrors() {}

    /** {@code failure} in words about {@code service} (its profile name); never null, never the raw JSON. */
    public static String sentence(Throwable failure, String service) {
        if (failure instanceof EngineUnreachableException) return T.get("engine.noAnswer", cut(failure.getMessage()));
        if (failure instanceof DockerException e) return sentence(e.getHttpStatus(), e.getMessage(), service);
        for (Throwable c = failure.getCause(); c != null && c != failure; c = c.getCause()) {
            if (c instanceof DockerException || c instanceof EngineUnreachableException) return sentence(c, service);
        }
        return sentence(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage(), service);
    }

    /**
     * A message that may hold an engine answer ("Status 409: {…}", as docker-java words it, perhaps inside a runner's
     * account), in words; other text comes back as it was.
     */
    public static String sentence(String message, String service) {
        if (message == null || message.isBlank()) return T.get("engine.refusedNoReason");
        Matcher m = STATUS.matcher(message);
        if (!m.find()) return message;
        String before = message.substring(0, m.start());
        return before + sentence(Integer.parseInt(m.group(1)), m.group(2), service);
    }

    private static String sentence(int status, String body, String service) {
        String said = engineMessage(body);
        String lower = said.toLowerCase(java.util.Locale.ROOT);
        // the engine's own words (English, whatever the operator reads) decide which sentence fits
        if (lower.contains("is not running")) return T.get("engine.notRunning", service); // tool text: engine words
        if (lower.contains("is paused")) return T.get("engine.paused", service); // tool text: engine words
        if (lower.contains("is restarting")) return T.get("engine.restarting", service); // tool text: engine words
        if (lower.contains("is already in progress")) return T.get("engine.inProgress", service); // tool text: engine words
        if (lower.contains("marked for removal") || lower.contains("removal of container")) return T.get("engine.removing", service); // tool text
        if (lower.contains("no such container")) return T.get("engine.noContainer", service); // tool text: engine words
        if (lower.contains("no such image")) return T.get("engine.noImage", cut(said)); // tool text: engine words
        if (lower.contains("port is already allocated") || lower.contains("address already in use")) { // tool text: engine words
            return T.get("engine.portTaken", service);
        }
        if (lower.contains("conflict") && lower.contains("already in use")) return T.get("engine.nameTaken", service); // tool text
        return switch (status) {
            case 304 -> T.get("engine.sameState", service);
            case 401, 403 -> T.get("engine.notAllowed", cut(said));
            case 404 -> T.get("engine.notFound", cut(said));
            case 409 -> T.get("engine.conflict", service, cut(said));
            case 500, 502, 503 -> T.get("engine.failed", cut(said));
            default -> T.get("engine.refused", status, cut(said));
        };
    }

    /** The {@code message} field of the engine's JSON answer, else the text itself. */
    private static String engineMessage(String body) {
        if (body == null) return "";
        Matcher m = JSON_MESSAGE.matcher(body);
        String text = m.find() ? m.group(1).replace("\\\"", "\"").replace("\\n", " ") : body;
        return text.strip();
    }

    private static String cut(String text) {
        if (text == null) return "";
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > MAX ? one.substring(0, MAX) + "…" : one;
    }
}
