package io.nightwatch.docker;

import io.nightwatch.text.Texts;

/** The engine did not answer: a state the dashboard shows, with the address that was tried. */
public class EngineUnreachableException extends RuntimeException {

    private static final Texts T = Texts.of(EngineUnreachableException.class);

    private final EngineAddress address;

    public EngineUnreachableException(EngineAddress address, Throwable cause) {
        super(T.get("engine.unreachable", address, rootMessage(cause)), cause);
        this.address = address;
    }

    public EngineAddress address() { return address; }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        // one line: some causes (native library loading) spread their message over several
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : DockerGateway.firstLine(message);
    }
}
