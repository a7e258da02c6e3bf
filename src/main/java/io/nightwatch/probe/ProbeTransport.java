package io.nightwatch.probe;

import io.nightwatch.text.Texts;

/** Which path produced a probe's verdict; tiles show it, because "UP via exec" and "UP direct" mean different things. */
public enum ProbeTransport {
    DIRECT("direct"), EXEC("exec in container"), ENGINE_HEALTHCHECK("engine healthcheck"), NONE("none"); // tool text

    private static final Texts T = Texts.of(ProbeTransport.class);

    private final String token;

    ProbeTransport(String token) { this.token = token; }

    /** The path in words, in the current language ("exec in container"). */
    public String label() {
        String key = "transport." + name();
        return T.get(key);
    }

    /** The English words, for tools and logs. */
    public String token() { return token; }
}
