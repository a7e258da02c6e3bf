package io.nightwatch.redact;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Takes out of text what must not leave the machine, by the shapes of {@link SecretCatalogue}: keys, tokens,
 * passwords, credentials in URLs, webhook URLs ({@value #REDACTED}); e-mail addresses masked as f***@domain; the
 * values of the label keys the platform's logging rules forbid. IP addresses in free text (127.0.0.1:9090) stay:
 * an operator needs them. An instance remembers what it removed, so an export can say so; not thread-safe.
 * {@link #clean(String)} is the stateless form for logs, error messages and the clipboard.
 */
public final class Redactor {

    public static final String REDACTED = "[redacted]";

    /** Longer text is cut here first: redaction runs on every log line, and nothing legitimate is this long. */
    public static final int MAX_CHARS = 4 * 1024 * 1024;

    private final Set<Kind> found = EnumSet.noneOf(Kind.class);
    private final Set<String> rules = new LinkedHashSet<>();

    /** Text with every secret taken out (no record kept). */
    public static String clean(String text) {
        return new Redactor().text(text);
    }

    /** Kinds taken out so far. */
    public Set<Kind> found() {
        return found.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(found);
    }

    /** Names of the rules that took something out so far, in the order they first did. */
    public Set<String> rules() {
        return Set.copyOf(rules);
    }

    /** Free text with every secret and address taken out; null becomes "". */
    public String text(String text) {
        if (text == null || text.isEmpty()) return "";
        String out = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + " [cut]" : text;
        String lower = out.toLowerCase(Locale.ROOT);
        for (SecretRule rule : SecretCatalogue.RULES) {
            if (!rule.worthRunning().test(lower)) continue;
            String next = apply(rule, out);
            if (!next.equals(out)) lower = next.toLowerCase(Locale.ROOT);
            out = next;
        }
        return out;
    }

    /** Labels or annotations: forbidden keys masked, secret-named keys redacted, every other value cleaned as text. */
    public Map<String, String> labels(Map<String, String> labels) {
        Map<String, String> out = new LinkedHashMap<>();
        labels.forEach((k, v) -> {
            if (SecretCatalogue.FORBIDDEN_LABELS.contains(k.toLowerCase(Locale.ROOT))) {
                found.add(Kind.FORBIDDEN_LABEL);
                out.put(text(k), REDACTED);
            } else if (SecretCatalogue.secretKey(k)) {
                found.add(Kind.SECRET_ENV);
                out.put(text(k), REDACTED);
            } else {
                out.put(text(k), text(v));
            }
        });
        return out;
    }

    private String apply(SecretRule rule, String text) {
        Matcher m = rule.pattern().matcher(text);
        StringBuilder sb = null;
        int from = 0, last = 0;
        while (from <= text.length() && m.find(from)) {
            SecretRule.Edit edit = rule.rewrite().apply(m, text);
            if (edit == null) { // not a secret: go on after it
                from = m.end() > m.start() ? m.end() : m.start() + 1;
                continue;
            }
            found.add(rule.kindOf().apply(m));
            rules.add(rule.name());
            if (sb == null) sb = new StringBuilder(text.length());
            sb.append(text, last, m.start()).append(edit.replacement());
            last = edit.end();
            from = edit.end() > m.start() ? edit.end() : m.start() + 1;
        }
        if (sb == null) return text;
        return sb.append(text, last, text.length()).toString();
    }
}
