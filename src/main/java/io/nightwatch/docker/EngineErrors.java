package io.nightwatch.docker;

import com.github.dockerjava.api.exception.DockerException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that turns what the Docker engine answers in refusal ({@code Status 409: {"message":"Container 3f…
 * is not running"}}) into a short sentence about the service ("redis is not running — start it first"). The tile
 * actions and the wizards show these; the raw answer stays in the log and the journal.
 */
public final class EngineErrors {

    private static final Pattern STATUS = Pattern.compile("Status (\\d{3}): *(.*)", Pattern.DOTALL);
    private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Engine messages are short; anything longer is cut, so a sentence stays one line. */
    private static final int MAX = 200;

    private EngineErrors() {}

    /** {@code failure} in words about {@code service} (its profile name); never null, never the raw JSON. */
    public static String sentence(Throwable failure, String service) {
        if (failure instanceof EngineUnreachableException) return "the Docker engine does not answer: " + cut(failure.getMessage());
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
        if (message == null || message.isBlank()) return "the engine refused without a reason";
        Matcher m = STATUS.matcher(message);
        if (!m.find()) return message;
        String before = message.substring(0, m.start());
        return before + sentence(Integer.parseInt(m.group(1)), m.group(2), service);
    }

    private static String sentence(int status, String body, String service) {
        String said = engineMessage(body);
        String lower = said.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("is not running")) return service + " is not running — start it first";
        if (lower.contains("is paused")) return service + " is paused — unpause it first";
        if (lower.contains("is restarting")) return service + " is restarting — wait for it or stop it first";
        if (lower.contains("is already in progress")) return "another change to " + service + " is under way — wait for it";
        if (lower.contains("marked for removal") || lower.contains("removal of container")) return service + " is being removed";
        if (lower.contains("no such container")) return service + " has no container on this host";
        if (lower.contains("no such image")) return "the image is not on this host: " + cut(said);
        if (lower.contains("port is already allocated") || lower.contains("address already in use")) {
            return service + " cannot start: its port is taken by something else";
        }
        if (lower.contains("conflict") && lower.contains("already in use")) return "the container name of " + service + " is taken";
        return switch (status) {
            case 304 -> service + " is already in that state";
            case 401, 403 -> "the engine refused: not allowed (" + cut(said) + ")";
            case 404 -> "not found on the engine: " + cut(said);
            case 409 -> service + ": the engine refused (" + cut(said) + ")";
            case 500, 502, 503 -> "the engine failed: " + cut(said);
            default -> "the engine refused (" + status + "): " + cut(said);
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
