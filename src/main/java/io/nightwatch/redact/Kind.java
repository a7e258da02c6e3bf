package io.nightwatch.redact;

/** What a redaction rule takes out: the English words; exports say it per language (RedactedReport's bundle). */
public enum Kind {
    PRIVATE_KEY("private keys (PEM, OpenSSH, PGP)"), // tool text
    CLOUD_KEY("cloud credentials (AWS, GCP, Azure)"), // tool text
    CODE_HOST_TOKEN("GitHub and GitLab tokens"), // tool text
    CHAT_TOKEN("chat tokens (Slack, Discord, Telegram)"), // tool text
    SERVICE_API_KEY("service API keys (Stripe, Twilio, SendGrid, Mailgun, npm, PyPI, Docker Hub, Grafana and others)"), // tool text
    JWT("JSON web tokens"), // tool text
    BASIC_AUTH("basic-auth credentials"), // tool text
    BEARER_TOKEN("bearer tokens"), // tool text
    CREDENTIALS_IN_URL("credentials in URLs and connection strings"), // tool text
    WEBHOOK_URL("webhook URLs"), // tool text
    FORBIDDEN_LABEL("forbidden label values (user_id, session_id, email, request_id, token, authorization, api_key, secret, ip)"), // tool text
    PASSWORD("passwords and secrets in key=value form"), // tool text
    SECRET_ENV("secret environment values"), // tool text
    EMAIL("e-mail addresses (masked as f***@domain)"); // tool text

    private final String words;

    Kind(String words) { this.words = words; }

    public String words() { return words; }
}
