package io.nightwatch.probe;

import io.nightwatch.text.Texts;

/** Which path produced a probe's verdict; tiles show it, because "UP via exec" and "UP direct" mean different things. */
public enum ProbeTransport {
    DIRECT, EXEC, ENGINE_HEALTHCHECK, NONE;

    private static final Texts T = Texts.of(ProbeTransport.class);

    /** The path in words, in the current language ("exec in container"); JSON uses the name. */
    public String label() {
        String key = "transport." + name();
        return T.get(key);
    }
}
