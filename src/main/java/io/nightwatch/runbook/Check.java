package io.nightwatch.runbook;

/**
 * The answer of a precondition or a verification, with a message for the operator.
 *
 * <p>The component is called {@code passed}, not {@code ok}: a record component {@code ok} would generate an
 * accessor {@code ok()} that clashes with the static factory {@link #ok()} (Java forbids both).
 */
public record Check(boolean passed, String message) {

    public Check {
        message = message == null ? "" : message;
    }

    public static Check ok() {
        return new Check(true, "");
    }

    public static Check ok(String message) {
        return new Check(true, message);
    }

    public static Check failed(String message) {
        return new Check(false, message);
    }
}
