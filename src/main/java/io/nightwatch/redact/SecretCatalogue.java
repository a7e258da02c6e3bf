package io.nightwatch.redact;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.nightwatch.redact.SecretRule.group;
import static io.nightwatch.redact.SecretRule.guarded;
import static io.nightwatch.redact.SecretRule.inPlace;
import static io.nightwatch.redact.SecretRule.rule;
import static io.nightwatch.redact.SecretRule.whole;

/**
 * The shapes of secret Nightwatch takes out of everything that leaves the process, in the order they are applied
 * (the families of the usual secret scanners: private keys, cloud keys, code-host, chat and service tokens, JWTs,
 * HTTP credentials, credentials in URLs, key=value secrets, e-mail addresses).
 * <p>
 * Every quantifier is bounded, and possessive where nothing needs to be given back, so a hostile line costs time in
 * proportion to its length: no pattern can backtrack without limit.
 */
public final class SecretCatalogue {

    private static final String R = Redactor.REDACTED;
    /** Characters of a token: a token ends where one of these stops. */
    private static final String B64URL = "A-Za-z0-9_\\-";

    /** The platform's forbidden label keys (PII, cardinality). */
    public static final List<String> FORBIDDEN_LABELS = List.of("user_id", "session_id", "email", "request_id", "token",
            "authorization", "api_key", "secret", "ip");

    /** Key names that hold a secret wherever they appear in the key (db_password, clientSecret, X-Amz-Credential). */
    private static final List<String> SECRET_KEY_PARTS = List.of("password", "passwd", "passphrase", "secret", "token", "apikey",
            "accesskey", "privatekey", "credential", "authorization", "signature", "accountkey", "routingkey", "servicekey",
            "integrationkey", "encryptionkey", "signingkey", "masterkey", "sessionkey", "authkey", "webhookurl", "dsn");
    /** Short key names that hold a secret when they are the whole key or its last part (pass, db_pwd, basic-auth). */
    private static final Set<String> SECRET_KEY_WORDS = Set.of("pass", "pwd", "pw", "auth", "sig", "pat", "cookie", "jwt");
    /** Words after "Bearer" in prose, not tokens. */
    private static final Set<String> NOT_TOKENS = Set.of("of", "token", "tokens", "auth", "authentication", "header", "scheme", "is",
            "the", "a", "an", "and", "or", "in", "to", "for", "with", "was", "missing", "required", "invalid", "expired");
    /** Words after "Authorization:" that are the scheme alone (the credential was already taken out). */
    private static final Set<String> SCHEMES = Set.of("basic", "bearer", "digest", "token", "negotiate", "ntlm", "apikey");

    /**
     * The key and separator of a key=value, key: value, "key": "value" or key: 'value' pair (keys up to 64 characters).
     * The value is read only when the key names a secret: a key that does not must not swallow the pair after it
     * ("failed: password=…").
     */
    private static final String ASSIGNMENT = "(?<![A-Za-z0-9_.\\-])(\\\\?[\"']?)(-{0,2}+[A-Za-z][A-Za-z0-9_.\\-]{0,63}+)\\1(\\s{0,8}+[=:]\\s{0,8}+)";
    /** The value after it: double- or single-quoted, quoted with escaped quotes (JSON in JSON), or bare (up to 4096 characters). */
    private static final Pattern VALUE = Pattern.compile("\"[^\"\\\\\\n]{0,4096}+(?:\\\\.[^\"\\\\\\n]{0,4096}+){0,64}+\"|'[^'\\n]{0,4096}+'"
            + "|\\\\\"[^\"\\n]{0,4096}+\"?|[\"']?[^\\s,;&\"'<>]{1,4096}+");

    public static final List<SecretRule> RULES = List.of(
            // --- private keys (first: they span lines and contain base64 that other rules would nibble at) ---
            whole("pem-private-key", Kind.PRIVATE_KEY, "-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----" // tool text
                    + "(?:[\\s\\S]{0,16384}?-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\\s\\\\:,.\\-]{0,16384}+)", "private key"), // tool text
            whole("putty-private-key", Kind.PRIVATE_KEY, "PuTTY-User-Key-File-\\d: [\\s\\S]{0,8192}?Private-MAC: [0-9a-f]{0,128}+", "putty-user-key-file"),
            whole("age-secret-key", Kind.PRIVATE_KEY, "\\bAGE-SECRET-KEY-1[0-9A-Z]{58}\\b", "age-secret-key-"),

            // --- webhook URLs: the whole URL is the credential ---
            rule("webhook-url", Kind.WEBHOOK_URL, "(?i)\\bhttps?://[^\\s\"'<>`]{1,4096}+", inPlace(SecretCatalogue::webhook), "hook", "logic.azure.com"),

            // --- cloud ---
            whole("aws-access-key-id", Kind.CLOUD_KEY,
                    "\\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\\b", "a3t", "akia", "asia", "abia", "acca", "agpa", "aida", "aroa", "aipa", "anpa", "anva", "apka"),
            whole("aws-mws-key", Kind.CLOUD_KEY, "\\bamzn\\.mws\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b", "amzn.mws."),
            whole("gcp-api-key", Kind.CLOUD_KEY, "\\bAIza[" + B64URL + "]{35}(?![" + B64URL + "])", "aiza"),
            whole("gcp-oauth-client-secret", Kind.CLOUD_KEY, "\\bGOCSPX-[" + B64URL + "]{28}(?![" + B64URL + "])", "gocspx-"),
            whole("gcp-oauth-access-token", Kind.CLOUD_KEY, "\\bya29\\.[" + B64URL + "]{20,4096}+", "ya29."),
            whole("gcp-refresh-token", Kind.CLOUD_KEY, "(?<![A-Za-z0-9:/])1//0[" + B64URL + "]{40,512}+", "1//0"),
            group("azure-storage-key", Kind.CLOUD_KEY,
                    "(?i)\\b(?:AccountKey|SharedAccessKey|SharedSecret)\\s{0,4}+=\\s{0,4}+([A-Za-z0-9+/]{20,200}+={0,2}+)", 1, "accountkey", "sharedaccesskey", "sharedsecret"),
            group("azure-sas-signature", Kind.CLOUD_KEY, "(?i)[?&]sig=([A-Za-z0-9%+/=]{16,512}+)", 1, "sig="),
            whole("azure-ad-client-secret", Kind.CLOUD_KEY,
                    "(?<![A-Za-z0-9_~.\\-])[A-Za-z0-9_~.\\-]{3}\\dQ~[A-Za-z0-9_~.\\-]{31,34}(?![A-Za-z0-9_~.\\-])", "q~"),

            // --- code hosts ---
            whole("github-token", Kind.CODE_HOST_TOKEN, "\\bgh[pousr]_[A-Za-z0-9]{30,255}+", "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
            whole("github-fine-grained-pat", Kind.CODE_HOST_TOKEN, "\\bgithub_pat_[A-Za-z0-9_]{22,255}+", "github_pat_"),
            whole("gitlab-token", Kind.CODE_HOST_TOKEN, "\\bgl(?:pat|dt|ptt|rt|cbt|ft|imt|oas|soat|agent)-[" + B64URL + "]{20,255}+", "gl"),
            whole("gitlab-runner-registration", Kind.CODE_HOST_TOKEN, "\\bGR1348941[" + B64URL + "]{20,255}+", "gr1348941"),
            whole("bitbucket-app-password", Kind.CODE_HOST_TOKEN, "\\bATBB[A-Za-z0-9_=.\\-]{32,255}+", "atbb"),
            whole("atlassian-api-token", Kind.CODE_HOST_TOKEN, "\\bATATT3[A-Za-z0-9_=\\-]{60,512}+", "atatt3"),

            // --- chat ---
            whole("slack-token", Kind.CHAT_TOKEN, "\\bxox[abposre]-[A-Za-z0-9\\-]{10,255}+", "xox"),
            whole("slack-app-token", Kind.CHAT_TOKEN, "\\bxapp-\\d-[A-Za-z0-9\\-]{10,255}+", "xapp-"),
            whole("discord-bot-token", Kind.CHAT_TOKEN, "\\b[MNO][" + B64URL + "]{23,27}\\.[" + B64URL + "]{6,7}\\.[" + B64URL + "]{27,40}\\b", "."),
            whole("telegram-bot-token", Kind.CHAT_TOKEN, "\\b\\d{8,10}:AA[" + B64URL + "]{33}(?![" + B64URL + "])", ":aa"),

            // --- services ---
            whole("stripe-key", Kind.SERVICE_API_KEY, "\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}+", "_live_", "_test_"),
            whole("stripe-webhook-secret", Kind.SERVICE_API_KEY, "\\bwhsec_[A-Za-z0-9+/=]{20,255}+", "whsec_"),
            whole("twilio-api-key", Kind.SERVICE_API_KEY, "\\bSK[0-9a-fA-F]{32}\\b", "sk"),
            whole("twilio-account-sid", Kind.SERVICE_API_KEY, "\\bAC[0-9a-f]{32}\\b", "ac"),
            whole("sendgrid-api-key", Kind.SERVICE_API_KEY, "\\bSG\\.[" + B64URL + "]{22}\\.[" + B64URL + "]{43}(?![" + B64URL + "])", "sg."),
            whole("mailgun-api-key", Kind.SERVICE_API_KEY, "\\bkey-[0-9a-f]{32}\\b", "key-"),
            whole("mailgun-private-key", Kind.SERVICE_API_KEY, "\\b[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}\\b", "-"),
            whole("mailchimp-api-key", Kind.SERVICE_API_KEY, "\\b[0-9a-f]{32}-us[0-9]{1,2}\\b", "-us"),
            whole("npm-token", Kind.SERVICE_API_KEY, "\\bnpm_[A-Za-z0-9]{36}\\b", "npm_"),
            whole("pypi-token", Kind.SERVICE_API_KEY, "\\bpypi-AgE[" + B64URL + "]{50,1024}+", "pypi-age"),
            whole("dockerhub-token", Kind.SERVICE_API_KEY, "\\bdckr_(?:pat|oat)_[" + B64URL + "]{20,255}+", "dckr_"),
            whole("grafana-service-account-token", Kind.SERVICE_API_KEY, "\\bglsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\\b", "glsa_"),
            whole("grafana-api-key", Kind.SERVICE_API_KEY, "\\beyJrIjoi[A-Za-z0-9+/=_\\-]{20,1024}+", "eyjrijoi"),
            whole("grafana-cloud-token", Kind.SERVICE_API_KEY, "\\bglc_[A-Za-z0-9+/=_\\-]{32,1024}+", "glc_"),
            whole("vault-token", Kind.SERVICE_API_KEY, "\\bhv[sbr]\\.[" + B64URL + "]{24,255}+", "hvs.", "hvb.", "hvr."),
            whole("terraform-cloud-token", Kind.SERVICE_API_KEY, "\\b[a-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=\\-]{60,255}+", ".atlasv1."),
            whole("digitalocean-token", Kind.SERVICE_API_KEY, "\\bdo[opr]_v1_[a-f0-9]{64}\\b", "_v1_"),
            whole("shopify-token", Kind.SERVICE_API_KEY, "\\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\\b", "shpat_", "shpca_", "shppa_", "shpss_"),
            whole("openai-anthropic-key", Kind.SERVICE_API_KEY,
                    "\\bsk-(?:proj-|svcacct-|admin-|ant-[a-z0-9]{2,10}-)?[" + B64URL + "]{32,512}+", "sk-"),
            whole("huggingface-token", Kind.SERVICE_API_KEY, "\\bhf_[A-Za-z]{34}\\b", "hf_"),
            whole("newrelic-user-key", Kind.SERVICE_API_KEY, "\\bNRAK-[A-Z0-9]{27}\\b", "nrak-"),
            whole("sentry-token", Kind.SERVICE_API_KEY, "\\bsntry[su]_[A-Za-z0-9+/=_]{40,512}+", "sntr"),
            whole("postman-api-key", Kind.SERVICE_API_KEY, "\\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\\b", "pmak-"),
            whole("linear-api-key", Kind.SERVICE_API_KEY, "\\blin_api_[A-Za-z0-9]{40}\\b", "lin_api_"),
            whole("databricks-token", Kind.SERVICE_API_KEY, "\\bdapi[a-f0-9]{32}(?:-\\d)?\\b", "dapi"),
            whole("doppler-token", Kind.SERVICE_API_KEY, "\\bdp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44}\\b", "dp."),
            whole("pulumi-token", Kind.SERVICE_API_KEY, "\\bpul-[a-f0-9]{40}\\b", "pul-"),

            // --- bearer tokens (before JWTs: "Bearer eyJ…" is reported as a bearer token) ---
            guarded("bearer-token", Kind.BEARER_TOKEN, "(?i)\\bbearer\\s{1,8}+([A-Za-z0-9._~+/=\\-]{1,4096}+)", 1,
                    t -> !NOT_TOKENS.contains(t.toLowerCase(Locale.ROOT)), "bearer"),
            // --- JSON web tokens (after Grafana's eyJrIjoi keys) ---
            whole("jwt", Kind.JWT, "\\beyJ[" + B64URL + "]{8,8192}+\\.[" + B64URL + "]{2,16384}+(?:\\.[" + B64URL + "]{0,8192}+){0,3}+", "eyj"),

            // --- credentials in URLs and connection strings ---
            guarded("url-credentials", Kind.CREDENTIALS_IN_URL, // a password already taken out leaves the user readable
                    "(?i)\\b[a-z][a-z0-9+.\\-]{0,30}+://([^\\s/?#@:\"'<>]{0,256}+:[^\\s/?#\"'<>]{1,512})@", 1, s -> !s.endsWith(":" + R), "://"),
            group("url-token-user", Kind.CREDENTIALS_IN_URL, "(?i)\\b[a-z][a-z0-9+.\\-]{0,30}+://([A-Za-z0-9_\\-]{20,256}+)@", 1, "://"),
            group("go-dsn-credentials", Kind.CREDENTIALS_IN_URL,
                    "(?<![^\\s\"'=])[A-Za-z0-9_.\\-]{1,64}+:([^\\s@]{1,256}+)@(?:tcp|unix)\\(", 1, "@tcp(", "@unix("),

            // --- HTTP credentials ---
            rule("authorization-header", Kind.BASIC_AUTH, "(?i)\\b((?:proxy-)?authorization)([\"']?\\s{0,8}+[:=]\\s{0,8}+[\"']?)"
                    + "(?:(basic|bearer|digest|token|negotiate|ntlm|apikey|sso-key)\\s{1,8}+)?([^\\s\"',;]{1,4096}+)", inPlace(SecretCatalogue::authorization),
                    "authorization"),
            guarded("basic-credentials", Kind.BASIC_AUTH, "(?i)\\bbasic\\s{1,8}+([A-Za-z0-9+/]{4,4096}+={0,2}+)", 1,
                    SecretCatalogue::encodesUserAndPassword, "basic"),
            // curl -u user:password (not docker's -u uid:gid)
            guarded("curl-user", Kind.BASIC_AUTH, "(?<![^\\s])(?:-u|--user)\\s{1,8}+([^\\s:]{1,256}+:\\S{1,512}+)", 1,
                    s -> !s.matches("[0-9]{1,10}:[0-9]{1,10}"), "curl"),
            group("redis-password", Kind.PASSWORD, "(?i)(?<![A-Za-z0-9_\\-])-{0,2}+(?:requirepass|masterauth)\\s{1,8}+(\\S{1,4096}+)", 1, "requirepass", "masterauth"),
            group("redis-auth-command", Kind.PASSWORD, "\\bAUTH\\s{1,8}+(\\S{1,4096}+)", 1, "auth"),
            // redis-cli -a <password>, on text that mentions redis-cli (bounded look-back would cost a scan per "-a")
            guarded("redis-cli-password", Kind.PASSWORD, "(?<![^\\s])-a[ \\t]{1,8}+(\\S{1,512}+)", 1, s -> !s.startsWith("-"), "redis-cli"),

            // --- key=value, "key": "value", key: value ---
            // one pass for both: a key that names a secret is a password, a forbidden label key is reported as such
            new SecretRule("secret-assignment", Kind.PASSWORD, Pattern.compile(ASSIGNMENT),
                    SecretCatalogue::assignment,
                    SecretCatalogue::mayHoldSecretKey, m -> secretKey(m.group(2)) ? Kind.PASSWORD : Kind.FORBIDDEN_LABEL),
            new SecretRule("aws-secret-access-key", Kind.CLOUD_KEY, Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])"),
                    inPlace(m -> looksRandom(m.group()) ? R : m.group()), SecretCatalogue::hasWordOf40, m -> Kind.CLOUD_KEY),

            // --- e-mail addresses: masked, not removed (who was paged matters, the address does not) ---
            rule("email", Kind.EMAIL, "(?<![A-Za-z0-9._%+\\-])([A-Za-z0-9])[A-Za-z0-9._%+\\-]{0,63}+@"
                    + "((?:[A-Za-z0-9\\-]{1,63}+\\.){1,8}[A-Za-z]{2,24}+)(?![A-Za-z0-9\\-])", inPlace(m -> m.group(1) + "***@" + m.group(2)), "@"));

    private SecretCatalogue() {}

    private static final List<String> KEY_TRIGGERS = java.util.stream.Stream.concat(FORBIDDEN_LABELS.stream(),
            java.util.stream.Stream.of("pass", "pw", "secret", "token", "key", "credential", "auth", "sig", "dsn", "pat", "cookie", "jwt")).toList();

    private static boolean mayHoldSecretKey(String lowerText) {
        for (String t : KEY_TRIGGERS) if (lowerText.contains(t)) return true;
        return false;
    }

    private static boolean forbiddenKey(String key) {
        return FORBIDDEN_LABELS.contains(key.toLowerCase(Locale.ROOT));
    }

    /** Whether a key (of a label, an environment variable, a key=value) names a secret. */
    public static boolean secretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT).replaceFirst("^-+", "");
        String flat = k.replace("_", "").replace("-", "").replace(".", "");
        for (String part : SECRET_KEY_PARTS) if (flat.contains(part)) return true;
        String[] parts = k.split("[_.\\-]");
        if (SECRET_KEY_WORDS.contains(parts[parts.length - 1])) return true;
        // pgpass, requirepass, masterauth, dbpwd; not bypass or compass
        return (flat.endsWith("pass") && !flat.endsWith("bypass") && !flat.endsWith("compass"))
                || flat.endsWith("pwd") || flat.endsWith("auth") && !flat.endsWith("oauth");
    }

    private static String webhook(Matcher m) {
        String url = m.group();
        String lower = url.toLowerCase(Locale.ROOT);
        boolean hook = lower.contains("hook") || lower.contains("logic.azure.com") && lower.contains("/workflows/");
        if (!hook) return url;
        int end = url.length(); // sentence punctuation after the URL stays
        while (end > 0 && ".,;:)]}".indexOf(url.charAt(end - 1)) >= 0) end--;
        return R + url.substring(end);
    }

    private static String authorization(Matcher m) {
        String credential = m.group(4);
        if (credential.startsWith(R) || m.group(3) == null && SCHEMES.contains(credential.toLowerCase(Locale.ROOT))) return m.group();
        return SecretRule.replaceGroup(m, 4);
    }

    private static SecretRule.Edit assignment(Matcher m, String text) {
        if (!secretKey(m.group(2)) && !forbiddenKey(m.group(2))) return null;
        Matcher v = VALUE.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 8500));
        if (!v.lookingAt()) return null;
        String value = v.group();
        if (value.startsWith(R) || value.startsWith("\"" + R) || value.startsWith("'" + R) || value.equals("\"\"") || value.equals("''")
                || SCHEMES.contains(value.toLowerCase(Locale.ROOT))) return null;
        String quote = value.startsWith("\"") && value.length() > 1 && value.endsWith("\"") ? "\""
                : value.startsWith("'") && value.length() > 1 && value.endsWith("'") ? "'" : "";
        return new SecretRule.Edit(m.group() + quote + R + quote, v.end());
    }

    /** Whether the text has a run of exactly 40 base64 characters: one linear pass instead of a regex attempt per character. */
    private static boolean hasWordOf40(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c >= 'A' && c <= 'Z') {
                run++;
            } else {
                if (run == 40 && c != '=') return true;
                run = 0;
            }
        }
        return run == 40;
    }

    /** "Basic dXNlcjpwYXNz" is a credential; "basic check" is English. */
    private static boolean encodesUserAndPassword(String b64) {
        try {
            // the decoder takes missing padding; a length of 4n+1 cannot be base64 and throws
            return new String(Base64.getDecoder().decode(b64), StandardCharsets.ISO_8859_1).indexOf(':') > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A 40-character base64 word with upper and lower case and digits (an AWS secret key), not a path or a hex digest. */
    private static boolean looksRandom(String s) {
        boolean upper = false, lower = false, digit = false;
        int slashes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c)) upper = true;
            else if (Character.isLowerCase(c)) lower = true;
            else if (Character.isDigit(c)) digit = true;
            else slashes++;
        }
        return upper && lower && digit && slashes <= 3 && s.charAt(0) != '/';
    }
}
