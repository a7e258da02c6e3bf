package io.nightwatch.redact;

/** What a redaction rule takes out, in the words an export uses to say so. */
public enum Kind {
    PRIVATE_KEY("private keys (PEM, OpenSSH, PGP)"),
    CLOUD_KEY("cloud credentials (AWS, GCP, Azure)"),
    CODE_HOST_TOKEN("GitHub and GitLab tokens"),
    CHAT_TOKEN("chat tokens (Slack, Discord, Telegram)"),
    SERVICE_API_KEY("service API keys (Stripe, Twilio, SendGrid, Mailgun, npm, PyPI, Docker Hub, Grafana and others)"),
    JWT("JSON web tokens"),
    BASIC_AUTH("basic-auth credentials"),
    BEARER_TOKEN("bearer tokens"),
    CREDENTIALS_IN_URL("credentials in URLs and connection strings"),
    WEBHOOK_URL("webhook URLs"),
    FORBIDDEN_LABEL("forbidden label values (user_id, session_id, email, request_id, token, authorization, api_key, secret, ip)"),
    PASSWORD("passwords and secrets in key=value form"),
    SECRET_ENV("secret environment values"),
    EMAIL("e-mail addresses (masked as f***@domain)");

    private final String words;

    Kind(String words) { this.words = words; }

    public String words() { return words; }
}
