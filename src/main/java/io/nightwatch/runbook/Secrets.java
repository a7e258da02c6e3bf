package io.nightwatch.runbook;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps secrets out of the journal: values of parameters and state keys named like a secret are written as
 * {@value #REDACTED}, and those values are also scrubbed from any text (output lines, error messages) that
 * happens to contain them, such as a URL with a password in it.
 */
public final class Secrets {

    public static final String REDACTED = "[redacted]";

    private static final List<String> MARKERS = List.of("password", "passwd", "token", "secret", "credential", "apikey", "privatekey");

    /** Values shorter than this are not scrubbed from free text: "1" would redact every digit. */
    private static final int MIN_SCRUB_LENGTH = 4;

    private Secrets() {}

    /** Whether a parameter or state key with this name holds a secret (db-password, API_TOKEN, clientSecret ...). */
    public static boolean isSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
        return MARKERS.stream().anyMatch(n::contains);
    }

    static Map<String, String> redact(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, isSecret(k) && v != null && !v.isEmpty() ? REDACTED : v));
        return out;
    }

    static List<String> secretValues(Map<String, String> params) {
        return params.entrySet().stream()
                .filter(e -> isSecret(e.getKey()) && e.getValue() != null && e.getValue().length() >= MIN_SCRUB_LENGTH
                        && !e.getValue().equals(REDACTED))
                .map(Map.Entry::getValue).toList();
    }

    /** Whether any message in the exception's chain contains one of the values. */
    static boolean mentionsAny(Throwable e, Collection<String> secretValues) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            for (String s : secretValues) if (m.contains(s)) return true;
            for (Throwable sup : t.getSuppressed()) if (mentionsAny(sup, secretValues)) return true;
        }
        return false;
    }

    static String scrub(String text, Collection<String> secretValues) {
        if (text == null) return null;
        String out = text;
        for (String s : secretValues) out = out.replace(s, REDACTED);
        return out;
    }
}
