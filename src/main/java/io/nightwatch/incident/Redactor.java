package io.nightwatch.incident;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out of an export what must not leave the machine: the label keys the platform's logging rules forbid
 * (masked), e-mail addresses (first character and domain kept, as the platform masks them), bearer tokens,
 * passwords, webhook URLs and Redis/Grafana credentials ({@value #REDACTED}). It remembers which kinds it removed,
 * so the export can say so. One instance per export; not thread-safe.
 */
public final class Redactor {

    public static final String REDACTED = "[redacted]";

    /** The platform's forbidden label keys (PII, cardinality). */
    public static final List<String> FORBIDDEN_LABELS = List.of("user_id", "session_id", "email", "request_id", "token",
            "authorization", "api_key", "secret", "ip");

    /** What was found and taken out. */
    public enum Kind {
        FORBIDDEN_LABEL("forbidden label values (user_id, session_id, email, request_id, token, authorization, api_key, secret, ip)"),
        EMAIL("e-mail addresses (masked as f***@domain)"),
        BEARER_TOKEN("bearer tokens"),
        PASSWORD("passwords and secrets in key=value form"),
        CREDENTIALS_IN_URL("credentials in URLs (Redis, Grafana, HTTP)"),
        WEBHOOK_URL("webhook URLs"),
        SECRET_ENV("secret environment values");

        private final String words;

        Kind(String words) { this.words = words; }

        public String words() { return words; }
    }

    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=-]{8,}");
    /** user:password@ in any URL (redis://:pass@host, http://admin:admin@grafana). */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/\\s:@]*):([^/\\s@]+)@");
    private static final Pattern WEBHOOK = Pattern.compile("(?i)\\bhttps?://[^\\s\"'<>]*(hooks?|webhook)[^\\s\"'<>]*");
    /** key=value / key: value where the key names a secret; also GF_SECURITY_ADMIN_PASSWORD=… and requirepass … */
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)\\b([A-Za-z0-9_.-]*(password|passwd|pwd|secret|token|api[_-]?key|apikey|credential|authorization)[A-Za-z0-9_.-]*)(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&\"']+)");
    /** A forbidden label written as key=value in free text (log lines, annotations): user_id=42, ip=10.1.2.3. */
    private static final Pattern FORBIDDEN_ASSIGNMENT = Pattern.compile(
            "(?i)\\b(user_id|session_id|email|request_id|token|authorization|api_key|secret|ip)(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&\"']+)");
    private static final Pattern REQUIREPASS = Pattern.compile("(?i)\\b(requirepass|--requirepass|AUTH)\\s+(\\S+)");

    private final Set<Kind> found = EnumSet.noneOf(Kind.class);

    /** Kinds taken out so far, in a fixed order. */
    public Set<Kind> found() {
        return EnumSet.copyOf(found.isEmpty() ? EnumSet.noneOf(Kind.class) : found);
    }

    /** Free text with every secret and address taken out. */
    public String text(String text) {
        if (text == null || text.isEmpty()) return text == null ? "" : text;
        String out = replace(WEBHOOK, text, m -> REDACTED, Kind.WEBHOOK_URL);
        out = replace(URL_CREDENTIALS, out, m -> m.group(1) + REDACTED + "@", Kind.CREDENTIALS_IN_URL);
        out = replace(BEARER, out, m -> m.group(1) + " " + REDACTED, Kind.BEARER_TOKEN);
        out = replace(REQUIREPASS, out, m -> m.group(1) + " " + REDACTED, Kind.PASSWORD);
        out = replace(FORBIDDEN_ASSIGNMENT, out, m -> m.group(3).equals(REDACTED) || m.group(3).equalsIgnoreCase("bearer") ? m.group()
                : m.group(1) + m.group(2) + REDACTED, Kind.FORBIDDEN_LABEL);
        out = replace(SECRET_ASSIGNMENT, out, m -> m.group(4).equals(REDACTED) || m.group(4).equalsIgnoreCase("bearer") ? m.group()
                : m.group(1) + m.group(3) + REDACTED, Kind.PASSWORD);
        out = replace(EMAIL, out, m -> m.group(1) + "***@" + m.group(2), Kind.EMAIL);
        return out;
    }

    /** Labels or annotations: forbidden keys masked, secret-named keys redacted, every value cleaned as text. */
    public Map<String, String> labels(Map<String, String> labels) {
        Map<String, String> out = new LinkedHashMap<>();
        labels.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            if (FORBIDDEN_LABELS.contains(key)) {
                found.add(Kind.FORBIDDEN_LABEL);
                out.put(k, REDACTED);
            } else if (secretName(key)) {
                found.add(Kind.SECRET_ENV);
                out.put(k, REDACTED);
            } else {
                out.put(k, text(v));
            }
        });
        return out;
    }

    private static boolean secretName(String key) {
        String k = key.replace("-", "").replace("_", "");
        return k.contains("password") || k.contains("passwd") || k.contains("secret") || k.contains("token") || k.contains("apikey")
                || k.contains("credential");
    }

    private String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with, Kind kind) {
        Matcher m = p.matcher(text);
        if (!m.find()) return text;
        StringBuilder sb = new StringBuilder();
        do {
            String replacement = with.apply(m);
            if (!replacement.equals(m.group())) found.add(kind);
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
