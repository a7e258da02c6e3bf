package io.nightwatch.incident;

import io.nightwatch.redact.Kind;
import io.nightwatch.redact.SecretCatalogue;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The incident views' and exports' redactor: {@link io.nightwatch.redact.Redactor} under its old name, so callers
 * in the incident package and the window keep working. One instance per export; not thread-safe.
 */
public final class Redactor {

    public static final String REDACTED = io.nightwatch.redact.Redactor.REDACTED;

    /** The platform's forbidden label keys (PII, cardinality). */
    public static final List<String> FORBIDDEN_LABELS = SecretCatalogue.FORBIDDEN_LABELS;

    private final io.nightwatch.redact.Redactor delegate = new io.nightwatch.redact.Redactor();

    /** Kinds taken out so far. */
    public Set<Kind> found() {
        return delegate.found();
    }

    /** Free text with every secret and address taken out. */
    public String text(String text) {
        return delegate.text(text);
    }

    /** Labels or annotations: forbidden keys masked, secret-named keys redacted, every value cleaned as text. */
    public Map<String, String> labels(Map<String, String> labels) {
        return delegate.labels(labels);
    }
}
